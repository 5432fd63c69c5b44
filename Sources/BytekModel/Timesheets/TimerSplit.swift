import Foundation

/// How a stopped timer becomes hours: the elapsed time rounded UP to the minute (at least 1), cut at
/// each midnight in Lima so every day gets its own entry, and never more than 24 h in all (a timer left
/// running longer logs its first 24 h; the rest is dropped and the message says so).
public enum TimerSplit {
    /// Minutes per Lima day from `start` to `end`, in day order (days with no minute left out).
    public static func split(start: Date, end: Date, zone: TimeZone) -> [(day: LocalDate, minutes: Int)] {
        let elapsed = max(0, end.timeIntervalSince(start))
        let capped = min(elapsed, Double(TimesheetDuration.maxMinutes * 60))
        let totalMinutes = max(1, Int((capped / 60).rounded(.up)))
        // Minute k (0-based) of the timer falls on the day of start + k minutes.
        var result: [(day: LocalDate, minutes: Int)] = []
        var cursor = start
        var remaining = totalMinutes
        while remaining > 0 {
            let day = LocalDate(cursor, in: zone)
            let nextMidnight = midnight(after: day, zone: zone)
            let untilMidnight = Int((nextMidnight.timeIntervalSince(cursor) / 60).rounded(.up))
            let take = min(remaining, max(1, untilMidnight))
            result.append((day, take))
            remaining -= take
            cursor = nextMidnight
        }
        return result
    }

    /// Whether the timer ran longer than 24 h (its excess is not logged).
    public static func exceedsDay(start: Date, end: Date) -> Bool {
        end.timeIntervalSince(start) > Double(TimesheetDuration.maxMinutes * 60)
    }

    /// Elapsed whole minutes shown in the status bar (rounded down, 0 at the start).
    public static func elapsedMinutes(start: Date, now: Date) -> Int { max(0, Int(now.timeIntervalSince(start) / 60)) }

    /// "01:23" (hours:minutes, two digits each; more than 99 h shows the hours in full).
    public static func clock(_ minutes: Int) -> String {
        TimesheetDuration.pad(minutes / 60) + ":" + TimesheetDuration.pad(minutes % 60)
    }

    static func midnight(after day: LocalDate, zone: TimeZone) -> Date {
        let next = day.adding(days: 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: next.year, month: next.month, day: next.day)) ?? Date.distantFuture
    }
}
