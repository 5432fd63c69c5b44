import Foundation

/// A recurring charge that follows from an accepted quote's subscription line; billing reads these.
public struct Subscription: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var customerId: Int64
    public var catalogItemId: Int64?
    public var description: String
    public var unit: BusinessUnit
    public var taxCategory: TaxCategory
    /// The price of one period without IGV, after the line's and the quote's discounts, in the
    /// quote currency: the line's base ÷ its number of periods, rounded to céntimos.
    public var pricePerPeriod: Money
    public var period: BillingPeriod
    /// The number of periods quoted.
    public var periods: Decimal
    /// The day the quote was accepted.
    public var startDate: LocalDate
    public var quoteId: Int64
    public var quoteNumber: String
    public var quoteVersion: Int
    public var active: Bool

    public init(id: Int64? = nil, customerId: Int64, catalogItemId: Int64?, description: String, unit: BusinessUnit,
                taxCategory: TaxCategory, pricePerPeriod: Money, period: BillingPeriod, periods: Decimal,
                startDate: LocalDate, quoteId: Int64, quoteNumber: String, quoteVersion: Int, active: Bool = true) {
        self.id = id; self.customerId = customerId; self.catalogItemId = catalogItemId; self.description = description
        self.unit = unit; self.taxCategory = taxCategory; self.pricePerPeriod = pricePerPeriod; self.period = period
        self.periods = periods; self.startDate = startDate; self.quoteId = quoteId; self.quoteNumber = quoteNumber
        self.quoteVersion = quoteVersion; self.active = active
    }
}
