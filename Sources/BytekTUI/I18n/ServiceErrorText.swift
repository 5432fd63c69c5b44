import BytekModel
import BytekServices

/// The operations layer's refusals in the TUI's words: "Su rol (…) no tiene permiso para … en …",
/// the same sentence the screens said when they checked the role themselves.
struct ServiceErrorText {
    let s: Strings
    init(_ strings: Strings) { s = strings }

    func text(_ e: ServiceError) -> String {
        switch e {
        case .forbidden(let name, let role):
            let op = BytekServices.Operation.all.first { $0.name == name }
            let verb = s[op?.access == .read ? "perm.read" : "perm.write"]
            let module = op.map { s["module." + $0.module.rawValue] } ?? name
            return s.format("app.noPermission", role?.displayName ?? "—", verb, module)
        case .notFound:
            return s["err.notFound"]
        }
    }
}
