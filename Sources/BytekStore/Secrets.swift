import Foundation

/// Where a secret's value came from (shown by `bytek secrets check`, never the value itself).
public enum SecretSource: Sendable, Equatable {
    /// The installation's secrets file.
    case file(String)
    /// Today's `sunat-credenciales` file (read until `bytek secrets migrate` moves it).
    case legacyFile(String)
    /// An environment variable (its name).
    case environment(String)
}

/// Every secret of an installation — SOL user and password, the signing certificate, SMTP, the keys of
/// payment gateways to come — read from one file readable by its owner only (`bytek-secretos` beside the
/// database, or `--secrets` / `$BYTEK_SECRETS`), with environment variables over it:
/// `BYTEK_SECRET_<CLAVE>` for any key (`BYTEK_SECRET_SOL_PASSWORD`), and the older `BYTEK_SOL_USER`,
/// `BYTEK_SOL_PASSWORD`, `BYTEK_CERT_PFX_BASE64`, `BYTEK_CERT_PASSWORD`. Today's `sunat-credenciales`
/// (`$BYTEK_SUNAT_CREDENTIALS`) is still read, under the secrets file.
///
/// Secrets live only here: never in the database, a log, a PDF, an export or a backup.
public struct Secrets: Sendable {
    public static let fileName = "bytek-secretos"
    public static let environmentPrefix = "BYTEK_SECRET_"
    /// The environment variables of the first credentials format, by key.
    public static let legacyEnvironment = [
        "sol_user": "BYTEK_SOL_USER", "sol_password": "BYTEK_SOL_PASSWORD",
        "cert_pfx_base64": "BYTEK_CERT_PFX_BASE64", "cert_password": "BYTEK_CERT_PASSWORD",
    ]

    /// The secrets file's path.
    public let path: String
    /// The `sunat-credenciales` path that was looked at, and whether it exists.
    public let legacyPath: String
    public let legacyFileExists: Bool
    public let fileExists: Bool
    private let values: [String: (value: String, source: SecretSource)]

    /// `$BYTEK_SECRETS`, else `<data folder>/bytek-secretos`.
    public static func path(environment: [String: String]) -> String {
        if let p = environment["BYTEK_SECRETS"], !p.isEmpty { return p }
        return Store.dataFolder(environment: environment) + "/" + fileName
    }

    /// Reads the secrets file (when it exists; refused unless private), the legacy credentials file under
    /// it and the environment over both. `legacyPath` replaces `$BYTEK_SUNAT_CREDENTIALS`.
    public static func load(environment: [String: String], legacyPath: String? = nil) throws -> Secrets {
        let path = path(environment: environment)
        let legacy = legacyPath ?? EInvoicingCredentials.defaultPath(environment: environment)
        var values: [String: (value: String, source: SecretSource)] = [:]
        let legacyExists = legacy != path && FileManager.default.fileExists(atPath: legacy)
        if legacyExists {
            for (k, v) in try EInvoicingCredentials.readFile(legacy) where !v.isEmpty { values[k] = (v, .legacyFile(legacy)) }
        }
        let exists = FileManager.default.fileExists(atPath: path)
        if exists {
            for entry in try SecretsFile.read(path) where !entry.value.isEmpty { values[entry.key] = (entry.value, .file(path)) }
        }
        for (key, name) in legacyEnvironment { if let v = environment[name], !v.isEmpty { values[key] = (v, .environment(name)) } }
        for (name, v) in environment where name.hasPrefix(environmentPrefix) && !v.isEmpty {
            let key = name.dropFirst(environmentPrefix.count).lowercased()
            if SecretsFile.isValidKey(key) { values[key] = (v, .environment(name)) }
        }
        return Secrets(path: path, legacyPath: legacy, legacyFileExists: legacyExists, fileExists: exists, values: values)
    }

    /// The value of `key` (e.g. "sol_password"), nil when unset or empty.
    public func value(_ key: String) -> String? { values[key]?.value }

    public func source(_ key: String) -> SecretSource? { values[key]?.source }

    /// Every key that has a value, sorted.
    public var keys: [String] { values.keys.sorted() }

    /// `text` with every secret value of four characters or more replaced by «[secreto]», for anything that
    /// may be recorded or shown (an off-site copy's error output, a log line).
    public func redact(_ text: String) -> String {
        var out = text
        var pieces: [String] = []
        for entry in values.values {
            pieces.append(entry.value)
            if entry.value.contains("\n") { pieces += entry.value.split(separator: "\n").map(String.init) }
        }
        let secrets = pieces.filter { $0.count >= 4 && !$0.hasPrefix("-----") }.sorted { $0.count > $1.count }
        for s in secrets where out.contains(s) { out = out.replacingOccurrences(of: s, with: "[secreto]") }
        return out
    }
}
