import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// What Ventas' operations do beyond permission: one transaction for a deal and its lead, the lead a
/// deal keeps, the listing's stage filter, the one place the dollar rate is read, and the door on
/// every audit entry of a conversion.
@Suite("Ventas: the sales operations")
final class SalesServiceTests {
    let folder = NSTemporaryDirectory() + "bytek-sales-service-" + UUID().uuidString
    let store: Store

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try Store(path: folder + "/bytek.sqlite")
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func sales(_ door: Door = .tui) -> SalesService {
        Services(store: store, actor: .staff("admin", role: .admin, door: door), now: { Date(timeIntervalSince1970: 1_780_000_000) },
                 environment: { [:] }).sales
    }

    func stage(_ unit: BusinessUnit, _ index: Int = 0) throws -> Int64 {
        try #require(try sales().pipeline(for: unit)?.stages.filter { $0.kind == .open }[index].id)
    }

    func deal(_ title: String, unit: BusinessUnit = .digital, stageId: Int64) -> Deal {
        Deal(title: title, unit: unit, stageId: stageId, owner: "admin", estimatedValue: Money(minorUnits: 100_000, .pen),
             stageEnteredAt: Date())
    }

    @Test func aRefusedDealLeavesNoLeadBehind() throws {
        let otherUnitsStage = try stage(.software)
        #expect(throws: SalesRepositoryError.self) {
            try sales().create(deal("Landing", unit: .digital, stageId: otherUnitsStage), for: .lead(Lead(name: "Panadería Ñuñoa")))
        }
        #expect(try store.db.scalar("SELECT count(*) FROM lead").intValue == 0)
        let saved = try sales().create(deal("Landing", stageId: try stage(.digital)), for: .lead(Lead(name: "Panadería Ñuñoa")))
        let leadId = try #require(saved.leadId)
        #expect(try sales().lead(leadId)?.name == "Panadería Ñuñoa")
    }

    @Test func aConvertedLeadsDealKeepsItsLeadWhileItStaysWithThatCustomer() throws {
        let s = sales()
        let created = try s.create(deal("Tienda virtual", stageId: try stage(.digital)), for: .lead(Lead(name: "Ñandú")))
        let leadId = try #require(created.leadId)
        let conversion = try s.convertLead(leadId, into: Customer(docType: .ruc, docNumber: "20601030013", legalName: "Ñandú S.A.C."))
        let customerId = try #require(conversion.customer.id)
        let dealId = try #require(created.id)
        var d = try #require(try s.card(dealId)?.deal)
        d.title = "Tienda virtual v2"
        let kept = try s.update(d, for: .customer(customerId))
        #expect(kept.leadId == leadId && kept.customerId == customerId)
        let other = try CustomerRepository(db: store.db, user: "t").create(
            Customer(docType: .ruc, docNumber: "20100047218", legalName: "Otro S.A."))
        let otherId = try #require(other.id)
        let moved = try s.update(kept, for: .customer(otherId))
        #expect(moved.leadId == nil && moved.customerId == other.id)
    }

    @Test func everyEntryOfAConversionNamesTheDoor() throws {
        let s = sales(.ssh)
        let created = try s.create(deal("Cableado", stageId: try stage(.digital)), for: .lead(Lead(name: "Colegio")))
        let before = try store.db.scalar("SELECT max(id) FROM audit_log").intValue ?? 0
        let leadId = try #require(created.leadId)
        try s.convertLead(leadId, into: Customer(docType: .ruc, docNumber: "20601030013", legalName: "Colegio S.A.C."))
        let rows = try store.db.query("SELECT entity, door FROM audit_log WHERE id > ?", [.int(before)])
        #expect(Set(rows.map { $0.string("entity") }).isSuperset(of: ["customer", "lead", "deal"]))
        #expect(rows.allSatisfy { $0.optionalString("door") == "ssh" })
    }

    @Test func theListingFiltersByStageNameAndNamesTheKnownOnes() throws {
        let s = sales()
        try s.create(deal("Landing", stageId: try stage(.digital)), for: .lead(Lead(name: "Panadería", docType: .dni,
                                                                                    docNumber: "45781236")))
        let rows = try s.listing(stageName: "NUEVO")
        #expect(rows.map(\.partyName) == ["Panadería"] && rows.first?.partyDocument == "DNI 45781236")
        #expect(try s.listing(unit: .software).isEmpty)
        #expect(throws: DealListingError.self) { try s.listing(stageName: "Nada") }
    }

    @Test func theRateIsTheSettingElseTheDefault() throws {
        let s = sales()
        #expect(try s.penPerUSD(today: s.today) == SalesRate(penPerUSD: SalesRate.defaultRate, isDefault: true))
        try SettingsRepository(db: store.db).set(SalesRate.setting, "3.80")
        let rate = try s.penPerUSD(today: s.today)
        #expect(rate == SalesRate(penPerUSD: Decimal(string: "3.80")!, isDefault: false))
        #expect(rate.pen([.pen: Money(minorUnits: 10_000, .pen), .usd: Money(minorUnits: 10_000, .usd)]) == Money(minorUnits: 48_000, .pen))
    }

    @Test func theDaysRateOfTheExchangeTableWinsWithinAWeek() throws {
        let s = sales()
        let rates = Services(store: store, actor: .staff("admin", role: .admin, door: .tui),
                             now: { Date(timeIntervalSince1970: 1_780_000_000) }, environment: { [:] }).exchangeRates
        try SettingsRepository(db: store.db).set(SalesRate.setting, "3.80")
        // Eight days old: too old, the setting stays.
        try rates.record(date: s.today.adding(days: -8), buy: "3.690", sell: "3.701")
        #expect(try s.penPerUSD(today: s.today) == SalesRate(penPerUSD: Decimal(string: "3.80")!, isDefault: false))
        // Two days old: used, and said so.
        try rates.record(date: s.today.adding(days: -2), buy: "3.741", sell: "3.752")
        let earlier = try s.penPerUSD(today: s.today)
        #expect(earlier.penPerUSD == Decimal(string: "3.752")! && !earlier.isDefault)
        #expect(earlier.source.hasPrefix("TC 3.752 del ") && earlier.source.hasSuffix("(2 días antes)"), "\(earlier.source)")
        try rates.record(date: s.today, buy: "3.760", sell: "3.771")
        let own = try s.penPerUSD(today: s.today)
        #expect(own.penPerUSD == Decimal(string: "3.771")! && own.source == "TC 3.771 de hoy")
        #expect(own.pen([.usd: Money(minorUnits: 100_000, .usd)]) == Money(minorUnits: 377_100, .pen))
    }
}
