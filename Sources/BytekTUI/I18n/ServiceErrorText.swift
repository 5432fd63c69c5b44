import BytekModel
import BytekServices

/// The operations layer's refusals in the status bar: "Su rol (almacén) no tiene permiso para modificar
/// en Clientes."; a missing record in the screen's own words when it gives them (`notFound`); the
/// catalog's creation in the catalog's own words. The one place the TUI words them.
enum ServiceErrorText {
    static func describe(_ error: ServiceError, _ s: Strings, notFound: String? = nil) -> String {
        switch error {
        case .notFound:
            return notFound ?? s["err.notFound"]
        case .forbidden(let name, let role):
            let roleName = role?.displayName ?? "—"
            if name == "catalogo.crear" { return s.format("catalog.cannotCreate", roleName) }
            guard let op = BytekServices.Operation.all.first(where: { $0.name == name }) else {
                return s.format("app.noPermission", roleName, s["perm.write"], name)
            }
            let verb = s[op.access == .write ? "perm.write" : "perm.read"]
            return s.format("app.noPermission", roleName, verb, s["module." + op.module.rawValue])
        }
    }

    /// The payment gate's refusal: the overdue documents, the days and what is owed ("Bloqueado por pago:
    /// F001-123 vencida hace 12 días, debe S/ 5,900.00 (hito 1 «Análisis»); registre el pago…").
    static func gate(_ error: ProjectGateError) -> String { ErrorText.sentence(error.message) }
}

extension ErrorText {
    /// A refusal of the operations layer (see `ServiceErrorText`).
    public func service(_ e: ServiceError) -> String { ServiceErrorText.describe(e, s) }
}
