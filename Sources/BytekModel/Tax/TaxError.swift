import Foundation

/// Why a line or a document cannot be computed. The TUI turns each case into Spanish text.
public enum TaxError: Error, Sendable, Hashable {
    /// Quantities are zero or more (hours may be fractional).
    case negativeQuantity(Decimal)
    /// Unit prices are zero or more.
    case negativePrice(Decimal)
    /// A percentage discount outside 0...100.
    case discountPercentOutOfRange(Decimal)
    /// An amount discount below zero.
    case negativeDiscount(Decimal)
    /// An amount discount larger than what it applies to.
    case discountExceedsAmount(discount: Decimal, amount: Decimal)
    /// A figure beyond `AmountLimits` (quantity, price, line amount, document total, number of lines).
    case limit(AmountLimitError)
}
