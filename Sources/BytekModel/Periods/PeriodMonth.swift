import Foundation

/// Months as the period close names them: "2026-11" typed, "noviembre de 2026" shown.
public enum PeriodMonth {
    static let names = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                        "octubre", "noviembre", "diciembre"]

    /// "2026-11" (also "11/2026"); nil for anything else or a month outside 1…12.
    public static func parse(_ text: String) -> YearMonth? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let dash = t.split(separator: "-", omittingEmptySubsequences: false)
        let slash = t.split(separator: "/", omittingEmptySubsequences: false)
        let (y, m): (Substring, Substring)
        if dash.count == 2, dash[0].count == 4, dash[1].count == 2 { (y, m) = (dash[0], dash[1]) }
        else if slash.count == 2, slash[1].count == 4, (1...2).contains(slash[0].count) { (y, m) = (slash[1], slash[0]) }
        else { return nil }
        guard y.allSatisfy(\.isASCII), m.allSatisfy(\.isASCII), let year = Int(y), let month = Int(m),
              (2000...2999).contains(year), (1...12).contains(month) else { return nil }
        return YearMonth(year: year, month: month)
    }

    /// "noviembre de 2026".
    public static func name(_ month: YearMonth) -> String {
        names[(month.month - 1 + 12) % 12] + " de " + String(month.year)
    }

    /// The month after `month`.
    public static func next(_ month: YearMonth) -> YearMonth {
        month.month == 12 ? YearMonth(year: month.year + 1, month: 1) : YearMonth(year: month.year, month: month.month + 1)
    }
}
