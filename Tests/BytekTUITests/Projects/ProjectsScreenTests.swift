import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
extension ScreenHarness {
    /// Proyectos open over a memory desk with four projects (ok, en riesgo, atrasado, bloqueado) and seven cards.
    @discardableResult
    func openProjects(_ desk: MemoryProjectsDesk = .sample(), canWrite: Bool = true) -> MemoryProjectsDesk {
        go(.projects)
        app.stacks[.projects] = [ProjectListScreen(desk: desk, strings: app.context.strings, drafts: DraftRepository(db: store.db),
                                                   canWrite: canWrite)]
        app.draw()
        return desk
    }

    var projectsTop: (any Screen)? { app.stacks[.projects]?.last }

    /// The line of the screen holding `text`.
    func line(with text: String) -> Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }
    }
}

@MainActor
@Suite struct ProjectsScreenTests {
    @Test func listShowsProgressPromisedDateAndHealthInItsStyle() throws {
        let h = try ScreenHarness(width: 140, height: 30)
        h.openProjects()
        let screen = h.screen
        for text in ["Código", "Nombre", "Estado", "Cliente", "Responsable", "Avance", "Prometido", "Salud", "PRY-2026-00001",
                     "Landing Ñaña", "Ferretería Ñaña", "operaciones", "20/11/2026", "en riesgo", "atrasado", "bloqueado",
                     "█", "75 %", "4 filas"] {
            #expect(screen.contains(text), "falta «\(text)»\n\(screen)")
        }
        let risk = try #require(h.line(with: "Landing Ñaña")), late = try #require(h.line(with: "Campaña Titicaca"))
        let ok = try #require(h.line(with: "SEO mensual"))
        #expect(h.app.lastFrame.roles(row: late).contains(.danger) || h.app.lastFrame.roles(row: late).contains(.selected))
        #expect(h.app.lastFrame.roles(row: risk).contains(.warning) || h.app.lastFrame.roles(row: risk).contains(.selected))
        #expect(!h.app.lastFrame.roles(row: ok).contains(.danger) && !h.app.lastFrame.roles(row: ok).contains(.warning))
        h.keys(.char("/"))
        h.type("titi")
        #expect(h.screen.contains("1 fila") && h.screen.contains("Campaña Titicaca") && !h.screen.contains("Landing Ñaña"), "\(h.screen)")
    }

    @Test func readOnlyRolesSeeNoWriteKeysAndCannotArchive() throws {
        let h = try ScreenHarness(role: .ventas, login: "ventas", width: 140, height: 30)
        let desk = h.openProjects(canWrite: false)
        let list = try #require(h.projectsTop as? ProjectListScreen)
        let keys = list.bindings.flatMap(\.keys)
        #expect(!keys.contains(.char("n")) && !keys.contains(.char("a")) && keys.contains(.char("b")))
        h.keys(.char("a"))
        h.keys(.char("s"))
        #expect(desk.archived.isEmpty)
        h.keys(.char("n"))
        #expect(h.projectsTop is ProjectListScreen)
    }

    @Test func archiveAsksFirstThenArchives() throws {
        let h = try ScreenHarness(width: 140, height: 30)
        let desk = h.openProjects()
        h.keys(.char("a"))
        #expect(h.screen.contains("¿Archivar el proyecto PRY-2026-00001"), "\(h.screen)")
        h.keys(.char("n"))
        #expect(desk.archived.isEmpty)
        h.keys(.char("a"), .char("s"))
        #expect(desk.archived == [1])
        #expect(h.screen.contains("Proyecto PRY-2026-00001 archivado."), "\(h.screen)")
        #expect(h.screen.contains("Archivado"))
    }

