/// Why a working-calendar count, a holiday or a template schedule is refused. `message` is the Spanish
/// sentence every front shows (it names the field and what to fix).
public enum CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A count of working days below zero.
    case negativeDays(field: String)
    /// A count of working days above `max`.
    case tooManyDays(field: String, max: Int)
    /// A day the calendar does not cover (its holidays are not loaded).
    case outsideCalendar(LocalDate)
    /// The end of a range before its start.
    case rangeReversed(from: LocalDate, to: LocalDate)
    /// A year outside `PeruHolidays.years` (typed by a user: the text as typed).
    case yearOutOfRange(String)
    /// Text that is not a day (`aaaa-mm-dd`).
    case invalidDay(field: String, text: String)
    /// A template without steps.
    case noSteps(template: String)
    /// A step lasting 0 working days.
    case emptyStep(template: String, step: String)
    /// A required text left empty ("nombre", "paso").
    case required(field: String)
    case textTooLong(field: String, max: Int)

    public var message: String {
        switch self {
        case .negativeDays(let field):
            return "\(field): los días hábiles no pueden ser negativos"
        case .tooManyDays(let field, let max):
            return "\(field): use a lo más \(max) días hábiles"
        case .outsideCalendar(let day):
            return "calendario: el \(Self.text(day)) está fuera de los años con feriados cargados (\(PeruHolidays.years.lowerBound)–\(PeruHolidays.years.upperBound))"
        case .rangeReversed(let from, let to):
            return "hasta: el \(Self.text(to)) es anterior al \(Self.text(from)) (desde); escriba primero la fecha más antigua"
        case .yearOutOfRange(let text):
            return "año: «\(text)» no es un año entre \(PeruHolidays.years.lowerBound) y \(PeruHolidays.years.upperBound)"
        case .invalidDay(let field, let text):
            return "\(field): «\(text)» no es una fecha; escríbala como aaaa-mm-dd (p. ej. 2026-12-24)"
        case .noSteps(let template):
            return "plantilla «\(template)»: agregue al menos un paso"
        case .emptyStep(let template, let step):
            return "plantilla «\(template)», paso «\(step)»: dura 0 días hábiles; cada paso dura al menos 1 día hábil"
        case .required(let field):
            return "\(field): es obligatorio"
        case .textTooLong(let field, let max):
            return "\(field): use a lo más \(max) caracteres"
        }
    }

    public var description: String { message }

    /// "24/12/2026".
    static func text(_ d: LocalDate) -> String { ExchangeRateRule.dayMonthYear(d) }
}
