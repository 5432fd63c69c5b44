import BytekModel
import Foundation
import Testing
@testable import BytekServices
@testable import BytekStore

/// Hours through the operations layer: logging at the limits, the grid, copy last week's rows, the lock
/// after approval, the frozen cost rate, rates hidden from técnicos, a manager approving only their
/// projects, and the timer on a fake clock.
@Suite struct TimesheetServiceTests {
    /// Thursday 03/12/2026, 10:00 in Lima (week 2026-W49, Monday 30/11).
    static let start = Date(timeIntervalSince1970: 1_796_310_000)

    final class World: @unchecked Sendable {
        let path = NSTemporaryDirectory() + "bytek-timesheets-" + UUID().uuidString + ".sqlite"
        let store: Store
        var clock = TimesheetServiceTests.start
        let ids: TimesheetFixture.Ids
        init() throws {
            store = try Store(path: path)
            let users = UserRepository(db: store.db, user: "setup")
            try users.add(User(login: "admin", name: "Admin", role: .admin))
            try users.add(User(login: "tecnico", name: "Téc", role: .tecnico))
            try users.add(User(login: "jefe", name: "Jefe", role: .tecnico))
            try users.add(User(login: "fin", name: "Fin", role: .finanzas))
            ids = try TimesheetFixture.seed(store.db, manager: "jefe")
        }
        deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }

