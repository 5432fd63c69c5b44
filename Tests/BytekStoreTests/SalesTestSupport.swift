import BytekModel
import Foundation
@testable import BytekStore

/// A clock the test moves by hand (days in stage, stale deals).
final class SalesTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_772_000_000)) { current = start }
    func now() -> Date { lock.lock(); defer { lock.unlock() }; return current }
    func advance(days: Double) { lock.lock(); current = current.addingTimeInterval(days * 86_400); lock.unlock() }
}

enum SalesFixtures {
    static func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }
    static func pen(_ s: String) -> Money { Money(dec(s), .pen) }
    static func usd(_ s: String) -> Money { Money(dec(s), .usd) }
    static let march2 = LocalDate(year: 2026, month: 3, day: 2)!

    static func customer(_ db: Database, _ body: String = "2060123456") throws -> Int64 {
        let c = Customer(docType: .ruc, docNumber: RUC.complete(body) ?? "", legalName: "Cliente \(body) S.A.C.")
        return try CustomerRepository(db: db, user: "test").create(c).id ?? 0
    }

    /// The same customer written as a database of an older version holds it (the repository of today writes
    /// columns added since), with its audit entry.
    static func oldCustomer(_ db: Database, _ body: String = "2060123456") throws -> Int64 {
        let stamp = ISOTimestamp.format(Date())
        try db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', ?, ?, ?, ?)",
                       [.text(RUC.complete(body) ?? ""), .text("Cliente \(body) S.A.C."), .text(stamp), .text(stamp)])
        let id = db.lastInsertRowID
        try AuditLog(db: db, user: "test").append(entity: AuditEntity.customer, entityId: id, action: .create, summary: "Cliente \(body)")
        return id
    }

    /// A U3 quote mixing a product, service hours and a maintenance subscription, paid 30/30/40.
    static func content(customerId: Int64?, dealId: Int64? = nil) -> QuoteContent {
        QuoteContent(
            customerId: customerId, dealId: dealId, unit: .infrastructure, currency: .pen, exchangeRate: dec("3.752"),
            issueDate: march2, deliveryTime: "10 días hábiles",
            paymentTerms: .milestones([Milestone(name: "Adelanto", percent: 30), Milestone(name: "Instalación", percent: 30),
                                       Milestone(name: "Conformidad", percent: 40)]),
            notes: "Incluye configuración", terms: "Garantía 12 meses", globalDiscount: .percent(5),
            lines: [.product("NAS Synology DS923+", quantity: 2, unitPrice: usd("599.90"), catalogItemId: nil,
                             discount: .percent(dec("2.5")), unitCost: usd("480")),
                    .service("Instalación y cableado", quantity: dec("6.5"), rate: pen("85.50"), unitCost: pen("40")),
                    .subscription("Mantenimiento preventivo", periods: 12, pricePerPeriod: pen("250"),
                                  period: .monthly)],
            owner: "ana")
    }
}
