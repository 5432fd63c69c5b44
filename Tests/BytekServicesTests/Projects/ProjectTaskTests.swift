import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Cards: checklists, moves with WIP limits on both boards (and the audited override), the blocked flag,
/// and the boards read once with lateness.
@Suite struct ProjectTaskTests {
    typealias W = ProjectWorld

    @Test func wipLimitsOnEitherBoardRefuseUnlessOverriddenWithAReason() throws {
        let w = try W()
        let s = w.gestor
        let p1 = try w.handProject(s, name: "Uno")
        let p2 = try w.handProject(s, name: "Dos")
        let a = try s.projects.addTask(ProjectTask(projectId: p1.id, title: "diseño"))
        let b = try s.projects.addTask(ProjectTask(projectId: p2.id, title: "contenido"))
        let c = try s.projects.addTask(ProjectTask(projectId: p1.id, title: "desarrollo"))
        try s.projects.setWipLimit(.team(.digital), state: .inProgress, limit: 1)
        #expect(throws: ServiceError.self) { try w.services("tecnico", .tecnico).projects.setWipLimit(.team(.digital), state: .review, limit: 1) }
        try s.projects.moveTask(a.id, .next)
        // the team board's "en curso" is full (1/1): another project's card is refused
        #expect(throws: ProjectError.wipLimit(board: "equipo:U1", column: .inProgress, limit: 1, count: 1)) {
            try s.projects.moveTask(b.id, .next)
        }
        #expect(try s.projects.task(b.id)?.state == .todo)
        #expect(throws: ProjectError.required(field: "motivo para forzar el límite WIP")) {
            try s.projects.moveTask(b.id, .next, override: "  ")
        }
        let forced = try s.projects.moveTask(b.id, .next, override: "cliente urgente")
        #expect(forced.state == .inProgress)
        #expect(try w.count("SELECT count(*) FROM audit_log WHERE entity = 'tarea' AND summary LIKE '%límite WIP forzado en equipo:U1 2/1: cliente urgente)'") == 1)
        // the project's own board: limit 1 in revisión
        try s.projects.setWipLimit(.project(p1.id), state: .review, limit: 1)
        try s.projects.moveTask(a.id, .to(.review))
        try s.projects.setWipLimit(.team(.digital), state: .inProgress, limit: nil)
        try s.projects.moveTask(c.id, .next)
        #expect(throws: ProjectError.wipLimit(board: "proyecto:\(p1.id)", column: .review, limit: 1, count: 1)) {
            try s.projects.moveTask(c.id, .next)
        }
        #expect(throws: ProjectError.invalid(field: "límite WIP", reason: "entre 1 y 9999 (o vacío para quitarlo)")) {
            try s.projects.setWipLimit(.project(p1.id), state: .review, limit: 10_000)
        }
        let board = try s.projects.board(.project(p1.id))
        #expect(board.column(.review)?.wipLimit == 1 && board.column(.review)?.count == 1)
        #expect(board.column(.inProgress)?.wipLimit == nil)
    }

    @Test func aBlockedCardDoesNotMoveAndSaysWhy() throws {
        let w = try W()
        let s = w.gestor
        let p = try w.handProject(s)
        let t = try s.projects.addTask(ProjectTask(projectId: p.id, title: "publicación"))
        #expect(throws: ProjectError.required(field: "motivo del bloqueo")) { try s.projects.block(t.id, reason: "") }
        try s.projects.block(t.id, reason: "Falta el dominio")
        let error = #expect(throws: ProjectError.self) { try s.projects.moveTask(t.id, .next) }
        #expect(error?.message == "La tarea está bloqueada: Falta el dominio. Desbloquéela antes de moverla.")
        let card = try #require(try s.projects.board(.team(.digital)).column(.todo)?.cards.first)
        #expect(card.blocked && card.blockedReason == "Falta el dominio")
        try s.projects.unblock(t.id)
        #expect(try s.projects.moveTask(t.id, .next).state == .inProgress)
        #expect(throws: ProjectError.self) { try s.projects.moveTask(t.id, .to(.cancelled)) }
        try s.projects.cancelTask(t.id, reason: "ya no va")
        #expect(throws: ProjectError.taskCancelled) { try s.projects.moveTask(t.id, .previous) }
        #expect(try s.projects.board(.project(p.id)).columns.allSatisfy { $0.cards.isEmpty })
    }

    @Test func checklistCountersMoveWithTheItemsAndDoneIsStamped() throws {
        let w = try W()
        let s = w.services("tecnico", .tecnico)
        let p = try w.handProject(w.gestor)
        let t = try s.projects.addTask(ProjectTask(projectId: p.id, title: "brief", assignee: "tecnico"), checklist: ["Reunión", "Logo"])
        #expect(t.checklistTotal == 2 && t.checklistDone == 0)
        let extra = try s.projects.addCheck(t.id, text: "Colores")
        try s.projects.toggleCheck(extra.id)
        #expect(try s.projects.task(t.id).map { "\($0.checklistDone)/\($0.checklistTotal)" } == "1/3")
        try s.projects.toggleCheck(extra.id)
        #expect(try s.projects.task(t.id)?.checklistDone == 0)
        #expect(throws: ProjectError.assigneeNotActive("ex")) {
            try s.projects.addTask(ProjectTask(projectId: p.id, title: "x", assignee: "ex"))
        }
        #expect(throws: ProjectError.tooLong(field: "título", max: 200)) {
            try s.projects.addTask(ProjectTask(projectId: p.id, title: String(repeating: "t", count: 201)))
        }
        #expect(throws: ProjectError.dateOutOfRange(field: "vence", text: "1999-12-31")) {
            try s.projects.addTask(ProjectTask(projectId: p.id, title: "x", dueDate: W.day("1999-12-31")))
        }
        try s.projects.moveTask(t.id, .to(.done))
        #expect(try w.count("SELECT count(*) FROM project_task WHERE done_at IS NOT NULL") == 1)
        let list = try #require(try s.projects.list().first(1).first?.item)
        #expect(list.tasksDone == 1 && list.tasksTotal == 1 && list.progressPercent == 100)
    }

    @Test func theBoardReadsLatenessAndFiltersInMemory() throws {
        let w = try W()
        let s = w.gestor
        // promised on 17/12: more than 2 working days away from Thursday 03/12
        let p = try w.handProject(s)
        let late = try s.projects.addTask(ProjectTask(projectId: p.id, title: "brief", dueDate: W.day("2026-12-02")))
        let tomorrow = try s.projects.addTask(ProjectTask(projectId: p.id, title: "diseño", assignee: "tecnico", dueDate: W.day("2026-12-04")))
        let monday = try s.projects.addTask(ProjectTask(projectId: p.id, title: "contenido", dueDate: W.day("2026-12-07")))
        let done = try s.projects.addTask(ProjectTask(projectId: p.id, title: "publicación", dueDate: W.day("2026-12-01")))
        try s.projects.moveTask(done.id, .to(.done))
        let board = try s.projects.board(.team(.digital), swimlanes: .assignee)
        let cards = Dictionary(uniqueKeysWithValues: board.columns.flatMap(\.cards).map { ($0.id, $0) })
        #expect(cards[late.id]?.lateness == .danger)
        #expect(cards[tomorrow.id]?.lateness == .warning)
        #expect(cards[monday.id]?.lateness == .onTime)
        #expect(cards[done.id]?.lateness == .onTime)
        #expect(cards[late.id]?.customerShortName == "Pan Lima" && cards[late.id]?.projectCode == p.code)
        #expect(board.lanes == ["(sin asignar)", "tecnico"])
        #expect(board.column(.todo)?.cards.map(\.id) == [late.id, tomorrow.id, monday.id])
        #expect(board.filtered("DISENO").columns.flatMap(\.cards).map(\.id) == [tomorrow.id])
        #expect(board.filtered("pan lima brief").columns.flatMap(\.cards).map(\.id) == [late.id])
        let summary = try #require(try s.projects.list().first(1).first?.item)
        #expect(summary.health == .late && summary.tasksDone == 1 && summary.tasksTotal == 4)
    }
}
