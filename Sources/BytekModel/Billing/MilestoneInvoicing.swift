import Foundation

/// Turns one milestone of a U2 project into its electronic document: the milestone's share of the accepted
/// quote's one-time part (its recorded amount, with IGV), one line per tax category the one-time part has.
///
/// Guarantees (as `QuoteInvoicing`): amounts exact to the céntimo. Each category's share of a milestone is
/// `round(amount × category total ÷ one-time total)`, the last category taking what is left so the lines add
/// up to the milestone's amount; the last milestone takes, per category, what the earlier milestones left,
/// so the documents of all the milestones add up exactly to the quote (per category, base and total).
/// Each line states its total with IGV (price including IGV, quantity 1), so the engine's total equals the
/// share; the document is refused (`totalsDiffer`) rather than issued otherwise.
///
/// The rest: currency and exchange rate from the quote; kind from the series (F → factura, B → boleta);
/// order reference = the quote number; a factura with service lines over S/ 700 carries the detracción
/// (catálogo 54 code 037, 12%) to `detraccionAccount`; payment form from the customer's credit days
/// (crédito with one cuota of the pending amount due N days after the issue date in Lima, else contado).
public enum MilestoneInvoicing {
    /// One milestone of the project as the builder needs it.
    public struct Share: Sendable, Hashable {
        public var name: String
        /// The milestone's recorded amount with IGV, in the quote's currency.
        public var amount: Money
        public init(name: String, amount: Money) { self.name = name; self.amount = amount }
    }

    /// The description of the line(s): "Hito 2 de 3: Desarrollo — COT-2026-00012".
    public static func description(position: Int, count: Int, name: String, quoteNumber: String) -> String {
        let base = "Hito \(position) de \(count): \(name)"
        return quoteNumber.isEmpty ? base : base + " — " + quoteNumber
    }

    /// The share in céntimos of each tax category (with IGV) of every milestone; row `i` is milestone `i`.
    /// `categories` holds the one-time part's total with IGV per category, in a fixed order.
    public static func split(amounts: [Int64], categories: [(TaxCategory, Int64)]) throws(MilestoneInvoicingError) -> [[Int64]] {
        let total = categories.reduce(Int64(0)) { $0 + $1.1 }
        guard total > 0 else { throw .nothingToInvoice }
        let sum = amounts.reduce(Int64(0)) { $0 + $1 }
        guard sum == total else {
            throw .amountsDiffer(quote: total, milestones: sum)
        }
        var rows: [[Int64]] = []
        var used = [Int64](repeating: 0, count: categories.count)
        for (i, amount) in amounts.enumerated() {
            var row: [Int64] = []
            if i == amounts.count - 1 {
                row = categories.enumerated().map { $0.element.1 - used[$0.offset] }
            } else {
                var left = amount
                for (k, c) in categories.enumerated() {
                    let share: Int64
                    if k == categories.count - 1 { share = left } else {
                        share = min(left, roundedShare(amount, c.1, total))
                    }
                    row.append(share)
                    left -= share
                }
            }
            for k in row.indices { used[k] += row[k] }
            rows.append(row)
        }
        return rows
    }

    private static func roundedShare(_ amount: Int64, _ part: Int64, _ total: Int64) -> Int64 {
        var exact = Decimal(amount) * Decimal(part) / Decimal(total)
        var r = Decimal()
        NSDecimalRound(&r, &exact, 0, .plain)
        return NSDecimalNumber(decimal: r).int64Value
    }

