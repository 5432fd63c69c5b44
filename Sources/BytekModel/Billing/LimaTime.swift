import Foundation

/// Peru's civil time: UTC−5 all year (no daylight saving since 1994), so an instant turns into the
/// issue date and time SUNAT expects without a time-zone database.
public enum LimaTime {
    public static let offsetSeconds = -5 * 3600

    /// The calendar day of `date` in Lima.
    public static func date(_ date: Date) -> LocalDate {
        LocalDate(daysSinceEpoch: floorDiv(seconds(date), 86_400))
    }

    /// "HH:mm:ss" of `date` in Lima.
    public static func time(_ date: Date) -> String {
        let s = seconds(date) - floorDiv(seconds(date), 86_400) * 86_400
        return two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60)
    }

    /// The instant of `time` ("HH:mm:ss") on `day` in Lima; used to build documents in tests and demos.
    public static func instant(_ day: LocalDate, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Date {
        let s = day.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(s))
    }

    private static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
