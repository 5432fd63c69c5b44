import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Deals and pipelines in the store")
struct DealRepositoryTests {
    struct Env {
        let folder = TempFolder()
        let db: Database
        let clock = SalesTestClock()
        let deals: DealRepository
        let pipelines: PipelineRepository
        init() throws {
            db = try makeDatabase(folder)
            deals = DealRepository(db: db, user: "ana", now: clock.now)
            pipelines = PipelineRepository(db: db, user: "admin", now: clock.now)
        }
        func pipeline(_ unit: BusinessUnit) throws -> Pipeline { try #require(try pipelines.pipeline(for: unit)) }
        func stageId(_ unit: BusinessUnit, _ name: String) throws -> Int64 {
            try #require(try pipeline(unit).stages.first { $0.name == name }?.id)
        }
        func deal(_ title: String, _ unit: BusinessUnit, stage: String, owner: String = "ana", value: Money,
                  close: LocalDate? = nil, lead: Int64? = nil, customer: Int64? = nil) throws -> Deal {
            var leadId = lead
            if lead == nil && customer == nil { leadId = try deals.createLead(Lead(name: "Lead \(title)")).id }
            return try deals.create(Deal(title: title, leadId: leadId, customerId: customer, unit: unit,
                                         stageId: try stageId(unit, stage), owner: owner, estimatedValue: value,
                                         expectedClose: close, source: .web, stageEnteredAt: Date(timeIntervalSince1970: 0)))
        }
    }

    @Test func createReadAndMoveAcrossTheU2Board() throws {
        let env = try Env()
        let lead = try env.deals.createLead(Lead(name: "Clínica San Borja", docType: .ruc, docNumber: ruc("2055544433"),
                                                 contactName: "Rosa Díaz", phone: "999888777", email: "rosa@csb.pe"))
        #expect(try env.deals.lead(try #require(lead.id)) == lead)
        let deal = try env.deal("Sistema de citas", .software, stage: "Prospecto",
                                value: SalesFixtures.usd("12000"), lead: lead.id)
        let id = try #require(deal.id)
        #expect(deal.stageEnteredAt == env.clock.now())
        #expect(try env.deals.get(id) == deal)
        env.clock.advance(days: 3)
        let moved = try env.deals.move(id, to: try env.stageId(.software, "Análisis"))
        #expect(moved.stageEnteredAt == env.clock.now())
        #expect(try env.deals.get(id) == moved)
        // Lost needs a reason; the refused move changes nothing.
        let lost = try env.stageId(.software, "Perdido")
        #expect(throws: SalesRepositoryError.pipeline(.lostReasonRequired)) { try env.deals.move(id, to: lost) }
        #expect(try env.deals.get(id) == moved)
        let marked = try env.deals.markLost(id, reason: "Eligió otro proveedor")
        #expect(marked.stageId == lost && marked.lostReason == "Eligió otro proveedor")
        // A stage of another unit is refused.
        let u1 = try env.stageId(.digital, "Nuevo")
        #expect(throws: SalesRepositoryError.stageOfAnotherUnit(stageId: u1, unit: .digital)) {
            try env.deals.move(id, to: u1)
        }
        let won = try env.deals.markWon(id)
        #expect(won.stageId == (try env.stageId(.software, "Ganado")) && won.lostReason == nil)
        let audit = try env.db.query("SELECT action FROM audit_log WHERE entity = 'deal' AND entity_id = ?", [.int(id)])
        #expect(audit.map { $0.string("action") } == ["create", "update", "update", "update"])
    }

    @Test func staleFlagFromTheStoredStageTime() throws {
        let env = try Env()
        let deal = try env.deal("Landing 7 días", .digital, stage: "Nuevo", value: SalesFixtures.pen("1500"))
        let stages = try env.pipelines.stagesById()
        let stage = try #require(stages[deal.stageId])
        env.clock.advance(days: 1.5)
        let dealId = try #require(deal.id)
        let stored = try #require(try env.deals.get(dealId))
        #expect(stored.daysInStage(now: env.clock.now()) == 1)
        #expect(!stored.isStale(in: stage, now: env.clock.now()))
        env.clock.advance(days: 1)
        #expect(stored.isStale(in: stage, now: env.clock.now()))
    }

    @Test func columnsCountAndSumPerCurrencyWithOwnerFilter() throws {
        let env = try Env()
        _ = try env.deal("a", .infrastructure, stage: "Prospecto", value: SalesFixtures.pen("1000.50"))
        _ = try env.deal("b", .infrastructure, stage: "Prospecto", owner: "luis", value: SalesFixtures.pen("200"))
        _ = try env.deal("c", .infrastructure, stage: "Prospecto", value: SalesFixtures.usd("300"))
        _ = try env.deal("d", .infrastructure, stage: "Cotización", value: SalesFixtures.pen("50"))
        _ = try env.deal("e", .digital, stage: "Nuevo", value: SalesFixtures.pen("999"))
        let all = try env.deals.columns(unit: .infrastructure)
        #expect(all.map(\.stage.name) == Pipeline.defaultPipeline(for: .infrastructure).stages.map(\.name))
        #expect(all[0].count == 3)
        #expect(all[0].totals == [.pen: SalesFixtures.pen("1200.50"), .usd: SalesFixtures.usd("300")])
        #expect(all[2].count == 1 && all[1].count == 0)
        let mine = try env.deals.columns(unit: .infrastructure, owner: "ana")
        #expect(mine[0].count == 2 && mine[0].totals[.pen] == SalesFixtures.pen("1000.50"))
        let prospect = try env.stageId(.infrastructure, "Prospecto")
        let pager = env.deals.pager(DealQuery(unit: .infrastructure, stageId: prospect, owner: "ana"))
        #expect(try pager.first(10).map(\.item.title) == ["a", "c"])
        #expect(try pager.count() == 2)
        #expect(try env.deals.deals(DealQuery(unit: .digital)).map(\.title) == ["e"])
    }

