import Foundation

/// Turns the one-time part of an accepted quote (its product and service lines) into an electronic
/// document. Subscriptions recur and are billed later, so they are left out.
///
/// Guarantees: the document's figures equal the quote's one-time figures to the céntimo: each line
/// keeps the quote's quantity, unit price (converted to the quote currency exactly as `QuoteCalculator`
/// does), tax category, line discount and IGV basis, and the global discount is the quote's (or, when
/// the quote also has subscriptions, the part of it the quote spread over the one-time lines; when
/// spreading that part again over fewer lines would round differently, each line's share is folded into
/// its own discount instead). Should the figures still differ the document is refused (`totalsDiffer`)
/// rather than issued wrong.
///
/// The rest comes from the quote: currency and exchange rate; the kind from the series (F → factura 01,
/// B → boleta 03); the order reference is the quote number; payment terms contado → contado, crédito N
/// días → one cuota of the pending amount due N days after the issue date (Lima), hitos → contado (each
/// milestone billed as it is reached is a later feature: the document bills the whole one-time part).
/// A factura with service lines over S/ 700 carries a detracción (catálogo 54 code 037, 12%) to
/// `detraccionAccount`.
public enum QuoteInvoicing {
    /// Catálogo 54 "demás servicios gravados con el IGV".
    public static let detraccionCode = "037"
    public static let detraccionRatePercent = Decimal(12)

    /// The document for `quote`, number 0 (numbering assigns the real one when it is issued). Every SUNAT
    /// rule is checked (as `EDocument.validate()` would with a real number); the first broken one is thrown.
    public static func document(quote: Quote, customer: DocumentCustomer, issuer: Issuer, series: Series,
                                issuedAt: Date, detraccionAccount: String = "") throws(QuoteInvoicingError) -> EDocument {
        guard quote.state == .accepted else { throw .notAccepted(quote.state) }
        let content = quote.content
        let totals: QuoteTotals
        do { totals = try content.totals() } catch { throw .quote(error) }

        var lines: [EDocumentLine] = []
        var lineIndices: [Int] = []
        var oneTimeIndices: [Int] = []
        for (i, line) in content.lines.enumerated() where !line.isRecurring {
            oneTimeIndices.append(i)
            // A line of quantity zero adds nothing and gets no share of the global discount.
            guard line.quantity > 0 else { continue }
            lines.append(try documentLine(line, content))
            lineIndices.append(i)
        }
        guard !oneTimeIndices.isEmpty else { throw .onlySubscriptions }
        guard !lines.isEmpty else { throw .nothingToInvoice }

        let hasSubscriptions = oneTimeIndices.count < content.lines.count
        var globalDiscount = content.globalDiscount
        if hasSubscriptions && !globalDiscount.isNone {
            let share = oneTimeIndices.reduce(Int64(0)) { $0 + totals.lines[$1].tax.globalDiscountCents }
            globalDiscount = share == 0 ? .none : .amount(Money(minorUnits: share, content.currency).amount)
        }

        let kind: DocumentKind = series.family == .factura ? .factura : .boleta
        var doc = EDocument(kind: kind, series: series, number: 0, issuedAt: issuedAt, issuer: issuer,
                            customer: customer, currency: content.currency, lines: lines,
                            globalDiscount: globalDiscount, paymentForm: .contado, exchangeRate: content.exchangeRate,
                            orderReference: quote.number.isEmpty ? nil : quote.number)
        var amounts: EDocumentAmounts
        do { amounts = try doc.amounts() } catch { throw .document(error) }
        if !matches(amounts, totals, oneTimeIndices) && hasSubscriptions && !globalDiscount.isNone {
            // Spreading the share again over fewer lines rounded differently: state each line's exact
            // figures instead, its share of the global discount folded into its own discount.
            doc.globalDiscount = .none
            for (k, i) in lineIndices.enumerated() {
                doc.lines[k].discount = folded(doc.lines[k], totals.lines[i].tax)
            }
            do { amounts = try doc.amounts() } catch { throw .document(error) }
        }
        guard matches(amounts, totals, oneTimeIndices) else {
            throw .totalsDiffer(quote: totals.oneTime, document: amounts.total)
        }

        if kind == .factura && lines.contains(where: { $0.itemKind != .product }) {
            guard let pen = amounts.totalPEN else { throw .document(.exchangeRateRequired) }
            if pen > Detraccion.thresholdPEN {
                // A missing account is reported by `validate()` below, after the more basic rules (customer...).
                let account = detraccionAccount.trimmingCharacters(in: .whitespaces)
                doc.detraccion = Detraccion(code: detraccionCode, ratePercent: detraccionRatePercent, account: account)
                doc.operationType = .sujetaADetraccion
            }
        }

        if case .credit(let days) = content.paymentTerms {
            let withDetraccion: EDocumentAmounts
            do { withDetraccion = try doc.amounts() } catch { throw .document(error) }
            doc.paymentForm = .credito([Installment(amount: withDetraccion.pending.amount,
                                                    dueDate: LimaTime.date(issuedAt).adding(days: days))])
        }

        var check = doc
        check.number = 1
        do { try check.validate() } catch { throw .document(error) }
        return doc
    }

