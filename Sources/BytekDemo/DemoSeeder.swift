import BytekModel
import BytekStore
import Foundation

/// Fills a store with the demo data set: one user per role, about 200 customers, the catalog of
/// the three units, the nightly backup schedule and a few jobs, all written through the
/// repositories (so the audit log has its history too).
public enum DemoSeeder {
    public struct Summary: Sendable, Equatable {
        public var users: Int
        public var customers: Int
        public var catalogItems: Int
    }

    public static let users: [User] = [
        User(login: "admin", name: "Administradora General — Carla Benavides", role: .admin),
        User(login: "ventas", name: "Renzo Paredes (Ventas)", role: .ventas),
        User(login: "finanzas", name: "Milagros Quispe (Finanzas)", role: .finanzas),
        User(login: "operaciones", name: "Diego Salazar (Operaciones)", role: .operaciones),
        User(login: "tecnico", name: "Julio Huamán (Técnico)", role: .tecnico),
        User(login: "almacen", name: "Yesenia Condori (Almacén)", role: .almacen),
        User(login: "soporte", name: "Andrés Zevallos (Soporte)", role: .soporte),
    ]

    /// Refuses a store that already has customers, so a demo never mixes with real data.
    public enum Failure: Error, Equatable { case notEmpty }

    @discardableResult
    public static func seed(store: Store, customerCount: Int = 200, now: @escaping @Sendable () -> Date = { Date() }) throws -> Summary {
        let db = store.db
        if (try db.scalar("SELECT count(*) FROM customer").intValue ?? 0) > 0 { throw Failure.notEmpty }
        let userRepo = UserRepository(db: db, user: "admin", now: now)
        var userCount = 0
        for u in users where try userRepo.find(u.login) == nil {
            _ = try userRepo.add(u)
            userCount += 1
        }
        var customers = DemoCustomers.make(count: max(0, customerCount - 2))
        customers.append(Customer(docType: .dni, docNumber: "45873216", legalName: "Núñez Cáceres, María Ángela",
                                  address: "Calle Los Pinos 245", department: "Lima", province: "Lima", district: "Miraflores",
                                  email: "maria.nunez@gmail.com", phone: "987 654 321", units: [.digital]))
        customers.append(Customer(docType: .ruc, docNumber: RUC.complete("2060145789") ?? "20601457891",
                                  legalName: "Peña & Ñahui Ingenieros S.A.C.", tradeName: "PÑ Ingenieros",
                                  address: "Av. Ejército 1180", department: "Arequipa", province: "Arequipa", district: "Yanahuara",
                                  email: "contacto@pnahui.com.pe", phone: "(054) 256-7788", units: [.infrastructure, .software],
                                  creditDays: 30, creditLimit: Money(minorUnits: 2_500_000, .pen),
                                  contacts: [Contact(name: "Óscar Peña", role: "Gerente General", email: "opena@pnahui.com.pe", phone: "959 112 233")]))
        let customerRepo = CustomerRepository(db: db, user: "ventas", now: now)
        try db.write {
            for c in customers { _ = try customerRepo.create(c) }
        }
        let catalogRepo = CatalogRepository(db: db, user: "admin", now: now)
        let items = DemoCatalog.items()
        try db.write {
            for item in items { _ = try catalogRepo.create(item) }
        }
        try DemoSales.seed(store: store, now: now)
        return Summary(users: userCount, customers: customers.count, catalogItems: items.count)
    }
}
