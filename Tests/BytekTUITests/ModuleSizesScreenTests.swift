import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Every module at the sizes people use (120×40, 100×30, 80×24), each compared with its golden file.
@MainActor
@Suite struct ModuleSizesScreenTests {
    nonisolated static let sizes = [(120, 40), (100, 30), (80, 24)]

    func seeded(width: Int, height: Int) throws -> ScreenHarness {
        let h = try ScreenHarness(width: width, height: height)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let catalog = CatalogRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow })
        _ = try catalog.create(CatalogItem(sku: "AP-U6-LITE", name: "Access point Ubiquiti UniFi U6 Lite", unit: .infrastructure,
                                           niche: "Redes", kind: .product, price: Money(minorUnits: 12_900, .usd), tracksSerials: true))
        _ = try catalog.create(CatalogItem(sku: "MANT-PREV-MES", name: "Mantenimiento preventivo de red (mensual)", unit: .infrastructure,
                                           niche: "Mantenimiento", kind: .subscription, uom: "mes", price: Money(minorUnits: 45_000, .pen), period: .monthly))
        let queue = JobQueue(db: h.store.db, clock: { 1_795_000_000_000 })
        let job = try queue.enqueue(kind: "backup.nightly", payload: "{}", runAt: 1_795_000_000_000)
        _ = try queue.claim(owner: "w1", leaseSeconds: 30)
        _ = try queue.fail(id: job.id, owner: "w1", error: "disco lleno: /var/backups")
        _ = try ScheduleStore(db: h.store.db, clock: { 1_795_000_000_000 }).ensure(name: "respaldo-nocturno", kind: "backup.nightly", rule: "daily 02:00")
        return h
    }

    @Test(arguments: sizes)
    func catalog(size: (Int, Int)) throws {
        let h = try seeded(width: size.0, height: size.1)
        h.go(.catalog)
        assertGolden(h.app.lastFrame, "catalog-list-\(size.0)x\(size.1)")
    }

    @Test(arguments: sizes)
    func audit(size: (Int, Int)) throws {
        let h = try seeded(width: size.0, height: size.1)
        h.go(.audit)
        assertGolden(h.app.lastFrame, "audit-\(size.0)x\(size.1)")
    }

    @Test(arguments: sizes)
    func jobs(size: (Int, Int)) throws {
        let h = try seeded(width: size.0, height: size.1)
        h.go(.jobs)
        #expect(h.screen.contains("disco lleno"))
        assertGolden(h.app.lastFrame, "jobs-\(size.0)x\(size.1)")
    }

    @Test func customerFormAt80x24InEnglish() throws {
        let h = try ScreenHarness(width: 80, height: 24, language: .en)
        h.keys(.char("n"))
        #expect(h.screen.contains("New customer"))
        assertGolden(h.app.lastFrame, "customer-form-en-80x24")
    }
}
