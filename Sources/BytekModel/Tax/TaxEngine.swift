import Foundation

/// Computes IGV for a document's lines and its totals, exactly, the way SUNAT checks them.
///
/// ## Rounding
/// Every money figure is rounded per line to 2 decimals, half away from zero (`Money.rounded()`:
/// 0.125 → 0.13), and the document totals are the sums of the rounded line figures, never a
/// re-rounding of an unrounded total. Unit values keep up to 10 decimals.
///
/// ## A line
/// `gross = quantity × unitPrice` and the line discount is taken off it in the price's basis.
/// - Price without IGV (or a line without IGV): `base = round(gross − discount)`,
///   `igv = round(base × 18%)` for a gravado line, `total = base + igv`.
/// - Price with IGV on a gravado line: the typed figure is the total, so
///   `total = round(gross − discount)`, `base = round(total ÷ 1.18)` and `igv = total − base`;
///   the buyer pays exactly what was typed.
///
/// ## The global discount
/// It is applied to the base (without IGV) before IGV. A percentage becomes an amount,
/// `round(sum of line bases × p%)`; an amount is taken as is (it must not exceed the sum of the
/// bases). That amount is spread over all lines in proportion to their bases, in whole céntimos
/// (largest remainder, ties to the earlier line), so the shares add up to it exactly. Each line
/// that receives a share has its IGV recomputed on its reduced base (`igv = round(base × 18%)`,
/// `total = base + igv`), so the document totals remain the sums of the line figures.
///
/// ## Speed
/// Only the line step uses `Decimal`; once rounded, figures are integer céntimos, so spreading the
/// global discount and summing are integer work. A screen that recomputes after each keystroke can
/// keep the computed lines, recompute only the edited one with `line`, and call `combine`.
public enum TaxEngine {
    /// Computes every line and the document totals in `currency`.
    public static func compute(_ inputs: [TaxLineInput], currency: Currency,
                               globalDiscount: Discount = .none) throws(TaxError) -> TaxComputation {
        var lines: [TaxLine] = []
        lines.reserveCapacity(inputs.count)
        for input in inputs { lines.append(try line(input, currency: currency)) }
        return try combine(lines, currency: currency, globalDiscount: globalDiscount)
    }

