import Foundation

/// A payment as the user enters it: who paid, how, where it arrived and to which receivables it applies.
/// Whatever is not applied stays as the customer's credit (`Payment.unapplied`), applied later.
public struct PaymentInput: Sendable, Hashable {
    public var customerId: Int64
    public var date: LocalDate
    public var method: PaymentMethod
    /// Nil only for cash.
    public var bankAccountId: Int64?
    /// The bank's operation number; unique per bank account (the same deposit is never entered twice).
    public var operationNumber: String
    public var amount: Money
    /// Soles per dollar on the payment date, needed when the payment and a receivable differ in currency.
    public var exchangeRate: Decimal?
    /// (receivable id, amount in the receivable's currency).
    public var applications: [PaymentApplication]
    public var note: String

    public init(customerId: Int64, date: LocalDate, method: PaymentMethod, bankAccountId: Int64?, operationNumber: String,
                amount: Money, exchangeRate: Decimal? = nil, applications: [PaymentApplication] = [], note: String = "") {
        self.customerId = customerId; self.date = date; self.method = method; self.bankAccountId = bankAccountId
        self.operationNumber = operationNumber; self.amount = amount; self.exchangeRate = exchangeRate
        self.applications = applications; self.note = note
    }
}

/// Part of a payment (or of a customer credit) applied to one receivable, in the receivable's currency.
public struct PaymentApplication: Sendable, Hashable, Codable {
    public var receivableId: Int64
    public var amount: Money

    public init(receivableId: Int64, amount: Money) { self.receivableId = receivableId; self.amount = amount }
}

/// A stored payment. Never edited: a mistake is reversed (`reversedAt`, with its reason) and entered again.
public struct Payment: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var customerId: Int64
    public var date: LocalDate
    public var method: PaymentMethod
    public var bankAccountId: Int64?
    public var operationNumber: String
    public var amount: Money
    public var exchangeRate: Decimal?
    public var applications: [PaymentApplication]
    /// What is left as the customer's credit, in the payment's currency.
    public var unapplied: Money
    public var note: String
    public var createdBy: String
    public var reversedAt: String?
    public var reversalReason: String?

    public init(id: Int64, customerId: Int64, date: LocalDate, method: PaymentMethod, bankAccountId: Int64?,
                operationNumber: String, amount: Money, exchangeRate: Decimal?, applications: [PaymentApplication],
                unapplied: Money, note: String, createdBy: String, reversedAt: String? = nil, reversalReason: String? = nil) {
        self.id = id; self.customerId = customerId; self.date = date; self.method = method
        self.bankAccountId = bankAccountId; self.operationNumber = operationNumber; self.amount = amount
        self.exchangeRate = exchangeRate; self.applications = applications; self.unapplied = unapplied
        self.note = note; self.createdBy = createdBy; self.reversedAt = reversedAt; self.reversalReason = reversalReason
    }

    public var isReversed: Bool { reversedAt != nil }
}
