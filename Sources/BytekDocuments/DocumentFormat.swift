import Foundation
import BytekModel

/// Number formats shared by the documents (amounts themselves use `Money.formatted`).
public enum DocumentFormat {
    /// A quantity with at most `maxDecimals` decimals (2 unless said) and no trailing zeros: `3`, `2.5`,
    /// `1,250`. Document lines pass 10, SUNAT's limit, so the printed quantity is the one computed with.
    public static func quantity(_ value: Decimal, maxDecimals: Int = 2) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, maxDecimals, .plain)
        let text = rounded.description
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let whole = String(parts.first ?? "0")
        var grouped = ""
        for (i, ch) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + grouped + fraction
    }

    /// A unit price or value as printed on a document line: grouped, with as many decimals as it has,
    /// at least 2 and at most 10 (what SUNAT allows for unit values), so quantity × unit value gives the
    /// line amount printed beside it: `84.7457627119`, `1,234.50`, `2,500.125`.
    public static func unitAmount(_ m: Money) -> String {
        var input = m.amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 10, .plain)
        let text = rounded.description
        let negative = text.hasPrefix("-")
        let parts = (negative ? String(text.dropFirst()) : text).split(separator: ".", maxSplits: 1)
        let whole = quantity(Decimal(string: String(parts.first ?? "0")) ?? 0)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        return (negative ? "-" : "") + whole + "." + fraction
    }

    /// A percentage: `10%`, `12.5%`.
    public static func percent(_ value: Decimal) -> String { quantity(value) + "%" }
}
