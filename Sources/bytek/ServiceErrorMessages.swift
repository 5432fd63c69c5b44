import BytekModel
import BytekServices

extension Messages {
    /// A refusal of the operations layer, in the words of the CLI's other refusals.
    static func text(_ e: ServiceError) -> String {
        switch e {
        case .forbidden(let operation, let role):
            let who = role.map { "el rol \($0.displayName)" } ?? "este usuario"
            return "\(who) no tiene permiso para «\(operation)»"
        case .notFound:
            return "no existe (o no está a su alcance)"
        }
    }
}
