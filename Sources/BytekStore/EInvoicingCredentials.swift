import Foundation

/// The SOL user and password and the signing certificate. Never stored in the database: read from a
/// file only its owner can read, or from environment variables (which win over the file).
///
/// The file holds `clave=valor` lines: `sol_user`, `sol_password`, `cert_pfx` (path to the PKCS#12),
/// `cert_pfx_base64` (the PKCS#12 itself) and `cert_password`. Lines starting with `#` are comments.
public struct EInvoicingCredentials: Sendable, Equatable {
    /// The SOL user without the RUC ("MODDATOS"); `username(ruc:)` prefixes it.
    public var solUser: String
    public var solPassword: String
    /// Path to a PKCS#12 file, or nil when `certificateBase64` is given.
    public var certificatePath: String?
    public var certificateBase64: String?
    public var certificatePassword: String
    /// A PEM certificate and its private key (inline PEM text, or paths to PEM files), when no PKCS#12 is given.
    public var certificatePEM: String?
    public var privateKeyPEM: String?

    public init(solUser: String, solPassword: String, certificatePath: String? = nil,
                certificateBase64: String? = nil, certificatePassword: String) {
        self.solUser = solUser; self.solPassword = solPassword; self.certificatePath = certificatePath
        self.certificateBase64 = certificateBase64; self.certificatePassword = certificatePassword
    }

    /// The WS-Security user name: RUC + SOL user (left as is when it already starts with the RUC).
    public func username(ruc: String) -> String {
        solUser.hasPrefix(ruc) && solUser.count > ruc.count ? solUser : ruc + solUser
    }

    /// `$BYTEK_SUNAT_CREDENTIALS`, else `<data folder>/sunat-credenciales`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let p = environment["BYTEK_SUNAT_CREDENTIALS"], !p.isEmpty { return p }
        return Store.dataFolder(environment: environment) + "/sunat-credenciales"
    }

    /// Reads the credentials through `Secrets`: the secrets file, today's credentials file at `path`
    /// (default `defaultPath`) under it, environment variables over both. Throws when a value is missing.
    public static func load(environment: [String: String], path: String? = nil) throws -> EInvoicingCredentials {
        try EInvoicingCredentials(secrets: try Secrets.load(environment: environment, legacyPath: path))
    }

    /// The SUNAT entries of the secrets: `sol_user`, `sol_password`, the certificate as `cert_pfx` (path),
    /// `cert_pfx_base64` or `cert_pem` + `cert_key_pem` (inline PEM blocks or paths to PEM files), and
    /// `cert_password` (optional for an unencrypted PEM key).
    public init(secrets: Secrets) throws {
        guard let user = secrets.value("sol_user") else { throw EInvoicingSettingsError.credentialsMissing("el usuario SOL") }
        guard let password = secrets.value("sol_password") else {
            throw EInvoicingSettingsError.credentialsMissing("la clave SOL")
        }
        let base64 = secrets.value("cert_pfx_base64")
        let certPath = base64 == nil ? secrets.value("cert_pfx") : nil
        let pem = base64 == nil && certPath == nil ? secrets.value("cert_pem") : nil
        let keyPEM = pem == nil ? nil : secrets.value("cert_key_pem")
        guard base64 != nil || certPath != nil || (pem != nil && keyPEM != nil) else {
            throw EInvoicingSettingsError.credentialsMissing(pem == nil ? "el certificado (PFX o PEM)" : "la clave privada del certificado (cert_key_pem)")
        }
        let certPassword = secrets.value("cert_password")
        guard certPassword != nil || pem != nil else {
            throw EInvoicingSettingsError.credentialsMissing("la clave del certificado")
        }
        self.init(solUser: user, solPassword: password, certificatePath: certPath,
                  certificateBase64: base64, certificatePassword: certPassword ?? "")
        certificatePEM = pem
        privateKeyPEM = keyPEM
    }

    /// Parses the file after checking that group and others have no access to it.
    public static func readFile(_ path: String) throws -> [String: String] {
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw EInvoicingSettingsError.credentialsFileUnreadable(String(describing: error))
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
        guard mode & 0o077 == 0 else {
            throw EInvoicingSettingsError.credentialsFileTooOpen(path: path, mode: String(format: "%04o", mode))
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw EInvoicingSettingsError.credentialsFileUnreadable(path)
        }
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            values[key] = value
        }
        return values
    }
}
