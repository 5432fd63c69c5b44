import BytekModel
import Foundation

/// Everything printed on a quote PDF, already computed by the sales model (totals are not
/// recomputed here). Cost and margin have no field on purpose: they can never reach the PDF.
public struct QuoteDocument: Sendable, Hashable {
    public var company: CompanyInfo
    /// "COT-2026-00001".
    public var number: String
    /// 1, 2, ...: printed as "v2".
    public var version: Int
    public var issueDate: DocumentDate
    public var validUntil: DocumentDate
    public var customer: DocumentCustomer
    public var currency: Currency
    /// Optional note under the currency, e.g. "Tipo de cambio referencial: S/ 3.750 por US$".
    public var exchangeRateNote: String
    /// "Los precios unitarios no incluyen IGV" or similar; empty prints nothing.
    public var priceNote: String
    public var lines: [QuoteDocumentLine]
    public var totals: QuoteDocumentTotals
    /// Recurring charges (subscription lines) shown as monthly and yearly equivalents; nil when none.
    public var recurring: QuoteRecurringSummary?
    /// "Contado", "Crédito 30 días", "Por hitos"...
    public var paymentTerms: String
    /// Printed as a table when the terms are by milestones.
    public var milestones: [DocumentMilestone]
    /// "15 días hábiles desde la aceptación".
    public var deliveryTime: String
    public var notes: String
    /// Terms and conditions, one per paragraph.
    public var terms: [String]
    /// Who prepared the quote (signature line).
    public var preparedBy: String
    public var preparedByTitle: String

    public init(company: CompanyInfo, number: String, version: Int, issueDate: DocumentDate, validUntil: DocumentDate,
                customer: DocumentCustomer, currency: Currency, exchangeRateNote: String = "", priceNote: String = "",
                lines: [QuoteDocumentLine], totals: QuoteDocumentTotals, recurring: QuoteRecurringSummary? = nil,
                paymentTerms: String, milestones: [DocumentMilestone] = [], deliveryTime: String = "",
                notes: String = "", terms: [String] = [], preparedBy: String = "",
                preparedByTitle: String = "Ejecutivo comercial") {
        self.company = company
        self.number = number
        self.version = version
        self.issueDate = issueDate
        self.validUntil = validUntil
        self.customer = customer
        self.currency = currency
        self.exchangeRateNote = exchangeRateNote
        self.priceNote = priceNote
        self.lines = lines
        self.totals = totals
        self.recurring = recurring
        self.paymentTerms = paymentTerms
        self.milestones = milestones
        self.deliveryTime = deliveryTime
        self.notes = notes
        self.terms = terms
        self.preparedBy = preparedBy
        self.preparedByTitle = preparedByTitle
    }

    /// "COT-2026-00001 v2".
    public var reference: String { "\(number) v\(version)" }
}

/// A discount on a line, as the seller entered it.
public enum LineDiscount: Sendable, Hashable {
    case percent(Decimal)
    case amount(Money)

    /// "10%" or "50.00" (the currency is the quote's, shown in the totals).
    public var text: String {
        switch self {
        case .percent(let p): return DocumentFormat.percent(p)
        case .amount(let m): return m.formattedAmount
        }
    }
}

/// One quote line as printed.
public struct QuoteDocumentLine: Sendable, Hashable {
    /// Groups the line under "Productos", "Servicios" or "Suscripciones".
    public var kind: ItemKind
    public var description: String
    /// Units, hours or periods.
    public var quantity: Decimal
    /// "Unidad", "Hora", "Mes", "Año"...
    public var unit: String
    /// In the quote's currency (already converted).
    public var unitPrice: Money
    public var discount: LineDiscount?
    /// The line's amount after its discount, in the quote's currency.
    public var amount: Money

    public init(kind: ItemKind, description: String, quantity: Decimal, unit: String, unitPrice: Money,
                discount: LineDiscount? = nil, amount: Money) {
        self.kind = kind
        self.description = description
        self.quantity = quantity
        self.unit = unit
        self.unitPrice = unitPrice
        self.discount = discount
        self.amount = amount
    }
}

/// The totals block, as a Peruvian buyer expects it; each already rounded by the model.
public struct QuoteDocumentTotals: Sendable, Hashable {
    public var taxed: Money
    public var exempt: Money
    public var unaffected: Money
    /// Printed only when not zero.
    public var globalDiscount: Money
    public var igv: Money
    public var total: Money

    public init(taxed: Money, exempt: Money, unaffected: Money, globalDiscount: Money, igv: Money, total: Money) {
        self.taxed = taxed
        self.exempt = exempt
        self.unaffected = unaffected
        self.globalDiscount = globalDiscount
        self.igv = igv
        self.total = total
    }
}

/// The recurring charges of a quote (its subscription lines) with monthly and yearly equivalents.
public struct QuoteRecurringSummary: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var description: String
        /// "Mensual", "Anual"...
        public var period: String
        public var amountPerPeriod: Money
        public var monthly: Money
        public var yearly: Money

        public init(description: String, period: String, amountPerPeriod: Money, monthly: Money, yearly: Money) {
            self.description = description
            self.period = period
            self.amountPerPeriod = amountPerPeriod
            self.monthly = monthly
            self.yearly = yearly
        }
    }

    public var items: [Item]
    public var monthlyTotal: Money
    public var yearlyTotal: Money
    /// E.g. "Montos recurrentes sin IGV; se facturan por periodo adelantado."
    public var note: String

    public init(items: [Item], monthlyTotal: Money, yearlyTotal: Money, note: String = "") {
        self.items = items
        self.monthlyTotal = monthlyTotal
        self.yearlyTotal = yearlyTotal
        self.note = note
    }
}
