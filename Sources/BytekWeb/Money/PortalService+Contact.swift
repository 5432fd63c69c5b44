import BytekModel
import BytekServices
import BytekStore

extension PortalService {
    /// The operations layer as this contact (door web), acting for `customerId`: nil when the account is not a
    /// contact of that customer, or when an operation answers `notFound` (a document of another customer),
    /// so the page says "no encontrado" and never that the row exists.
    func asContact<T>(_ who: SignedIn, customerId: Int64,
                      _ body: (Services, PortalCustomer) throws -> T) throws -> T? {
        guard who.account.kind == .contacto,
              let customer = try customers(of: who.account).first(where: { $0.id == customerId }) else { return nil }
        return try pool.with { db in
            let actor = Actor(.contact(accountId: who.account.id, customerId: customerId, email: who.account.login),
                              door: .web)
            do {
                return try body(Services(store: Store(opened: db), actor: actor), customer)
            } catch ServiceError.notFound {
                return nil
            }
        }
    }
}
