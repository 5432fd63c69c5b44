import BytekModel
import BytekServices

/// The operations layer's refusals in the status bar: "Su rol (Almacén) no tiene permiso para modificar
/// en Clientes."; a field group of the catalog or its creation in the catalog's own words.
enum ServiceErrorText {
    static func describe(_ error: ServiceError, _ s: Strings) -> String {
        switch error {
        case .notFound:
            return s["err.notFound"]
        case .forbidden(let name, let role):
            let roleName = role?.displayName ?? "—"
            if name == "catalogo.crear" { return s.format("catalog.cannotCreate", roleName) }
            guard let op = Operation.all.first(where: { $0.name == name }) else {
                return s.format("app.noPermission", roleName, s["perm.write"], name)
            }
            let verb = s[op.access == .write ? "perm.write" : "perm.read"]
            return s.format("app.noPermission", roleName, verb, s["module." + op.module.rawValue])
        }
    }
}
