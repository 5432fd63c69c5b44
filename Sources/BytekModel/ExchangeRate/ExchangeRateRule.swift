import Foundation

/// Which rate a document of a given day uses: the day's own, or the latest earlier one up to
/// `maxAge` days old (said so in `note`); older than that there is none, and the user must enter one
/// (an unattended job fails with the same sentence instead of guessing).
public enum ExchangeRateRule {
    /// Days a rate may be older than the day it is used for.
    public static let maxAge = 7

    /// The rate chosen for a day.
    public struct Choice: Sendable, Hashable {
        public let rate: ExchangeRate
        /// The day asked for.
        public let day: LocalDate
        /// Days between the rate's date and `day` (0: the day's own rate).
        public var daysBefore: Int { rate.date.days(until: day) }
        /// The venta rate, the default for documents in dollars.
        public var sell: Decimal { rate.sell }
        /// "" for the day's own rate; "del 28/11 (2 días antes)" for an earlier one.
        public var note: String {
            let n = daysBefore
            guard n > 0 else { return "" }
            return "del " + ExchangeRateRule.dayMonth(rate.date) + " (" + (n == 1 ? "1 día antes" : "\(n) días antes") + ")"
        }
    }

    /// The rate for `day` given the newest rate dated on or before it (`latest`, nil when there is none).
    public static func rateFor(_ day: LocalDate, latest: ExchangeRate?) throws(ExchangeRateError) -> Choice {
        guard let latest, latest.date <= day else { throw .missing(day: day, latest: nil) }
        guard latest.date.days(until: day) <= maxAge else { throw .missing(day: day, latest: latest.date) }
        return Choice(rate: latest, day: day)
    }

    /// The rate for `day` among `rates` (any order).
    public static func rateFor(_ day: LocalDate, in rates: [ExchangeRate]) throws(ExchangeRateError) -> Choice {
        try rateFor(day, latest: rates.filter { $0.date <= day }.max { $0.date < $1.date })
    }

    /// "28/11".
    public static func dayMonth(_ d: LocalDate) -> String { two(d.day) + "/" + two(d.month) }

    /// "28/11/2026".
    public static func dayMonthYear(_ d: LocalDate) -> String { dayMonth(d) + "/" + String(d.year) }

    /// Reads "28/11/2026" or "2026-11-28" (also "28-11-2026", "2026/11/28"); nil for anything else.
    public static func parseDate(_ text: String) -> LocalDate? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "-" }.map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return LocalDate(year: a, month: b, day: c) }
        guard parts[2].count == 4 else { return nil }
        return LocalDate(year: c, month: b, day: a)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
