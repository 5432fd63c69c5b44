import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// `ready_since` comes from the injected clock when a milestone becomes "listo", and the alarm of approvals
/// waiting more than 3 working days counts from it.
@Suite struct MilestoneReadySinceTests {
    typealias W = MilestoneWorld

    /// W's clock (01/12/2026 10:00 in Lima) moved `days` ahead.
    static func services(_ w: W, daysAhead days: Double, actor: Actor = W.operaciones) -> Services {
        Services(store: w.store, actor: actor, now: { W.now().addingTimeInterval(days * 86_400) },
                 environment: { BillingMatrix.environment })
    }

    @Test func releasingOnAFakeClockStampsThatDayAndTheAlarmCountsFromIt() throws {
        let w = try W(); defer { w.cleanup() }
        let m2 = w.milestones[1]
        let ahead = Self.services(w, daysAhead: 10).milestones   // Friday 11/12/2026
        try ahead.attach(milestoneId: m2, path: try w.file("manual.pdf", "manual"))
        try ahead.markReady(milestoneId: m2)
        #expect(try w.store.db.scalar("SELECT ready_since FROM project_milestone WHERE id = ?", [.int(m2)]).stringValue
                == "2026-12-11")

        func waiting(_ day: String) throws -> [Int] {
            try ReminderServiceTests.services(w.store, day, actor: W.operaciones).projectAlarms.alarms().waiting.map(\.workingDays)
        }
        #expect(try waiting("2026-12-16").isEmpty, "Mon 14, Tue 15, Wed 16: three working days are not more than three")
        #expect(try waiting("2026-12-17") == [4])
        let line = try ReminderServiceTests.services(w.store, "2026-12-17", actor: W.operaciones).projectAlarms.alarms().lines
        #expect(line.contains { $0.contains("listo desde 11/12/2026") }, "\(line)")

        // Written by SQL (no service), nothing stamps it any more: SQLite's clock is not the program's.
        try w.store.db.execute("UPDATE project_milestone SET state = 'listo' WHERE id = ?", [.int(w.milestoneB)])
        #expect(try w.store.db.scalar("SELECT ready_since FROM project_milestone WHERE id = ?", [.int(w.milestoneB)]).isNull)
    }
}
