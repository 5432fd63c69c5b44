import Foundation
import Testing
@testable import BytekStore

/// Lima wall-clock time to Unix ms, through Foundation's calendar (independent of the code under test).
func limaMs(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Int64 {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: -5 * 3600) ?? .current
    let date = calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)) ?? Date()
    return Int64(date.timeIntervalSince1970 * 1000)
}

@Suite struct ScheduleRuleTests {
    @Test func parsesEachForm() throws {
        #expect(try ScheduleRule.parse("daily 02:00") == .daily(hour: 2, minute: 0))
        #expect(try ScheduleRule.parse("  Daily 23:59 ") == .daily(hour: 23, minute: 59))
        #expect(try ScheduleRule.parse("weekly 7 08:30") == .weekly(weekday: 7, hour: 8, minute: 30))
        #expect(try ScheduleRule.parse("weekly lun 08:30") == .weekly(weekday: 1, hour: 8, minute: 30))
        #expect(try ScheduleRule.parse("every 90") == .every(seconds: 90))
        #expect(try ScheduleRule.parse("hourly") == .hourly)
        #expect(try ScheduleRule.parse("weekly 3 06:05").description == "weekly 3 06:05")
    }

    @Test(arguments: ["", "daily", "daily 24:00", "daily 2:0", "daily 10:60", "weekly 8 10:00",
                      "weekly xyz 10:00", "every 0", "every -5", "every x", "monthly 1", "daily 02:00 extra"])
    func rejectsBadRules(_ text: String) {
        #expect(throws: ScheduleRule.ParseError.self) { try ScheduleRule.parse(text) }
    }

    @Test func dailyUsesLimaTime() {
        let rule = ScheduleRule.daily(hour: 2, minute: 0)
        // 01:59 Lima → 02:00 the same day; 02:00 exactly → next day; 23:00 → next day.
        #expect(rule.nextRun(after: limaMs(2026, 11, 26, 1, 59)) == limaMs(2026, 11, 26, 2, 0))
        #expect(rule.nextRun(after: limaMs(2026, 11, 26, 2, 0)) == limaMs(2026, 11, 27, 2, 0))
        #expect(rule.nextRun(after: limaMs(2026, 11, 26, 23, 0)) == limaMs(2026, 11, 27, 2, 0))
        // 02:00 Lima is 07:00 UTC.
        #expect(limaMs(2026, 11, 26, 2, 0) % 86_400_000 == 7 * 3_600_000)
        // Across a year end.
        #expect(rule.nextRun(after: limaMs(2026, 12, 31, 12, 0)) == limaMs(2027, 1, 1, 2, 0))
    }

    @Test func weeklyPicksTheRightWeekday() {
        // 2026-11-26 is a Thursday (ISO 4).
        let monday = ScheduleRule.weekly(weekday: 1, hour: 9, minute: 0)
        #expect(monday.nextRun(after: limaMs(2026, 11, 26, 12, 0)) == limaMs(2026, 11, 30, 9, 0))
        let thursday = ScheduleRule.weekly(weekday: 4, hour: 9, minute: 0)
        #expect(thursday.nextRun(after: limaMs(2026, 11, 26, 8, 0)) == limaMs(2026, 11, 26, 9, 0))
        #expect(thursday.nextRun(after: limaMs(2026, 11, 26, 9, 0)) == limaMs(2026, 12, 3, 9, 0))
        let sunday = ScheduleRule.weekly(weekday: 7, hour: 23, minute: 30)
        #expect(sunday.nextRun(after: limaMs(2026, 11, 26, 0, 0)) == limaMs(2026, 11, 29, 23, 30))
    }

    @Test func everyAndHourlyAreAlignedSlots() {
        let every = ScheduleRule.every(seconds: 60)
        #expect(every.nextRun(after: 120_000) == 180_000)
        #expect(every.nextRun(after: 120_001) == 180_000)
        #expect(every.nextRun(after: 179_999) == 180_000)
        #expect(ScheduleRule.hourly.nextRun(after: limaMs(2026, 11, 26, 10, 15)) == limaMs(2026, 11, 26, 11, 0))
    }
}

