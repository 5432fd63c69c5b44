/// One attempt to charge a card (saved or through the gateway's form), as stored.
public struct CardCharge: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    /// Our key of the attempt, sent to the gateway as its order (Izipay orderId, Niubiz purchaseNumber).
    public var orderKey: String
    public var customerId: Int64
    public var cardId: Int64?
    public var gateway: String
    public var purpose: ChargePurpose
    public var saveCard: Bool
    public var amount: Money
    public var status: ChargeStatus
    public var source: ChargeSource
    public var attempt: Int
    /// The day of the first attempt of this series (retries count from it).
    public var firstAttemptOn: LocalDate
    public var nextRetryOn: LocalDate?
    /// Declined at every retry: handed to reminders (derivado a cobranza).
    public var derived: Bool
    public var transactionId: String?
    public var authorizationCode: String?
    public var declineCode: String?
    public var declineMessage: String?
    public var paymentId: Int64?
    public var refunded: Money
    /// The neto receivables it pays and how much of each, in the charge's currency.
    public var items: [PaymentApplication]
    public var createdBy: String
    public var createdAt: String

    public init(id: Int64, orderKey: String, customerId: Int64, cardId: Int64?, gateway: String, purpose: ChargePurpose,
                saveCard: Bool, amount: Money, status: ChargeStatus, source: ChargeSource, attempt: Int,
                firstAttemptOn: LocalDate, nextRetryOn: LocalDate?, derived: Bool, transactionId: String?,
                authorizationCode: String?, declineCode: String?, declineMessage: String?, paymentId: Int64?,
                refunded: Money, items: [PaymentApplication], createdBy: String, createdAt: String) {
        self.id = id; self.orderKey = orderKey; self.customerId = customerId; self.cardId = cardId; self.gateway = gateway
        self.purpose = purpose; self.saveCard = saveCard; self.amount = amount; self.status = status; self.source = source
        self.attempt = attempt; self.firstAttemptOn = firstAttemptOn; self.nextRetryOn = nextRetryOn; self.derived = derived
        self.transactionId = transactionId; self.authorizationCode = authorizationCode; self.declineCode = declineCode
        self.declineMessage = declineMessage; self.paymentId = paymentId; self.refunded = refunded; self.items = items
        self.createdBy = createdBy; self.createdAt = createdAt
    }

    /// What is left to refund.
    public var refundable: Money { Money(minorUnits: amount.minorUnits - refunded.minorUnits, amount.currency) }
}
