import Foundation

/// Why hours, a week, a timer or a cost rate are refused. `message` is the Spanish sentence every front
/// shows (it names the field and what to fix).
public enum TimesheetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A duration that is not `1:30`, `1.5`, `90m` or `2h` (the text as typed).
    case invalidDuration(String)
    /// A duration of zero or less.
    case durationNotPositive(String)
    /// A duration over 24 h (the text as typed).
    case durationTooLong(String)
    /// The person's hours of `day` would pass 24 h (minutes already logged that day).
    case dayOverLimit(day: LocalDate, logged: Int, adding: Int)
    /// Hours on a day after today.
    case futureDay(LocalDate)
    /// The week of `week` (its Monday) is approved: its hours are locked.
    case weekLocked(week: LocalDate)
    /// A week sent or approved cannot be sent again.
    case weekNotOpen(week: LocalDate, state: TimesheetWeekState)
    /// Approving a week that was not sent.
    case weekNotSubmitted(week: LocalDate, state: TimesheetWeekState)
    /// Sending a week without hours.
    case weekEmpty(week: LocalDate)
    /// Reopening a week that is not approved.
    case weekNotApproved(week: LocalDate)
    /// A manager approving a week with hours on projects someone else manages (the project codes).
    case notManager(projects: [String])
    /// A project that does not exist or is not active (archived, finished).
    case projectNotFound(String)
    case projectClosed(code: String, status: String)
    /// A task that is not of the project, or cancelled.
    case taskNotFound(String)
    case milestoneNotFound(String)
    case noteTooLong(max: Int)
    /// No timer running for the person.
    case noTimer
    /// A cost rate typed wrong (the text as typed), or negative.
    case invalidRate(String)
    /// A person that is not a member of staff.
    case unknownPerson(String)
    /// Hours to edit or delete that are not the actor's, or do not exist.
    case entryNotFound(Int64)
    /// A week typed wrong (`2026-W49` or any day of it `2026-12-01`).
    case invalidWeek(String)

    public var message: String {
        switch self {
        case .invalidDuration(let t):
            return "duración: «\(t)» no es una duración; escriba p. ej. 1:30, 1.5, 90m o 2h"
        case .durationNotPositive(let t):
            return "duración: «\(t)» debe ser mayor que cero (al menos 1 minuto)"
        case .durationTooLong(let t):
            return "duración: «\(t)» pasa de 24 h; registre a lo más 24:00 por entrada"
        case .dayOverLimit(let day, let logged, let adding):
            return "duración: el \(Self.text(day)) ya tiene \(Self.hm(logged)) registradas; con \(Self.hm(adding)) más pasaría de 24:00 en el día"
        case .futureDay(let day):
            return "fecha: el \(Self.text(day)) es un día futuro; registre horas de hoy o de días pasados"
        case .weekLocked(let week):
            return "semana del \(Self.text(week)): está aprobada y sus horas están cerradas; pida a un administrador que la reabra"
        case .weekNotOpen(let week, let state):
            return "semana del \(Self.text(week)): ya está \(state.displayName.lowercased()); no se envía de nuevo"
        case .weekNotSubmitted(let week, let state):
            return "semana del \(Self.text(week)): está \(state.displayName.lowercased()); solo se aprueba una semana enviada"
        case .weekEmpty(let week):
            return "semana del \(Self.text(week)): no tiene horas registradas; registre horas antes de enviarla"
        case .weekNotApproved(let week):
            return "semana del \(Self.text(week)): no está aprobada; solo se reabre una semana aprobada"
        case .notManager(let projects):
            return "aprobar: la semana tiene horas en proyectos que usted no dirige (\(projects.joined(separator: ", "))); la aprueba operaciones o el administrador"
        case .projectNotFound(let t):
            return "proyecto: «\(t)» no existe; elija un proyecto de la lista (p. ej. PRY-2026-00012)"
        case .projectClosed(let code, let status):
            return "proyecto: \(code) está \(status); solo se registran horas en proyectos activos"
        case .taskNotFound(let t):
            return "tarea: «\(t)» no es una tarea abierta de ese proyecto"
        case .milestoneNotFound(let t):
            return "hito: «\(t)» no es un hito de ese proyecto"
        case .noteTooLong(let max):
            return "nota: use a lo más \(max) caracteres"
        case .noTimer:
            return "cronómetro: no hay un cronómetro en marcha"
        case .invalidRate(let t):
            return "tarifa: «\(t)» no es un monto por hora válido; escriba p. ej. 45.50 (soles, 0 o más)"
        case .unknownPerson(let t):
            return "persona: «\(t)» no es un usuario activo"
        case .entryNotFound(let id):
            return "horas: el registro \(id) no existe o no es suyo"
        case .invalidWeek(let t):
            return "semana: «\(t)» no es una semana; escriba un día de ella (aaaa-mm-dd) o aaaa-Wnn (p. ej. 2026-W49)"
        }
    }

    public var description: String { message }

    /// "01/12/2026".
    static func text(_ d: LocalDate) -> String {
        TimesheetDuration.pad(d.day) + "/" + TimesheetDuration.pad(d.month) + "/" + String(d.year)
    }

    /// "1:30".
    public static func hm(_ minutes: Int) -> String { TimesheetDuration.text(minutes) }
}
