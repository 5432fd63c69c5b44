import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct SalesStagesScreenTests {
    func names(_ h: ScreenHarness, _ unit: BusinessUnit) throws -> [String] {
        try #require(try PipelineRepository(db: h.store.db, user: "admin").pipeline(for: unit)).stages.map(\.name)
    }

    @Test func adminRenamesAddsReordersAndRetiresWithoutLosingDeals() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let deal = try f.deal("Landing", lead: "Ferretería Inca", unit: .digital, stage: "Contactado", cents: 150_000)
        let dealId = try #require(deal.id)
        h.go(.sales); h.keys(.char("E"))
        #expect(h.screen.contains("Etapas del embudo · U1 Digital"))
        #expect(h.screen.contains("Propuesta enviada"))
        // Rename "Contactado" (row 2): its deal stays in it.
        h.keys(.down, .enter)
        #expect(h.screen.contains("Etapa: Contactado"))
        h.keys(.ctrl("u"))
        h.type("Primer contacto")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Etapa guardada: Primer contacto"))
        #expect(try f.stageOf(dealId).0 == "Primer contacto")
        // A new open stage goes after the last open one.
        h.keys(.char("n"))
        h.type("Demo agendada")
        h.keys(.tab)
        h.type("45")
        h.keys(.tab)
        h.type("2")
        h.keys(.ctrl("s"))
        #expect(try names(h, .digital) == ["Nuevo", "Primer contacto", "Propuesta enviada", "Demo agendada", "Ganado", "Perdido"])
        // Move "Primer contacto" one place later.
        h.keys(.home, .down, .char("+"))
        #expect(try names(h, .digital) == ["Nuevo", "Propuesta enviada", "Primer contacto", "Demo agendada", "Ganado", "Perdido"])
        #expect(h.screen.contains("ahora en la posición 3"))
        // Retire it: the deal keeps its stage, and the board shows the retired column with it.
        h.keys(.char("r"))
        #expect(h.screen.contains("Etapa retirada: Primer contacto (conserva 1 oportunidad(es))"))
        #expect(try f.stageOf(dealId).0 == "Primer contacto")
        // The won stage cannot be retired (the pipeline needs one).
        h.keys(.end, .up, .char("r"))
        #expect(h.screen.contains("El embudo debe conservar una etapa activa de ganado y otra de perdido."))
        h.keys(.escape)
        #expect(h.screen.contains("Primer contacto"))  // the retired column stays while it holds a deal
        #expect(try h.store.db.scalar("SELECT active FROM pipeline_stage WHERE name = 'Primer contacto'").intValue == 0)
        #expect(h.screen.contains("Ferretería Inca"))
        #expect(h.screen.contains("Demo agendada"))
        let audits = try h.store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'pipeline_stage'").intValue
        #expect(audits == 4)
    }

    @Test func onlyAnAdminChangesStages() throws {
        let h = try ScreenHarness(role: .ventas, login: "rosa")
        h.go(.sales); h.keys(.char("E"))
        #expect(h.screen.contains("Etapas del embudo"))
        h.keys(.char("n"))
        #expect(h.screen.contains("Solo un administrador cambia las etapas del embudo."))
        h.keys(.char("r"))
        #expect(try names(h, .digital) == Pipeline.defaultPipeline(for: .digital).stages.map(\.name))
        #expect(try h.store.db.scalar("SELECT count(*) FROM pipeline_stage WHERE active = 0").intValue == 0)
    }
}
