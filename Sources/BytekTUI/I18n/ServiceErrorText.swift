import BytekModel
import BytekServices

extension ErrorText {
    /// An operation the operations layer refused, in the status bar's words: the refusal names the role
    /// and the module, as the screens' own checks always did.
    public func service(_ e: ServiceError) -> String {
        switch e {
        case .notFound: return s["err.notFound"]
        case .forbidden(let name, let role):
            let op = Operation.all.first { $0.name == name }
            let verb = s[op?.access == .read ? "perm.read" : "perm.write"]
            let module = op.map { s["module." + $0.module.rawValue] } ?? name
            return s.format("app.noPermission", role?.displayName ?? "—", verb, module)
        }
    }
}
