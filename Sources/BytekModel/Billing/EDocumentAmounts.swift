import Foundation

/// The figures of one line as the XML states them.
///
/// For an onerous line they come from `TaxEngine.line` (so before the global discount, which SUNAT
/// states once at the document level). For a free line (`LineAffectation.free`) the reference
/// value is run through the same engine as an exonerado/inafecto/gravado line without discount:
/// `value = round(quantity × reference, 2)` and, for codes 11–16, `igv = round(value × 18%, 2)`;
/// nothing of it is payable.
public struct EDocumentLineAmounts: Sendable, Hashable {
    public var affectation: LineAffectation
    public var quantity: Decimal
    /// Valor unitario without IGV (≤ 10 decimals); zero for a free line.
    public var unitValue: Money
    /// Precio unitario with IGV (PriceTypeCode 01), or the reference value of a free line (02). On a line
    /// with a discount, the price after it: (line value + IGV) ÷ quantity, to 10 decimals.
    public var referencePrice: Money
    /// quantity × unit value, before the line discount.
    public var grossValue: Money
    /// The line discount without IGV (grossValue − lineValue).
    public var lineDiscount: Money
    /// Valor de venta of the line (LineExtensionAmount), also its taxable amount.
    public var lineValue: Money
    public var igv: Money
    /// 18 for gravado (and 11–16), else 0.
    public var percent: Decimal
}

/// The part of the global discount taken off one tax category's base, and that base before it.
public struct GlobalDiscountShare: Sendable, Hashable {
    public var category: TaxCategory
    /// The share, without IGV (the sum of the category's lines' shares, in whole céntimos).
    public var amount: Money
    /// The sum of the category's onerous line values before the global discount.
    public var base: Money
}

/// Every figure of a document, computed by `TaxEngine` (onerous lines, global discount) plus the
/// free lines on top. `gravadas + exoneradas + inafectas + igv = total` holds exactly.
public struct EDocumentAmounts: Sendable, Hashable {
    public var currency: Currency
    public var lines: [EDocumentLineAmounts]
    /// Each line after its share of the global discount (the same as `lines` without one): a note states
    /// its global discount inside its lines, as SUNAT's rules for notes read no code 02.
    public var netLines: [EDocumentLineAmounts]
    /// Totals of the onerous lines after the global discount.
    public var taxes: TaxTotals
    /// Sum of the reference values of free lines (op. gratuitas) and the IGV computed on 11–16.
    public var gratuitas: Money
    public var gratuitasIGV: Money
    /// The global discount without IGV and what it was taken from (the sum of onerous line values).
    public var globalDiscount: Money
    public var globalDiscountBase: Money
    /// The global discount split by the base it reduces (gravado, exonerado, inafecto; only non-zero
    /// shares): SUNAT states each base's part on its own (see `UBLWriter`).
    public var globalDiscountShares: [GlobalDiscountShare]
    /// Importe total (what the buyer owes).
    public var total: Money
    /// The detracción in soles, and the same share in the document currency; nil without detracción.
    public var detraccionPEN: Money?
    public var detraccionInDocumentCurrency: Money?
    /// Total minus the detracción (what the cuotas must add up to).
    public var pending: Money
    /// The total in soles (converted with the exchange rate for USD), nil when USD without a rate.
    public var totalPEN: Decimal?
    /// "SON: … CON cc/100 SOLES" (legend 1000).
    public var words: String

    /// Valor de venta after the global discount (LegalMonetaryTotal/LineExtensionAmount).
    public var lineExtension: Money { taxes.base }
}

