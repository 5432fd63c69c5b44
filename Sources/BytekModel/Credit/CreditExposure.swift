import Foundation

/// What a customer would owe after a new document or quote, in soles, against its credit limit: open
/// receivables (dollars at the day's rate) plus the new amount. A limit of zero means no limit.
public struct CreditExposure: Sendable, Hashable, Codable {
    public var customerName: String
    /// The limit in soles (a limit kept in dollars converted at the day's rate).
    public var limit: Money
    public var open: Money
    public var newAmount: Money

    public init(customerName: String, limit: Money, open: Money, newAmount: Money) {
        self.customerName = customerName; self.limit = limit; self.open = open; self.newAmount = newAmount
    }

    public var total: Money { open + newAmount }
    /// Over the limit: a limit is set (> 0) and open + new exceeds it (exactly at the limit is within).
    public var isOver: Bool { limit.minorUnits > 0 && total.minorUnits > limit.minorUnits }
    public var excess: Money { total - limit }

    /// Converts `amount` to soles at `rate` (soles per dollar), rounded to the céntimo; soles stay as they are.
    public static func soles(_ amount: Money, rate: Decimal?) throws(CreditLimitError) -> Money {
        if amount.currency == .pen { return amount }
        guard let rate, rate > 0 else { throw .rateMissing }
        return Money(amount.amount * rate, .pen).rounded()
    }

    /// The Spanish sentence ventas sees: "Cliente A S.A.C. supera su línea de crédito: debe S/ 1,000.00, este
    /// comprobante suma S/ 118.01 (total S/ 1,118.01) y su línea es S/ 1,118.00 (exceso S/ 0.01)."
    public func sentence(what: String) -> String {
        "\(customerName) supera su línea de crédito: debe \(open.formatted), \(what) suma \(newAmount.formatted) "
            + "(total \(total.formatted)) y su línea es \(limit.formatted) (exceso \(excess.formatted))"
    }
}
