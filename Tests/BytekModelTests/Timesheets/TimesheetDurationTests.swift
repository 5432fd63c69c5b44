import Foundation
import Testing
@testable import BytekModel

/// Durations as staff type them, at their limits and beyond.
@Suite struct TimesheetDurationTests {
    @Test func theAcceptedForms() throws {
        #expect(try TimesheetDuration.parse("1:30") == 90)
        #expect(try TimesheetDuration.parse("1.5") == 90)
        #expect(try TimesheetDuration.parse("1,5") == 90)
        #expect(try TimesheetDuration.parse("90m") == 90)
        #expect(try TimesheetDuration.parse("90 min") == 90)
        #expect(try TimesheetDuration.parse("2h") == 120)
        #expect(try TimesheetDuration.parse("1h30") == 90)
        #expect(try TimesheetDuration.parse("2") == 120)
        #expect(try TimesheetDuration.parse("0.33") == 20)
        #expect(try TimesheetDuration.parse(":45") == 45)
        #expect(try TimesheetDuration.parse("1m") == 1)
        #expect(try TimesheetDuration.parse("24:00") == 1440)
        #expect(try TimesheetDuration.parse("1440m") == 1440)
        #expect(try TimesheetDuration.parse("24") == 1440)
    }

    @Test func theLimitsAndBeyond() {
        #expect(throws: TimesheetError.durationNotPositive("0")) { try TimesheetDuration.parse("0") }
        #expect(throws: TimesheetError.durationNotPositive("0:00")) { try TimesheetDuration.parse("0:00") }
        #expect(throws: TimesheetError.durationTooLong("1441m")) { try TimesheetDuration.parse("1441m") }
        #expect(throws: TimesheetError.durationTooLong("24:01")) { try TimesheetDuration.parse("24:01") }
        #expect(throws: TimesheetError.durationTooLong("99999999999999999999")) {
            try TimesheetDuration.parse("99999999999999999999")
        }
        #expect(throws: TimesheetError.durationTooLong("99999999999999999999m")) {
            try TimesheetDuration.parse("99999999999999999999m")
        }
        #expect(throws: TimesheetError.invalidDuration("1:75")) { try TimesheetDuration.parse("1:75") }
        #expect(throws: TimesheetError.invalidDuration("1:5")) { try TimesheetDuration.parse("1:5") }
        #expect(throws: TimesheetError.durationNotPositive("-1")) { try TimesheetDuration.parse("-1") }
        #expect(throws: TimesheetError.durationNotPositive("-1:30")) { try TimesheetDuration.parse("-1:30") }
        #expect(throws: TimesheetError.invalidDuration("")) { try TimesheetDuration.parse("") }
        #expect(throws: TimesheetError.invalidDuration("abc")) { try TimesheetDuration.parse("abc") }
        #expect(throws: TimesheetError.invalidDuration("1.555")) { try TimesheetDuration.parse("1.555") }
        #expect(throws: TimesheetError.invalidDuration("1e3")) { try TimesheetDuration.parse("1e3") }
        #expect(TimesheetError.invalidDuration("1:75").message.hasPrefix("duración: «1:75» no es una duración"))
    }

    @Test func theTimerSplitsAtMidnightRoundsUpAndStopsAt24Hours() {
        let lima = TimeZone(secondsFromGMT: -5 * 3600)!
        // 23:50:10 Lima on 2 Dec → 00:20:00 on 3 Dec: 29 min 50 s → 30 minutes, 10 before midnight.
        let start = Date(timeIntervalSince1970: 1_796_273_410)
        let parts = TimerSplit.split(start: start, end: start.addingTimeInterval(29 * 60 + 50), zone: lima)
        #expect(parts.map(\.day.description) == ["2026-12-02", "2026-12-03"])
        #expect(parts.map(\.minutes) == [10, 20])
        #expect(TimerSplit.split(start: start, end: start.addingTimeInterval(1), zone: lima).map(\.minutes) == [1])
        #expect(TimerSplit.split(start: start, end: start, zone: lima).map(\.minutes) == [1])
        let long = TimerSplit.split(start: start, end: start.addingTimeInterval(3 * 86_400), zone: lima)
        #expect(long.reduce(0) { $0 + $1.minutes } == 1440)
        #expect(TimerSplit.clock(83) == "01:23")
    }

    @Test func weeksTypedByAUser() throws {
        #expect(try TimesheetGrid.week("2026-12-03").description == "2026-11-30")
        #expect(try TimesheetGrid.week("2026-W49").description == "2026-11-30")
        #expect(TimesheetGrid.weekName(LocalDate("2026-11-30")!) == "2026-W49")
        #expect(try TimesheetGrid.week("2026-W01").description == "2025-12-29")
        #expect(throws: TimesheetError.invalidWeek("2026-W54")) { try TimesheetGrid.week("2026-W54") }
        #expect(throws: TimesheetError.invalidWeek("2025-W53")) { try TimesheetGrid.week("2025-W53") }
    }
}