    /// The document of milestone `position` (1-based) of `milestones`, number 0 (numbering assigns the real
    /// one). Every SUNAT rule is checked as `EDocument.validate()` would with a real number.
    public static func document(quote: Quote, milestones: [Share], position: Int, customer: DocumentCustomer,
                                creditDays: Int, issuer: Issuer, series: Series, issuedAt: Date,
                                detraccionAccount: String = "") throws(MilestoneInvoicingError) -> EDocument {
        guard quote.state == .accepted else { throw .quote(.notAccepted(quote.state)) }
        guard milestones.indices.contains(position - 1) else { throw .noSuchMilestone(position) }
        let content = quote.content
        let totals: QuoteTotals
        do { totals = try content.totals() } catch { throw .quote(.quote(error)) }
        for m in milestones where m.amount.currency != content.currency {
            throw .currencyDiffers(quote: content.currency, milestone: m.amount.currency)
        }

        var perCategory: [TaxCategory: Int64] = [:]
        var kinds: [TaxCategory: ItemKind] = [:]
        for (i, line) in content.lines.enumerated() where !line.isRecurring {
            let t = totals.lines[i].tax
            perCategory[t.category, default: 0] += t.baseCents + t.igvCents
            if kinds[t.category] != .service { kinds[t.category] = line.kind == .product ? .product : .service }
        }
        let order: [TaxCategory] = [.gravado, .exonerado, .inafecto]
        let categories = order.compactMap { c in perCategory[c].flatMap { $0 > 0 ? (c, $0) : nil } }
        let rows = try split(amounts: milestones.map(\.amount.minorUnits), categories: categories)
        let row = rows[position - 1]

        let text = description(position: position, count: milestones.count, name: milestones[position - 1].name,
                               quoteNumber: quote.number)
        var lines: [EDocumentLine] = []
        for (k, c) in categories.enumerated() where row[k] > 0 {
            let suffix = categories.count > 1 && c.0 != .gravado ? " (\(c.0 == .exonerado ? "exonerado" : "inafecto"))" : ""
            let kind = kinds[c.0] ?? .service
            lines.append(EDocumentLine(description: text + suffix, quantity: 1,
                                       unit: SunatUnit.suggested(kind: kind, rateBasis: nil, period: nil),
                                       unitPrice: Money(minorUnits: row[k], content.currency).amount,
                                       priceIncludesIGV: true, affectation: .onerous(c.0), itemKind: kind))
        }
        guard !lines.isEmpty else { throw .nothingToInvoice }

        let kind: DocumentKind = series.family == .factura ? .factura : .boleta
        var doc = EDocument(kind: kind, series: series, number: 0, issuedAt: issuedAt, issuer: issuer,
                            customer: customer, currency: content.currency, lines: lines, paymentForm: .contado,
                            exchangeRate: content.exchangeRate, orderReference: quote.number.isEmpty ? nil : quote.number)
        let amounts: EDocumentAmounts
        do { amounts = try doc.amounts() } catch { throw .quote(.document(error)) }
        let expected = Money(minorUnits: row.reduce(0, +), content.currency)
        guard amounts.total == expected else { throw .quote(.totalsDiffer(quote: expected, document: amounts.total)) }

        if kind == .factura && lines.contains(where: { $0.itemKind != .product }) {
            guard let pen = amounts.totalPEN else { throw .quote(.document(.exchangeRateRequired)) }
            if pen > Detraccion.thresholdPEN {
                let account = detraccionAccount.trimmingCharacters(in: .whitespaces)
                doc.detraccion = Detraccion(code: QuoteInvoicing.detraccionCode,
                                            ratePercent: QuoteInvoicing.detraccionRatePercent, account: account)
                doc.operationType = .sujetaADetraccion
            }
        }
        if creditDays > 0 {
            let withDetraccion: EDocumentAmounts
            do { withDetraccion = try doc.amounts() } catch { throw .quote(.document(error)) }
            doc.paymentForm = .credito([Installment(amount: withDetraccion.pending.amount,
                                                    dueDate: LimaTime.date(issuedAt).adding(days: creditDays))])
        }
        var check = doc
        check.number = 1
        do { try check.validate() } catch { throw .quote(.document(error)) }
        return doc
    }
}

/// Why a milestone's invoice cannot be built. `message` says it in Spanish.
public enum MilestoneInvoicingError: Error, Sendable, Hashable {
    case quote(QuoteInvoicingError)
    case noSuchMilestone(Int)
    case nothingToInvoice
    /// The milestones' recorded amounts do not add up to the quote's one-time total (céntimos).
    case amountsDiffer(quote: Int64, milestones: Int64)
    case currencyDiffers(quote: Currency, milestone: Currency)

    public var message: String {
        switch self {
        case .quote(let e): return e.message
        case .noSuchMilestone(let p): return "El proyecto no tiene un hito \(p)."
        case .nothingToInvoice: return "La parte única de la cotización suma cero: no hay nada que facturar en el hito."
        case .amountsDiffer(let q, let m):
            return "Los importes de los hitos suman \(Decimal(m) / 100) y la parte única de la cotización \(Decimal(q) / 100); "
                + "corrija los importes de los hitos del proyecto."
        case .currencyDiffers(let q, let m):
            return "El hito está en \(m.rawValue) y la cotización en \(q.rawValue): no se puede facturar así."
        }
    }
}
