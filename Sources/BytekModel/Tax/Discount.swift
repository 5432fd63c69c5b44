import Foundation

/// A reduction of a price: none, a percentage, or a fixed amount.
///
/// A percentage is in 0...100 (`.percent(10)` is 10%). An amount is expressed in the currency of
/// the document it applies to. Where an amount is measured (with or without IGV) depends on
/// where the discount sits: see `TaxLineInput.discount` and `TaxEngine.compute`.
public enum Discount: Sendable, Hashable, Codable {
    case none
    case percent(Decimal)
    case amount(Decimal)

    /// True when the discount takes nothing off.
    public var isNone: Bool {
        switch self {
        case .none: return true
        case .percent(let p): return p.isZero
        case .amount(let a): return a.isZero
        }
    }

    /// The part of `value` this discount takes off, not rounded. A percentage must be in 0...100 and
    /// an amount in 0...`value`; otherwise the error says which limit was crossed.
    public func reduction(of value: Decimal) throws(TaxError) -> Decimal {
        switch self {
        case .none:
            return 0
        case .percent(let p):
            guard p >= 0, p <= 100 else { throw .discountPercentOutOfRange(p) }
            return value * p / 100
        case .amount(let a):
            guard a >= 0 else { throw .negativeDiscount(a) }
            guard a <= value else { throw .discountExceedsAmount(discount: a, amount: value) }
            return a
        }
    }
}
