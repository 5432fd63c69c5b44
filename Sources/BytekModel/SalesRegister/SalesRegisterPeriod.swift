/// The month a sales register covers (SIRE's "periodo", AAAAMM).
public enum SalesRegisterPeriod {
    /// Reads "2026-11" (as typed in the CLI and the screen) or "202611" (as SUNAT writes it).
    public static func parse(_ text: String) throws(SalesRegisterError) -> YearMonth {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digits = t.filter { $0 != "-" }
        let dashes = t.count - digits.count
        guard digits.count == 6, dashes == 0 || (dashes == 1 && t.count == 7 && t.dropFirst(4).first == "-"),
              digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let year = Int(digits.prefix(4)), let month = Int(digits.suffix(2)),
              (1...12).contains(month), (2000...2099).contains(year) else {
            throw .badPeriod(text)
        }
        return YearMonth(year: year, month: month)
    }

    /// "202611": the period as SIRE writes it (field 3, the file name).
    public static func code(_ period: YearMonth) -> String {
        let m = period.month < 10 ? "0\(period.month)" : "\(period.month)"
        return String(period.year) + m
    }

    /// The first and last day of the month.
    public static func days(_ period: YearMonth) -> (first: LocalDate, last: LocalDate) {
        let first = LocalDate(year: period.year, month: period.month, day: 1)!
        let next = period.month == 12 ? LocalDate(year: period.year + 1, month: 1, day: 1)!
            : LocalDate(year: period.year, month: period.month + 1, day: 1)!
        return (first, next.adding(days: -1))
    }

    /// The month before `period` (the screen's default is the last closed month).
    public static func previous(_ period: YearMonth) -> YearMonth {
        period.month == 1 ? YearMonth(year: period.year - 1, month: 12) : YearMonth(year: period.year, month: period.month - 1)
    }
}
