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

    /// An issue instant as a user writes it: `2026-12-03` (that day in Lima, at the time of day of
    /// `now`), or ISO-8601 with any offset: `2026-12-03T10:30:00Z`, `…T10:30:00-05:00`,
    /// `…T23:30:00.250+09:00`. Nil for anything else (or an impossible date).
    public static func parse(_ text: String, now: Date = Date()) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let day = t.prefix(10)
        guard day.count == 10, let date = LocalDate(String(day)) else { return nil }
        if t.count == 10 {
            let s = seconds(now) - floorDiv(seconds(now), 86_400) * 86_400
            return instant(date, second: s)
        }
        let u = Array(t.utf8)
        guard u.count >= 20, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
              u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":") else { return nil }
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= u.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                guard u[i] >= 48, u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let h = num(11, 2), let mi = num(14, 2), let sec = num(17, 2), h < 24, mi < 60, sec < 60 else { return nil }
        var i = 19
        var millis = 0.0
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0, scale = 1.0
            while i < u.count, u[i] >= 48, u[i] <= 57 { millis = millis * 10 + Double(u[i] - 48); scale *= 10; i += 1; digits += 1 }
            guard digits > 0 else { return nil }
            millis /= scale
        }
        guard i < u.count else { return nil }
        var offset = 0
        if u[i] == UInt8(ascii: "Z") {
            guard i + 1 == u.count else { return nil }
        } else {
            guard u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), let oh = num(i + 1, 2), oh <= 14 else { return nil }
            var om = 0
            if i + 3 == u.count {
                om = 0
            } else if u.count == i + 6, u[i + 3] == UInt8(ascii: ":"), let m = num(i + 4, 2) {
                om = m
            } else if u.count == i + 5, let m = num(i + 3, 2) {
                om = m
            } else { return nil }
            guard om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (u[i] == UInt8(ascii: "-") ? -1 : 1)
        }
        let utc = date.daysSinceEpoch * 86_400 + h * 3600 + mi * 60 + sec - offset
        return Date(timeIntervalSince1970: TimeInterval(utc) + millis)
    }

    private static func seconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : (a - b + 1) / b }
    private static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
