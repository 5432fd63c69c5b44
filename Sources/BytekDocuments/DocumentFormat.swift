import Foundation

/// Number formats shared by the documents (amounts themselves use `Money.formatted`).
public enum DocumentFormat {
    /// A quantity with at most 2 decimals and no trailing zeros: `3`, `2.5`, `1,250`.
    public static func quantity(_ value: Decimal) -> String {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
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

    /// A percentage: `10%`, `12.5%`.
    public static func percent(_ value: Decimal) -> String { quantity(value) + "%" }
}
