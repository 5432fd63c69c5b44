import Foundation

/// Everything in a quote that a user edits while it is a draft.
public struct QuoteContent: Sendable, Hashable, Codable {
    /// The customer quoted; nil while the deal is with a lead that is not yet a customer.
    public var customerId: Int64?
    /// The deal this quote belongs to (accepting the quote wins it).
    public var dealId: Int64?
    public var unit: BusinessUnit
    public var currency: Currency
    /// Soles per dollar, for lines priced in the other currency. Up to 6 decimals is usual (3.752).
    public var exchangeRate: Decimal?
    /// True when unit prices are typed with IGV.
    public var pricesIncludeIGV: Bool
    /// The day the quote is dated; set to the sending day by `Quote.send(on:)`.
    public var issueDate: LocalDate
    /// Days the offer stands after the issue date (default 15).
    public var validityDays: Int
    /// Free text: "5 días hábiles", "2 semanas tras la firma".
    public var deliveryTime: String
    public var paymentTerms: PaymentTerms
    public var notes: String
    public var terms: String
    /// Taken off the base (without IGV) of the whole quote, spread over its lines; an amount is in the
    /// quote currency. See `TaxEngine`.
    public var globalDiscount: Discount
    public var lines: [QuoteLine]
    /// The seller's login.
    public var owner: String

    public static let defaultValidityDays = 15

    public init(customerId: Int64? = nil, dealId: Int64? = nil, unit: BusinessUnit, currency: Currency = .pen,
                exchangeRate: Decimal? = nil, pricesIncludeIGV: Bool = false, issueDate: LocalDate,
                validityDays: Int = QuoteContent.defaultValidityDays, deliveryTime: String = "",
                paymentTerms: PaymentTerms = .cash, notes: String = "", terms: String = "",
                globalDiscount: Discount = .none, lines: [QuoteLine] = [], owner: String = "") {
        self.customerId = customerId; self.dealId = dealId; self.unit = unit; self.currency = currency
        self.exchangeRate = exchangeRate; self.pricesIncludeIGV = pricesIncludeIGV; self.issueDate = issueDate
        self.validityDays = validityDays; self.deliveryTime = deliveryTime; self.paymentTerms = paymentTerms
        self.notes = notes; self.terms = terms; self.globalDiscount = globalDiscount; self.lines = lines
        self.owner = owner
    }

    /// The last day the offer stands: issue date + validity days.
    public var validUntil: LocalDate { issueDate.adding(days: min(max(validityDays, 0), AmountLimits.maxDays)) }
}
