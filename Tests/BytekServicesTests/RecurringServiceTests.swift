import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The run of recurring billing through the operations layer: exactly once (a period another worker
/// billed rolls the whole document back; two runs at once bill each period once) and the run going on
/// past a customer it cannot bill.
@Suite(.serialized) struct RecurringServiceTests {
    static let now: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_130_000) }  // 01/12/2026 10:00 in Lima

    struct World {
        let path: String
        let store: Store
        let a: Int64, b: Int64, c: Int64
        func services(_ store: Store? = nil, _ actor: Actor = .worker) -> Services {
            Services(store: store ?? self.store, actor: actor, now: RecurringServiceTests.now,
                     environment: { BillingMatrix.environment })
        }
        func cleanup() { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
    }

    /// Customers A and B (RUC, soles) and C (RUC, a dollar subscription billed in soles); all monthly
    /// in advance from 1 Nov 2026, so a run on 1 Dec bills November and December.
    func world() throws -> World {
        let path = NSTemporaryDirectory() + "bytek-recurring-" + UUID().uuidString + ".sqlite"
        let store = try Store(path: path)
        try EInvoicingSettingsRepository(db: store.db, user: "setup", now: Self.now)
            .save(EInvoicingSettings(issuer: BillingMatrix.issuer, detraccionAccount: "00-000-123456"))
        let customers = CustomerRepository(db: store.db, user: "setup", now: Self.now)
        var ids: [Int64] = []
        for (ruc, name) in [("20100047218", "Cliente A S.A.C."), ("20131312955", "Cliente B S.A."), ("20100070970", "Cliente C S.A.")] {
            ids.append(try customers.create(Customer(docType: .ruc, docNumber: ruc, legalName: name)).id ?? 0)
        }
        let seed = RecurringSeeder(db: store.db, now: Self.now)
        let start = LocalDate("2026-11-01")!
        for (i, id) in ids.enumerated() {
            let q = try seed.holderQuote(customerId: id, issueDate: start)
            if i == 2 {
                try seed.subscription(customerId: id, quote: q, description: "Licencia", price: Money(100, .usd), period: .monthly,
                                      start: start, billCurrency: .pen)
            } else {
                try seed.subscription(customerId: id, quote: q, description: "Hosting Pro", price: Money(100, .pen), period: .monthly, start: start)
                try seed.subscription(customerId: id, quote: q, description: "Soporte", price: Money(50, .pen), period: .monthly, start: start)
            }
        }
        return World(path: path, store: store, a: ids[0], b: ids[1], c: ids[2])
    }

    @Test func aCustomerWithoutTheDaysRateFailsWithItsReasonAndTheOthersAreBilled() throws {
        let w = try world(); defer { w.cleanup() }
        let report = try w.services().recurring.run()
        // A and B: one factura each with 2 subscriptions × 2 periods (Nov, Dec) = 4 lines.
        #expect(report.issued == ["F001-1", "F001-2"])
        #expect(report.lines == 8)
        #expect(report.failures.map(\.customerId) == [w.c])
        #expect(report.failures.first?.reason.contains("tipo de cambio") == true, "\(report.failures)")
        let runs = try w.services().recurring.history()
        #expect(runs.first?.failures.map(\.customerName) == ["Cliente C S.A."])
        // 2 × (100 + 50 + 100 + 50) = 600.00 without IGV; 708.00 with it (factura over S/ 700: detracción).
        #expect(runs.first?.totals == [Money(600, .pen)])
        let totals = try w.store.db.query("SELECT total_cents FROM e_document ORDER BY id").map { $0.int("total_cents") }
        #expect(totals == [35_400, 35_400])
        // With the day's rate, the next run bills C alone: 2 × 100.00 × 3.752 = 750.40.
        try w.services(nil, .staff("fina", role: .finanzas, door: .cli)).exchangeRates
            .record(date: LocalDate("2026-12-01")!, buy: "3.745", sell: "3.752")
        let again = try w.services().recurring.run()
        #expect(again.issued == ["F001-3"] && again.failures.isEmpty && again.lines == 2)
        let c = try w.store.db.queryOne("SELECT sum(billed_cents) AS s FROM subscription_charge WHERE run_id = ?", [.int(again.runId)])
        #expect(c?.int("s") == 75_040)
        // And a third run finds nothing left.
        #expect(try w.services().recurring.run().issued.isEmpty)
    }

    @Test func aPeriodAnotherWorkerBilledRollsTheWholeDocumentBack() throws {
        let w = try world(); defer { w.cleanup() }
        let svc = w.services()
        let plan = try svc.recurring.preview()
        let doc = try #require(plan.documents.first { $0.key.customerId == w.a })
        // Another worker billed the first line's period meanwhile (its key is already written).
        let first = doc.items[0]
        let issuer = try svc.invoices.issuer()
        let other = try issuer.issue(plan.documents.first { $0.key.customerId == w.b }!.document)
        try RecurringRepository(db: w.store.db, user: "otro").recordCharges(documentId: other.id, runId: nil,
                                                                            items: [(item: first, billed: doc.amounts[0])])
        let documentsBefore = try w.store.db.scalar("SELECT count(*) FROM e_document").intValue
        let numberBefore = try w.store.db.scalar("SELECT max(last_number) FROM numbering WHERE series = 'F001'").intValue
        let repo = RecurringRepository(db: w.store.db, user: "worker")
        #expect(throws: DatabaseError.self) {
            try issuer.issue(doc.document, alongside: { id in
                try repo.recordCharges(documentId: id, runId: nil, items: Array(zip(doc.items, doc.amounts)).map { (item: $0.0, billed: $0.1) })
            })
        }
        // Nothing of it stayed: no document, no number taken, no key of its other lines.
        #expect(try w.store.db.scalar("SELECT count(*) FROM e_document").intValue == documentsBefore)
        #expect(try w.store.db.scalar("SELECT max(last_number) FROM numbering WHERE series = 'F001'").intValue == numberBefore)
        #expect(try w.store.db.scalar("SELECT count(*) FROM subscription_charge").intValue == 1)
        // The run plans A again without the period billed elsewhere: 3 lines, never the 4th twice.
        let report = try svc.recurring.run()
        let keys = try w.store.db.query("SELECT subscription_id, period_start, count(*) AS n FROM subscription_charge GROUP BY 1, 2")
        #expect(keys.allSatisfy { $0.int("n") == 1 })
        #expect(keys.count == 8)
        #expect(report.lines == 7)
    }

    @Test func twoRunsAtOnceBillEachPeriodOnce() throws {
        let w = try world(); defer { w.cleanup() }
        try w.services(nil, .staff("fina", role: .finanzas, door: .cli)).exchangeRates
            .record(date: LocalDate("2026-12-01")!, buy: "3.745", sell: "3.752")
        let reports = LockedReports()
        let threads = (0..<2).map { _ in
            Thread {
                do {
                    let store = try Store(path: w.path)
                    reports.add(try w.services(store).recurring.run())
                } catch { reports.fail("\(error)") }
            }
        }
        threads.forEach { $0.start() }
        while reports.count < 2 { Thread.sleep(forTimeInterval: 0.02) }
        #expect(reports.errors.isEmpty, "\(reports.errors)")
        let keys = try w.store.db.query("SELECT subscription_id, period_start, count(*) AS n FROM subscription_charge GROUP BY 1, 2")
        #expect(keys.count == 10 && keys.allSatisfy { $0.int("n") == 1 })
        #expect(try w.store.db.scalar("SELECT count(*) FROM e_document").intValue == 3)
        #expect(reports.issued == 3)
    }
}

final class LockedReports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [RecurringRunReport] = []
    private(set) var errors: [String] = []
    func add(_ r: RecurringRunReport) { lock.lock(); reports.append(r); lock.unlock() }
    func fail(_ e: String) { lock.lock(); errors.append(e); reports.append(RecurringRunReport(runId: 0, date: LocalDate("2026-01-01")!)); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return reports.count }
    var issued: Int { lock.lock(); defer { lock.unlock() }; return reports.reduce(0) { $0 + $1.issued.count } }
}
