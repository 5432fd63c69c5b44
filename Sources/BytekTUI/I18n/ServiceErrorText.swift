import BytekModel
import BytekServices

/// The status-bar sentence for an operation the operations layer refused: the same "Su rol (...)
/// no tiene permiso para ..." a front's own check says, or "not found".
public struct ServiceErrorText: Sendable {
    let s: Strings
    public init(_ strings: Strings) { s = strings }

    public func describe(_ e: ServiceError) -> String {
        switch e {
        case .notFound: return s["err.notFound"]
        case .forbidden(let name, let role):
            let operation = BytekServices.Operation.all.first { $0.name == name }
            let verb = s[operation?.access == .read ? "perm.read" : "perm.write"]
            let module = operation.map { s["module." + $0.module.rawValue] } ?? name
            return s.format("app.noPermission", role?.displayName ?? "-", verb, module)
        }
    }
}
