import BytekModel

/// An Izipay IPN (server to server, `kr-hash-key=password`) or browser return (`kr-hash-key=sha256_hmac`),
/// verified before anything is read: `kr-hash` must be the hex HMAC-SHA256 of the **raw** `kr-answer` field
/// keyed with the REST password (IPN) or the HMAC-SHA-256 key (browser return), compared in constant time.
/// Parsing a re-serialized JSON instead of the raw field fails the check, as it must.
public struct IzipayNotification: Sendable, Hashable {
    public enum HashKey: String, Sendable, Hashable {
        case password
        case sha256_hmac
    }

    /// Which key signed it: `.password` for the IPN, `.sha256_hmac` for the browser return.
    public let hashKey: HashKey
    /// The `kr-answer` field exactly as received.
    public let rawAnswer: String
    public let orderId: String
    /// PAID, UNPAID, RUNNING or ABANDONED.
    public let orderStatus: String
    /// What the payment says: `.approved` (with the transaction, card and token), `.declined`, `.pending`.
    public let result: OrderLookup
    /// The last debit transaction's uuid, amount and card, whether paid or refused.
    public let transactionId: String?
    public let amount: GatewayAmount?
    public let card: CardDetails?
    /// The saved card's token (REGISTER_PAY / ASK_REGISTER_PAY when the card was saved).
    public let paymentMethodToken: String?

    /// Verifies and reads the posted form fields (`kr-hash`, `kr-hash-algorithm`, `kr-hash-key`, `kr-answer`).
    /// A missing field, another algorithm, an unknown key name or a hash that does not match: `.badSignature`.
    public init(fields: [String: String], password: String, hmacKey: String) throws(GatewayError) {
        guard let raw = fields["kr-answer"], let hash = fields["kr-hash"],
              fields["kr-hash-algorithm"] == "sha256_hmac",
              let keyName = fields["kr-hash-key"].flatMap(HashKey.init(rawValue:)) else { throw .badSignature }
        let key = keyName == .password ? password : hmacKey
        guard !key.isEmpty, GatewaySignature.verifyHex(hash, key: key, message: raw) else { throw .badSignature }
        guard let payment = GatewayJSONObject(text: raw), let orderId = IzipayPayment.orderId(payment) else {
            throw .rejected(code: "kr-answer", message: "El kr-answer firmado no es un pago V4 legible.")
        }
        let transactions = payment.objects("transactions")
        let status = payment.string("orderStatus") ?? ""
        hashKey = keyName
        rawAnswer = raw
        self.orderId = orderId
        orderStatus = status
        result = IzipayPayment.lookup(orderId: orderId, orderStatus: status, transactions: transactions)
        let last = transactions.last { ($0.string("operationType") ?? "DEBIT") == "DEBIT" }
        let tx = last.flatMap { IzipayPayment.transaction($0, orderId: orderId) }
        transactionId = last?.string("uuid")
        amount = tx?.amount
        card = tx?.card
        paymentMethodToken = tx?.cardToken
    }

    /// The result as a charge's outcome; a payment still running has none yet.
    public func chargeOutcome() throws(GatewayError) -> ChargeOutcome {
        switch result {
        case .approved(let tx): return .approved(tx)
        case .declined(let code, let message): return .declined(code: code, message: message)
        case .pending, .notFound: throw .indeterminate("el pago \(orderId) sigue en curso (\(orderStatus))")
        }
    }
}
