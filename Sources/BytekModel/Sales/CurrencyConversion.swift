import Foundation

/// Converts between soles and dollars with a rate quoted as soles per dollar (3.75 = S/ 3.75 per US$ 1),
/// the way SUNAT and Peruvian banks quote it.
public enum CurrencyConversion {
    /// `money` in `currency`: unchanged when already in it, else multiplied (USD → PEN) or divided
    /// (PEN → USD) by `penPerUSD`, kept to 10 decimals (round later, per line).
    /// Nil when a conversion is needed and the rate is missing or not positive.
    public static func convert(_ money: Money, to currency: Currency, penPerUSD: Decimal?) -> Money? {
        if money.currency == currency { return money }
        guard let rate = penPerUSD, rate > 0 else { return nil }
        let value = currency == .pen ? money.amount * rate : money.amount / rate
        return Money(value, currency).rounded(scale: 10)
    }
}
