import BytekModel
import Foundation

/// Izipay through Lyra's REST API V4: HTTP Basic `shopId:password`, JSON, amounts in cents, every answer an
/// envelope whose `status` (SUCCESS / ERROR) is read, never the HTTP code alone.
///
/// - `charge`: `Charge/CreatePayment` with `formAction: SILENT` and the saved card's `paymentMethodToken`
///   (no IPN follows). PAID → `.approved`; UNPAID → `.declined` with the bank's `detailedErrorCode`; an ERROR
///   for the card (`ACQ_*`, unknown or cancelled token `PSP_030`) → `.declined`; any other ERROR → `.rejected`.
/// - `findOrder`: `Order/Get` (`PSP_010` → `.notFound`).
/// - `refund`: `Transaction/CancelOrRefund` (the gateway cancels what is not captured yet, refunds the rest).
/// - `startCheckout`: `Charge/CreatePayment` (PAYMENT, or REGISTER_PAY to save the card) or, to save a card
///   without paying, `Charge/CreateToken` → the formToken for the embedded form.
/// - `completeCheckout`: the IPN or browser-return fields, verified (`IzipayNotification`).
/// - `removeCard`: `Token/Cancel`.
/// HTTP 5xx, a timeout or a cut connection: `.indeterminate`; connection refused: `.unavailable`.
public struct IzipayClient: CardGateway {
    public let config: IzipayConfig
    private let http: GatewayHTTP

    public init(_ config: IzipayConfig) {
        self.config = config
        self.http = GatewayHTTP(timeout: config.timeout)
    }

    public var name: GatewayName { .izipay }

    public func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome {
        try Self.checkOrderId(charge.orderId)
        guard !charge.cardToken.isEmpty else { throw .rejected(code: "paymentMethodToken", message: "Falta el token de la tarjeta guardada.") }
        let body = GatewayJSON.object([
            ("amount", .int(charge.amount.cents)), ("currency", .string(charge.amount.currency.rawValue)),
            ("orderId", .string(charge.orderId)), ("formAction", .string("SILENT")),
            ("paymentMethodToken", .string(charge.cardToken)), ("customer", Self.customer(charge.customer)),
        ])
        switch try call("Charge/CreatePayment", body) {
        case .success(let payment):
            switch IzipayPayment.lookup(orderId: charge.orderId, orderStatus: payment.string("orderStatus"),
                                        transactions: payment.objects("transactions")) {
            case .approved(let tx): return .approved(tx)
            case .declined(let code, let message): return .declined(code: code, message: message)
            case .pending, .notFound: throw .indeterminate("el pago \(charge.orderId) quedó en curso")
            }
        case .error(let e):
            if e.code == "PSP_030" || e.code.hasPrefix("ACQ") {
                return .declined(code: e.detailedCode ?? e.code, message: e.detailedMessage ?? e.message)
            }
            throw e.rejected
        }
    }

    public func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup {
        try Self.checkOrderId(orderId)
        switch try call("Order/Get", .object([("orderId", .string(orderId))])) {
        case .success(let order):
            return IzipayPayment.lookup(orderId: orderId, orderStatus: order.string("orderStatus"),
                                        transactions: order.objects("transactions"))
        case .error(let e):
            if e.code == "PSP_010" { return .notFound }
            throw e.rejected
        }
    }

    public func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund {
        guard amount.cents > 0 else { throw .rejected(code: "monto", message: "El monto a devolver debe ser mayor que cero.") }
        let body = GatewayJSON.object([
            ("uuid", .string(transactionId)), ("amount", .int(amount.cents)),
            ("currency", .string(amount.currency.rawValue)), ("resolutionMode", .string("AUTO")),
        ])
        switch try call("Transaction/CancelOrRefund", body) {
        case .success(let tx):
            guard let id = tx.string("uuid") else { throw .indeterminate("la devolución no trajo su uuid") }
            let cents = tx.int64("amount") ?? amount.cents
            return GatewayRefund(refundId: id, amount: GatewayAmount(cents: cents, currency: amount.currency))
        case .error(let e): throw e.rejected
        }
    }

