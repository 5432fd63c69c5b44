import BytekModel
import BytekServices

/// The status-bar sentence for an operation the service refused: "Su rol (Ventas) no tiene permiso
/// para modificar en Facturación." for `forbidden`, and the screen's own words (`notFound`) for a
/// record that does not exist or lies outside the actor's scope.
enum ServiceErrorText {
    static func describe(_ error: ServiceError, _ s: Strings, notFound: String) -> String {
        switch error {
        case .notFound:
            return notFound
        case .forbidden(let name, let role):
            let op = Operation.all.first { $0.name == name }
            let verb = s[op?.access == .read ? "perm.read" : "perm.write"]
            let module = op.map { s["module." + $0.module.rawValue] } ?? name
            return s.format("app.noPermission", role?.displayName ?? "—", verb, module)
        }
    }
}
