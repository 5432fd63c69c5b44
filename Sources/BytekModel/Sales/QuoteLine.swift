import Foundation

/// One line of a quote: a product (quantity × unit price), a service (hours or units × rate) or a
/// subscription (price per period × number of periods), from the catalog or free text.
public struct QuoteLine: Sendable, Hashable, Codable {
    public var kind: ItemKind
    /// The catalog item it came from; nil for a free-text line.
    public var catalogItemId: Int64?
    public var description: String
    public var taxCategory: TaxCategory
    /// Units (product), hours or units (service, see `rateBasis`), periods (subscription).
    /// Zero or more; may be fractional (1.5 hours).
    public var quantity: Decimal
    /// The price of one unit / hour / period, with or without IGV as the quote says
    /// (`QuoteContent.pricesIncludeIGV`). Its currency may differ from the quote's: it is then
    /// converted with the quote's exchange rate.
    public var unitPrice: Money
    /// Services: what the rate is charged by.
    public var rateBasis: RateBasis?
    /// Subscriptions: how often it is charged.
    public var period: BillingPeriod?
    /// The line's discount; an amount is in the currency (and the IGV basis) of `unitPrice`.
    public var discount: Discount
    /// What one unit costs BYTEK (without IGV, in the currency of `unitPrice`), for the margin.
    /// Never printed.
    public var unitCost: Money?

    public init(kind: ItemKind, catalogItemId: Int64? = nil, description: String, taxCategory: TaxCategory = .gravado,
                quantity: Decimal, unitPrice: Money, rateBasis: RateBasis? = nil, period: BillingPeriod? = nil,
                discount: Discount = .none, unitCost: Money? = nil) {
        self.kind = kind; self.catalogItemId = catalogItemId; self.description = description
        self.taxCategory = taxCategory; self.quantity = quantity; self.unitPrice = unitPrice
        self.rateBasis = rateBasis; self.period = period; self.discount = discount; self.unitCost = unitCost
    }

    /// quantity × unit price.
    public static func product(_ description: String, quantity: Decimal, unitPrice: Money, catalogItemId: Int64? = nil,
                               taxCategory: TaxCategory = .gravado, discount: Discount = .none,
                               unitCost: Money? = nil) -> QuoteLine {
        QuoteLine(kind: .product, catalogItemId: catalogItemId, description: description, taxCategory: taxCategory,
                  quantity: quantity, unitPrice: unitPrice, discount: discount, unitCost: unitCost)
    }

    /// hours (or units) × rate.
    public static func service(_ description: String, quantity: Decimal, rate: Money, basis: RateBasis = .hour,
                               catalogItemId: Int64? = nil, taxCategory: TaxCategory = .gravado,
                               discount: Discount = .none, unitCost: Money? = nil) -> QuoteLine {
        QuoteLine(kind: .service, catalogItemId: catalogItemId, description: description, taxCategory: taxCategory,
                  quantity: quantity, unitPrice: rate, rateBasis: basis, discount: discount, unitCost: unitCost)
    }

    /// price per period × number of periods.
    public static func subscription(_ description: String, periods: Decimal, pricePerPeriod: Money,
                                    period: BillingPeriod, catalogItemId: Int64? = nil,
                                    taxCategory: TaxCategory = .gravado, discount: Discount = .none,
                                    unitCost: Money? = nil) -> QuoteLine {
        QuoteLine(kind: .subscription, catalogItemId: catalogItemId, description: description,
                  taxCategory: taxCategory, quantity: periods, unitPrice: pricePerPeriod, period: period,
                  discount: discount, unitCost: unitCost)
    }

    /// True for subscription lines, whose amount recurs.
    public var isRecurring: Bool { kind == .subscription }
}