    public func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession {
        try Self.checkOrderId(request.orderId)
        var fields: [(String, GatewayJSON)] = []
        let service: String
        if request.saveCard && request.amount.cents == 0 {
            service = "Charge/CreateToken"
        } else {
            guard request.amount.cents > 0 else { throw .rejected(code: "monto", message: "El monto a cobrar debe ser mayor que cero.") }
            service = "Charge/CreatePayment"
            fields.append(("amount", .int(request.amount.cents)))
            fields.append(("formAction", .string(request.saveCard ? "REGISTER_PAY" : "PAYMENT")))
        }
        fields += [("currency", .string(request.amount.currency.rawValue)), ("orderId", .string(request.orderId)),
                   ("customer", Self.customer(request.customer)), ("ipnTargetUrl", .string(request.notificationURL))]
        switch try call(service, .object(fields)) {
        case .success(let answer):
            guard let token = answer.string("formToken"), !token.isEmpty else {
                throw .indeterminate("la pasarela no devolvió el formToken")
            }
            return CheckoutSession(gateway: .izipay, orderId: request.orderId, scriptURL: config.scriptURL,
                                   publicKey: config.publicKey, token: token, allowedOrigins: config.allowedOrigins,
                                   amount: request.amount, saveCard: request.saveCard)
        case .error(let e): throw e.rejected
        }
    }

    public func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome {
        let notification = try verifyNotification(fields)
        guard notification.orderId == session.orderId else {
            throw .rejected(code: "orderId", message: "El aviso es de la orden \(notification.orderId), no de \(session.orderId).")
        }
        return try notification.chargeOutcome()
    }

    public func removeCard(token: String) throws(GatewayError) {
        switch try call("Token/Cancel", .object([("paymentMethodToken", .string(token))])) {
        case .success: return
        case .error(let e):
            if e.code == "PSP_030" { return }  // unknown or already cancelled: nothing left to forget
            throw e.rejected
        }
    }

    /// Verifies an IPN (kr-hash keyed with the password) or browser return (with the HMAC key) and reads it.
    public func verifyNotification(_ fields: [String: String]) throws(GatewayError) -> IzipayNotification {
        try IzipayNotification(fields: fields, password: config.password, hmacKey: config.hmacKey)
    }

    // MARK: - the envelope

    struct EnvelopeError: Sendable {
        let code: String, message: String, detailedCode: String?, detailedMessage: String?
        var rejected: GatewayError {
            .rejected(code: code, message: [message, detailedCode, detailedMessage].compactMap { $0 }.joined(separator: " — "))
        }
    }

    enum Reply {
        case success(GatewayJSONObject)
        case error(EnvelopeError)
    }

    func call(_ service: String, _ body: GatewayJSON) throws(GatewayError) -> Reply {
        var base = config.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/api-payment/V4") { base += "/api-payment/V4" }
        guard let url = URL(string: base + "/" + service) else { throw .rejected(code: "izipay_url", message: "URL inválida: \(base)") }
        let answer = try http.send("POST", url, headers: [
            "Authorization": GatewayHTTP.basic(config.shopId, config.password),
            "Content-Type": "application/json", "Accept": "application/json",
        ], body: body.data)
        if answer.status >= 500 { throw .indeterminate("Izipay respondió HTTP \(answer.status)") }
        guard let envelope = GatewayJSONObject(data: answer.body), let status = envelope.string("status") else {
            if answer.status == 401 || answer.status == 403 {
                throw .rejected(code: "HTTP \(answer.status)", message: "Izipay no aceptó las credenciales (izipay_shop_id, izipay_password).")
            }
            throw .indeterminate("respuesta ilegible de Izipay (HTTP \(answer.status))")
        }
        let inner = envelope.object("answer") ?? GatewayJSONObject([:])
        switch status {
        case "SUCCESS": return .success(inner)
        case "ERROR":
            return .error(EnvelopeError(code: inner.string("errorCode") ?? "ERROR", message: inner.string("errorMessage") ?? "",
                                        detailedCode: inner.string("detailedErrorCode"),
                                        detailedMessage: inner.string("detailedErrorMessage")))
        default: throw .indeterminate("estado de respuesta desconocido «\(status)»")
        }
    }

    static func checkOrderId(_ orderId: String) throws(GatewayError) {
        guard !orderId.isEmpty, orderId.count <= 64 else {
            throw .rejected(code: "orderId", message: "El número de orden debe tener entre 1 y 64 caracteres.")
        }
    }

    static func customer(_ c: GatewayCustomer) -> GatewayJSON {
        .object([
            ("email", .string(c.email)), ("reference", .string(c.reference)),
            ("billingDetails", .object([
                ("identityType", .string(c.reference.count == 11 ? "RUC" : "DNI")), ("identityCode", .string(c.reference)),
                ("legalName", .string(c.name)),
            ])),
        ])
    }
}
