/// Why a rate cannot be used or saved. `message` is the Spanish sentence every front shows.
public enum ExchangeRateError: Error, Sendable, Hashable {
    /// No rate for the day nor in the 7 days before it: `latest` is the newest earlier one (nil: none at all).
    case missing(day: LocalDate, latest: LocalDate?)
    /// A figure refused by the limits (compra or venta).
    case invalid(field: String, AmountLimitError)
    case buyAboveSell(buy: String, sell: String)
    /// A date that cannot be read.
    case invalidDate(String)

    public var message: String {
        switch self {
        case .missing(let day, let latest):
            let place = "regístrelo en Finanzas › Tipo de cambio"
            guard let latest else { return "no hay tipo de cambio para el " + ExchangeRateRule.dayMonth(day) + ": " + place }
            return "no hay tipo de cambio desde el " + ExchangeRateRule.dayMonth(latest) + ": " + place
        case .invalid(let field, let e):
            return field + ": " + e.message
        case .buyAboveSell(let buy, let sell):
            return "la compra (\(buy)) no puede ser mayor que la venta (\(sell))"
        case .invalidDate(let text):
            return "la fecha «\(text)» no es válida: use dd/mm/aaaa o aaaa-mm-dd"
        }
    }

    /// True when the only problem is a rate outside 2.5–6 that the user may confirm.
    public var needsConfirmation: Bool {
        if case .invalid(_, let e) = self { return e.needsConfirmation }
        return false
    }
}
