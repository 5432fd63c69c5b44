import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Quote fixtures on the harness's real store.
@MainActor
extension ScreenHarness {
    var quotes: QuoteRepository { QuoteRepository(db: store.db, user: "admin", now: { ScreenHarness.fixedNow }) }
    static let today = LocalDate(year: 2026, month: 11, day: 18) ?? LocalDate(daysSinceEpoch: 0)

    /// A product, an hourly service and a monthly subscription, all in soles, with their costs.
    func addQuoteCatalog() throws {
        let catalog = CatalogRepository(db: store.db, user: "admin", now: { ScreenHarness.fixedNow })
        _ = try catalog.create(CatalogItem(sku: "NAS-DS923", name: "NAS Synology DS923+", unit: .infrastructure, kind: .product,
                                           price: Money(minorUnits: 250_000, .pen), cost: Money(minorUnits: 190_000, .pen)))
        _ = try catalog.create(CatalogItem(sku: "DEV-HORA", name: "Desarrollo a medida", unit: .software, kind: .service,
                                           uom: "hora", price: Money(minorUnits: 12_000, .pen), cost: Money(minorUnits: 6_000, .pen),
                                           rateBasis: .hour))
        _ = try catalog.create(CatalogItem(sku: "HOST-ADM", name: "Hosting administrado", unit: .digital, kind: .subscription,
                                           uom: "mes", price: Money(minorUnits: 15_000, .pen), cost: Money(minorUnits: 5_000, .pen),
                                           period: .monthly))
    }

    /// A stored draft for the first customer with the three kinds of line and milestones 30/30/40.
    @discardableResult
    func addQuote(lines: [QuoteLine]? = nil, terms: PaymentTerms = .milestones([
        Milestone(name: "Anticipo", percent: 30), Milestone(name: "Avance", percent: 30), Milestone(name: "Entrega", percent: 40),
    ]), dealId: Int64? = nil) throws -> Quote {
        let customerId = try store.db.scalar("SELECT min(id) FROM customer").intValue
        let content = QuoteContent(customerId: customerId, dealId: dealId, unit: .software, issueDate: ScreenHarness.today,
                                   paymentTerms: terms, lines: lines ?? [
                                       .product("NAS Synology DS923+", quantity: 1, unitPrice: Money(2500, .pen),
                                                unitCost: Money(1900, .pen)),
                                       .service("Desarrollo a medida", quantity: 40, rate: Money(120, .pen), unitCost: Money(60, .pen)),
                                       .subscription("Hosting administrado", periods: 12, pricePerPeriod: Money(150, .pen),
                                                     period: .monthly, unitCost: Money(50, .pen)),
                                   ], owner: "admin")
        return try quotes.createDraft(Quote(content))
    }

    var builder: QuoteBuilderScreen? { app.topScreen as? QuoteBuilderScreen }
}

@MainActor
@Suite struct QuoteBuilderScreenTests {
    /// Builds a quote by keys only: customer, a product, 40 service hours and 12 months of hosting.
    private func buildByKeys(_ h: ScreenHarness) {
        h.go(.quotes); h.keys(.char("n"), .char("C"))
        h.type("andina")
        h.keys(.enter)
        h.keys(.char("a"))
        h.type("nas")
        h.keys(.enter, .escape)
        h.keys(.char("a"))
        h.type("desarrollo")
        h.keys(.enter, .tab, .tab, .ctrl("u"))
        h.type("40")
        h.keys(.ctrl("s"))
        h.keys(.char("a"))
        h.type("hosting")
        h.keys(.enter, .tab, .tab, .ctrl("u"))
        h.type("12")
        h.keys(.ctrl("s"))
    }

