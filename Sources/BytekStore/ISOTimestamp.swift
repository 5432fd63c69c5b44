import Foundation

/// Timestamps as stored in TEXT columns: ISO-8601 in UTC with milliseconds,
/// `2025-03-07T14:05:09.123Z`. The fixed width makes text order equal time order,
/// so range filters and ORDER BY work on the column directly.
public enum ISOTimestamp {
    /// The date to the nearest millisecond (so a date read back from text formats to the same text).
    public static func format(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, msOfDay) = floorDivMod(ms, 86_400_000)
        let (y, m, d) = civil(fromDays: days)
        let secs = msOfDay / 1000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secs / 3600, 2) + ":"
            + pad(secs / 60 % 60, 2) + ":" + pad(secs % 60, 2) + "." + pad(msOfDay % 1000, 3) + "Z"
    }

    /// Reads `YYYY-MM-DDTHH:MM:SS[.sss]Z`; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let u = Array(text.utf8)
        guard u.count == 20 || u.count == 24, u[4] == 45, u[7] == 45, u[10] == 84, u[13] == 58, u[16] == 58,
              u[u.count - 1] == 90 else { return nil }
        func num(_ from: Int, _ len: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + len) {
                guard u[i] >= 48 && u[i] <= 57 else { return nil }
                v = v * 10 + Int64(u[i] - 48)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
              let s = num(17, 2), (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var ms: Int64 = 0
        if u.count == 24 {
            guard u[19] == 46, let frac = num(20, 3) else { return nil }
            ms = frac
        }
        let days = days(fromCivil: y, mo, d)
        let total = ((days * 86_400 + h * 3600 + mi * 60 + s) * 1000) + ms
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }

    // Howard Hinnant's civil-from-days algorithms: exact for the proleptic Gregorian calendar.
    private static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
