import Foundation

/// Computes `QuoteTotals` and remembers each line's own figures, so the next call recomputes only
/// the lines that changed (plus integer work over the rest): what a quote builder needs after
/// each keystroke on a long quote. The result is always equal to `QuoteContent.totals()`.
public struct QuoteCalculator: Sendable {
    private struct Context: Hashable {
        var currency: Currency
        var exchangeRate: Decimal?
        var pricesIncludeIGV: Bool
    }

    private struct LineStep: Sendable {
        var line: QuoteLine
        var tax: TaxLine
        var costCents: Int64
    }

    private var context: Context?
    private var steps: [LineStep] = []

    public init() {}

    /// The totals of `content`, reusing the figures of lines equal to those of the previous call.
    public mutating func totals(for content: QuoteContent) throws(QuoteError) -> QuoteTotals {
        let ctx = Context(currency: content.currency, exchangeRate: content.exchangeRate,
                          pricesIncludeIGV: content.pricesIncludeIGV)
        if ctx != context { steps.removeAll(); context = ctx }
        var next: [LineStep] = []
        next.reserveCapacity(content.lines.count)
        for (i, line) in content.lines.enumerated() {
            if i < steps.count, steps[i].line == line {
                next.append(steps[i])
            } else {
                next.append(try QuoteCalculator.step(line, content))
            }
        }
        steps = next
        let computed: TaxComputation
        do throws(TaxError) { computed = try TaxEngine.combine(next.map(\.tax), currency: content.currency,
                                              globalDiscount: content.globalDiscount) }
        catch { throw .tax(error) }
        do throws(TaxError) { return try QuoteCalculator.assemble(content, next, computed) } catch { throw .tax(error) }
    }

    private static func step(_ line: QuoteLine, _ content: QuoteContent) throws(QuoteError) -> LineStep {
        let price = try content.convert(line.unitPrice)
        var discount = line.discount
        if case .amount(let a) = line.discount {
            discount = .amount(try content.convert(Money(a, line.unitPrice.currency)).amount)
        }
        let input = TaxLineInput(quantity: line.quantity, unitPrice: price.amount, category: line.taxCategory,
                                 priceIncludesIGV: content.pricesIncludeIGV, discount: discount)
        let tax: TaxLine
        do throws(TaxError) { tax = try TaxEngine.line(input, currency: content.currency) } catch { throw .tax(error) }
        var cost: Int64 = 0
        if let c = line.unitCost, !c.isZero {
            let unitCost = try content.convert(c).amount
            do throws(TaxError) {
                do throws(AmountLimitError) { try AmountLimits.checkUnitPrice(unitCost, field: .unitCost) } catch { throw .limit(error) }
                cost = try TaxEngine.cents(unitCost * line.quantity, .unitCost)
            } catch { throw .tax(error) }
        }
        return LineStep(line: line, tax: tax, costCents: cost)
    }

    private static func assemble(_ content: QuoteContent, _ steps: [LineStep],
                                 _ computed: TaxComputation) throws(TaxError) -> QuoteTotals {
        let currency = content.currency
        func m(_ c: Int64) -> Money { Money(minorUnits: c, currency) }
        var figures: [QuoteLineFigures] = []
        figures.reserveCapacity(steps.count)
        var oneTime: Int64 = 0, recurring: Int64 = 0, cost: Int64 = 0
        var monthly: Int64 = 0, monthlyIGV: Int64 = 0, yearly: Int64 = 0, yearlyIGV: Int64 = 0
        for (i, step) in steps.enumerated() {
            let tax = computed.lines[i]
            var value: RecurringValue?
            if step.line.isRecurring {
                recurring = try TaxEngine.add(recurring, tax.totalCents)
                let v = try recurringCents(tax, months: Decimal(step.line.period?.months ?? 1) * step.line.quantity)
                monthly = try TaxEngine.add(monthly, v.0); monthlyIGV = try TaxEngine.add(monthlyIGV, v.1)
                yearly = try TaxEngine.add(yearly, v.2); yearlyIGV = try TaxEngine.add(yearlyIGV, v.3)
                value = RecurringValue(currency: currency, monthlyCents: v.0, monthlyWithIGVCents: v.1, yearlyCents: v.2,
                                       yearlyWithIGVCents: v.3)
            } else {
                oneTime = try TaxEngine.add(oneTime, tax.totalCents)
            }
            cost = try TaxEngine.add(cost, step.costCents)
            figures.append(QuoteLineFigures(kind: step.line.kind, tax: tax, costCents: step.costCents, recurring: value))
        }
        let baseCents = computed.lines.reduce(Int64(0)) { $0 + $1.baseCents }
        let margin = baseCents - cost
        let percent: Decimal? = baseCents == 0 ? nil
            : Money(Decimal(margin) * 100 / Decimal(baseCents), currency).rounded().amount
        return QuoteTotals(lines: figures, tax: computed.totals, oneTime: m(oneTime), recurring: m(recurring),
                           recurringMonthly: m(monthly), recurringMonthlyWithIGV: m(monthlyIGV),
                           recurringYearly: m(yearly), recurringYearlyWithIGV: m(yearlyIGV), cost: m(cost),
                           margin: m(margin), marginPercent: percent)
    }

    /// Monthly and yearly values (without, with IGV) in céntimos: figure ÷ months and figure × 12 ÷
    /// months, each rounded half up once. Integer division when the number of months is whole.
    private static func recurringCents(_ tax: TaxLine, months: Decimal) throws(TaxError) -> (Int64, Int64, Int64, Int64) {
        guard months > 0 else { return (0, 0, 0, 0) }
        let whole = NSDecimalNumber(decimal: months).int64Value
        if whole > 0, Decimal(whole) == months {
            return (divide(tax.baseCents, whole), divide(tax.totalCents, whole),
                    divide(tax.baseCents * 12, whole), divide(tax.totalCents * 12, whole))
        }
        func d(_ cents: Int64, _ factor: Decimal) throws(TaxError) -> Int64 {
            try TaxEngine.cents(Decimal(cents) * factor / 100 / months, .lineAmount)
        }
        return (try d(tax.baseCents, 1), try d(tax.totalCents, 1), try d(tax.baseCents, 12), try d(tax.totalCents, 12))
    }

    /// a ÷ b rounded half up, for a ≥ 0 and b > 0.
    private static func divide(_ a: Int64, _ b: Int64) -> Int64 {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return r * 2 >= b ? q + 1 : q
    }
}
