/// What stops a sales register action. `message` is the Spanish sentence every front shows.
public enum SalesRegisterError: Error, Hashable, Sendable {
    /// The period typed is not a month "AAAA-MM".
    case badPeriod(String)
    /// The company profile has no valid RUC (the file is named after it).
    case companyRUCMissing
    /// The proposal file cannot be read (missing, not a file, a zip without a text entry…).
    case proposalUnreadable(path: String, reason: String)
    /// A line of the proposal is not what SUNAT writes; `line` counts from 1 (the header is line 1).
    case proposalLine(line: Int, reason: String)
    /// The proposal is of another RUC or another period than the one asked for.
    case proposalMismatch(line: Int, field: String, found: String, expected: String)
    /// A stored document cannot be computed again (it should never happen: it was validated when issued).
    case document(id: String, reason: String)
    /// Writing the file failed.
    case cannotWrite(path: String, reason: String)

    public var message: String {
        switch self {
        case .badPeriod(let t):
            return "periodo «\(t)» no válido: escriba el mes como AAAA-MM (por ejemplo 2026-11)"
        case .companyRUCMissing:
            return "la empresa no tiene RUC: complételo en Empresa (el archivo del SIRE lleva el RUC en su nombre)"
        case .proposalUnreadable(let path, let reason):
            return "no se puede leer la propuesta \(path): \(reason)"
        case .proposalLine(let line, let reason):
            return "propuesta, línea \(line): \(reason)"
        case .proposalMismatch(let line, let field, let found, let expected):
            return "propuesta, línea \(line): el \(field) es \(found), no \(expected); descargue la propuesta de este RUC y periodo"
        case .document(let id, let reason):
            return "el comprobante \(id) no se puede leer: \(reason)"
        case .cannotWrite(let path, let reason):
            return "no se puede escribir \(path): \(reason)"
        }
    }
}
