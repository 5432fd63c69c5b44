import Foundation
import Testing
@testable import BytekStore

@Suite struct MonthlyScheduleTests {
    @Test func monthlyRuleRunsOnItsDayInLimaTime() throws {
        let rule = try ScheduleRule.parse("monthly 1 03:30")
        #expect(rule == .monthly(day: 1, hour: 3, minute: 30))
        #expect(rule.description == "monthly 1 03:30")
        #expect(rule.nextRun(after: limaMs(2026, 12, 3, 10, 0)) == limaMs(2027, 1, 1, 3, 30))
        #expect(rule.nextRun(after: limaMs(2026, 12, 1, 3, 29)) == limaMs(2026, 12, 1, 3, 30))
        #expect(rule.nextRun(after: limaMs(2026, 12, 1, 3, 30)) == limaMs(2027, 1, 1, 3, 30))
        // 22:00 Lima on the 31st is already the 1st in UTC: still the slot of the next day in Lima.
        #expect(rule.nextRun(after: limaMs(2026, 1, 31, 22, 0)) == limaMs(2026, 2, 1, 3, 30))
        #expect(try ScheduleRule.parse("monthly 28 23:59").nextRun(after: limaMs(2027, 2, 28, 23, 59)) == limaMs(2027, 3, 28, 23, 59))
    }

    @Test(arguments: ["monthly 0 03:00", "monthly 29 03:00", "monthly 31 03:00", "monthly x 03:00", "monthly 1 25:00"])
    func monthlyRefusesDaysSomeMonthsLack(_ text: String) {
        #expect(throws: ScheduleRule.ParseError.self) { try ScheduleRule.parse(text) }
    }
}
