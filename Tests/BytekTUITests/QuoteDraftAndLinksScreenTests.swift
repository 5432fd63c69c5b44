import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct QuoteDraftAndLinksScreenTests {
    /// The header form is being typed (not applied) when the terminal dies: the delivery time and
    /// milestones that do not add up yet come back from the draft.
    @Test func headerTypingSurvivesAKilledTerminal() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.go(.quotes); h.keys(.char("n"), .char("h"))
        h.keys(.tab, .tab, .tab, .tab, .tab)  // delivery time
        h.type("20 días hábiles")
        h.keys(.tab, .right, .tab)  // payment: hitos, then the percentages
        h.type("30/30")
        let again = try ScreenHarness(sharing: h)
        again.go(.quotes); again.keys(.char("n"))
        #expect(again.screen.contains("Hay un borrador sin guardar"))
        again.keys(.char("s"))
        let builder = try #require(again.builder)
        #expect(builder.quote.deliveryTime == "20 días hábiles")
        #expect(builder.quote.paymentTerms.milestoneList.map(\.percent) == [30, 30])
        #expect(builder.isDirty)
        // Saving still refuses milestones that do not add up, with the reason.
        again.keys(.ctrl("s"))
        #expect(again.screen.contains("deben sumar exactamente 100"))
    }

    @Test func globalDiscountTypingSurvivesAKilledTerminal() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        h.go(.quotes); h.keys(.enter, .char("d"))
        h.keys(.right, .tab)  // percent, then its value
        h.type("7.5")
        let again = try ScreenHarness(sharing: h)
        again.go(.quotes); again.keys(.enter)
        #expect(again.screen.contains("Hay un borrador sin guardar"))
        again.keys(.char("s"))
        #expect(again.builder?.quote.id == q.id)
        #expect(again.builder?.quote.globalDiscount == .percent(Decimal(string: "7.5")!))
        // Esc in the form (nothing applied) puts the draft back to the stored quote.
        h.keys(.escape)
        let drafts = DraftRepository(db: h.store.db)
        #expect(try drafts.load(user: "admin", form: "quote", recordKey: String(try #require(q.id))) == nil)
    }

    @Test func aDealIsPickedByNameAndBringsItsCustomer() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let customerId = try h.store.db.scalar("SELECT min(id) FROM customer").intValue
        let stage = try #require(try PipelineRepository(db: h.store.db, user: "admin").pipeline(for: .infrastructure)?.entryStage?.id)
        let deal = try DealRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow }).create(
            Deal(title: "Red WiFi sede Puno", customerId: customerId, unit: .infrastructure, stageId: stage, owner: "admin",
                 estimatedValue: Money(8_000, .pen), stageEnteredAt: ScreenHarness.fixedNow))
        h.go(.quotes); h.keys(.char("n"), .char("O"))
        h.type("wifi puno")
        #expect(h.screen.contains("Red WiFi sede Puno"))
        h.keys(.enter)
        let builder = try #require(h.builder)
        #expect(builder.quote.dealId == deal.id)
        #expect(builder.quote.customerId == customerId)
        #expect(builder.quote.unit == .infrastructure)
        #expect(h.screen.contains("Oportunidad: Red WiFi sede Puno"))
        h.keys(.ctrl("s"))
        let savedId = try #require(builder.quote.id)
        let stored = try #require(try h.quotes.get(savedId))
        #expect(stored.dealId == deal.id)
    }

    @Test func theContractKeyRecordsTheContractOnce() throws {
        let h = try ScreenHarness()
        try CompanyProfileRepository(db: h.store.db, user: "admin").save(CompanyProfile(
            ruc: "20100047218", legalName: "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", address: "Av. Arequipa 123, Lima"))
        let id = try #require(try h.acceptedQuote().id)
        // `c` asks before it records anything.
        h.go(.quotes); h.keys(.enter, .char("c"))
        #expect(h.screen.contains("¿Generar el contrato"))
        h.keys(.escape)
        #expect(try ContractRepository(db: h.store.db, user: "admin").list().isEmpty)
        h.keys(.char("c"), .char("s"))
        #expect(h.screen.contains("Contrato generado:"))
        #expect(h.screen.contains("CTR-2026-00001"))
        h.keys(.char("c"), .char("s"))
        let contracts = try ContractRepository(db: h.store.db, user: "admin").list()
        #expect(contracts.map(\.number) == ["CTR-2026-00001"])
        #expect(contracts.first?.quoteId == id && contracts.first?.createdBy == "admin")
        #expect(FileManager.default.fileExists(atPath: h.dir.appendingPathComponent("documentos/CTR-2026-00001.pdf").path))
    }

    @Test func aSentQuotePastItsValidityIsListedAsExpired() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        let id = try #require(q.id)
        _ = try h.quotes.send(id, on: try #require(LocalDate(year: 2026, month: 10, day: 1)))  // valid until 16/10
        h.go(.quotes)
        #expect(try h.quotes.get(id)?.state == .expired)
        #expect(h.screen.contains("vencida"))
        // A read-only role does not write: a second overdue quote stays as it is for finanzas.
        let other = try h.addQuote()
        let otherId = try #require(other.id)
        _ = try h.quotes.send(otherId, on: try #require(LocalDate(year: 2026, month: 10, day: 2)))
        let finanzas = try ScreenHarness(role: .finanzas, login: "fin", sharing: h)
        finanzas.go(.quotes)
        #expect(try h.quotes.get(otherId)?.state == .sent)
    }
}
