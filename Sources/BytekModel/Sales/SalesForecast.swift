import Foundation

/// One cell of the forecast: the weighted value of the open deals of a unit expected to close in a month.
public struct ForecastEntry: Sendable, Hashable {
    public var month: YearMonth
    public var unit: BusinessUnit
    /// Σ value × probability, in the forecast currency, rounded to céntimos once per cell.
    public var weighted: Money
    /// Σ value (unweighted), same currency.
    public var total: Money
    public var deals: Int
}

/// The weighted forecast of open deals per month of expected close and per unit.
public enum SalesForecast {
    /// Deals in open stages with an expected close date, each value converted into `currency` with
    /// `penPerUSD` and weighted by its stage's probability; one entry per (month, unit) with deals,
    /// sorted by month then unit. Deals whose stage is unknown, won or lost, or with no close date,
    /// are left out. Nil when a deal needs a conversion and the rate is missing.
    public static func weighted(_ deals: [Deal], stages: [Int64: Stage], currency: Currency,
                                penPerUSD: Decimal?) -> [ForecastEntry]? {
        struct Key: Hashable { var month: YearMonth; var unit: BusinessUnit }
        var cells: [Key: (weighted: Decimal, total: Decimal, count: Int)] = [:]
        for deal in deals {
            guard let stage = stages[deal.stageId], stage.kind == .open, let close = deal.expectedClose else { continue }
            guard let value = CurrencyConversion.convert(deal.estimatedValue, to: currency, penPerUSD: penPerUSD) else {
                return nil
            }
            let key = Key(month: close.yearMonth, unit: deal.unit)
            var cell = cells[key] ?? (0, 0, 0)
            cell.weighted += value.amount * Decimal(stage.probability) / 100
            cell.total += value.amount
            cell.count += 1
            cells[key] = cell
        }
        return cells.map { key, cell in
            ForecastEntry(month: key.month, unit: key.unit, weighted: Money(cell.weighted, currency).rounded(),
                          total: Money(cell.total, currency).rounded(), deals: cell.count)
        }.sorted { ($0.month, $0.unit) < ($1.month, $1.unit) }
    }
}
