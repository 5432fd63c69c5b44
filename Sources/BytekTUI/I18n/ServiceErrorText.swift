import BytekModel
import BytekServices

extension ErrorText {
    /// A refusal of the operations layer: the TUI's usual "Su rol (…) no tiene permiso para … en …".
    public func service(_ e: ServiceError) -> String {
        switch e {
        case .forbidden(let name, let role):
            let op = Operation.all.first { $0.name == name }
            let verb = s[op?.access == .write ? "perm.write" : "perm.read"]
            let module = op.map { s["module." + $0.module.rawValue] } ?? name
            return s.format("app.noPermission", role?.displayName ?? "—", verb, module)
        case .notFound:
            return s["service.notFound"]
        }
    }
}
