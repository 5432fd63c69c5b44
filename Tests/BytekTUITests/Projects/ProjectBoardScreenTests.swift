import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
extension ScreenHarness {
    /// The team board open from the project list (`b`).
    @discardableResult
    func openTeamBoard(_ desk: MemoryProjectsDesk = .sample()) -> MemoryProjectsDesk {
        openProjects(desk)
        keys(.char("b"))
        return desk
    }

    var teamBoard: TeamBoardScreen? { projectsTop as? TeamBoardScreen }

    /// Selects the card titled `title` on the team board.
    func selectCard(_ title: String) {
        guard let board = teamBoard?.board, let card = board.model.cards.first(where: { $0.task.title == title }) else { return }
        board.select(card.task.id)
        app.draw()
    }
}

@MainActor
@Suite struct ProjectBoardScreenTests {
    @Test func teamBoardShowsColumnsLimitsAndCards() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        h.openTeamBoard()
        let screen = h.screen
        for text in ["Tablero del equipo · U1 Digital", "Por hacer 3", "En curso 2/2", "En revisión 1/3", "Hecho 1", "Contenido",
                     "PRY-2026-00001 · Ferretería Ñaña", "luis · vence 18/11", "☑ 1/3", "3 d en col.", "✖ Falta el logo del cliente",
                     "atrasada 1 d", "vence hoy", "vence mañana", "sin asignar", "7 tarjetas"] {
            #expect(screen.contains(text), "falta «\(text)»\n\(screen)")
        }
        let late = try #require(h.line(with: "atrasada 1 d"))
        #expect(h.app.lastFrame.roles(row: late).contains(.danger) || h.app.lastFrame.roles(row: late).contains(.cardSelected))
        let today = try #require(h.line(with: "vence hoy"))
        #expect(h.app.lastFrame.roles(row: today).contains(.warning) || h.app.lastFrame.roles(row: today).contains(.cardSelected))
    }

    @Test func moveWIPRefusalAndOverrideWithReason() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let desk = h.openTeamBoard()
        // Review → Done is free.
        h.selectCard("Revisión de copys")
        h.keys(.char(">"))
        #expect(desk.tasks.first { $0.task.id == 7 }?.task.state == .done)
        #expect(h.screen.contains("«Revisión de copys» pasó a Hecho."), "\(h.screen)")
        #expect(h.screen.contains("Hecho 2"))
        // Todo → En curso, which holds 2 of 2: refused, the reason asked; Esc leaves it where it was.
        h.selectCard("Contenido")
        h.keys(.char(">"))
        #expect(h.screen.contains("Límite de trabajo en curso") && h.screen.contains("En curso ya tiene 2 tarjetas"), "\(h.screen)")
        h.keys(.escape)
        #expect(desk.tasks.first { $0.task.id == 3 }?.task.state == .todo)
        #expect(h.screen.contains("Movimiento cancelado"), "\(h.screen)")
        h.keys(.char(">"))
        h.keys(.enter)
        #expect(h.screen.contains("Escriba el motivo para pasar el límite."), "\(h.screen)")
        h.type("Cliente pidió prioridad")
        h.keys(.enter)
        #expect(desk.tasks.first { $0.task.id == 3 }?.task.state == .inProgress)
        #expect(desk.overrides.map(\.1) == ["Cliente pidió prioridad"])
        #expect(h.screen.contains("En curso 3/2") && h.screen.contains("por encima del límite"), "\(h.screen)")
        let header = try #require(h.line(with: "En curso 3/2"))
        #expect(h.app.lastFrame.roles(row: header).contains(.warning))
        #expect(h.teamBoard?.board.selectedCard?.task.id == 3)
        #expect(desk.boardReads == 1, "a move updates the board in memory")
    }

    @Test func blockedCardIsRefusedInSpanishThenUnblockedMoves() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let desk = h.openTeamBoard()
        h.selectCard("Piezas para Facebook")
        h.keys(.char(">"))
        #expect(h.screen.contains("está bloqueada: Falta el logo del cliente"), "\(h.screen)")
        #expect(desk.tasks.first { $0.task.id == 6 }?.task.state == .todo)
        h.keys(.char("b"))
        #expect(h.screen.contains("«Piezas para Facebook» desbloqueada."), "\(h.screen)")
        #expect(!h.screen.contains("✖ Falta el logo"))
        // Blocking asks the reason.
        h.selectCard("Informe de palabras clave")
        h.keys(.char("b"))
        #expect(h.screen.contains("¿Qué bloquea «Informe de palabras clave»?"), "\(h.screen)")
        h.type("Esperando accesos a Search Console")
        h.keys(.enter)
        #expect(desk.tasks.first { $0.task.id == 4 }?.task.blocked == true)
        #expect(h.screen.contains("✖ Esperando accesos a Search"), "\(h.screen)")
    }

    @Test func filterNarrowsInMemoryPerKeystrokeAndSwimlanesGroup() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let desk = h.openTeamBoard()
        h.keys(.char("/"))
        h.type("ñana")          // no accent typed: matches "Ñaña" (customer) on the landing's cards
        var screen = h.screen
        #expect(screen.contains("3 tarjetas") && screen.contains("Diseño de la landing") && !screen.contains("Optimizar fichas"), "\(screen)")
        h.keys(.backspace, .backspace, .backspace, .backspace)
        h.type("carla")         // assignee
        screen = h.screen
        #expect(screen.contains("2 tarjetas") && screen.contains("Optimizar fichas") && screen.contains("Revisión de copys"), "\(screen)")
        h.keys(.escape)
        h.keys(.char("/"))
        h.type("PRY-2026-00003") // code
        #expect(h.screen.contains("2 tarjetas") && h.screen.contains("Piezas para Facebook"), "\(h.screen)")
        h.keys(.escape)
        #expect(h.screen.contains("7 tarjetas"))
        #expect(desk.boardReads == 1, "filtering reads nothing")
        h.keys(.char("s"))
        screen = h.screen
        #expect(screen.contains("carriles por responsable") && screen.contains("▸ ana") && screen.contains("▸ luis") && screen.contains("▸ sin asignar"), "\(screen)")
        h.keys(.char("s"))
        screen = h.screen
        #expect(screen.contains("carriles por cliente") && screen.contains("▸ Comercial Andina S.A.C."), "\(screen)")
        h.keys(.char("s"))
        #expect(!h.screen.contains("▸ "), "\(h.screen)")
        #expect(desk.boardReads == 1)
    }

    @Test func cardOpensWithItsChecklistAndSpaceToggles() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let desk = h.openTeamBoard()
        h.selectCard("Diseño de la landing")
        h.keys(.enter)
        var screen = h.screen
        for text in ["Diseño de la landing", "Responsable: ana", "Vence: 17/11/2026", "Checklist 1/3", "[x] Boceto móvil", "[ ] Boceto escritorio"] {
            #expect(screen.contains(text), "falta «\(text)»\n\(screen)")
        }
        h.keys(.down, .char(" "))
        screen = h.screen
        #expect(screen.contains("Checklist 2/3") && screen.contains("[x] Boceto escritorio"), "\(screen)")
        #expect(desk.checks[2]?.filter(\.done).count == 2)
        h.keys(.escape)
        #expect(h.screen.contains("☑ 2/3"), "\(h.screen)")
    }

    @Test func readOnlyBoardRefusesMoves() throws {
        let h = try ScreenHarness(role: .ventas, login: "ventas", width: 160, height: 40)
        let desk = MemoryProjectsDesk.sample()
        h.openProjects(desk, canWrite: false)
        h.keys(.char("b"))
        h.selectCard("Contenido")
        h.keys(.char(">"))
        #expect(desk.tasks.first { $0.task.id == 3 }?.task.state == .todo)
        #expect(h.teamBoard?.bindings.flatMap(\.keys).contains(.char(">")) == false)
    }
}

@MainActor
@Suite struct ProjectBoardEmojiScreenTests {
    /// Wide emoji in card titles: the terminal draws them two cells wide, and the card's right border stays
    /// where the border of the plain lines is (measured the way the C library, and so tmux, counts cells).
    @Test func wideEmojiKeepTheCardBordersInLine() throws {
        let h = try ScreenHarness(width: 160, height: 40)
        let desk = MemoryProjectsDesk.sample()
        desk.tasks[2].task.title = "⛔ Urgente 🚀 lanzamiento"
        desk.tasks[3].task.title = "🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀 ✅ fin"
        h.openTeamBoard(desk)
        let lines = h.app.lastFrame.lines
        let plain = try #require(lines.firstIndex { $0.contains("PRY-2026-00001 · Ferretería") })
        for marker in ["⛔ Urgente 🚀 lanzamiento", "🚀🚀🚀"] {
            let row = try #require(lines.firstIndex { $0.contains(marker) }, "\(h.screen)")
            #expect(borderColumns(lines[row]) == borderColumns(lines[plain]), "\(lines[row])\n\(lines[plain])")
            #expect(borderColumns(lines[row]).count >= 8)
        }
    }
}
