import Foundation

/// One line as the user typed it, in the document's currency.
public struct TaxLineInput: Sendable, Hashable {
    /// Units, hours or periods; zero or more, may be fractional (1.5 hours).
    public var quantity: Decimal
    /// The price of one unit in the document currency, with IGV when `priceIncludesIGV` (and the
    /// line is `gravado`), else without. Any number of decimals.
    public var unitPrice: Decimal
    public var category: TaxCategory
    /// True when `unitPrice` already contains IGV. Ignored for exonerado/inafecto lines, which carry no IGV.
    public var priceIncludesIGV: Bool
    /// Taken off `quantity × unitPrice` in the same basis as the price: an amount discount on a
    /// price with IGV is an amount with IGV.
    public var discount: Discount

    public init(quantity: Decimal, unitPrice: Decimal, category: TaxCategory = .gravado,
                priceIncludesIGV: Bool = false, discount: Discount = .none) {
        self.quantity = quantity; self.unitPrice = unitPrice; self.category = category
        self.priceIncludesIGV = priceIncludesIGV; self.discount = discount
    }
}
