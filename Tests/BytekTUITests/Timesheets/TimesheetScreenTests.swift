import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Operaciones › Horas driven by keys on a real store and a clock the test moves: the grid typed into,
/// moved through and copied from last week, an approved week read-only, and the timer started and stopped
/// with the global key from another module and shown in the status bar.
@MainActor
@Suite struct TimesheetScreenTests {
    /// Thursday 03/12/2026, 10:00 in Lima.
    nonisolated static let start = Date(timeIntervalSince1970: 1_796_310_000)

    final class Clock: @unchecked Sendable { var now = TimesheetScreenTests.start }

    @MainActor
    final class World {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-horas-\(UUID().uuidString)")
        let store: Store
        let clock = Clock()
        let terminal = TestTerminal(width: 120, height: 30)
        let app: App
        var project: Int64 = 0, design: Int64 = 0

        init(login: String = "tecnico", role: Role = .tecnico) throws {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            store = try Store(path: dir.appendingPathComponent("t.sqlite").path)
            let db = store.db, at = "2026-01-01T00:00:00Z"
            try db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', '20100047218', 'Comercial Andina S.A.C.', ?, ?)", [.text(at), .text(at)])
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by, created_at, updated_at)
                VALUES ('PRY-2026-00001', 'Landing Andina', 'U1', 'kanban', ?, 'jefe', 'PEN', '2026-11-01', '2026-12-31', 'setup', ?, ?)
                """, [.int(db.lastInsertRowID), .text(at), .text(at)])
            project = db.lastInsertRowID
            try db.execute("INSERT INTO project_task(project_id, position, title, state_since, created_at) VALUES (?, 1, 'Diseño', ?, ?)",
                           [.int(project), .text(at), .text(at)])
            design = db.lastInsertRowID
            let clock = self.clock
            let context = AppContext(strings: Strings(language: .es), session: UserSession(login: login, name: login, role: role),
                                     now: { clock.now })
            app = App(terminal: terminal, context: context, store: store)
        }

        deinit { try? FileManager.default.removeItem(at: dir) }

        func services(_ login: String, _ role: Role) -> Services {
            let clock = self.clock
            return Services(store: store, actor: .staff(login, role: role, door: .cli), now: { clock.now })
        }
        func keys(_ keys: Key...) { for k in keys { app.handle(.key(k)); app.draw() } }
        func type(_ text: String) { for c in text { app.handle(.key(.char(c))); app.draw() } }
        var screen: String { app.lastFrame.text }
        var statusLine: String { screen.split(separator: "\n", omittingEmptySubsequences: false).last(where: { !$0.isEmpty }).map(String.init) ?? "" }
        func minutes(_ day: String) throws -> Int64 {
            try store.db.scalar("SELECT ifnull(sum(minutes), 0) FROM timesheet_entry WHERE day = ?", [.text(day)]).intValue ?? -1
        }
        /// Operaciones › Horas the way a user gets there: the group's number, then `]` to its tab.
        func openHours() {
            guard let i = app.groups.firstIndex(where: { $0.modules.contains(.timesheets) }) else { return }
            keys(.char(Character(String(i + 1))))
            for _ in app.groups[i].modules where app.current != .timesheets { keys(.char("]")) }
        }
    }

    @Test func theGridIsFilledByKeyboardAndCopiesLastWeeksRows() throws {
        let w = try World()
        let key = TimesheetRowKey(projectId: w.project, taskId: w.design)
        try w.services("tecnico", .tecnico).timesheets.log(day: LocalDate("2026-11-24")!, on: key, duration: "3h")
        w.openHours()
        #expect(w.screen.contains("Semana 2026-W49"))
        #expect(w.screen.contains("Sin filas"))
        w.keys(.char("c"))
        #expect(w.screen.contains("1 fila(s) copiadas"))
        #expect(w.screen.contains("PRY-2026-00001 · Diseño"))
        // The cursor starts on today (Thursday): type 1:30 and Enter.
        w.type("1:30"); w.keys(.enter)
        #expect(try w.minutes("2026-12-03") == 90)
        // Two cells to the left is Tuesday: 1.5 more there.
        w.keys(.left, .left); w.type("2"); w.keys(.enter)
        #expect(try w.minutes("2026-12-01") == 120)
        #expect(w.screen.contains("Total 3:30"))
        // Tab to Wednesday then Thursday: retyping replaces the cell, never adds.
        w.keys(.tab, .tab); w.type("45m"); w.keys(.enter)
        #expect(try w.minutes("2026-12-03") == 45)
        // Friday is a future day: refused in Spanish, nothing written.
        w.keys(.tab); w.type("1"); w.keys(.enter)
        #expect(w.screen.contains("es un día futuro"))
        w.keys(.escape)
        #expect(try w.minutes("2026-12-04") == 0)
        // 20 digits are refused, never stored as 0.
        w.keys(.backTab); w.type("99999999999999999999"); w.keys(.enter)
        #expect(w.screen.contains("pasa de 24 h"))
        w.keys(.escape)
        #expect(try w.minutes("2026-12-03") == 45)
        // Last week still has its 3 hours; `[` shows it, `]` comes back.
        w.keys(.char("["))
        #expect(w.screen.contains("Semana 2026-W48") && w.screen.contains("Total 3:00"))
        w.keys(.char("]"))
        #expect(w.screen.contains("Semana 2026-W49") && w.screen.contains("Total 2:45"))
        // No cost column for a técnico.
        #expect(!w.screen.contains("S/") && !w.screen.contains("Tarifa"))
    }

    @Test func anApprovedWeekIsReadOnly() throws {
        let w = try World()
        let key = TimesheetRowKey(projectId: w.project, taskId: w.design)
        let tec = w.services("tecnico", .tecnico).timesheets
        try tec.log(day: LocalDate("2026-12-01")!, on: key, duration: "2h")
        try tec.submit(week: LocalDate("2026-12-01")!)
        try w.services("ops", .operaciones).timesheets.approve(login: "tecnico", week: LocalDate("2026-11-30")!)
        w.openHours()
        #expect(w.screen.contains("Aprobada"))
        w.type("1"); w.keys(.enter)
        #expect(w.screen.contains("Semana aprobada: solo lectura."))
        #expect(try w.minutes("2026-12-03") == 0)
    }

    @Test func theTimerRunsInTheStatusBarFromAnyScreen() throws {
        let w = try World()
        w.keys(.char("1"))                         // the first group's module, not Horas
        #expect(w.app.current != .timesheets)
        w.keys(.f(9))
        #expect(w.screen.contains("¿En qué proyecto o tarea?"))
        w.type("dise"); w.keys(.enter)
        #expect(w.statusLine.contains("⏱ 00:00 PRY-2026-00001"))
        w.clock.now = Self.start.addingTimeInterval(83 * 60 + 20)
        w.keys(.down)                              // any key redraws
        #expect(w.statusLine.contains("⏱ 01:23 PRY-2026-00001"))
        w.keys(.ctrl("t"))
        #expect(w.screen.contains("Cronómetro detenido: 1:24 registradas en PRY-2026-00001"))
        #expect(!w.statusLine.contains("⏱"))
        #expect(try w.minutes("2026-12-03") == 84)
        // Again: the picker offers the last one first; Enter takes it.
        w.keys(.f(9)); w.keys(.enter)
        #expect(w.statusLine.contains("⏱ 00:00 PRY-2026-00001"))
        #expect(try w.store.db.scalar("SELECT task_id FROM timesheet_timer").intValue == w.design)
    }
}
