import BytekModel
import Foundation

/// How numbers are written in the XML.
///
/// - Money amounts: exactly 2 decimals, rounded half away from zero ("1234.50").
/// - Unit values and prices (Price/PriceAmount, AlternativeConditionPrice): up to 10 decimals, at
///   least 2, trailing zeros beyond the second trimmed ("84.7457627119", "100.00"), as SUNAT allows 10.
/// - Quantities: up to 10 decimals, trailing zeros trimmed ("2", "1.5").
/// - Percentages: 2 decimals ("18.00"); the discount factor: 5 decimals ("0.10000").
public enum UBLFormat {
    public static func amount(_ m: Money) -> String { decimal(m.amount, maxScale: 2, minScale: 2) }

    public static func unitValue(_ m: Money) -> String { decimal(m.amount, maxScale: 10, minScale: 2) }

    public static func quantity(_ q: Decimal) -> String { decimal(q, maxScale: 10, minScale: 0) }

    public static func percent(_ p: Decimal) -> String { decimal(p, maxScale: 2, minScale: 2) }

    public static func factor(_ f: Decimal) -> String { decimal(f, maxScale: 5, minScale: 5) }

    /// The common case without `Decimal.description` (about 50 times slower on Linux): the rounded
    /// value scaled to an integer that fits in 64 bits is written from its digits. Nil otherwise.
    private static func small(_ d: Decimal, maxScale: Int, minScale: Int) -> String? {
        guard maxScale <= 18 else { return nil }
        var input = d
        var scaled = Decimal()
        guard NSDecimalMultiplyByPowerOf10(&scaled, &input, Int16(maxScale), .plain) == .noError else { return nil }
        let number = NSDecimalNumber(decimal: scaled)
        // A range check through Double is enough: anything near the Int64 limit takes the slow path.
        guard abs(number.doubleValue) < 9e17 else { return nil }
        let integer = number.int64Value
        var digits = integer.magnitude
        var scale = maxScale
        while scale > minScale, digits % 10 == 0 { digits /= 10; scale -= 1 }
        var text = String(digits)
        if scale > 0 {
            if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return integer < 0 ? "-" + text : text
    }

    /// `value` rounded half away from zero to `maxScale` decimals, written with at least `minScale`.
    public static func decimal(_ value: Decimal, maxScale: Int, minScale: Int) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, maxScale, .plain)
        if let fast = small(rounded, maxScale: maxScale, minScale: minScale) { return fast }
        var s = rounded.description
        var negative = false
        if s.hasPrefix("-") { negative = true; s.removeFirst() }
        var whole = s
        var fraction = ""
        if let dot = s.firstIndex(of: ".") {
            whole = String(s[..<dot])
            fraction = String(s[s.index(after: dot)...])
        }
        while fraction.count > minScale, fraction.last == "0" { fraction.removeLast() }
        if fraction.count < minScale { fraction += String(repeating: "0", count: minScale - fraction.count) }
        if whole.isEmpty { whole = "0" }
        let body = fraction.isEmpty ? whole : whole + "." + fraction
        return negative && body.contains(where: { $0 != "0" && $0 != "." }) ? "-" + body : body
    }
}