    /// One line alone, with no global discount.
    public static func line(_ input: TaxLineInput, currency: Currency) throws(TaxError) -> TaxLine {
        guard input.quantity >= 0 else { throw .negativeQuantity(input.quantity) }
        guard input.unitPrice >= 0 else { throw .negativePrice(input.unitPrice) }
        do throws(AmountLimitError) {
            try AmountLimits.checkQuantity(input.quantity)
            try AmountLimits.checkUnitPrice(input.unitPrice)
        } catch { throw .limit(error) }
        // Inside the limits the product is at most 10²⁰ (exact in Decimal); the line amount must
        // then stay within 10¹² so every céntimos figure below fits Int64 with room to add 1,000 lines.
        let gross = input.quantity * input.unitPrice
        guard gross <= AmountLimits.maxAmount else { throw .limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount)) }
        let discount = try input.discount.reduction(of: gross)
        let net = discount.isZero ? gross : gross - discount
        let taxed = input.category.isTaxed
        let unitValue: Decimal
        let unitPrice: Decimal
        let grossCents: Int64
        let baseCents: Int64
        let igvCents: Int64
        if taxed && input.priceIncludesIGV {
            unitValue = round(input.unitPrice / IGV.inclusionFactor, 10)
            unitPrice = input.unitPrice
            grossCents = try cents(gross / IGV.inclusionFactor, .lineAmount)
            let totalCents = try cents(net, .lineAmount)
            baseCents = discount.isZero ? grossCents : try cents(net / IGV.inclusionFactor, .lineAmount)
            igvCents = totalCents - baseCents
        } else {
            unitValue = input.unitPrice
            unitPrice = taxed ? round(input.unitPrice * IGV.inclusionFactor, 10) : input.unitPrice
            grossCents = try cents(gross, .lineAmount)
            baseCents = discount.isZero ? grossCents : try cents(net, .lineAmount)
            igvCents = taxed ? try igvOf(baseCents) : 0
        }
        guard baseCents + igvCents <= AmountLimits.maxAmountCents else {
            throw .limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount))
        }
        return TaxLine(
            category: input.category, currency: currency, quantity: input.quantity,
            unitValue: Money(unitValue, currency), unitPrice: Money(unitPrice, currency), grossValueCents: grossCents,
            globalDiscountCents: 0, baseCents: baseCents, igvCents: igvCents, igvBeforeGlobalCents: igvCents)
    }

    /// Applies a global discount to computed lines (replacing any global discount they carry) and
    /// sums them: the same result as `compute`. A screen that recomputes only the line being typed calls this to
    /// refresh the document in integer arithmetic.
    public static func combine(_ lines: [TaxLine], currency: Currency,
                               globalDiscount: Discount = .none) throws(TaxError) -> TaxComputation {
        do throws(AmountLimitError) { try AmountLimits.checkLineCount(lines.count) } catch { throw .limit(error) }
        var result = lines
        try spread(globalDiscount, over: &result)
        return TaxComputation(lines: result, totals: try totals(of: result, currency: currency))
    }

    /// Sums already computed lines. The total must stay within `AmountLimits.maxAmount`; the sums are
    /// checked, so even lines built by hand beyond the limits throw instead of trapping.
    public static func totals(of lines: [TaxLine], currency: Currency) throws(TaxError) -> TaxTotals {
        var gravadas: Int64 = 0, exoneradas: Int64 = 0, inafectas: Int64 = 0
        var gross: Int64 = 0, global: Int64 = 0, igv: Int64 = 0
        for l in lines {
            switch l.category {
            case .gravado: gravadas = try add(gravadas, l.baseCents)
            case .exonerado: exoneradas = try add(exoneradas, l.baseCents)
            case .inafecto: inafectas = try add(inafectas, l.baseCents)
            }
            gross = try add(gross, l.grossValueCents)
            global = try add(global, l.globalDiscountCents)
            igv = try add(igv, l.igvCents)
        }
        let base = try add(try add(gravadas, exoneradas), inafectas)
        let total = try add(base, igv)
        guard total <= AmountLimits.maxAmountCents else {
            throw .limit(.tooLarge(.documentTotal, max: AmountLimits.maxAmount))
        }
        func m(_ c: Int64) -> Money { Money(minorUnits: c, currency) }
        return TaxTotals(currency: currency, gravadas: m(gravadas), exoneradas: m(exoneradas), inafectas: m(inafectas),
                         lineDiscounts: m(gross - global - base), globalDiscount: m(global), igv: m(igv),
                         total: m(total))
    }

    /// Splits `cents` over `weights` in proportion, in whole céntimos, largest remainder first (ties
    /// to the earlier index). The parts add up to `cents` exactly. All-zero weights get nothing.
    public static func allocate(cents: Int64, proportionalTo weights: [Int64]) -> [Int64] {
        // Weights are line bases within `AmountLimits` (≤ 10¹⁴ céntimos each, ≤ 1,000 lines): no overflow.
        let totalWeight = weights.reduce(0, &+)
        guard totalWeight > 0, cents > 0 else { return weights.map { _ in 0 } }
        var parts: [Int64] = []
        parts.reserveCapacity(weights.count)
        var remainders: [(remainder: Int64, index: Int)] = []
        remainders.reserveCapacity(weights.count)
        var assigned: Int64 = 0
        for (i, w) in weights.enumerated() {
            // cents × w can pass Int64 for huge documents: then multiply and divide in full width.
            let (product, overflow) = cents.multipliedReportingOverflow(by: max(0, w))
            let (q, r) = overflow ? totalWeight.dividingFullWidth(cents.multipliedFullWidth(by: max(0, w)))
                                  : product.quotientAndRemainder(dividingBy: totalWeight)
            parts.append(q)
            assigned += q
            remainders.append((r, i))
        }
        var left = cents - assigned
        remainders.sort { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index }
        var k = 0
        while left > 0 && !remainders.isEmpty {
            parts[remainders[k % remainders.count].index] += 1
            left -= 1
            k += 1
        }
        return parts
    }

    private static func spread(_ discount: Discount, over lines: inout [TaxLine]) throws(TaxError) {
        for i in lines.indices where lines[i].globalDiscountCents != 0 {
            lines[i].baseCents += lines[i].globalDiscountCents
            lines[i].globalDiscountCents = 0
            lines[i].igvCents = lines[i].igvBeforeGlobalCents
        }
        guard !discount.isNone, !lines.isEmpty else { return }
        let bases = lines.map(\.baseCents)
        var sum: Int64 = 0
        for b in bases { sum = try add(sum, b) }
        let amount = try cents(try discount.reduction(of: Decimal(sum) / 100), .discount)
        let shares = allocate(cents: amount, proportionalTo: bases)
        for i in lines.indices where shares[i] != 0 {
            let base = lines[i].baseCents - shares[i]
            lines[i].globalDiscountCents = shares[i]
            lines[i].baseCents = base
            lines[i].igvCents = lines[i].category.isTaxed ? try igvOf(base) : 0
        }
    }

    /// IGV of a base in céntimos, rounded half up: round(base × 18 / 100). Checked: a base so large
    /// that the product overflows throws instead of trapping.
    static func igvOf(_ baseCents: Int64) throws(TaxError) -> Int64 {
        let (product, overflow) = baseCents.multipliedReportingOverflow(by: 18)
        guard !overflow else { throw .limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount)) }
        let (q, r) = product.quotientAndRemainder(dividingBy: 100)
        return r >= 50 ? q + 1 : (r <= -50 ? q - 1 : q)
    }

    /// A decimal amount rounded half up to céntimos, as an integer. A value that is not a number or
    /// lies beyond `AmountLimits.maxAmount` throws (naming `field`) instead of becoming 0 or trapping.
    static func cents(_ value: Decimal, _ field: AmountField = .amount) throws(TaxError) -> Int64 {
        guard !value.isNaN, value.isFinite else { throw .limit(.notANumber(field)) }
        // Lines reach 1.18 × 10¹² with IGV: allow that much, still exact through Double (< 2⁵³ céntimos).
        guard value.magnitude <= AmountLimits.maxAmount * 2 else {
            throw .limit(.tooLarge(field, max: AmountLimits.maxAmount))
        }
        return NSDecimalNumber(decimal: round(value, 2) * 100).int64Value
    }

    /// a + b, or a limit error instead of an overflow trap.
    static func add(_ a: Int64, _ b: Int64) throws(TaxError) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else { throw .limit(.tooLarge(.documentTotal, max: AmountLimits.maxAmount)) }
        return sum
    }

    static func round(_ value: Decimal, _ scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
