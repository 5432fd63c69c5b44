import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// A store with staff (an admin, a seller, a manager, a technician) and two customers, on a fixed clock:
/// Thursday 03/12/2026 10:00 in Lima (08/12 Inmaculada Concepción and 09/12 Batalla de Ayacucho are holidays).
final class ProjectWorld {
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_310_000) }
    let path = NSTemporaryDirectory() + "bytek-projects-" + UUID().uuidString + ".sqlite"
    let store: Store
    let customerA: Int64
    let customerB: Int64

    init() throws {
        store = try Store(path: path)
        let users = UserRepository(db: store.db, user: "setup", now: Self.now)
        try users.add(User(login: "admin", name: "Admin", role: .admin))
        try users.add(User(login: "vendedor", name: "Vera Vendedora", role: .ventas))
        try users.add(User(login: "gestor", name: "Gina Gestora", role: .operaciones))
        try users.add(User(login: "tecnico", name: "Toño Técnico", role: .tecnico))
        try users.add(User(login: "ex", name: "Ex Empleado", role: .operaciones, active: false))
        let customers = CustomerRepository(db: store.db, user: "setup", now: Self.now)
        customerA = try customers.create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Panadería Lima S.A.C.",
                                                  tradeName: "Pan Lima")).id ?? -1
        customerB = try customers.create(Customer(docType: .ruc, docNumber: "20131312955", legalName: "Minera Andes S.A.")).id ?? -1
    }

    deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

    func services(_ login: String, _ role: Role) -> Services {
        Services(store: store, actor: .staff(login, role: role, door: .tui), now: Self.now, environment: { [:] })
    }
    var gestor: Services { services("gestor", .operaciones) }
    var seller: Services { services("vendedor", .ventas) }

    func count(_ sql: String) throws -> Int64 { try store.db.scalar(sql).intValue ?? -1 }

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }
    static let today = day("2026-12-03")

    /// A sent quote of `customer`, by the seller.
    func sentQuote(_ content: QuoteContent) throws -> Int64 {
        let quotes = QuoteRepository(db: store.db, user: "vendedor", now: Self.now)
        let draft = try quotes.createDraft(Quote(content))
        return try quotes.send(draft.id ?? -1, on: Self.today).id ?? -1
    }

    /// A U1 landing page (S/ 1,500) with 10 design hours at S/ 50 and 4 more at S/ 55.
    func landingQuote(_ customer: Int64) throws -> Int64 {
        try sentQuote(QuoteContent(customerId: customer, unit: .digital, issueDate: Self.today, lines: [
            .product("Landing page 7 días corporativa", quantity: 1, unitPrice: Money(1500, .pen)),
            .service("Diseñador", quantity: 10, rate: Money(50, .pen)),
            .service("diseñador", quantity: 4, rate: Money(55, .pen)),
        ], owner: "vendedor"))
    }

    /// A plain project of customer A by hand, managed by `gestor`, promised in two weeks.
    func handProject(_ s: Services, name: String = "Web Pan Lima") throws -> Project {
        try s.projects.create(Project(name: name, unit: .digital, kind: .kanban, customerId: customerA, manager: "gestor",
                                      sold: Money(1000, .pen), startDate: Self.today, promisedDate: Self.day("2026-12-17")))
    }
}
