import Foundation

/// The figures of one quote line: taxes, cost and margin, and for a subscription its recurring value.
public struct QuoteLineFigures: Sendable, Hashable {
    public var kind: ItemKind
    public var tax: TaxLine
    /// quantity × unit cost, converted and rounded, in céntimos; zero when the cost is unknown.
    public var costCents: Int64
    /// Subscriptions only: the value per month and per year, rounded.
    public var recurring: RecurringValue?

    /// quantity × unit cost, converted and rounded; zero when the cost is unknown.
    public var cost: Money { Money(minorUnits: costCents, tax.currency) }
    /// Base (without IGV, after discounts) − cost.
    public var margin: Money { Money(minorUnits: tax.baseCents - costCents, tax.currency) }
}

/// A subscription's value per month and per year, without and with IGV. Derived from the line's
/// figures after discounts: monthly = figure ÷ (periods × months per period), yearly = figure × 12 ÷
/// (periods × months per period); each rounded half up once.
public struct RecurringValue: Sendable, Hashable {
    public var currency: Currency
    public var monthlyCents: Int64
    public var monthlyWithIGVCents: Int64
    public var yearlyCents: Int64
    public var yearlyWithIGVCents: Int64

    public var monthly: Money { Money(minorUnits: monthlyCents, currency) }
    public var monthlyWithIGV: Money { Money(minorUnits: monthlyWithIGVCents, currency) }
    public var yearly: Money { Money(minorUnits: yearlyCents, currency) }
    public var yearlyWithIGV: Money { Money(minorUnits: yearlyWithIGVCents, currency) }
}

/// A quote's totals: the tax totals (op. gravadas, exoneradas, inafectas, IGV, total), the
/// one-time part (products and services) and the recurring part (subscriptions) apart, and the
/// internal cost and margin.
public struct QuoteTotals: Sendable, Hashable {
    public var lines: [QuoteLineFigures]
    public var tax: TaxTotals
    /// Total with IGV of product and service lines.
    public var oneTime: Money
    /// Total with IGV of subscription lines over all their periods.
    public var recurring: Money
    /// Sum of the subscriptions' monthly values (without / with IGV).
    public var recurringMonthly: Money
    public var recurringMonthlyWithIGV: Money
    public var recurringYearly: Money
    public var recurringYearlyWithIGV: Money
    public var cost: Money
    /// Total base (without IGV) − total cost.
    public var margin: Money
    /// Margin as a percent of the base, 2 decimals; nil when the base is zero.
    public var marginPercent: Decimal?
}

extension QuoteContent {
    /// Computes the lines and totals in the quote currency (see `TaxEngine` for the rounding rules).
    /// Lines priced in the other currency are converted with `exchangeRate` before anything is rounded.
    /// A screen recomputing after each keystroke should keep a `QuoteCalculator`, which gives the
    /// same result but recomputes only the lines that changed.
    public func totals() throws(QuoteError) -> QuoteTotals {
        var calculator = QuoteCalculator()
        return try calculator.totals(for: self)
    }

    /// `money` in the quote currency (10 decimals kept), or why it cannot be converted.
    func convert(_ money: Money) throws(QuoteError) -> Money {
        if money.currency == currency { return money }
        guard let rate = exchangeRate else { throw .exchangeRateMissing }
        guard rate > 0 else { throw .exchangeRateNotPositive(rate) }
        guard let converted = CurrencyConversion.convert(money, to: currency, penPerUSD: rate) else {
            throw .exchangeRateMissing
        }
        return converted
    }

    /// Checks everything a quote must satisfy to be sent: lines present and described, subscription
    /// periods, validity, exchange rate, payment terms, and figures that can be computed.
    public func validate() throws(QuoteError) {
        guard !lines.isEmpty else { throw .noLines }
        for (i, line) in lines.enumerated() {
            guard !line.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .lineDescriptionMissing(index: i)
            }
            if line.kind == .subscription && line.period == nil { throw .subscriptionPeriodMissing(index: i) }
        }
        guard validityDays > 0, validityDays <= AmountLimits.maxDays else { throw .validityDaysNotPositive(validityDays) }
        if let rate = exchangeRate, rate <= 0 { throw .exchangeRateNotPositive(rate) }
        try paymentTerms.validate()
        _ = try totals()
    }
}