extension EDocument {
    /// Computes the document's figures. Fails only when a discount cannot be applied.
    public func amounts() throws(EDocumentError) -> EDocumentAmounts {
        var onerousInputs: [TaxLineInput] = []
        var out: [EDocumentLineAmounts] = []
        out.reserveCapacity(lines.count)
        var gratuitas = Money.zero(currency)
        var gratuitasIGV = Money.zero(currency)
        do throws(TaxError) {
            for l in lines {
                switch l.affectation {
                case .onerous, .export:
                    let category = l.affectation.onerousCategory ?? .inafecto
                    let input = TaxLineInput(quantity: l.quantity, unitPrice: l.unitPrice, category: category,
                                             priceIncludesIGV: l.priceIncludesIGV, discount: l.discount)
                    onerousInputs.append(input)
                    // Without a global discount, `TaxEngine.compute` below gives the same line figures.
                    guard !globalDiscount.isNone else { out.append(placeholder(l.affectation)); continue }
                    let t = try TaxEngine.line(input, currency: currency)
                    out.append(lineAmounts(t, l.affectation, l.quantity))
                case .free(let code):
                    // Reuse the engine on the reference value: a plain line of the matching category.
                    let category: TaxCategory = code.isTaxed ? .gravado
                        : (code == .exoneradoTransferenciaGratuita ? .exonerado : .inafecto)
                    let t = try TaxEngine.line(TaxLineInput(quantity: l.quantity, unitPrice: l.unitPrice,
                                                            category: category), currency: currency)
                    gratuitas += t.base
                    gratuitasIGV += t.igv
                    out.append(EDocumentLineAmounts(
                        affectation: l.affectation, quantity: l.quantity, unitValue: .zero(currency),
                        referencePrice: t.unitValue, grossValue: t.base, lineDiscount: .zero(currency),
                        lineValue: t.base, igv: t.igv, percent: code.isTaxed ? IGV.percent : 0))
                }
            }
            let computation = try TaxEngine.compute(onerousInputs, currency: currency, globalDiscount: globalDiscount)
            var net = out
            var k = 0
            for i in net.indices where !net[i].affectation.isFree {
                net[i] = lineAmounts(computation.lines[k], net[i].affectation, lines[i].quantity)
                k += 1
            }
            if globalDiscount.isNone { out = net }
            let taxes = computation.totals
            let base = computation.lines.reduce(Money.zero(currency)) { $0 + $1.base + $1.globalDiscount }
            let total = taxes.total
            var shares: [GlobalDiscountShare] = []
            for category in TaxCategory.allCases {
                var share: Int64 = 0, before: Int64 = 0
                for l in computation.lines where l.category == category {
                    share += l.globalDiscountCents
                    before += l.baseCents + l.globalDiscountCents
                }
                if share != 0 {
                    shares.append(GlobalDiscountShare(category: category, amount: Money(minorUnits: share, currency),
                                                      base: Money(minorUnits: before, currency)))
                }
            }
            let totalPEN: Decimal? = currency == .pen ? total.amount : exchangeRate.map { total.amount * $0 }
            var detraccionPEN: Money?
            var detraccionDoc: Money?
            if let d = detraccion {
                detraccionDoc = (total * (d.ratePercent / 100)).rounded()
                if let pen = totalPEN { detraccionPEN = Money(pen * d.ratePercent / 100, .pen).rounded() }
            }
            return EDocumentAmounts(
                currency: currency, lines: out, netLines: net, taxes: taxes, gratuitas: gratuitas, gratuitasIGV: gratuitasIGV,
                globalDiscount: taxes.globalDiscount, globalDiscountBase: base,
                globalDiscountShares: shares, total: total,
                detraccionPEN: detraccionPEN, detraccionInDocumentCurrency: detraccionDoc,
                pending: total - (detraccionDoc ?? .zero(currency)), totalPEN: totalPEN,
                words: AmountInWords.legend(total))
        } catch {
            throw .tax(error)
        }
    }

    private func lineAmounts(_ t: TaxLine, _ affectation: LineAffectation, _ quantity: Decimal) -> EDocumentLineAmounts {
        // With a line discount the price a buyer pays per unit is what is left after it: SUNAT checks
        // PriceTypeCode 01 against (LineExtensionAmount + line IGV) ÷ quantity (error 3270).
        var price = t.unitPrice
        if t.grossValueCents != t.baseCents, quantity > 0 {
            var exact = Decimal(t.baseCents + t.igvCents) / 100 / quantity
            var rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 10, .plain)
            price = Money(rounded, currency)
        }
        return EDocumentLineAmounts(
            affectation: affectation, quantity: quantity, unitValue: t.unitValue, referencePrice: price,
            grossValue: t.grossValue, lineDiscount: t.lineDiscount, lineValue: t.base, igv: t.igv,
            percent: t.category.isTaxed ? IGV.percent : 0)
    }

    private func placeholder(_ affectation: LineAffectation) -> EDocumentLineAmounts {
        let z = Money.zero(currency)
        return EDocumentLineAmounts(affectation: affectation, quantity: 0, unitValue: z, referencePrice: z, grossValue: z,
                                    lineDiscount: z, lineValue: z, igv: z, percent: 0)
    }
}
