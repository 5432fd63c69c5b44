import Foundation
import Testing
@testable import BytekModel

/// The 7-day promise on a card, in working days (Thursday 03/12/2026; 08 and 09/12 are holidays).
@Suite struct CardLatenessTests {
    static func d(_ t: String) -> LocalDate { LocalDate(t)! }
    static let horizon: CardLateness.Horizon = {
        let calendar = try! WorkingCalendar.peru(years: 2026...2027)
        return try! CardLateness.Horizon(today: d("2026-12-03"), calendar: calendar)
    }()

    @Test func theHorizonSkipsWeekendsAndHolidays() {
        #expect(Self.horizon.oneWorkingDay == Self.d("2026-12-04"))
        #expect(Self.horizon.twoWorkingDays == Self.d("2026-12-07"))
        let friday = try! CardLateness.Horizon(today: Self.d("2026-12-04"), calendar: WorkingCalendar.peru(years: 2026...2027))
        #expect(friday.oneWorkingDay == Self.d("2026-12-07") && friday.twoWorkingDays == Self.d("2026-12-10"))
    }

    @Test(arguments: [
        // state, due, promised, expected
        (TaskState.todo, "2026-12-02", "2026-12-31", CardLateness.danger),
        (.inProgress, "2026-12-03", "2026-12-31", .warning),
        (.review, "2026-12-04", "2026-12-31", .warning),
        (.todo, "2026-12-07", "2026-12-31", .onTime),
        (.todo, "2026-12-10", "2026-12-07", .warning),
        (.todo, "2026-12-10", "2026-12-10", .onTime),
        (.todo, "", "2026-12-01", .warning),
        (.done, "2026-11-01", "2026-11-01", .onTime),
        (.cancelled, "2026-11-01", "2026-11-01", .onTime),
    ])
    func lateness(state: TaskState, due: String, promised: String, expected: CardLateness) {
        let got = CardLateness.of(state: state, due: LocalDate(due), promised: LocalDate(promised), horizon: Self.horizon)
        #expect(got == expected, "\(state) due \(due) promised \(promised)")
    }

    @Test func healthFollowsTheWorstCardTheGateAndThePromise() {
        let today = Self.d("2026-12-03")
        #expect(ProjectHealth.of(status: .active, promised: Self.d("2026-12-31"), today: today, worstCard: .onTime, gateBlocked: false) == .ok)
        #expect(ProjectHealth.of(status: .active, promised: Self.d("2026-12-31"), today: today, worstCard: .warning, gateBlocked: false) == .atRisk)
        #expect(ProjectHealth.of(status: .active, promised: Self.d("2026-12-31"), today: today, worstCard: .danger, gateBlocked: false) == .late)
        #expect(ProjectHealth.of(status: .paused, promised: Self.d("2026-12-01"), today: today, worstCard: .onTime, gateBlocked: false) == .late)
        #expect(ProjectHealth.of(status: .finished, promised: Self.d("2026-12-01"), today: today, worstCard: .danger, gateBlocked: false) == .ok)
        #expect(ProjectHealth.of(status: .active, promised: Self.d("2026-12-31"), today: today, worstCard: .onTime, gateBlocked: true) == .blocked)
    }
}
