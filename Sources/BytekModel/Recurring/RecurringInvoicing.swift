import Foundation

/// Groups the periods due into documents and builds each one.
///
/// ONE document per customer, billing day, currency, document kind and series, with a line per
/// subscription-period (quantity 1, the period's amount, the subscription's tax category, unit ZZ
/// service). Detracción is decided per document exactly as for any invoice (`QuoteInvoicing`): a factura
/// with service lines whose total in soles is over S/ 700 carries catálogo 54 code 037 at 12 % to the
/// settings' account. Payment: contado.
public enum RecurringInvoicing {
    /// What makes two items share a document.
    public struct GroupKey: Sendable, Hashable, Comparable {
        public var customerId: Int64
        public var billingDay: Int
        public var currency: Currency
        public var kind: DocumentKind
        public var series: String

        public init(customerId: Int64, billingDay: Int, currency: Currency, kind: DocumentKind, series: String) {
            self.customerId = customerId; self.billingDay = billingDay; self.currency = currency
            self.kind = kind; self.series = series
        }

        public static func < (a: GroupKey, b: GroupKey) -> Bool {
            (a.customerId, a.billingDay, a.currency.rawValue, a.series) < (b.customerId, b.billingDay, b.currency.rawValue, b.series)
        }
    }

    /// Items grouped, groups in key order, items in (subscription, period) order. `kindAndSeries` gives a
    /// customer's document kind and series.
    public static func group(_ items: [RecurringItem], kindAndSeries: (Int64) -> (DocumentKind, String))
        -> [(key: GroupKey, items: [RecurringItem])] {
        var groups: [GroupKey: [RecurringItem]] = [:]
        var kinds: [Int64: (DocumentKind, String)] = [:]
        for item in items {
            let ks = kinds[item.customerId] ?? kindAndSeries(item.customerId)
            kinds[item.customerId] = ks
            let key = GroupKey(customerId: item.customerId, billingDay: item.billingDay, currency: item.billCurrency,
                               kind: ks.0, series: ks.1)
            groups[key, default: []].append(item)
        }
        return groups.keys.sorted().map { key in
            (key, groups[key]!.sorted { ($0.subscriptionId, $0.charge.start) < ($1.subscriptionId, $1.charge.start) })
        }
    }

    /// The document of one group, number 0 (numbering gives the real one). `rate` is the day's venta rate
    /// (needed when `items` need one). Every SUNAT rule is checked; the first broken one is thrown.
    public static func document(items: [RecurringItem], currency: Currency, customer: DocumentCustomer, issuer: Issuer,
                                series: Series, issuedAt: Date, rate: Decimal?,
                                detraccionAccount: String) throws(RecurringError) -> EDocument {
        var lines: [EDocumentLine] = []
        for item in items {
            let amount = try item.billedAmount(rate: rate)
            lines.append(EDocumentLine(description: item.lineDescription, quantity: 1, unit: .service,
                                       unitPrice: amount.amount, affectation: .onerous(item.taxCategory), itemKind: .service))
        }
        let kind: DocumentKind = series.family == .factura ? .factura : .boleta
        let needsRate = items.contains { $0.needsRate }
        var doc = EDocument(kind: kind, series: series, number: 0, issuedAt: issuedAt, issuer: issuer, customer: customer,
                            currency: currency, lines: lines, exchangeRate: currency == .usd ? rate : nil)
        if needsRate && currency == .usd && rate == nil { throw .rateMissing }
        let amounts: EDocumentAmounts
        do { amounts = try doc.amounts() } catch { throw .document(error) }
        if kind == .factura, let pen = amounts.totalPEN, pen > Detraccion.thresholdPEN {
            doc.detraccion = Detraccion(code: QuoteInvoicing.detraccionCode, ratePercent: QuoteInvoicing.detraccionRatePercent,
                                        account: detraccionAccount.trimmingCharacters(in: .whitespaces))
            doc.operationType = .sujetaADetraccion
        }
        var check = doc
        check.number = 1
        do { _ = try check.validate() } catch { throw .document(error) }
        return doc
    }
}
