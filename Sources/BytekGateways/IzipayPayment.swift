import BytekModel

/// Reading Lyra's V4 Payment and Transaction objects (Izipay): the order's status and its transactions.
enum IzipayPayment {
    /// The answer of `Charge/CreatePayment` (SILENT), `Order/Get` or an IPN's kr-answer, as what we know of
    /// the order: its last paid debit when there is one, else its last debit refused, else pending or
    /// not found.
    static func lookup(orderId: String, orderStatus: String?, transactions: [GatewayJSONObject]) -> OrderLookup {
        let debits = transactions.filter { ($0.string("operationType") ?? "DEBIT") == "DEBIT" }
        if let paid = debits.last(where: { $0.string("status") == "PAID" }), let tx = transaction(paid, orderId: orderId) {
            return .approved(tx)
        }
        if orderStatus == "RUNNING" || debits.contains(where: { $0.string("status") == "RUNNING" }) { return .pending }
        if let last = debits.last {
            let code = last.string("detailedErrorCode") ?? last.string("errorCode") ?? last.string("status") ?? "UNPAID"
            let message = last.string("detailedErrorMessage") ?? last.string("errorMessage") ?? "Pago rechazado"
            return .declined(code: code, message: message)
        }
        if orderStatus == "ABANDONED" { return .declined(code: "ABANDONED", message: "El cliente abandonó el pago") }
        if orderStatus == "UNPAID" { return .declined(code: "UNPAID", message: "La pasarela no registró el pago") }
        return .notFound
    }

    /// A transaction object (`V4/PaymentTransaction`, `V4/Transaction`) as ours; nil when its amount or
    /// currency is not readable.
    static func transaction(_ tx: GatewayJSONObject, orderId: String) -> GatewayTransaction? {
        guard let uuid = tx.string("uuid"), let cents = tx.int64("amount"),
              let currency = tx.string("currency").flatMap(Currency.init(rawValue:)) else { return nil }
        let details = tx.path("transactionDetails", "cardDetails")
        var card: CardDetails?
        if let details, let pan = details.string("pan") {
            card = CardDetails(brand: details.string("effectiveBrand") ?? "", maskedNumber: pan,
                               expiryMonth: Int(details.int64("expiryMonth") ?? 0),
                               expiryYear: Int(details.int64("expiryYear") ?? 0))
        }
        let authorization = details?.object("authorizationResponse")?.string("authorizationNumber")
        return GatewayTransaction(orderId: orderId, transactionId: uuid, authorizationCode: authorization,
                                  amount: GatewayAmount(cents: cents, currency: currency), card: card,
                                  cardToken: tx.string("paymentMethodToken"))
    }

    /// The orderId inside a Payment object.
    static func orderId(_ payment: GatewayJSONObject) -> String? { payment.path("orderDetails")?.string("orderId") }
}
