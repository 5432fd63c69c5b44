/// Quote numbers: `COT-2026-00001`, one gapless series per year.
public enum QuoteNumber {
    public static let prefix = "COT"

    /// The series a quote issued in `year` takes its number from: `COT-2026`.
    public static func series(year: Int) -> String { "\(prefix)-\(year)" }

    /// `COT-2026-00001` (at least five digits; more when a year passes 99,999 quotes).
    public static func format(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return series(year: year) + "-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }
}
