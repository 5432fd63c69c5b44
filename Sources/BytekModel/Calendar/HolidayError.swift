/// Why a day cannot be added to or removed from the holiday table. `message` is the Spanish sentence
/// every front shows.
public enum HolidayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The day is already a holiday (of the law or added before).
    case alreadyHoliday(LocalDate, name: String)
    /// No holiday on that day.
    case notHoliday(LocalDate)
    /// A holiday of the law (fixed or Holy Week) cannot be removed: only days added by decree can.
    case fixedByLaw(LocalDate, name: String, law: String)

    public var message: String {
        switch self {
        case .alreadyHoliday(let day, let name):
            return "fecha: el \(CalendarError.text(day)) ya es feriado (\(name))"
        case .notHoliday(let day):
            return "fecha: el \(CalendarError.text(day)) no está en la tabla de feriados"
        case .fixedByLaw(let day, let name, let law):
            return "fecha: el \(CalendarError.text(day)) (\(name)) es feriado por ley (\(law)); solo se quitan los días agregados por decreto"
        }
    }

    public var description: String { message }
}
