import BytekModel
import Foundation
@testable import BytekServices
@testable import BytekStore

/// The store every matrix case starts from: a user of each role, two customers (A and B) each with a
/// contact, and whatever each area's seed adds (quotes, invoices, deals … of both customers). Built
/// once per test run; each case runs on its own copy of the file, so cases never see each other.
final class MatrixWorld: @unchecked Sendable {
    let folder: String
    let templatePath: String
    /// Ids of the seeded rows by name ("customerA", "quoteB", …), filled by the seeds.
    var ids: [String: Int64] = [:]
    /// The fixed clock of every case.
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_780_000_000) }

    /// The customer every staff case acts on, and the one a contact of A reaches for.
    var customerA: Int64 { ids["customerA"] ?? -1 }
    var customerB: Int64 { ids["customerB"] ?? -1 }

    init(seeds: [MatrixSeed]) throws {
        folder = NSTemporaryDirectory() + "bytek-matrix-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        templatePath = folder + "/template.sqlite"
        let store = try Store(path: templatePath)
        let users = UserRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        for role in Role.allCases where role != .admin {
            try users.add(User(login: MatrixWorld.login(role), name: "Usuario " + role.displayName, role: role))
        }
        let customers = CustomerRepository(db: store.db, user: "setup", now: MatrixWorld.now)
        ids["customerA"] = try customers.create(Customer(
            docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.",
            contacts: [Contact(name: "Ana A", email: "ana@cliente-a.pe")])).id
        ids["customerB"] = try customers.create(Customer(
            docType: .ruc, docNumber: "20131312955", legalName: "Cliente B S.A.",
            contacts: [Contact(name: "Beto B", email: "beto@cliente-b.pe")])).id
        for seed in seeds { try seed(store, self) }
        // Everything into the main file, so a copy of that file alone holds the whole world.
        try store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// The login of the matrix user with `role` ("admin" is the store's first user).
    static func login(_ role: Role) -> String { role == .admin ? "admin" : "m_" + role.rawValue }

    private var copies = 0

    /// A fresh copy of the template, opened (a new name each time: no WAL of an earlier copy applies).
    func copy() throws -> Store {
        copies += 1
        let path = folder + "/case-\(copies).sqlite"
        try FileManager.default.copyItem(atPath: templatePath, toPath: path)
        return try Store(path: path)
    }

    func remove(_ store: Store) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store.path + suffix) }
    }
}

/// Adds an area's rows to the template (both customers' where rows belong to a customer).
typealias MatrixSeed = @Sendable (Store, MatrixWorld) throws -> Void
