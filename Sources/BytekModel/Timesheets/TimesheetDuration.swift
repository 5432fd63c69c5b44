import Foundation

/// A duration as staff type it, in whole minutes: `1:30`, `1.5` (or `1,5`) and `2` are hours, `90m` minutes,
/// `2h` or `1h30` hours and minutes. Decimal hours take at most two decimals and round to the nearest
/// minute (`0.33` → 20 min). An entry lasts 1 minute to 24 h.
public enum TimesheetDuration {
    /// The most one entry (and one person's day) may hold: 24 h.
    public static let maxMinutes = 1440

    /// Minutes of a typed duration, 1…1440; refused with the field named otherwise.
    public static func parse(_ text: String) throws(TimesheetError) -> Int {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: " ", with: "")
        guard !t.isEmpty else { throw .invalidDuration(text) }
        if t.hasPrefix("-") {
            // A negative duration is still a duration: say so rather than "not a duration".
            _ = try? minutes(String(t.dropFirst()), original: text)
            throw .durationNotPositive(text)
        }
        let m = try minutes(t, original: text)
        guard m > 0 else { throw .durationNotPositive(text) }
        guard m <= maxMinutes else { throw .durationTooLong(text) }
        return m
    }

    /// "1:30" (hours without padding, minutes with two digits).
    public static func text(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let m = minutes.magnitude
        return sign + String(m / 60) + ":" + pad(Int(m % 60))
    }

    /// Two digits: 5 → "05".
    public static func pad(_ value: Int) -> String { value < 10 && value >= 0 ? "0" + String(value) : String(value) }

    /// Long enough for any real duration, short enough never to overflow (the rest is "too long").
    static let maxDigits = 6

    static func minutes(_ t: String, original: String) throws(TimesheetError) -> Int {
        if let colon = t.firstIndex(of: ":") {
            let h = String(t[..<colon]), mm = String(t[t.index(after: colon)...])
            guard mm.count == 2, let minutes = digits(mm), minutes < 60 else { throw .invalidDuration(original) }
            guard let hours = try whole(h.isEmpty ? "0" : h, original: original) else { throw .invalidDuration(original) }
            return hours * 60 + minutes
        }
        if t.hasSuffix("min") || (t.hasSuffix("m") && !t.contains("h")) {
            let n = String(t.dropLast(t.hasSuffix("min") ? 3 : 1))
            guard let minutes = try whole(n, original: original) else { throw .invalidDuration(original) }
            return minutes
        }
        if let h = t.firstIndex(of: "h") {
            let hoursText = String(t[..<h])
            var rest = String(t[t.index(after: h)...])
            if rest.hasSuffix("min") { rest.removeLast(3) } else if rest.hasSuffix("m") { rest.removeLast() }
            let hours = try decimalHours(hoursText, original: original)
            guard !rest.isEmpty else { return hours }
            guard !hoursText.contains("."), rest.count <= 2, let minutes = digits(rest), minutes < 60 else {
                throw .invalidDuration(original)
            }
            return hours + minutes
        }
        return try decimalHours(t, original: original)
    }

    /// Minutes of decimal hours ("1.5" → 90), at most two decimals.
    static func decimalHours(_ t: String, original: String) throws(TimesheetError) -> Int {
        let parts = t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, !t.isEmpty else { throw .invalidDuration(original) }
        guard let hours = try whole(parts[0].isEmpty ? "0" : parts[0], original: original) else {
            throw .invalidDuration(original)
        }
        var fraction = 0
        if parts.count == 2 {
            let f = parts[1]
            guard !f.isEmpty, f.count <= 2, let v = digits(f) else { throw .invalidDuration(original) }
            let hundredths = f.count == 1 ? v * 10 : v
            fraction = (hundredths * 60 + 50) / 100
        }
        return hours * 60 + fraction
    }

    /// A whole number of ASCII digits; too many digits is "too long" (never an overflow).
    static func whole(_ t: String, original: String) throws(TimesheetError) -> Int? {
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let significant = t.drop(while: { $0 == "0" })
        guard significant.count <= maxDigits else { throw .durationTooLong(original) }
        return Int(t.count > maxDigits ? String(significant.isEmpty ? "0" : significant) : t)
    }

    static func digits(_ t: String) -> Int? {
        guard !t.isEmpty, t.count <= maxDigits, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }
}
