import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// A store with customer A (RUC, 30 credit days, a contact) and B, an accepted quote of A for S/ 11,800.00
/// in three milestones (30/30/40: 3,540.00, 3,540.00, 4,720.00), its U2 project PRY-0001 with the
/// milestones as the quote recorded them, and project PRY-0002 of customer B (one milestone).
struct MilestoneWorld {
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_130_000) }  // 01/12/2026 10:00 in Lima

    let folder: String
    let store: Store
    let customerA: Int64, customerB: Int64
    let projectA: Int64, projectB: Int64
    /// The milestones of PRY-0001 in order, then PRY-0002's.
    let milestones: [Int64]
    let milestoneB: Int64

    init(creditDays: Int = 30) throws {
        folder = NSTemporaryDirectory() + "bytek-hitos-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/bytek.sqlite")
        let db = store.db
        try EInvoicingSettingsRepository(db: db, user: "setup", now: Self.now)
            .save(EInvoicingSettings(issuer: BillingMatrix.issuer, detraccionAccount: "00-000-123456"))
        let customers = CustomerRepository(db: db, user: "setup", now: Self.now)
        customerA = try customers.create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.",
                                                  creditDays: creditDays, contacts: [Contact(name: "Ana A", email: "ana@cliente-a.pe")])).id ?? 0
        customerB = try customers.create(Customer(docType: .ruc, docNumber: "20131312955", legalName: "Cliente B S.A.",
                                                  contacts: [Contact(name: "Beto B", email: "beto@cliente-b.pe")])).id ?? 0
        let quotes = QuoteRepository(db: db, user: "setup", now: Self.now)
        let today = LimaTime.date(Self.now())
        func accepted(_ customer: Int64, _ amount: Decimal, _ terms: [Milestone]) throws -> Quote {
            let q = try quotes.createDraft(Quote(QuoteContent(
                customerId: customer, unit: .digital, issueDate: today, validityDays: 15, paymentTerms: .milestones(terms),
                lines: [.service("Desarrollo del portal", quantity: 1, rate: Money(amount, .pen))], owner: "admin")))
            _ = try quotes.send(q.id ?? -1, on: today)
            return try quotes.accept(q.id ?? -1, on: today).quote
        }
        let qa = try accepted(customerA, 10000, [Milestone(name: "Análisis", percent: 30), Milestone(name: "Desarrollo", percent: 30),
                                                 Milestone(name: "Puesta en marcha", percent: 40)])
        let qb = try accepted(customerB, 1000, [Milestone(name: "Todo", percent: 100)])
        func project(_ code: String, _ customer: Int64, _ quote: Quote) throws -> Int64 {
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, quote_id, manager, currency, sold_cents, start_date,
                promised_date, created_by, created_at, updated_at)
                VALUES (?, 'Portal web', 'U2', 'hitos', ?, ?, 'm_operaciones', 'PEN', 0, '2026-12-01', '2027-02-26', 'setup',
                '2026-12-01T15:00:00.000Z', '2026-12-01T15:00:00.000Z')
                """, [.text(code), .int(customer), .int(quote.id ?? 0)])
            let id = db.lastInsertRowID
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, quote_milestone_id)
                SELECT ?, position, name, percent, amount_cents, '2027-01-15', id FROM quote_milestone WHERE quote_id = ? ORDER BY position
                """, [.int(id), .int(quote.id ?? 0)])
            return id
        }
        projectA = try project("PRY-0001", customerA, qa)
        projectB = try project("PRY-0002", customerB, qb)
        milestones = try db.query("SELECT id FROM project_milestone WHERE project_id = ? ORDER BY position", [.int(projectA)]).map { $0.int("id") }
        milestoneB = try db.scalar("SELECT id FROM project_milestone WHERE project_id = ?", [.int(projectB)]).intValue ?? 0
    }

    func services(_ actor: Actor) -> Services {
        Services(store: store, actor: actor, now: Self.now, environment: { BillingMatrix.environment })
    }

    static let operaciones = Actor.staff("m_operaciones", role: .operaciones, door: .cli)
    static let finanzas = Actor.staff("m_finanzas", role: .finanzas, door: .cli)

    func contact(of customer: Int64, email: String = "ana@cliente-a.pe") -> Actor {
        Actor(.contact(accountId: 1, customerId: customer, email: email), door: .web)
    }

    /// A file of `text` in the world's scratch folder.
    func file(_ name: String, _ text: String) throws -> String {
        let dir = folder + "/in"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: folder) }
}
