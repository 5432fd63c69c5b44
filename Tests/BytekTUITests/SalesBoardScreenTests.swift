import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Deals seeded at fixed times before the harness's "now" (18/11/2026), so days in stage and
/// staleness are the same on every run.
@MainActor
struct SalesFixture {
    let h: ScreenHarness
    var pipelines: PipelineRepository { PipelineRepository(db: h.store.db, user: "admin") }

    func deals(daysAgo: Int = 0) -> DealRepository {
        DealRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow.addingTimeInterval(-Double(daysAgo) * 86_400) })
    }

    func stage(_ unit: BusinessUnit, _ name: String) throws -> Int64 {
        try #require(try pipelines.pipeline(for: unit)?.stages.first { $0.name == name }?.id)
    }

    @discardableResult
    func deal(_ title: String, lead: String? = nil, customerId: Int64? = nil, unit: BusinessUnit, stage: String,
              cents: Int64, currency: Currency = .pen, daysAgo: Int = 0, owner: String = "admin",
              close: LocalDate? = nil) throws -> Deal {
        let repo = deals(daysAgo: daysAgo)
        let leadId = try lead.map { try repo.createLead(Lead(name: $0)).id } ?? nil
        return try repo.create(Deal(title: title, leadId: leadId, customerId: customerId, unit: unit,
                                    stageId: try self.stage(unit, stage), owner: owner,
                                    estimatedValue: Money(minorUnits: cents, currency), expectedClose: close,
                                    source: .web, stageEnteredAt: ScreenHarness.fixedNow))
    }

    /// U1: four deals, one stale (5 days in "Nuevo", which expects 1), one in dollars, one for a customer.
    func seedDigital() throws {
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try deal("Landing 7 días", lead: "Panadería Ñuñoa", unit: .digital, stage: "Nuevo", cents: 1_250_000, daysAgo: 5)
        try deal("SEO local", lead: "Clínica Dental Sonrisa", unit: .digital, stage: "Nuevo", cents: 300_000, currency: .usd)
        try deal("Campaña Facebook", customerId: 1, unit: .digital, stage: "Contactado", cents: 480_000, daysAgo: 1)
        try deal("Web corporativa", lead: "Transportes Sol", unit: .digital, stage: "Propuesta enviada", cents: 900_000,
                 daysAgo: 2)
    }

    func stageOf(_ id: Int64?) throws -> (String, String?) {
        let dealId = try #require(id)
        let deal = try #require(try DealRepository(db: h.store.db, user: "admin").get(dealId))
        let st = try #require(try pipelines.stage(deal.stageId))
        return (st.stage.name, deal.lostReason)
    }
}

