import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct SalesListScreenTests {
    private func seeded() throws -> (ScreenHarness, SalesFixture) {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        try f.seedDigital()
        return (h, f)
    }

    @Test func listShowsTheBoardsDealsWithFilters() throws {
        let (h, f) = try seeded()
        try f.deal("Servidor NAS", lead: "Estudio Contable Ríos", unit: .infrastructure, stage: "Prospecto",
                   cents: 2_300_000, close: LocalDate(year: 2026, month: 12, day: 1))
        h.go(.sales); h.keys(.char("l"))
        #expect(h.screen.contains("Oportunidades"))
        #expect(h.screen.contains("Panadería Ñuñoa"))
        #expect(!h.screen.contains("Estudio Contable Ríos"))  // the board's unit (U1) carries over
        assertGolden(h.app.lastFrame, "sales-list-120x40")
        h.keys(.char("v"))  // stale only
        #expect(h.screen.contains("Panadería Ñuñoa"))
        #expect(!h.screen.contains("Clínica Dental Sonrisa"))
        #expect(h.screen.contains("1 fila"))
        h.keys(.char("v"), .char("u"))  // U1 → U2
        #expect(h.screen.contains("0 filas"))
        h.keys(.char("u"), .char("u"))  // U3, then all units
        #expect(h.screen.contains("Estudio Contable Ríos"))
        #expect(h.screen.contains("5 filas"))
        h.keys(.char("o"))  // by value, largest first
        let lines = h.screen.split(separator: "\n")
        let nas = try #require(lines.firstIndex { $0.contains("Estudio Contable Ríos") })
        let panaderia = try #require(lines.firstIndex { $0.contains("Panadería Ñuñoa") })
        #expect(nas < panaderia)
    }

    @Test func pendingShowsTodayAndOverdueForTheUser() throws {
        let (h, _) = try seeded()
        let repo = DealRepository(db: h.store.db, user: "admin")
        let today = LocalDate(ScreenHarness.fixedNow, in: SalesServices.lima)
        try repo.addActivity(Activity(dealId: 1, kind: .call, subject: "Llamar para confirmar", dueDate: today.adding(days: -2), owner: "admin"))
        try repo.addActivity(Activity(dealId: 2, kind: .whatsapp, subject: "Enviar propuesta", dueDate: today, owner: "admin"))
        try repo.addActivity(Activity(dealId: 3, kind: .meeting, subject: "Reunión futura", dueDate: today.adding(days: 3), owner: "admin"))
        try repo.addActivity(Activity(dealId: 3, kind: .task, subject: "De otra persona", dueDate: today, owner: "rosa"))
        try repo.addActivity(Activity(dealId: 4, kind: .email, subject: "Ya hecha", dueDate: today, owner: "admin", done: true))
        h.go(.sales); h.keys(.char("m"))
        #expect(h.screen.contains("Mis pendientes"))
        #expect(h.screen.contains("Llamar para confirmar"))
        #expect(h.screen.contains("VENCIDA"))
        #expect(h.screen.contains("Enviar propuesta"))
        #expect(!h.screen.contains("Reunión futura"))
        #expect(!h.screen.contains("De otra persona"))
        #expect(!h.screen.contains("Ya hecha"))
        assertGolden(h.app.lastFrame, "sales-pending-120x40")
        let frame = h.app.lastFrame
        let row = try #require(frame.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("Llamar para confirmar") })
        // The overdue row is the selected one; move off it to see its own role.
        h.keys(.down)
        #expect(h.app.lastFrame.roles(row: row).contains(.error))
        h.keys(.char("x"))  // marks "Enviar propuesta" done
        #expect(h.screen.contains("Hecha: Enviar propuesta"))
        #expect(try repo.pending(owner: "admin", today: today).map(\.subject) == ["Llamar para confirmar"])
    }

    @Test func activityIsAddedFromTheBoardAndMarkedDone() throws {
        let (h, _) = try seeded()
        h.go(.sales); h.keys(.char("a"))
        #expect(h.screen.contains("Actividades"))
        h.keys(.char("n"))
        #expect(h.screen.contains("Nueva actividad"))
        h.keys(.right, .tab, .tab)  // Reunión; keep today's date
        h.type("Demo del sitio")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Actividad guardada: Reunión · Demo del sitio"))
        #expect(h.screen.contains("Demo del sitio"))
        h.keys(.char("x"))
        #expect(h.screen.contains("Hecha: Demo del sitio"))
        let a = try #require(try DealRepository(db: h.store.db, user: "admin").activities(dealId: 2).first)
        #expect(a.done && a.kind == .meeting)
    }

    /// The screen offers `x` to everyone; the operations layer refuses a read-only role, in the
    /// same words as the board's own check, and nothing changes.
    @Test func aReadOnlyRoleIsRefusedByTheServiceWhenMarkingDone() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fina")
        let f = SalesFixture(h: h)
        try f.seedDigital()
        try DealRepository(db: h.store.db, user: "admin")
            .addActivity(Activity(dealId: 2, kind: .call, subject: "Llamar al gerente", owner: "admin"))
        h.go(.sales); h.keys(.char("a"))
        #expect(h.screen.contains("Llamar al gerente"))
        h.keys(.char("x"))
        #expect(h.screen.contains("Su rol (finanzas) no tiene permiso para modificar en Ventas."))
        #expect(try DealRepository(db: h.store.db, user: "admin").activities(dealId: 2).first?.done == false)
    }

    @Test func forecastWeighsByStageProbability() throws {
        let h = try ScreenHarness()
        let f = SalesFixture(h: h)
        let dec = LocalDate(year: 2026, month: 12, day: 10)
        // Nuevo 10% of 10,000 + Propuesta enviada 60% of 5,000 = 4,000 in Dec (U1); U2 Prospecto in Jan.
        try f.deal("A", lead: "L1", unit: .digital, stage: "Nuevo", cents: 1_000_000, close: dec)
        try f.deal("B", lead: "L2", unit: .digital, stage: "Propuesta enviada", cents: 500_000, close: dec)
        try f.deal("C", lead: "L3", unit: .software, stage: "Prospecto", cents: 2_000_000,
                   close: LocalDate(year: 2027, month: 1, day: 5))
        h.go(.sales); h.keys(.char("p"))
        #expect(h.screen.contains("Pronóstico ponderado"))
        #expect(h.screen.contains("dic 2026"))
        #expect(h.screen.contains("S/ 4,000.00"))
        #expect(h.screen.contains("█"))
        assertGolden(h.app.lastFrame, "sales-forecast-120x40")
    }

    @Test func barsUseEighthBlocks() {
        #expect(ForecastScreen.bar(10, max: 10, width: 4) == "████")
        #expect(ForecastScreen.bar(5, max: 10, width: 3) == "█▌")
        #expect(ForecastScreen.bar(0, max: 10, width: 3) == "")
    }
}
