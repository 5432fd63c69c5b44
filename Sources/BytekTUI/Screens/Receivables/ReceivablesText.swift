import BytekModel

/// How Cobranzas writes days and rates.
enum ReceivablesText {
    /// dd/mm/aaaa.
    static func date(_ d: LocalDate) -> String { ExchangeRateRule.dayMonthYear(d) }

    /// Reads dd/mm/aaaa (or aaaa-mm-dd).
    static func parseDate(_ text: String) -> LocalDate? { ExchangeRateRule.parseDate(text) }
}
