import Foundation

/// When a schedule fires, as written in the `schedule.rule` column:
/// - `daily HH:MM` — every day at that Lima time (UTC-5, Peru has no daylight saving);
/// - `weekly D HH:MM` — every week on day D (1 = lunes … 7 = domingo, or lun/mar/mie/jue/vie/sab/dom);
/// - `monthly D HH:MM` — every month on day D (1 to 28, so every month has it) at that Lima time;
/// - `hourly` — at minute 00 of every hour;
/// - `every N` — every N seconds, on multiples of N since the Unix epoch (so every worker agrees on the slots).
///
/// A pure value: `nextRun(after:)` is arithmetic on Unix milliseconds, no clock, no time zone database.
public enum ScheduleRule: Sendable, Equatable, CustomStringConvertible {
    case daily(hour: Int, minute: Int)
    case weekly(weekday: Int, hour: Int, minute: Int)
    case monthly(day: Int, hour: Int, minute: Int)
    case hourly
    case every(seconds: Int)

    /// Lima's offset from UTC, in milliseconds.
    public static let limaOffsetMs: Int64 = -5 * 3_600_000
    static let dayMs: Int64 = 86_400_000

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case unknownRule(String)
        case badTime(String)
        case badWeekday(String)
        case badInterval(String)
        case badDayOfMonth(String)
    }

    static let weekdayNames = ["lun", "mar", "mie", "jue", "vie", "sab", "dom"]

    /// Reads a rule; surrounding spaces and letter case do not matter.
    public static func parse(_ text: String) throws(ParseError) -> ScheduleRule {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let head = words.first else { throw .empty }
        switch (head, words.count) {
        case ("daily", 2):
            let (h, m) = try parseTime(words[1])
            return .daily(hour: h, minute: m)
        case ("weekly", 3):
            let d = try parseWeekday(words[1])
            let (h, m) = try parseTime(words[2])
            return .weekly(weekday: d, hour: h, minute: m)
        case ("monthly", 3):
            guard let d = Int(words[1]), (1...28).contains(d) else { throw .badDayOfMonth(words[1]) }
            let (h, m) = try parseTime(words[2])
            return .monthly(day: d, hour: h, minute: m)
        case ("hourly", 1):
            return .hourly
        case ("every", 2):
            guard let n = Int(words[1]), n > 0, n <= 366 * 86_400 else { throw .badInterval(words[1]) }
            return .every(seconds: n)
        default:
            throw .unknownRule(text)
        }
    }

    private static func parseTime(_ s: String) throws(ParseError) -> (Int, Int) {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { throw .badTime(s) }
        return (h, m)
    }

    private static func parseWeekday(_ s: String) throws(ParseError) -> Int {
        if let d = Int(s), (1...7).contains(d) { return d }
        let folded = s.replacingOccurrences(of: "é", with: "e").replacingOccurrences(of: "á", with: "a")
        if let i = weekdayNames.firstIndex(where: { folded.hasPrefix($0) }) { return i + 1 }
        throw .badWeekday(s)
    }

    /// The text form that `parse` reads back.
    public var description: String {
        func hhmm(_ h: Int, _ m: Int) -> String {
            (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
        }
        switch self {
        case .daily(let h, let m): return "daily " + hhmm(h, m)
        case .weekly(let d, let h, let m): return "weekly \(d) " + hhmm(h, m)
        case .monthly(let d, let h, let m): return "monthly \(d) " + hhmm(h, m)
        case .hourly: return "hourly"
        case .every(let n): return "every \(n)"
        }
    }

    /// The first slot strictly after `t` (Unix ms).
    public func nextRun(after t: Int64) -> Int64 {
        switch self {
        case .every(let seconds):
            let step = Int64(seconds) * 1000
            return (Self.floorDiv(t, step) + 1) * step
        case .hourly:
            return (Self.floorDiv(t, 3_600_000) + 1) * 3_600_000
        case .daily(let h, let m):
            let local = t + Self.limaOffsetMs
            let day = Self.floorDiv(local, Self.dayMs)
            var slot = day * Self.dayMs + Int64(h * 60 + m) * 60_000
            if slot <= local { slot += Self.dayMs }
            return slot - Self.limaOffsetMs
        case .weekly(let d, let h, let m):
            let local = t + Self.limaOffsetMs
            let day = Self.floorDiv(local, Self.dayMs)
            let today = Self.isoWeekday(ofDay: day)
            var slot = (day + Int64((d - today + 7) % 7)) * Self.dayMs + Int64(h * 60 + m) * 60_000
            if slot <= local { slot += 7 * Self.dayMs }
            return slot - Self.limaOffsetMs
        case .monthly(let d, let h, let m):
            let local = t + Self.limaOffsetMs
            var (year, month, _) = BackupStamp.civilFromDays(Self.floorDiv(local, Self.dayMs))
            let timeOfDay = Int64(h * 60 + m) * 60_000
            var slot = BackupStamp.daysFromCivil(year, month, d) * Self.dayMs + timeOfDay
            if slot <= local {
                (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
                slot = BackupStamp.daysFromCivil(year, month, d) * Self.dayMs + timeOfDay
            }
            return slot - Self.limaOffsetMs
        }
    }

    /// 1 = Monday … 7 = Sunday, for a day counted from 1970-01-01 (a Thursday).
    static func isoWeekday(ofDay day: Int64) -> Int {
        Int(((day + 3) % 7 + 7) % 7) + 1
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