    @Test func buildsProductServiceAndSubscriptionWithLiveTotals() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuoteCatalog()
        buildByKeys(h)
        let screen = h.screen
        #expect(screen.contains("Comercial Andina S.A.C."))
        #expect(screen.contains("NAS Synology DS923+"))
        #expect(screen.contains("Desarrollo a medida"))
        #expect(screen.contains("Hosting administrado"))
        // 2,500 + 40 × 120 = 7,300 one-time base; 12 × 150 = 1,800 recurring; IGV 18% on 9,100.
        #expect(screen.contains("S/ 9,100.00"))
        #expect(screen.contains("S/ 1,638.00"))
        #expect(screen.contains("S/ 10,738.00"))
        #expect(screen.contains("S/ 8,614.00"))  // one-time with IGV
        #expect(screen.contains("S/ 2,124.00"))  // recurring with IGV
        #expect(screen.contains("1,800.00"))     // yearly value of the subscription
        #expect(screen.contains("Margen"))
        assertGolden(h.app.lastFrame, "quote-builder-120x40")
        h.resize(80, 24)
        assertGolden(h.app.lastFrame, "quote-builder-80x24")
        // Saved with Ctrl-S: numbered, and the draft is gone.
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Borrador guardado: COT-2026-00001 v1"))
        let stored = try h.quotes.latest(number: "COT-2026-00001")
        #expect(stored?.lines.count == 3)
        #expect(try DraftRepository(db: h.store.db).load(user: "admin", form: "quote", recordKey: "new") == nil)
    }

    @Test func milestonesThatDoNotAddUpAreRefusedBesideTheField() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuote(terms: .cash)
        h.go(.quotes); h.keys(.enter, .char("h"))
        h.keys(.tab, .tab, .tab, .tab, .tab, .tab, .right, .tab)
        h.type("30/30/30")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Los hitos suman 90 %; deben sumar exactamente 100 %."))
        assertGolden(h.app.lastFrame, "quote-milestones-refused")
        #expect(h.builder == nil)  // still in the header form
        h.keys(.ctrl("u"))
        h.type("30/30/40")
        h.keys(.tab)
        h.type("Anticipo, Avance, Entrega")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Hitos: Anticipo 30% · Avance 30% · Entrega 40%"))
        #expect(h.builder?.quote.paymentTerms.milestoneList.map(\.percent) == [30, 30, 40])
    }

    @Test func aSentVersionIsReadOnly() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        _ = try h.quotes.send(try #require(q.id), on: ScreenHarness.today)
        h.go(.quotes); h.keys(.enter)
        #expect(h.screen.contains("[enviada]"))
        #expect(h.screen.contains("solo lectura"))
        assertGolden(h.app.lastFrame, "quote-sent-readonly")
        h.keys(.enter)
        #expect(h.screen.contains("Versión enviada: no se puede modificar; pulse v para crear una nueva."))
        h.keys(.char("x"))
        #expect(h.screen.contains("no se puede modificar"))
        h.keys(.char("a"))
        #expect(h.screen.contains("no se puede modificar"))
        let id = try #require(q.id)
        #expect(try h.quotes.get(id)?.lines.count == 3)
    }

    @Test func newVersionOpensV2AsADraft() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let q = try h.addQuote()
        _ = try h.quotes.send(try #require(q.id), on: ScreenHarness.today)
        // `v` on a sent quote asks first; "no" leaves it alone.
        h.go(.quotes); h.keys(.enter, .char("v"))
        #expect(h.screen.contains("¿Crear una nueva versión"))
        h.keys(.char("n"))
        #expect(try h.quotes.versions(of: "COT-2026-00001").count == 1)
        h.keys(.char("v"), .char("s"))
        #expect(h.screen.contains("COT-2026-00001 v2"))
        #expect(h.screen.contains("[borrador]"))
        #expect(h.screen.contains("Nueva versión en borrador: COT-2026-00001 v2"))
        assertGolden(h.app.lastFrame, "quote-new-version-v2")
        #expect(try h.quotes.versions(of: "COT-2026-00001").map(\.state) == [.sent, .draft])
        // v2 can be edited: its lines are the same and a line can go.
        h.keys(.char("x"), .char("s"))
        #expect(h.builder?.quote.lines.count == 2)
        // Back in the list, the detail pane lists both versions.
        h.keys(.ctrl("s"), .escape)
        #expect(h.screen.contains("v2 · borrador"))
        #expect(h.screen.contains("v1 · enviada"))
    }

    @Test func acceptingShowsWhatItRecorded() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let pipeline = try #require(try PipelineRepository(db: h.store.db, user: "admin").pipeline(for: .software))
        let deal = try DealRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow }).create(
            Deal(title: "ERP Andina", customerId: try h.store.db.scalar("SELECT min(id) FROM customer").intValue, unit: .software, stageId: try #require(pipeline.entryStage?.id), owner: "admin",
                 estimatedValue: Money(10_000, .pen), stageEnteredAt: ScreenHarness.fixedNow))
        let q = try h.addQuote(dealId: deal.id)
        _ = try h.quotes.send(try #require(q.id), on: ScreenHarness.today)
        h.go(.quotes); h.keys(.enter, .char("A"))
        #expect(h.screen.contains("¿Aceptar COT-2026-00001 v1?"))
        let auditBefore = try h.store.db.scalar("SELECT max(id) FROM audit_log").intValue ?? 0
        h.keys(.char("s"))
        let screen = h.screen
        // Everything the acceptance wrote (the version, the won deal, the subscription) names the
        // user and the terminal as the door.
        let written = try h.store.db.query("SELECT user_login, door FROM audit_log WHERE id > ?", [.int(auditBefore)])
        #expect(written.count >= 3)
        #expect(written.allSatisfy { $0.string("user_login") == "admin" && $0.optionalString("door") == "tui" })
        #expect(screen.contains("Negocio ganado: ERP Andina"))
        #expect(screen.contains("Anticipo 30% S/ 2,584.20"))  // 30% of the one-time S/ 8,614.00
        #expect(screen.contains("1 suscripción creada."))
        assertGolden(h.app.lastFrame, "quote-accepted")
        h.keys(.enter)
        #expect(h.screen.contains("[aceptada]"))
        // The subscription is listed in Suscripciones.
        h.keys(.escape, .char("s"))
        #expect(h.screen.contains("Hosting administrado"))
        #expect(h.screen.contains("S/ 150.00"))
        #expect(h.screen.contains("COT-2026-00001 v1"))
        assertGolden(h.app.lastFrame, "quote-subscriptions")
    }

    @Test func costAndMarginAreHiddenFromFinanzas() throws {
        let admin = try ScreenHarness()
        try admin.addCustomers(ScreenHarness.sampleCustomers)
        try admin.addQuote()
        admin.go(.quotes); admin.keys(.enter)
        #expect(admin.screen.contains("Margen"))
        #expect(admin.screen.contains("Costo"))
        let finanzas = try ScreenHarness(role: .finanzas, login: "fin", sharing: admin)
        finanzas.go(.quotes); finanzas.keys(.enter)
        #expect(finanzas.screen.contains("NAS Synology DS923+"))
        #expect(!finanzas.screen.contains("Margen"))
        #expect(!finanzas.screen.contains("Costo"))
        assertGolden(finanzas.app.lastFrame, "quote-finanzas-no-cost")
        // Finanzas reads quotes but cannot change them.
        finanzas.keys(.char("x"))
        #expect(finanzas.screen.contains("no tiene permiso para modificar"))
    }

    @Test func aTypedQuoteSurvivesAKilledTerminal() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuoteCatalog()
        h.go(.quotes); h.keys(.char("n"), .char("a"))
        h.type("nas")
        h.keys(.enter, .escape)
        // The quantity is being typed in the line form (not applied) when the terminal dies.
        h.keys(.enter, .tab, .tab, .ctrl("u"))
        h.type("7")
        let again = try ScreenHarness(sharing: h)
        again.go(.quotes); again.keys(.char("n"))
        #expect(again.screen.contains("Hay un borrador sin guardar"))
        again.keys(.char("s"))
        #expect(again.screen.contains("NAS Synology DS923+"))
        #expect(again.builder?.isDirty == true)
        #expect(again.builder?.quote.lines.first?.quantity == 7)
        #expect(again.screen.contains("17,500.00"))
    }

    @Test func editingALineOfA500LineQuoteReusesTheOneCalculator() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let lines = (1...500).map { i in
            QuoteLine.service("Tarea \(i)", quantity: Decimal(i % 7 + 1), rate: Money(Decimal(100 + i), .pen))
        }
        try h.addQuote(lines: lines, terms: .cash)
        h.go(.quotes); h.keys(.enter)
        let builder = try #require(h.builder)
        #expect(builder.recomputations == 1)
        // Line 1 (2 h at S/ 101, changed to 3 h): the form shows its figures and the quote's as they are typed.
        h.keys(.enter)
        #expect(builder.recomputations == 2)
        h.keys(.tab, .tab, .ctrl("u"))
        h.type("3")
        #expect(h.screen.contains("Esta línea: valor venta S/ 303.00 · IGV S/ 54.54 · total S/ 357.54"))
        #expect(builder.recomputations == 3)  // one per keystroke that gives a whole line; none per frame
        h.keys(.ctrl("s"))
        h.app.draw(); h.app.draw()
        #expect(builder.quote.lines[0].quantity == 3)
        #expect(builder.recomputations == 4)
        #expect(builder.calculatorsMade == 1)
        #expect(builder.totals == (try builder.quote.totals()))
    }
}