@Suite struct ScheduleStoreTests {
    @Test func ensureAddsOnceAndKeepsEdits() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock(limaMs(2026, 11, 26, 10, 0))
        let schedules = ScheduleStore(db: store.db, clock: clock.clock)
        #expect(try schedules.ensure(name: "respaldo", kind: "backup.nightly", rule: "daily 02:00"))
        #expect(try schedules.schedule(named: "respaldo")?.nextRun == limaMs(2026, 11, 27, 2, 0))
        try schedules.save(name: "respaldo", kind: "backup.nightly", rule: "daily 03:00")
        #expect(try schedules.ensure(name: "respaldo", kind: "backup.nightly", rule: "daily 02:00") == false)
        #expect(try schedules.schedule(named: "respaldo")?.rule == "daily 03:00")
        #expect(throws: ScheduleRule.ParseError.self) {
            try schedules.ensure(name: "otro", kind: "k", rule: "cada rato")
        }
    }

    @Test func dueSlotIsEnqueuedOnceAcrossConnections() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let other = try Database(path: store.path)
        let clock = TestClock(limaMs(2026, 11, 26, 10, 0))
        let a = ScheduleStore(db: store.db, clock: clock.clock)
        let b = ScheduleStore(db: other, clock: clock.clock)
        try a.ensure(name: "n", kind: "k", payload: "{\"x\":1}", rule: "daily 02:00")
        #expect(try a.fireDue().isEmpty)
        #expect(try a.dueSchedules().isEmpty)

        // Both workers see the slot due; only the first fire enqueues it.
        clock.set(limaMs(2026, 11, 27, 2, 0, 30))
        #expect(try a.dueSchedules().map(\.name) == ["n"])
        #expect(try b.dueSchedules().map(\.name) == ["n"])
        let job = try #require(try a.fire(name: "n"))
        #expect(try b.fire(name: "n") == nil)
        #expect(job.idempotencyKey == "schedule:n:\(limaMs(2026, 11, 27, 2, 0))")
        #expect(job.payload == "{\"x\":1}")
        #expect(job.kind == "k")
        let after = try #require(try b.schedule(named: "n"))
        #expect(after.nextRun == limaMs(2026, 11, 28, 2, 0))
        #expect(after.lastRun == limaMs(2026, 11, 27, 2, 0))
        #expect(after.lastJobID == job.id)
        #expect(try JobQueue(db: store.db).count() == 1)
    }

    @Test func racingThreadsEnqueueEachSlotOnce() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock(limaMs(2026, 11, 26, 10, 0))
        try ScheduleStore(db: store.db, clock: clock.clock).ensure(name: "n", kind: "k", rule: "every 60")
        clock.advance(ms: 3_600_000)
        let path = store.path
        let log = RunLog()
        let group = DispatchGroup()
        for _ in 0..<4 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let s = ScheduleStore(db: try Database(path: path), clock: clock.clock)
                    for _ in 0..<20 { for job in try s.fireDue() { log.record(job.id) } }
                } catch { log.error("\(error)") }
            }
        }
        group.wait()
        #expect(log.errors.isEmpty)
        #expect(log.ids.count == 1)
        #expect(try JobQueue(db: store.db).count() == 1)
    }

    @Test func inactiveScheduleDoesNotFire() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try tmp.store()
        let clock = TestClock(1_000_000)
        let s = ScheduleStore(db: store.db, clock: clock.clock)
        try s.ensure(name: "n", kind: "k", rule: "every 10")
        #expect(try s.setActive(name: "n", false))
        clock.advance(ms: 60_000)
        #expect(try s.fireDue().isEmpty)
        #expect(try s.setActive(name: "n", true))
        #expect(try s.fireDue().count == 1)
    }
}
