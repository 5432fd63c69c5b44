/// Why a period cannot be closed or reopened, or why something dated in a closed month is refused.
/// `message` is the Spanish sentence every front shows.
public enum PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Something dated `date` in the closed month: `action` says what was tried ("emitir", "anular"…).
    case closed(month: YearMonth, date: LocalDate, action: String)
    case invalidMonth(String)
    /// The month has not ended yet on `today`.
    case notEnded(YearMonth)
    case alreadyClosed(YearMonth)
    case notClosed(YearMonth)
    /// Closing needs the user to confirm that the SIRE register was filed.
    case sireNotConfirmed(YearMonth)
    case reasonRequired
    case textTooLong(field: String, max: Int)

    public var message: String {
        switch self {
        case .closed(let month, let date, let action):
            return "el período \(PeriodMonth.name(month)) está cerrado: no se puede \(action) con fecha "
                + Self.dayMonthYear(date) + "; registre la corrección en el mes abierto"
        case .invalidMonth(let text):
            return "período: «\(text)» no es un mes; escríbalo como aaaa-mm (p. ej. 2026-11)"
        case .notEnded(let month):
            return "período: \(PeriodMonth.name(month)) aún no termina; se cierra desde el primer día del mes siguiente"
        case .alreadyClosed(let month):
            return "período: \(PeriodMonth.name(month)) ya está cerrado"
        case .notClosed(let month):
            return "período: \(PeriodMonth.name(month)) no está cerrado"
        case .sireNotConfirmed(let month):
            return "período: confirme que el registro de ventas de \(PeriodMonth.name(month)) se presentó en SIRE antes de cerrarlo"
        case .reasonRequired:
            return "motivo: es obligatorio para reabrir un período"
        case .textTooLong(let field, let max):
            return "\(field): use a lo más \(max) caracteres"
        }
    }

    public var description: String { message }

    static func dayMonthYear(_ d: LocalDate) -> String {
        (d.day < 10 ? "0" : "") + String(d.day) + "/" + (d.month < 10 ? "0" : "") + String(d.month) + "/" + String(d.year)
    }
}
