import BytekModel

/// How Cobranzas writes days and rates.
enum ReceivablesText {
    /// dd/mm/aaaa.
    static func date(_ d: LocalDate) -> String { ExchangeRateRule.dayMonthYear(d) }

    /// The amount typed in `text`, within `AmountLimits`, or the sentence saying what is wrong with it
    /// (naming the field): a figure of 20 digits is "too large", never "0.00".
    static func amount(_ text: String, _ currency: Currency, strings: Strings) -> Result<Money, AmountTextError> {
        let errors = ErrorText(strings)
        do {
            let m = try Money.parse(text, currency: currency)
            try AmountLimits.checkAmount(m.amount, field: .amount)
            guard m.amount > 0 else { return .failure(AmountTextError(message: strings["cob.err.amountPositive"])) }
            return .success(m)
        } catch MoneyError.outOfRange {
            return .failure(AmountTextError(message: errors.limit(.tooLarge(.amount, max: AmountLimits.maxAmount))))
        } catch let e as MoneyError {
            return .failure(AmountTextError(message: errors.money(e)))
        } catch let e as AmountLimitError {
            return .failure(AmountTextError(message: errors.limit(e)))
        } catch {
            return .failure(AmountTextError(message: errors.describe(error)))
        }
    }

    /// Reads dd/mm/aaaa (or aaaa-mm-dd).
    static func parseDate(_ text: String) -> LocalDate? { ExchangeRateRule.parseDate(text) }
}

/// Why a typed amount is refused, in one Spanish sentence.
struct AmountTextError: Error {
    var message: String
}
