import BytekModel
import BytekStore
import Foundation

/// The soles per dollar Ventas adds dollar deals with (board sums, forecast).
public struct SalesRate: Sendable, Hashable {
    public var penPerUSD: Decimal
    /// True when no rate is set and `SalesRate.defaultRate` is used: screens say so.
    public var isDefault: Bool

    public init(penPerUSD: Decimal, isDefault: Bool) { self.penPerUSD = penPerUSD; self.isDefault = isDefault }

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
    /// The rate for `today`: the one place Ventas reads it, so a rate per date can replace the
    /// setting here alone. Today it is the `sales.penPerUSD` setting, else the default.
    public func penPerUSD(today: LocalDate) throws -> SalesRate {
        try actor.authorize(.dealList)
        if let text = try SettingsRepository(db: services.db).value(SalesRate.setting),
           let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0 {
            return SalesRate(penPerUSD: rate, isDefault: false)
        }
        return SalesRate(penPerUSD: SalesRate.defaultRate, isDefault: true)
    }
}
