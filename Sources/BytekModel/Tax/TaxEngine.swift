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
        let gross = input.quantity * input.unitPrice
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
            grossCents = cents(gross / IGV.inclusionFactor)
            let totalCents = cents(net)
            baseCents = discount.isZero ? grossCents : cents(net / IGV.inclusionFactor)
            igvCents = totalCents - baseCents
        } else {
            unitValue = input.unitPrice
            unitPrice = taxed ? round(input.unitPrice * IGV.inclusionFactor, 10) : input.unitPrice
            grossCents = cents(gross)
            baseCents = discount.isZero ? grossCents : cents(net)
            igvCents = taxed ? igvOf(baseCents) : 0
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
        var result = lines
        try spread(globalDiscount, over: &result)
        return TaxComputation(lines: result, totals: totals(of: result, currency: currency))
    }

    /// Sums already computed lines.
    public static func totals(of lines: [TaxLine], currency: Currency) -> TaxTotals {
        var gravadas: Int64 = 0, exoneradas: Int64 = 0, inafectas: Int64 = 0
        var gross: Int64 = 0, global: Int64 = 0, igv: Int64 = 0
        for l in lines {
            switch l.category {
            case .gravado: gravadas += l.baseCents
            case .exonerado: exoneradas += l.baseCents
            case .inafecto: inafectas += l.baseCents
            }
            gross += l.grossValueCents
            global += l.globalDiscountCents
            igv += l.igvCents
        }
        let base = gravadas + exoneradas + inafectas
        func m(_ c: Int64) -> Money { Money(minorUnits: c, currency) }
        return TaxTotals(currency: currency, gravadas: m(gravadas), exoneradas: m(exoneradas), inafectas: m(inafectas),
                         lineDiscounts: m(gross - global - base), globalDiscount: m(global), igv: m(igv),
                         total: m(base + igv))
    }

    /// Splits `cents` over `weights` in proportion, in whole céntimos, largest remainder first (ties
    /// to the earlier index). The parts add up to `cents` exactly. All-zero weights get nothing.
    public static func allocate(cents: Int64, proportionalTo weights: [Int64]) -> [Int64] {
        let totalWeight = weights.reduce(0, +)
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
        let sum = bases.reduce(0, +)
        let amount = cents(try discount.reduction(of: Decimal(sum) / 100))
        let shares = allocate(cents: amount, proportionalTo: bases)
        for i in lines.indices where shares[i] != 0 {
            let base = lines[i].baseCents - shares[i]
            lines[i].globalDiscountCents = shares[i]
            lines[i].baseCents = base
            lines[i].igvCents = lines[i].category.isTaxed ? igvOf(base) : 0
        }
    }

    /// IGV of a base in céntimos, rounded half up: round(base × 18 / 100).
    static func igvOf(_ baseCents: Int64) -> Int64 {
        let (q, r) = (baseCents * 18).quotientAndRemainder(dividingBy: 100)
        return r >= 50 ? q + 1 : (r <= -50 ? q - 1 : q)
    }

    /// A decimal amount rounded half up to céntimos, as an integer.
    static func cents(_ value: Decimal) -> Int64 {
        NSDecimalNumber(decimal: round(value, 2) * 100).int64Value
    }

    static func round(_ value: Decimal, _ scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}