    @Test func newProjectFormRefusesBadInputAndCreates() throws {
        let h = try ScreenHarness(width: 140, height: 34)
        let desk = h.openProjects()
        h.keys(.char("n"))
        #expect(h.screen.contains("Nuevo proyecto"), "\(h.screen)")
        h.type("Landing Pisco")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Cliente: escriba parte del nombre o del RUC/DNI y elija."), "\(h.screen)")
        #expect(desk.created.isEmpty)
        h.type("20100047218")
        h.keys(.enter)
        h.keys(.ctrl("s"))
        #expect(desk.created.map(\.name) == ["Landing Pisco"], "\(h.screen)")
        #expect(desk.created.first?.customerDocument == "20100047218")
        #expect(desk.created.first?.promisedDate == LocalDate(year: 2026, month: 11, day: 25))
        #expect(h.screen.contains("PRY-2026-00005"), "\(h.screen)")
    }

    @Test func projectTabsShowHeaderGateMilestonesHoursDocumentsAndHistory() throws {
        let h = try ScreenHarness(width: 140, height: 32)
        h.openProjects()
        h.keys(.end, .enter)
        #expect(h.projectsTop is ProjectScreen)
        var screen = h.screen
        for text in ["PRY-2026-00004", "ERP a medida Peña", "Peña & Ñahui Ingenieros S.A.C.", "Responsable: operaciones",
                     "bloqueado", "Tareas", "Hitos", "Horas", "Documentos", "Historial"] {
            #expect(screen.contains(text), "falta «\(text)»\n\(screen)")
        }
        let gate = try #require(h.line(with: "Bloqueado por pago: F001-123 vencida hace 12 días"))
        #expect(h.app.lastFrame.roles(row: gate).contains(.danger))
        h.keys(.tab)
        screen = h.screen
        for text in ["Hito", "Entregables", "Análisis", "Facturado", "5,900.00", "29/10/2026", "2"] {
            #expect(screen.contains(text), "falta «\(text)»\n\(screen)")
        }
        h.keys(.char("3"))
        #expect(h.screen.contains("Horas del proyecto") && h.screen.contains("cuando el registro de horas esté disponible"), "\(h.screen)")
        h.keys(.char("4"))
        #expect(h.screen.contains("COT-2026-00042") && h.screen.contains("F001-123") && h.screen.contains("19,666.67"), "\(h.screen)")
        h.keys(.char("5"))
        #expect(h.screen.contains("Desde la cotización COT-2026-00042") && h.screen.contains("crear"), "\(h.screen)")
        h.keys(.backTab, .backTab, .backTab, .backTab)
        #expect((h.projectsTop as? ProjectScreen)?.tab == .tasks)
        h.keys(.escape)
        #expect(h.projectsTop is ProjectListScreen)
    }

    /// The gate closed after the screen was read (a lift ended, a due date passed): the refused `>` says why in
    /// the status line and the header reads the project again, so it shows the block too; the card stays.
    @Test func aMoveRefusedByTheGateBringsTheBlockBackToTheHeader() throws {
        let h = try ScreenHarness(width: 140, height: 32)
        let desk = h.openProjects()
        h.keys(.enter)
        #expect(h.screen.contains("PRY-2026-00001") && !h.screen.contains("✖ Bloqueado por pago"), "\(h.screen)")
        let why = "Bloqueado por pago: F001-9 vencida hace 2 días, debe S/ 100.00"
        desk.refuseMoves = why
        desk.projects[0].gateMessage = why
        h.keys(.char(">"))
        let header = try #require(h.line(with: "✖ " + why), "\(h.screen)")
        #expect(h.app.lastFrame.roles(row: header).contains(.danger))
        #expect(desk.tasks.first { $0.task.id == 3 }?.task.state == .todo)
    }

    @Test func projectBoardHoldsOnlyItsCards() throws {
        let h = try ScreenHarness(width: 140, height: 32)
        h.openProjects()
        h.keys(.enter)
        let screen = h.screen
        #expect(screen.contains("Brief del cliente") && screen.contains("Diseño de la") && screen.contains("Contenido"), "\(screen)")
        #expect(!screen.contains("Optimizar fichas") && !screen.contains("Piezas para Facebook"), "\(screen)")
    }
}
