import Foundation

/// What settled (part of) a receivable.
public enum SettlementSource: String, CaseIterable, Sendable, Codable, Hashable {
    case payment = "pago"
    case creditNote = "nota_credito"
    case customerCredit = "saldo_favor"
    case detraccionDeposit = "detraccion"
    case retentionReceipt = "retencion"

    public var displayName: String {
        switch self {
        case .payment: return "Pago"
        case .creditNote: return "Nota de crédito"
        case .customerCredit: return "Saldo a favor"
        case .detraccionDeposit: return "Constancia de detracción"
        case .retentionReceipt: return "Comprobante de retención"
        }
    }
}

/// One stored application: an amount that settled a receivable, in the receivable's currency
/// (`amount`) and in the source's (`sourceAmount`: a payment in soles applied to a dollar receivable).
/// Undone, never deleted, when its payment is reversed or its receivable cancelled.
public struct ReceivableApplication: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var receivableId: Int64
    public var source: SettlementSource
    /// The payment, credit note (e_document id), deposit, retention receipt or credit row it came from.
    public var sourceId: Int64?
    public var date: LocalDate
    public var amount: Money
    public var sourceAmount: Money
    /// Soles per dollar the payment used, when a dollar amount was involved.
    public var exchangeRate: Decimal?
    /// For a dollar receivable: `amount × (payment rate − document rate)` in soles (positive: a gain), when
    /// both rates are known.
    public var exchangeDifference: Money?
    public var undone: Bool
    public var undoneReason: String?

    public init(id: Int64, receivableId: Int64, source: SettlementSource, sourceId: Int64?, date: LocalDate, amount: Money,
                sourceAmount: Money, exchangeRate: Decimal? = nil, exchangeDifference: Money? = nil, undone: Bool = false,
                undoneReason: String? = nil) {
        self.id = id; self.receivableId = receivableId; self.source = source; self.sourceId = sourceId; self.date = date
        self.amount = amount; self.sourceAmount = sourceAmount; self.exchangeRate = exchangeRate
        self.exchangeDifference = exchangeDifference; self.undone = undone; self.undoneReason = undoneReason
    }
}

/// A detracción deposit in BYTEK's Banco de la Nación account, with its constancia (unique).
public struct DetraccionDeposit: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var receivableId: Int64
    public var constancia: String
    public var date: LocalDate
    /// Always in soles.
    public var amount: Money

    public init(id: Int64, receivableId: Int64, constancia: String, date: LocalDate, amount: Money) {
        self.id = id; self.receivableId = receivableId; self.constancia = constancia; self.date = date; self.amount = amount
    }
}

/// A comprobante de retención a retention agent handed in for the 3 % it kept.
public struct RetentionReceipt: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var receivableId: Int64
    /// "R001-5".
    public var number: String
    public var date: LocalDate
    public var amount: Money

    public init(id: Int64, receivableId: Int64, number: String, date: LocalDate, amount: Money) {
        self.id = id; self.receivableId = receivableId; self.number = number; self.date = date; self.amount = amount
    }
}

/// Exchange difference of a dollar amount settled at `paymentRate` when the document was at `documentRate`,
/// in soles, rounded: positive when the sol value grew (a gain).
public enum ExchangeDifference {
    public static func of(_ amount: Money, documentRate: Decimal?, paymentRate: Decimal?) -> Money? {
        guard amount.currency == .usd, let documentRate, let paymentRate else { return nil }
        return Money(amount.amount * (paymentRate - documentRate), .pen).rounded()
    }
}