    private static func documentLine(_ line: QuoteLine, _ content: QuoteContent) throws(QuoteInvoicingError) -> EDocumentLine {
        // The same conversions as `QuoteCalculator.step`, so the engine sees the same inputs.
        let price: Money
        var discount = line.discount
        do {
            price = try content.convert(line.unitPrice)
            if case .amount(let a) = line.discount {
                discount = .amount(try content.convert(Money(a, line.unitPrice.currency)).amount)
            }
        } catch { throw .quote(error) }
        return EDocumentLine(
            description: line.description, quantity: line.quantity,
            unit: SunatUnit.suggested(kind: line.kind, rateBasis: line.rateBasis, period: line.period),
            unitPrice: price.amount, priceIncludesIGV: content.pricesIncludeIGV,
            affectation: .onerous(line.taxCategory), discount: discount, itemKind: line.kind)
    }

    /// True when the document states exactly what the quote promised for its one-time part.
    private static func matches(_ a: EDocumentAmounts, _ totals: QuoteTotals, _ indices: [Int]) -> Bool {
        var gravadas: Int64 = 0, exoneradas: Int64 = 0, inafectas: Int64 = 0, igv: Int64 = 0
        for i in indices {
            let t = totals.lines[i].tax
            switch t.category {
            case .gravado: gravadas += t.baseCents
            case .exonerado: exoneradas += t.baseCents
            case .inafecto: inafectas += t.baseCents
            }
            igv += t.igvCents
        }
        return a.taxes.gravadas.minorUnits == gravadas && a.taxes.exoneradas.minorUnits == exoneradas
            && a.taxes.inafectas.minorUnits == inafectas && a.taxes.igv.minorUnits == igv
            && a.total == totals.oneTime
    }

    /// A line discount that takes `line` straight to the quote's final figures (after the global
    /// discount). Without IGV in the price the engine computes `base = round(gross − discount)`, so the
    /// discount is `gross − base`. With IGV it computes `total = round(gross − discount)` and
    /// `base = round(total ÷ 1.18)`; with `total = base + round(base × 18%)` that division lands within
    /// 0.43 céntimos of `base`, so it rounds back to it.
    private static func folded(_ line: EDocumentLine, _ target: TaxLine) -> Discount {
        let gross = line.quantity * line.unitPrice
        let withIGV = line.priceIncludesIGV && target.category.isTaxed
        let targetCents = withIGV ? target.baseCents + target.igvCents : target.baseCents
        let amount = gross - Decimal(targetCents) / 100
        return amount.isZero ? .none : .amount(amount)
    }
}

/// Why an invoice cannot be made from a quote. `message` says it in Spanish.
public enum QuoteInvoicingError: Error, Sendable, Hashable {
    /// Only an accepted version is invoiced; this one is in another state.
    case notAccepted(QuoteState)
    /// Every line is a subscription: those are billed period by period, not here.
    case onlySubscriptions
    /// The product and service lines all have quantity zero.
    case nothingToInvoice
    /// The quote's figures cannot be computed (missing exchange rate, bad discount...).
    case quote(QuoteError)
    /// The document would break a SUNAT rule (a factura to a customer without RUC...).
    case document(EDocumentError)
    /// The global discount's rounding could not be reproduced on the one-time lines alone.
    case totalsDiffer(quote: Money, document: Money)

    /// Spanish text saying what to fix. Never empty.
    public var message: String {
        switch self {
        case .notAccepted(let state):
            return "Solo se factura una cotización aceptada; esta versión está \(Self.stateName(state))."
        case .onlySubscriptions:
            return "La cotización solo tiene suscripciones: se facturan por periodo, no en un comprobante de la "
                + "parte única."
        case .nothingToInvoice:
            return "Las líneas de productos y servicios de la cotización tienen cantidad cero: no hay nada que facturar."
        case .quote(let e): return Self.text(e)
        case .document(let e): return e.message
        case .totalsDiffer(let q, let d):
            return "El comprobante sumaría \(d.formatted) y la parte única de la cotización \(q.formatted) (por el "
                + "redondeo del descuento global); emítalo a mano con esos importes."
        }
    }

    static func stateName(_ s: QuoteState) -> String {
        switch s {
        case .draft: return "en borrador"
        case .sent: return "enviada, sin aceptar"
        case .accepted: return "aceptada"
        case .rejected: return "rechazada"
        case .expired: return "vencida"
        }
    }

    static func text(_ e: QuoteError) -> String {
        switch e {
        case .exchangeRateMissing:
            return "La cotización tiene líneas en otra moneda y no tiene tipo de cambio."
        case .exchangeRateNotPositive(let r): return "El tipo de cambio de la cotización (\(r)) debe ser mayor que cero."
        case .tax(let t): return t.message
        default: return "Las cifras de la cotización no se pueden calcular (\(e))."
        }
    }
}