        func services(_ login: String, _ role: Role) -> Services {
            Services(store: store, actor: .staff(login, role: role, door: .tui), now: { [unowned self] in self.clock },
                     environment: { [:] })
        }
        func count(_ sql: String) throws -> Int64 { try store.db.scalar(sql).intValue ?? -1 }
    }

    static func day(_ t: String) -> LocalDate { LocalDate(t)! }

    @Test func loggingChecksDurationDayAndLimits() throws {
        let w = try World()
        let s = w.services("tecnico", .tecnico).timesheets
        let build = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.build)
        let e = try s.log(day: Self.day("2026-12-03"), on: build, duration: "1:30", note: "maqueta")
        #expect(e.minutes == 90 && e.role == "desarrollador" && e.billable && e.milestoneId == w.ids.milestone)
        let design = try s.log(day: Self.day("2026-12-03"), on: TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.design), duration: "2h")
        #expect(design.role == "diseñador" && !design.billable)
        #expect(throws: TimesheetError.futureDay(Self.day("2026-12-04"))) {
            try s.log(day: Self.day("2026-12-04"), on: build, duration: "1")
        }
        #expect(throws: TimesheetError.dayOverLimit(day: Self.day("2026-12-03"), logged: 210, adding: 1440)) {
            try s.log(day: Self.day("2026-12-03"), on: build, duration: "24:00")
        }
        #expect(throws: TimesheetError.durationTooLong("99999999999999999999")) {
            try s.log(day: Self.day("2026-12-03"), on: build, duration: "99999999999999999999")
        }
        #expect(try w.count("SELECT count(*) FROM timesheet_entry") == 2)
        #expect(try w.count("SELECT sum(minutes) FROM timesheet_entry WHERE day = '2026-12-03'") == 210)
        #expect(try w.count("SELECT count(*) FROM audit_log WHERE entity = 'horas'") == 2)
    }

    @Test func theGridCopiesLastWeeksRowsNotHours() throws {
        let w = try World()
        let s = w.services("tecnico", .tecnico).timesheets
        let build = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.build)
        let design = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.design)
        try s.setCell(build, day: Self.day("2026-11-24"), duration: "1.5")
        try s.addRow(design, week: Self.day("2026-11-23"))
        try s.setCell(build, day: Self.day("2026-11-24"), duration: "2")   // replaces, not adds
        #expect(try s.grid(week: Self.day("2026-11-25")).total == 120)
        #expect(try s.copyLastWeek(into: Self.day("2026-12-03")) == 2)
        let grid = try s.grid(week: Self.day("2026-12-03"))
        #expect(grid.rows.map(\.title) == ["PRY-2026-80001 · Desarrollo", "PRY-2026-80001 · Diseño"])
        #expect(grid.total == 0)
        try s.setCell(build, day: Self.day("2026-12-01"), duration: "90m")
        try s.setCell(design, day: Self.day("2026-12-02"), duration: "0:45")
        let after = try s.grid(week: Self.day("2026-12-03"))
        #expect(after.dayTotals == [0, 90, 45, 0, 0, 0, 0] && after.rows.map(\.total) == [90, 45])
        try s.setCell(design, day: Self.day("2026-12-02"), duration: "")
        #expect(try s.grid(week: Self.day("2026-12-03")).rows.count == 2)
        #expect(try w.count("SELECT count(*) FROM timesheet_entry WHERE week = '2026-11-30'") == 1)
    }

    @Test func approvalLocksAndFreezesTheRate() throws {
        let w = try World()
        let tec = w.services("tecnico", .tecnico).timesheets
        let fin = w.services("fin", .finanzas).timesheets
        let build = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.build)
        try fin.setRate(login: "tecnico", rate: "40.00", from: Self.day("2026-01-01"))
        try fin.setRate(login: "tecnico", rate: "50.00", from: Self.day("2026-12-02"))
        let monday = try tec.log(day: Self.day("2026-12-01"), on: build, duration: "1")
        let wednesday = try tec.log(day: Self.day("2026-12-02"), on: build, duration: "1")
        #expect(throws: ServiceError.self) { try tec.rates() }
        #expect(monday.costRate == nil)
        try tec.submit(week: Self.day("2026-12-03"))
        #expect(throws: TimesheetError.weekNotOpen(week: Self.day("2026-11-30"), state: .submitted)) {
            try tec.submit(week: Self.day("2026-12-03"))
        }
        // A técnico who does not manage the project cannot approve; the manager can.
        #expect(throws: TimesheetError.notManager(projects: ["PRY-2026-80001"])) {
            try w.services("tecnico", .tecnico).timesheets.approve(login: "tecnico", week: Self.day("2026-11-30"))
        }
        #expect(try w.services("jefe", .tecnico).timesheets.pendingWeeks().map(\.login) == ["tecnico"])
        try w.services("jefe", .tecnico).timesheets.approve(login: "tecnico", week: Self.day("2026-11-30"))
        #expect(throws: TimesheetError.weekLocked(week: Self.day("2026-11-30"))) {
            try tec.update(id: monday.id, duration: "2", note: "")
        }
        #expect(throws: TimesheetError.weekLocked(week: Self.day("2026-11-30"))) { try tec.delete(id: wednesday.id) }
        #expect(throws: TimesheetError.weekLocked(week: Self.day("2026-11-30"))) {
            try tec.log(day: Self.day("2026-12-03"), on: build, duration: "1")
        }
        // Changing the rate afterwards leaves the approved cost unchanged.
        try fin.setRate(login: "tecnico", rate: "80.00", from: Self.day("2026-11-01"))
        let costed = try fin.costedEntries(login: "tecnico", week: Self.day("2026-11-30"))
        #expect(costed.map { $0.costRate?.minorUnits } == [4000, 5000])
        #expect(try tec.entries(week: Self.day("2026-11-30")).allSatisfy { $0.costRate == nil })
        // Reopening (admin) unfreezes.
        #expect(throws: ServiceError.self) { try w.services("jefe", .tecnico).timesheets.reopen(login: "tecnico", week: Self.day("2026-11-30")) }
        try w.services("admin", .admin).timesheets.reopen(login: "tecnico", week: Self.day("2026-11-30"))
        #expect(try fin.costedEntries(login: "tecnico", week: Self.day("2026-11-30")).allSatisfy { $0.costRate == nil })
        _ = try tec.update(id: monday.id, duration: "2", note: "corregido")
    }

    @Test func theTimerLogsRoundedUpAndOneRunsAtATime() throws {
        let w = try World()
        let s = w.services("tecnico", .tecnico).timesheets
        let build = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.build)
        let design = TimesheetRowKey(projectId: w.ids.project, taskId: w.ids.design)
        try s.startTimer(build)
        w.clock = Self.start.addingTimeInterval(61)
        #expect(try s.timer()?.projectCode == "PRY-2026-80001")
        let logged = try s.startTimer(design)          // stops the first: 1 min 1 s → 2 minutes
        #expect(logged.map(\.minutes) == [2] && logged[0].taskId == w.ids.build)
        w.clock = Self.start.addingTimeInterval(61 + 3600)
        #expect(try s.stopTimer().map(\.minutes) == [60])
        #expect(try s.timer() == nil)
        #expect(throws: TimesheetError.noTimer) { try s.stopTimer() }
        try s.startTimer(build)
        try s.discardTimer()
        #expect(try w.count("SELECT sum(minutes) FROM timesheet_entry") == 62)
    }
}
