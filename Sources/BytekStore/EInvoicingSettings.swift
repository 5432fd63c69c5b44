import BytekModel
import Foundation

/// Where documents are sent: the local emulator, SUNAT's beta or production. The endpoints are
/// configuration (`EInvoicingSettings.endpoints`), not constants in code.
public enum SunatEnvironment: String, Sendable, Codable, CaseIterable {
    case emulator, beta, production

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .emulator: return "emulador local"
        case .beta: return "SUNAT beta"
        case .production: return "SUNAT producción"
        }
    }
}

/// The two SOAP endpoints of one environment: billService (sendBill, sendSummary, getStatus) and
/// billConsultService (getStatusCdr).
public struct SunatEndpoints: Sendable, Codable, Hashable {
    public var billService: String
    public var consultService: String

    public init(billService: String, consultService: String) {
        self.billService = billService; self.consultService = consultService
    }

    /// The emulator on 127.0.0.1 at `port`.
    public static func emulator(port: Int) -> SunatEndpoints {
        SunatEndpoints(billService: "http://127.0.0.1:\(port)/ol-ti-itcpfegem-beta/billService",
                       consultService: "http://127.0.0.1:\(port)/ol-it-wsconscpegem/billConsultService")
    }

    public static let beta = SunatEndpoints(
        billService: "https://e-beta.sunat.gob.pe/ol-ti-itcpfegem-beta/billService",
        consultService: "https://e-beta.sunat.gob.pe/ol-it-wsconscpegem-beta/billConsultService")
    public static let production = SunatEndpoints(
        billService: "https://e-factura.sunat.gob.pe/ol-ti-itcpfegem/billService",
        consultService: "https://e-factura.sunat.gob.pe/ol-it-wsconscpegem/billConsultService")
}

/// The company's e-invoicing settings, kept in the `setting` table (key `einvoice.settings`, JSON).
/// Secrets (SOL password, certificate) are never part of it: see `EInvoicingCredentials`.
public struct EInvoicingSettings: Sendable, Codable, Hashable {
    public var issuer: Issuer
    /// Series per document kind code ("01" → "F001", "03" → "B001", "07" → "FC01"...).
    public var series: [String: String]
    /// Banco de la Nación account for detracciones.
    public var detraccionAccount: String
    public var environment: SunatEnvironment
    /// Endpoints per environment name; missing ones fall back to SUNAT's published URLs.
    public var endpoints: [String: SunatEndpoints]
    /// Seconds before a SOAP call is abandoned (and retried later).
    public var timeoutSeconds: Int
    /// Where SUNAT's validation rules (the ValidaExprReg*.xsl files and their commons/ folder, as SUNAT
    /// publishes them) are installed. When set, every document is checked against them before its number
    /// is taken (pre-flight); nil issues without that check.
    public var rulesFolder: String?

    public init(issuer: Issuer, series: [String: String] = ["01": "F001", "03": "B001", "07": "FC01", "08": "FD01"],
                detraccionAccount: String = "", environment: SunatEnvironment = .emulator,
                endpoints: [String: SunatEndpoints] = [:], timeoutSeconds: Int = 30) {
        self.issuer = issuer; self.series = series; self.detraccionAccount = detraccionAccount
        self.environment = environment; self.endpoints = endpoints; self.timeoutSeconds = timeoutSeconds
    }

    private enum CodingKeys: String, CodingKey {
        case issuer, series, detraccionAccount, environment, endpoints, timeoutSeconds, rulesFolder
    }

    /// Only `issuer` is required; the other keys take the defaults of `init`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EInvoicingSettings(issuer: try c.decode(Issuer.self, forKey: .issuer))
        self = defaults
        series = try c.decodeIfPresent([String: String].self, forKey: .series) ?? defaults.series
        detraccionAccount = try c.decodeIfPresent(String.self, forKey: .detraccionAccount) ?? ""
        environment = try c.decodeIfPresent(SunatEnvironment.self, forKey: .environment) ?? .emulator
        endpoints = try c.decodeIfPresent([String: SunatEndpoints].self, forKey: .endpoints) ?? [:]
        timeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .timeoutSeconds) ?? 30
        rulesFolder = try c.decodeIfPresent(String.self, forKey: .rulesFolder).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The endpoints of the chosen environment (the emulator defaults to port 8490).
    public var activeEndpoints: SunatEndpoints {
        if let configured = endpoints[environment.rawValue] { return configured }
        switch environment {
        case .emulator: return .emulator(port: 8490)
        case .beta: return .beta
        case .production: return .production
        }
    }

    /// The series configured for `kind`, nil when none.
    public func series(for kind: DocumentKind) -> String? { series[kind.code] }
}

/// Why the settings or credentials cannot be used. Turned into Spanish at the edge (`message`).
public enum EInvoicingSettingsError: Error, Sendable, Equatable {
    case notConfigured
    case unreadable(String)
    case invalidRUC(String)
    case credentialsFileTooOpen(path: String, mode: String)
    case credentialsMissing(String)
    case credentialsFileUnreadable(String)
    /// The issuer's RUC is not the company profile's: one company has one RUC (`bytek company`).
    case issuerDiffersFromProfile(profileRUC: String, issuerRUC: String)

    /// Spanish text for the user.
    public var message: String {
        switch self {
        case .notConfigured:
            return "La facturación electrónica no está configurada (bytek invoice settings --file AJUSTES.json)."
        case .unreadable(let m): return "Los ajustes de facturación no se pueden leer: \(m)"
        case .invalidRUC(let r): return "El RUC del emisor no es válido: \(r)"
        case .credentialsFileTooOpen(let path, let mode):
            return "El archivo de credenciales \(path) tiene permisos \(mode): otros usuarios pueden leerlo. "
                + "Ejecute chmod 600 \(path)."
        case .credentialsMissing(let what):
            return "Falta \(what): indíquelo en el archivo de credenciales o en las variables de entorno "
                + "BYTEK_SOL_USER, BYTEK_SOL_PASSWORD, BYTEK_CERT_PFX_BASE64 y BYTEK_CERT_PASSWORD."
        case .credentialsFileUnreadable(let m): return "No se pudo leer el archivo de credenciales: \(m)"
        case .issuerDiffersFromProfile(let profile, let issuer):
            return "El RUC del emisor (\(issuer)) no es el de la empresa (\(profile)). Use el mismo RUC o corrija "
                + "primero los datos de la empresa con bytek company set --ruc."
        }
    }
}
