/// Why a text is not an amount of money. The TUI turns each case into Spanish text.
public enum MoneyError: Error, Hashable, Sendable {
    /// Nothing was typed.
    case empty
    /// The text is not a number in a format we accept ("1234.50", "1,234.50", "S/ 12.5").
    case invalidFormat
    /// More decimals than allowed (`max` is the limit, usually 2).
    case tooManyDecimals(max: Int)
    /// The text names a currency other than the one expected ("US$ 5" for a PEN field).
    case currencyMismatch(expected: Currency, found: Currency)
    /// The amount is too large to be stored exactly.
    case outOfRange
}
