import Foundation

/// The soles per dollar of one day, as SUNAT publishes it: compra and venta with 3 decimals, kept
/// as integer thousandths (3.752 → 3752) so nothing is ever rounded.
public struct ExchangeRate: Sendable, Hashable, Codable {
    /// Where a rate came from.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// Typed by a user (Finanzas › Tipo de cambio, `bytek exchange-rate set`).
        case manual
        /// Read from a CSV of SUNAT's published rates.
        case imported = "import"

        public var spanishName: String { self == .manual ? "manual" : "importado" }
    }

    public var date: LocalDate
    /// Compra, in thousandths of a sol.
    public var buyMilli: Int64
    /// Venta, in thousandths of a sol (the default for documents in dollars).
    public var sellMilli: Int64
    public var source: Source
    /// The login that entered or imported it.
    public var user: String

    public init(date: LocalDate, buyMilli: Int64, sellMilli: Int64, source: Source = .manual, user: String = "") {
        self.date = date; self.buyMilli = buyMilli; self.sellMilli = sellMilli; self.source = source; self.user = user
    }

    /// Compra as a decimal (3.752).
    public var buy: Decimal { ExchangeRate.decimal(buyMilli) }
    /// Venta as a decimal.
    public var sell: Decimal { ExchangeRate.decimal(sellMilli) }

    /// Thousandths → soles: 3752 → 3.752 (exact).
    public static func decimal(_ milli: Int64) -> Decimal { Decimal(milli) / 1000 }

    /// "3.752": always three decimals, as SUNAT writes it.
    public static func text(_ milli: Int64) -> String {
        let sign = milli < 0 ? "-" : ""
        let m = milli.magnitude
        let frac = String(m % 1000)
        return sign + String(m / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// The highest rate accepted even when confirmed (soles per dollar): keeps thousandths far from overflow.
    public static let maxRate = Decimal(1000)

    /// A rate as typed ("3.752", "3,752"): a number, positive, at most 3 decimals, at most `maxRate`,
    /// within 2.5–6 unless `confirmed`. Returns thousandths.
    public static func milli(_ text: String, confirmed: Bool) throws(AmountLimitError) -> Int64 {
        let t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let value = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .notANumber(.exchangeRate)
        }
        return try milli(value, confirmed: confirmed)
    }

    /// `milli(_:confirmed:)` for a decimal.
    public static func milli(_ value: Decimal, confirmed: Bool) throws(AmountLimitError) -> Int64 {
        guard !value.isNaN, value.isFinite else { throw .notANumber(.exchangeRate) }
        guard value <= maxRate else { throw .tooLarge(.exchangeRate, max: maxRate) }
        try AmountLimits.checkExchangeRate(value, confirmed: confirmed)
        return NSDecimalNumber(decimal: value * 1000).int64Value
    }

    /// Compra above venta is a typing error (SUNAT never publishes it).
    public static func checkPair(buyMilli: Int64, sellMilli: Int64) throws(ExchangeRateError) {
        guard buyMilli <= sellMilli else { throw .buyAboveSell(buy: text(buyMilli), sell: text(sellMilli)) }
    }
}
