import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The new-project form driven by keys over a memory desk: the customer, template and manager pickers, the
/// template's due dates before saving, and what it refuses (dates, a 20-digit amount) without losing a value.
@MainActor
@Suite struct NewProjectFormScreenTests {
    /// Opens the form and types the name.
    func openForm(_ h: ScreenHarness) -> MemoryProjectsDesk {
        let desk = h.openProjects()
        h.keys(.char("n"))
        h.type("Landing Pisco")
        h.keys(.tab)
        return desk
    }

    @Test func customerAndTemplateArePickedByTypingPartOfTheirNames() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        let desk = openForm(h)
        h.type("ñaña")
        #expect(h.screen.contains("Cliente del proyecto") && h.screen.contains("Ferretería Ñaña E.I.R.L.")
                && h.screen.contains("RUC 20601234567") && !h.screen.contains("Comercial Andina"), "\(h.screen)")
        h.keys(.enter)
        #expect(h.screen.contains("20601234567 · Ferretería Ñaña E.I.R.L."), "\(h.screen)")
        h.keys(.tab, .tab, .tab)
        h.type("seo")
        #expect(h.screen.contains("Plantilla de tarjetas") && h.screen.contains("U1 · 3 pasos · 20 días háb.")
                && !h.screen.contains("Landing page 7 días"), "\(h.screen)")
        h.keys(.enter)
        // Promised 25/11/2026 (today + 7): the memory desk puts the three steps on 23, 24 and 25/11.
        #expect(h.screen.contains("inicio 23/11/2026 · Paso 1 23/11 · Paso 2 24/11") && h.screen.contains("Paso 3 25/11")
                && h.screen.contains("«SEO mensual»: empezar el 23/11/2026; la última tarjeta vence el 25/11/2026."), "\(h.screen)")
        h.keys(.tab)
        h.type("tito")
        #expect(h.screen.contains("Tito Técnico"), "\(h.screen)")
        h.keys(.enter)
        h.keys(.ctrl("s"))
        let created = try #require(desk.created.first, "\(h.screen)")
        #expect(created.customerDocument == "20601234567" && created.template == "SEO mensual" && created.kind == .kanban)
        #expect(created.manager == "tecnico" && created.sold == Money.zero(.pen))
    }

    @Test func wrongDatesAndTwentyDigitsAreRefusedNamingTheFieldAndNothingIsLost() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        let desk = openForm(h)
        h.type("20100")
        h.keys(.enter, .tab, .tab, .tab, .tab, .tab)
        h.keys(.ctrl("u"))
        h.type("31/02/2026")
        h.keys(.tab, .ctrl("u"))
        h.type("01/11/2026")
        h.keys(.tab, .tab)
        h.type("12345678901234567890")
        h.keys(.ctrl("s"))
        var screen = h.screen
        #expect(desk.created.isEmpty)
        #expect(screen.contains("Inicio: fecha no válida, use dd/mm/aaaa.") && screen.contains("Monto vendido: "), "\(screen)")
        #expect(screen.contains("Corrija los campos marcados: Inicio, Monto vendido"), "\(screen)")
        for kept in ["Landing Pisco", "20100047218 · Comercial Andina S.A.C.", "31/02/2026", "01/11/2026", "12345678901234567890"] {
            #expect(screen.contains(kept), "falta «\(kept)»\n\(screen)")
        }
        h.keys(.ctrl("u"))
        h.type("18/11/2026")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("La fecha prometida no puede ser anterior al inicio."), "\(h.screen)")
        #expect(desk.created.isEmpty)
        h.keys(.ctrl("u"))
        h.type("30/11/2026")
        h.keys(.tab, .tab)
        for _ in 0..<20 { h.keys(.backspace) }
        h.type("15000.50")
        h.keys(.ctrl("s"))
        screen = h.screen
        let created = try #require(desk.created.first, "\(screen)")
        #expect(created.sold == Money(minorUnits: 1_500_050, .pen) && created.promisedDate == LocalDate(year: 2026, month: 11, day: 30))
        #expect(created.startDate == LocalDate(year: 2026, month: 11, day: 18) && created.template.isEmpty)
    }

    @Test func aTemplateOnAMilestoneProjectIsRefusedAndBackspaceClearsAPick() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        let desk = openForm(h)
        h.type("rosa")
        h.keys(.enter, .tab, .tab, .right)
        h.keys(.tab)
        h.type("land")
        h.keys(.enter)
        // Picking the template set the kind back to Kanban; choose Por hitos again.
        #expect(h.screen.contains("Landing page 7 días"), "\(h.screen)")
        h.keys(.backTab, .right)
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Plantilla: solo los proyectos kanban llevan plantilla"), "\(h.screen)")
        #expect(desk.created.isEmpty)
        h.keys(.backspace)
        #expect(!h.screen.contains("Landing page 7 días"), "\(h.screen)")
        h.keys(.ctrl("s"))
        let created = try #require(desk.created.first, "\(h.screen)")
        #expect(created.kind == .milestones && created.template.isEmpty && created.customerDocument == "45678912")
    }

    @Test func aTemplateThatMustStartBeforeTheStartTypedIsSaidBesideTheStart() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        _ = openForm(h)
        h.keys(.tab, .tab, .tab, .tab, .tab, .ctrl("u"))
        h.type("24/11/2026")
        h.keys(.backTab, .backTab)
        h.type("seo")
        h.keys(.enter)
        let line = try #require(h.line(with: "Inicio"))
        let lines = h.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line].contains("La plantilla empieza el 23/11/2026"), "\(h.screen)")
        h.keys(.tab, .tab, .tab, .ctrl("u"))
        h.type("26/11/2026")
        h.keys(.tab)
        #expect(!h.screen.contains("La plantilla empieza el"), "\(h.screen)")
        #expect(h.screen.contains("inicio 24/11/2026"), "\(h.screen)")
    }

    @Test func theContractIsPickedAmongThePickedCustomersOnly() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        let desk = openForm(h)
        for _ in 0..<9 { h.keys(.tab) }
        h.type("c")
        #expect(h.screen.contains("Contrato: elija primero el cliente."), "\(h.screen)")
        for _ in 0..<9 { h.keys(.backTab) }
        h.type("andina")
        h.keys(.enter)
        for _ in 0..<9 { h.keys(.tab) }
        h.type("ctr")
        #expect(h.screen.contains("Contrato del cliente") && h.screen.contains("COT-2026-00042 v2 · U1"), "\(h.screen)")
        h.keys(.enter, .ctrl("s"))
        let created = try #require(desk.created.first, "\(h.screen)")
        #expect(created.contract == "CTR-2026-00007" && created.customerDocument == "20100047218")
    }

    @Test func escapeAsksAndTheDraftKeepsThePickedCustomer() throws {
        let h = try ScreenHarness(width: 120, height: 34)
        let desk = openForm(h)
        h.type("andina")
        h.keys(.enter, .escape)
        #expect(h.screen.contains("¿Descartar"), "\(h.screen)")
        h.keys(.char("n"))
        #expect(h.projectsTop is FormScreen && h.screen.contains("20100047218 · Comercial Andina S.A.C."), "\(h.screen)")
        // The connection drops: the form goes without asking, its draft stays.
        h.app.stacks[.projects]?.removeLast()
        h.app.draw()
        h.keys(.char("n"))
        #expect(h.screen.contains("borrador"), "\(h.screen)")
        h.keys(.char("s"))
        #expect(h.screen.contains("Landing Pisco") && h.screen.contains("20100047218 · Comercial Andina S.A.C."), "\(h.screen)")
        h.keys(.ctrl("s"))
        #expect(desk.created.map(\.customerDocument) == ["20100047218"], "\(h.screen)")
    }
}