    @Test func stagesRenameAddReorderAndRetireWithoutLosingDeals() throws {
        let env = try Env()
        let deal = try env.deal("Web", .digital, stage: "Contactado", value: SalesFixtures.pen("800"))
        let contacted = deal.stageId
        let renamed = try env.pipelines.renameStage(contacted, to: "Primer contacto")
        #expect(renamed.name == "Primer contacto")
        let added = try env.pipelines.addStage(Stage(name: "Demo", probability: 45, expectedDays: 2), to: .digital)
        #expect(try env.pipeline(.digital).stages.map(\.name)
                == ["Nuevo", "Primer contacto", "Propuesta enviada", "Demo", "Ganado", "Perdido"])
        var ids = try env.pipeline(.digital).stages.compactMap(\.id)
        ids.swapAt(2, 3)
        try env.pipelines.reorder(.digital, stageIds: ids)
        #expect(try env.pipeline(.digital).stages.map(\.name)
                == ["Nuevo", "Primer contacto", "Demo", "Propuesta enviada", "Ganado", "Perdido"])
        #expect(throws: SalesRepositoryError.stageOrderMismatch) {
            try env.pipelines.reorder(.digital, stageIds: Array(ids.dropLast()))
        }
        // Retire the stage that holds the deal: the deal stays, no new deal can enter.
        try env.pipelines.retireStage(contacted)
        #expect(try env.deals.get(try #require(deal.id))?.stageId == contacted)
        let columns = try env.deals.columns(unit: .digital)
        #expect(columns.first { $0.stage.id == contacted }?.count == 1)
        #expect(columns.first { $0.stage.id == contacted }?.stage.active == false)
        #expect(throws: SalesRepositoryError.pipeline(.stageRetired(contacted))) {
            try env.deal("Otro", .digital, stage: "Primer contacto", value: SalesFixtures.pen("1"))
        }
        // The deal moves on from the retired stage.
        let moved = try env.deals.move(try #require(deal.id), to: try #require(added.id))
        #expect(moved.stageId == added.id)
        #expect(try env.deals.columns(unit: .digital).contains { $0.stage.id == contacted } == false)
        // The last won stage cannot be retired.
        let won = try env.stageId(.digital, "Ganado")
        #expect(throws: SalesRepositoryError.pipeline(.needsWonAndLostStage)) { try env.pipelines.retireStage(won) }
        try env.pipelines.restoreStage(contacted)
        #expect(try env.pipeline(.digital).stages.first { $0.id == contacted }?.active == true)
        #expect(try count(env.db, "audit_log") > 5)
    }

    @Test func pendingActivitiesDueTodayAndOverdue() throws {
        let env = try Env()
        let deal = try env.deal("Cableado", .infrastructure, stage: "Prospecto", value: SalesFixtures.pen("5000"))
        let dealId = try #require(deal.id)
        let today = LocalDate(year: 2026, month: 3, day: 10)!
        func add(_ subject: String, _ offset: Int?, owner: String = "ana", kind: ActivityKind = .call) throws -> Activity {
            try env.deals.addActivity(Activity(dealId: dealId, kind: kind, subject: subject,
                                               dueDate: offset.map { today.adding(days: $0) }, owner: owner))
        }
        _ = try add("Ayer", -1)
        _ = try add("Hace una semana", -7, kind: .whatsapp)
        let todayTask = try add("Hoy", 0, kind: .meeting)
        _ = try add("Mañana", 1)
        _ = try add("Sin fecha", nil, kind: .task)
        _ = try add("De Luis", 0, owner: "luis")
        #expect(try env.deals.pending(owner: "ana", today: today).map(\.subject) == ["Hace una semana", "Ayer", "Hoy"])
        try env.deals.setActivityDone(try #require(todayTask.id))
        #expect(try env.deals.pending(owner: "ana", today: today).map(\.subject) == ["Hace una semana", "Ayer"])
        #expect(try env.deals.activities(dealId: dealId).count == 6)
        #expect(throws: SalesRepositoryError.notFound(SalesAuditEntity.deal, 999)) {
            try env.deals.addActivity(Activity(dealId: 999, kind: .call, subject: "x", owner: "ana"))
        }
    }

    @Test func forecastFromStoredDeals() throws {
        let env = try Env()
        let march = LocalDate(year: 2026, month: 3, day: 25)!
        _ = try env.deal("a", .digital, stage: "Propuesta enviada", value: SalesFixtures.pen("1000"), close: march)
        _ = try env.deal("b", .software, stage: "Cotización", value: SalesFixtures.usd("2000"), close: march)
        _ = try env.deal("c", .software, stage: "Ganado", value: SalesFixtures.usd("9000"), close: march)
        let f = try #require(try env.deals.forecast(currency: .pen, penPerUSD: SalesFixtures.dec("3.75")))
        #expect(f.map(\.unit) == [.digital, .software])
        #expect(f.map(\.weighted) == [SalesFixtures.pen("600"), SalesFixtures.pen("3750")])
        #expect(try env.deals.forecast(currency: .pen, penPerUSD: nil) == nil)
        #expect(try env.deals.forecast(currency: .pen, penPerUSD: nil, unit: .digital)?.count == 1)
    }
}
