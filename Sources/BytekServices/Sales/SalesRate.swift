import BytekModel
import BytekStore
import Foundation

/// The soles per dollar Ventas adds dollar deals with (board sums, forecast).
public struct SalesRate: Sendable, Hashable {
    public var penPerUSD: Decimal
    /// True when no rate is set and `SalesRate.defaultRate` is used: screens say so.
    public var isDefault: Bool
    /// Where a rate of the exchange-rate table came from: "TC 3.752 de hoy", "TC 3.752 del 28/11 (2 días
    /// antes)"; "" for the setting or the default.
    public var source: String

    public init(penPerUSD: Decimal, isDefault: Bool, source: String = "") {
        self.penPerUSD = penPerUSD; self.isDefault = isDefault; self.source = source
    }

    /// The setting that holds the rate ("3.80").
    public static let setting = "sales.penPerUSD"
    public static let defaultRate = Decimal(string: "3.75") ?? 3

    /// Σ of amounts per currency, in soles (dollars converted at this rate), rounded to céntimos.
    public func pen(_ totals: [Currency: Money]) -> Money {
        var sum = Money.zero(.pen)
        for money in totals.values {
            sum += CurrencyConversion.convert(money, to: .pen, penPerUSD: penPerUSD) ?? .zero(.pen)
        }
        return sum.rounded()
    }
}

extension SalesService {
    /// The rate for `today`: the one place Ventas reads it. The day's venta rate of Finanzas › Tipo de
    /// cambio (or the latest of the 7 days before, said so); without one, the `sales.penPerUSD`
    /// setting, else the default (screens say so).
    public func penPerUSD(today: LocalDate) throws -> SalesRate {
        try actor.authorize(.dealList)
        if let day = try? services.exchangeRates.defaultRate(for: today) {
            return SalesRate(penPerUSD: day.rate, isDefault: false,
                             source: "TC \(day.rate) " + (day.note.isEmpty ? "de hoy" : day.note))
        }
        if let text = try SettingsRepository(db: services.db).value(SalesRate.setting),
           let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0 {
            return SalesRate(penPerUSD: rate, isDefault: false)
        }
        return SalesRate(penPerUSD: SalesRate.defaultRate, isDefault: true)
    }
}
