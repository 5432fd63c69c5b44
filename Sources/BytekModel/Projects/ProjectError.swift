import Foundation

/// Why a project, task or template action was refused; `message` is what users read (es-PE), naming
/// the field and what to fix.
public enum ProjectError: Error, Sendable, Hashable, CustomStringConvertible {
    case required(field: String)
    case tooLong(field: String, max: Int)
    case invalid(field: String, reason: String)
    case dateOutOfRange(field: String, text: String)
    case promisedBeforeStart(start: LocalDate, promised: LocalDate)
    case managerNotActive(String)
    case assigneeNotActive(String)
    case customerNotFound(Int64)
    case notFound(String)
    case archived(String)
    /// The customer of the project to add to differs from the quote's.
    case otherCustomer(project: String)
    /// A blocked card does not move; the reason says why it is blocked.
    case taskBlocked(reason: String)
    case taskCancelled
    case noColumn(String)
    /// The target column is at its WIP limit on a board; `override` with a reason moves it anyway.
    case wipLimit(board: String, column: TaskState, limit: Int, count: Int)
    case templateNotFound(String)
    case templateInactive(String)

    public var message: String {
        switch self {
        case .required(let f): return "Falta \(f): es obligatorio."
        case .tooLong(let f, let max): return "\(f): demasiado largo (máximo \(max) caracteres)."
        case .invalid(let f, let reason): return "\(f): \(reason)."
        case .dateOutOfRange(let f, let t): return "\(f): «\(t)» no es una fecha válida (AAAA-MM-DD, entre 2000 y 2100)."
        case .promisedBeforeStart(let s, let p):
            return "fecha prometida: \(p) es anterior al inicio \(s); debe ser igual o posterior."
        case .managerNotActive(let l): return "responsable: «\(l)» no es un usuario activo."
        case .assigneeNotActive(let l): return "asignado: «\(l)» no es un usuario activo."
        case .customerNotFound(let id): return "cliente: no existe el cliente \(id)."
        case .notFound(let what): return "No existe \(what)."
        case .archived(let code): return "El proyecto \(code) está archivado; no admite cambios."
        case .otherCustomer(let code): return "proyecto: \(code) es de otro cliente; elija un proyecto del mismo cliente."
        case .taskBlocked(let r): return "La tarea está bloqueada: \(r). Desbloquéela antes de moverla."
        case .taskCancelled: return "La tarea está cancelada; no se puede mover."
        case .noColumn(let t): return "columna: «\(t)» no existe (por_hacer, en_curso, revision, hecho)."
        case .wipLimit(let board, let column, let limit, let count):
            return "Límite WIP: la columna «\(column.displayName)» del tablero \(board) ya tiene \(count) de \(limit) tarjetas. "
                + "Para moverla igual indique un motivo (forzar)."
        case .templateNotFound(let n): return "plantilla: no existe «\(n)»."
        case .templateInactive(let n): return "plantilla: «\(n)» está desactivada."
        }
    }

    public var description: String { message }
}