@MainActor
@Suite struct SalesBoardScreenTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func digitalBoardAtSize(size: (Int, Int)) throws {
        let h = try ScreenHarness(width: size.0, height: size.1)
        try SalesFixture(h: h).seedDigital()
        h.go(.sales)
        #expect(h.screen.contains("Ventas · U1 Digital"))
        #expect(h.screen.contains(size.0 >= 100 ? "Panadería Ñuñoa" : "Panadería Ñ…"))
        #expect(h.screen.contains("S/ 12,500.00"))
        #expect(h.screen.contains("US$ 3,000.00"))
        #expect(h.screen.contains("⚠5d"))
        assertGolden(h.app.lastFrame, "sales-board-\(size.0)x\(size.1)")
    }

    @Test func staleBadgeIsInTheWarningRole() throws {
        let h = try ScreenHarness()
        try SalesFixture(h: h).seedDigital()
        h.go(.sales)  // the stale card is second, not selected, so its badge keeps its role
        let frame = h.app.lastFrame
        let row = try #require(frame.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("⚠5d") })
        #expect(frame.roles(row: row).contains(.warning))
    }

    @Test func columnSumConvertsDollarsAtTheDefaultRate() throws {
        let h = try ScreenHarness()
        try SalesFixture(h: h).seedDigital()
        h.go(.sales)
        // Nuevo: S/ 12,500.00 + US$ 3,000.00 × 3.75 = S/ 23,750.00, marked "≈" and with the rate noted.
        #expect(h.screen.contains("≈S/ 23,750.00"))
        #expect(h.screen.contains("TC 3.75 por defecto"))
    }

    @Test func movingACardAcrossTheU2BoardSavesEachStep() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("ERP a medida", lead: "Minera Quispe", unit: .software, stage: "Prospecto", cents: 8_500_000)
        h.go(.sales); h.keys(.char("u"))
        #expect(h.screen.contains("Ventas · U2 Software"))
        let expected = ["Reunión de descubrimiento", "Análisis", "Cotización", "Negociación", "Contrato", "Ganado"]
        for name in expected {
            h.keys(.char(">"))
            #expect(try f.stageOf(deal.id).0 == name)
        }
        #expect(h.screen.contains("ERP a medida → Ganado"))
        h.keys(.char("<"))
        #expect(try f.stageOf(deal.id).0 == "Contrato")
        assertGolden(h.app.lastFrame, "sales-board-u2-moved")
        let audits = try h.store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'deal' AND action = 'update'").intValue
        #expect(audits == 7)
    }

    @Test func lostReasonIsRequiredAndEscCancelsTheMove() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("Landing", lead: "Ferretería Inca", unit: .digital, stage: "Ganado", cents: 150_000)
        h.go(.sales); h.keys(.right, .right, .right)
        h.keys(.char(">"))
        #expect(h.screen.contains("¿Por qué se perdió?"))
        h.keys(.enter)
        #expect(h.screen.contains("El motivo de pérdida es obligatorio."))
        assertGolden(h.app.lastFrame, "sales-lost-reason-required")
        #expect(try f.stageOf(deal.id).0 == "Ganado")
        h.keys(.escape)
        #expect(h.screen.contains("Movimiento cancelado."))
        #expect(try f.stageOf(deal.id).0 == "Ganado")
        h.keys(.char(">"))
        h.type("Eligió a la competencia")
        h.keys(.enter)
        let after = try f.stageOf(deal.id)
        #expect(after.0 == "Perdido")
        #expect(after.1 == "Eligió a la competencia")
    }

    @Test func readOnlyRoleCanLookButNotMoveOrCreate() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fina")
        let f = SalesFixture(h: h)
        let deal = try f.deal("Landing", lead: "Ferretería Inca", unit: .digital, stage: "Nuevo", cents: 150_000)
        h.go(.sales)
        #expect(h.screen.contains("Ferretería Inca"))
        h.keys(.char(">"))
        #expect(h.screen.contains("Su rol (finanzas) no tiene permiso para modificar en Ventas."))
        #expect(try f.stageOf(deal.id).0 == "Nuevo")
        assertGolden(h.app.lastFrame, "sales-board-readonly-refused")
        h.keys(.char("n"))
        #expect(h.screen.contains("no tiene permiso"))
        #expect(!h.screen.contains("Nueva oportunidad"))
    }

    @Test func newDealForANewLeadChecksItsRuc() throws {
        let h = try ScreenHarness()
        h.go(.sales); h.keys(.char("n"))
        #expect(h.screen.contains("Nueva oportunidad"))
        h.type("Cableado estructurado")
        h.keys(.tab, .tab, .tab)
        h.type("Colegio San Martín")
        h.keys(.tab, .right, .tab)  // document: RUC
        h.type("20100047219")
        h.keys(.tab, .tab, .tab)
        h.type("4500")
        h.keys(.tab, .tab)
        h.type("15/12/2026")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("RUC inválido"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM deal").intValue == 0)
        h.keys(.ctrl("u"))  // the failed save focused the RUC
        h.type("20100047218")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Oportunidad guardada: Cableado estructurado"))
        let deal = try #require(try DealRepository(db: h.store.db, user: "admin").deals().first)
        #expect(deal.estimatedValue == Money(minorUnits: 450_000, .pen))
        #expect(deal.expectedClose == LocalDate(year: 2026, month: 12, day: 15))
        #expect(deal.unit == .digital)
        let leadId = try #require(deal.leadId)
        let lead = try #require(try DealRepository(db: h.store.db, user: "admin").lead(leadId))
        #expect(lead.docType == .ruc && lead.docNumber == "20100047218")
        #expect(h.screen.contains("Colegio San Martín"))
    }

    @Test func ownerFilterCyclesThroughUsers() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        try f.deal("Mío", lead: "Cliente A", unit: .digital, stage: "Nuevo", cents: 100_000)
        try f.deal("De otro", lead: "Cliente B", unit: .digital, stage: "Nuevo", cents: 100_000, owner: "rosa")
        h.go(.sales)
        #expect(h.screen.contains("Cliente B"))
        h.keys(.char("f"))
        #expect(h.screen.contains("Vendedor: admin"))
        #expect(h.screen.contains("Cliente A"))
        #expect(!h.screen.contains("Cliente B"))
        h.keys(.char("f"))
        #expect(h.screen.contains("Vendedor: todos"))
        #expect(h.screen.contains("Cliente B"))
    }
}

@MainActor
@Suite struct SalesBoardMoreScreenTests {
    @Test func retiredStageHidesWhenEmptyAndKeepsItsDeals() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        try f.deal("Landing", lead: "Ferretería Inca", unit: .digital, stage: "Contactado", cents: 150_000)
        try f.pipelines.retireStage(try f.stage(.digital, "Propuesta enviada"))
        try f.pipelines.retireStage(try f.stage(.digital, "Contactado"))
        h.go(.sales)
        #expect(!h.screen.contains("Propuesta enviada"))
        #expect(h.screen.contains("Contactado (retirada)"))
        #expect(h.screen.contains("Ferretería Inca"))
    }

    @Test func helpListsEveryBoardKey() throws {
        let h = try ScreenHarness()
        h.go(.sales); h.keys(.char("?"))
        for text in ["Mover la oportunidad", "Cambiar de unidad", "Filtrar por vendedor", "Mis pendientes",
                     "Pronóstico ponderado", "Ver las oportunidades como lista"] {
            #expect(h.screen.contains(text))
        }
    }

    @Test func enterOpensTheDealAndSavesAChange() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("Landing", lead: "Ferretería Inca", unit: .digital, stage: "Nuevo", cents: 150_000)
        h.go(.sales); h.keys(.enter)
        #expect(h.screen.contains("Oportunidad: Landing"))
        #expect(h.screen.contains("Ferretería Inca"))
        #expect(h.screen.contains("U1 · Nuevo"))
        h.keys(.ctrl("u"))
        h.type("Landing premium")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Oportunidad guardada: Landing premium"))
        let dealId = try #require(deal.id)
        #expect(try DealRepository(db: h.store.db, user: "admin").get(dealId)?.title == "Landing premium")
    }

    @Test func dealForAnExistingCustomerIsFoundByRuc() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        h.go(.sales); h.keys(.char("u"), .char("n"))
        h.type("Red WiFi sede Puno")
        h.keys(.tab, .right, .tab)  // party: existing customer
        h.type("Inversiones")
        h.keys(.tab, .tab, .tab, .tab, .tab, .tab)
        h.type("12000")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Oportunidad guardada: Red WiFi sede Puno"))
        let deal = try #require(try DealRepository(db: h.store.db, user: "admin").deals().first)
        #expect(deal.customerId == 4 && deal.unit == .software)
        #expect(h.screen.contains("Inversiones Tit"))
    }
}
