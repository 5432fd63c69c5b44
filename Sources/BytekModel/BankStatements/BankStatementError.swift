/// Why a bank statement cannot be imported or a line reconciled. `message` is the Spanish sentence
/// every front shows.
public enum BankStatementError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line was reconciled or discarded meanwhile (or does not exist).
    case notPending(Int64)
    /// The bank has no remembered mapping and none was given, nor could one be guessed from the header.
    case noMapping(bank: String)
    case unreadable(String)
    /// The bank account does not exist or is inactive.
    case unknownAccount(Int64)
    /// Accepting a line without a receivable to apply it to.
    case nothingToApply

    public var message: String {
        switch self {
        case .notPending(let id): return "la línea \(id) del extracto ya no está pendiente"
        case .noMapping(let bank):
            return "no se reconocen las columnas del extracto de \(bank): indique cuál es la fecha, la descripción y el monto"
        case .unreadable(let why): return "el extracto no se puede leer: \(why)"
        case .unknownAccount(let id): return "cuenta: no existe la cuenta bancaria \(id) (vea las cuentas en Cobranzas)"
        case .nothingToApply: return "elija al menos una cuenta por cobrar para aplicar el pago"
        }
    }

    public var description: String { message }
}
