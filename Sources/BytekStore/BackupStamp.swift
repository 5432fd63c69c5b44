/// The Lima date and time in a nightly backup's file name, `bytek-YYYYMMDD-HHMMSS.zip` (an archive,
/// `BackupArchive`), or `.sqlite` for the bare database copies of earlier versions.
/// Pure calendar arithmetic (proleptic Gregorian, UTC-5 without daylight saving).
public struct BackupStamp: Sendable, Hashable, Comparable {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int

    public static let prefix = "bytek-"
    public static let suffix = ".zip"
    public static let legacySuffix = ".sqlite"

    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1...12).contains(month), (1...31).contains(day), (0..<24).contains(hour),
              (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        // Rejects 31/02 and the like: the day must survive a round trip through the day count.
        let n = Self.daysFromCivil(year, month, day)
        let back = Self.civilFromDays(n)
        guard back.0 == year, back.1 == month, back.2 == day else { return nil }
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    /// The Lima time of a Unix-milliseconds instant.
    public init(unixMs: Int64) {
        let local = unixMs + ScheduleRule.limaOffsetMs
        let dayMs = ScheduleRule.dayMs
        let days = ScheduleRule.floorDiv(local, dayMs)
        let secondsOfDay = Int((local - days * dayMs) / 1000)
        let (y, m, d) = Self.civilFromDays(days)
        year = y; month = m; day = d
        hour = secondsOfDay / 3600; minute = secondsOfDay / 60 % 60; second = secondsOfDay % 60
    }

    /// Reads `bytek-YYYYMMDD-HHMMSS.zip` (or `.sqlite`); nil for any other name.
    public init?(fileName: String) {
        guard fileName.hasPrefix(Self.prefix),
              let suffix = [Self.suffix, Self.legacySuffix].first(where: { fileName.hasSuffix($0) }) else { return nil }
        let core = Array(fileName.dropFirst(Self.prefix.count).dropLast(suffix.count))
        guard core.count == 15, core[8] == "-",
              core.enumerated().allSatisfy({ $0.offset == 8 || $0.element.isASCII && $0.element.isNumber })
        else { return nil }
        func num(_ a: Int, _ b: Int) -> Int { Int(String(core[a..<b])) ?? -1 }
        self.init(year: num(0, 4), month: num(4, 6), day: num(6, 8),
                  hour: num(9, 11), minute: num(11, 13), second: num(13, 15))
    }

    public var fileName: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return Self.prefix + pad(year, 4) + pad(month, 2) + pad(day, 2) + "-"
            + pad(hour, 2) + pad(minute, 2) + pad(second, 2) + Self.suffix
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int64 { Self.daysFromCivil(year, month, day) }

    /// Weeks start on Monday; consecutive weeks have consecutive numbers.
    public var weekNumber: Int64 { ScheduleRule.floorDiv(dayNumber + 3, 7) }

    public static func < (a: BackupStamp, b: BackupStamp) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = Int64(m <= 2 ? y0 - 1 : y0)
        let era = ScheduleRule.floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = Int64((m + 9) % 12)
        let doy = (153 * mp + 2) / 5 + Int64(d) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = ScheduleRule.floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}
