import BytekModel
import Foundation

/// Niubiz (VisaNet Perú): a security token (Basic auth, renewed before it expires), a session token for the
/// checkout, authorization v3 with a numeric unique `purchaseNumber` (our order id, at most 12 digits),
/// saved cards charged with `channel: recurrent` and their `tokenId`.
///
/// - `charge`: authorization, recurrent. Authorized (ACTION_CODE 000) → `.approved`; `data.ACTION_CODE` (e.g.
///   116 fondos insuficientes, 101 tarjeta vencida, 190 denegada) → `.declined`; another 4xx → `.rejected`.
/// - `findOrder`: `retrieve/purchase` (404 → `.notFound`).
/// - `refund`: `POST /api.refund/v1/refund/{merchantId}/{transactionId}` (not confirmed against Niubiz's
///   documentation; the emulator answers it).
/// - `startCheckout`: the session token (channel web; paycard to save a card without paying).
/// - `completeCheckout`: the `transactionToken` posted back by the checkout; tokenized first when the session
///   saves the card (then charged with the card's tokenId), else authorized directly (channel web).
/// - `removeCard`: `DELETE …/token/card/{merchantId}/{tokenId}` (not confirmed either).
/// A 401 renews the security token and repeats the call once (nothing was done with an expired token).
/// HTTP 5xx, a timeout or a cut connection: `.indeterminate`; connection refused: `.unavailable`.
public struct NiubizClient: CardGateway {
    public let config: NiubizConfig
    private let http: GatewayHTTP
    private let securityToken = NiubizSecurityToken()

    public init(_ config: NiubizConfig) {
        self.config = config
        self.http = GatewayHTTP(timeout: config.timeout)
    }

    public var name: GatewayName { .niubiz }

    /// How many security tokens this client obtained (each is reused until shortly before it expires).
    public var securityTokensObtained: Int { securityToken.count }

    public func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome {
        try Self.checkPurchaseNumber(charge.orderId)
        guard !charge.cardToken.isEmpty else { throw .rejected(code: "tokenId", message: "Falta el token de la tarjeta guardada.") }
        return try authorize(purchaseNumber: charge.orderId, amount: charge.amount, channel: "recurrent",
                             tokenId: charge.cardToken, email: charge.customer.email, cardToken: charge.cardToken)
    }

    public func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup {
        try Self.checkPurchaseNumber(orderId)
        let answer = try call("GET", "/api.authorization/v3/retrieve/purchase/\(config.merchantId)/\(orderId)", body: nil)
        let json = GatewayJSONObject(data: answer.body)
        if answer.status == 404, json != nil { return .notFound }
        guard let json, let lookup = NiubizAnswer.lookup(json, purchaseNumber: orderId, fallback: nil, cardToken: nil) else {
            throw Self.unexpected(answer)
        }
        return lookup
    }

    public func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund {
        guard amount.cents > 0 else { throw .rejected(code: "monto", message: "El monto a devolver debe ser mayor que cero.") }
        let body = GatewayJSON.object([("amount", .number(NiubizAnswer.decimal(amount))),
                                       ("currency", .string(amount.currency.rawValue))])
        let answer = try call("POST", "/api.refund/v1/refund/\(config.merchantId)/\(transactionId)", body: body)
        guard answer.status == 200, let json = GatewayJSONObject(data: answer.body),
              let id = json.object("data")?.string("REFUND_ID") else { throw Self.unexpected(answer) }
        return GatewayRefund(refundId: id, amount: amount)
    }

    public func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession {
        try Self.checkPurchaseNumber(request.orderId)
        let saveOnly = request.saveCard && request.amount.cents == 0
        let body = GatewayJSON.object([
            ("channel", .string(saveOnly ? "paycard" : "web")),
            ("amount", .number(NiubizAnswer.decimal(request.amount))),
            ("antifraud", .object([
                ("clientIp", .string("127.0.0.1")),
                ("merchantDefineData", .object([
                    ("MDD4", .string(request.customer.email)), ("MDD21", .string("0")),
                    ("MDD32", .string(request.customer.reference)), ("MDD75", .string("Registrado")),
                    ("MDD77", .string("1")),
                ])),
            ])),
        ])
        let answer = try call("POST", "/api.ecommerce/v2/ecommerce/token/session/\(config.merchantId)", body: body)
        guard answer.status == 200, let key = GatewayJSONObject(data: answer.body)?.string("sessionKey") else {
            throw Self.unexpected(answer)
        }
        return CheckoutSession(gateway: .niubiz, orderId: request.orderId, scriptURL: config.scriptURL,
                               publicKey: config.merchantId, token: key, allowedOrigins: config.allowedOrigins,
                               amount: request.amount, saveCard: request.saveCard)
    }

    public func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome {
        guard let transactionToken = fields["transactionToken"], !transactionToken.isEmpty,
              transactionToken.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .rejected(code: "transactionToken", message: "El formulario de Niubiz no envió un transactionToken válido.")
        }
        try Self.checkPurchaseNumber(session.orderId)
        let email = fields["customerEmail"] ?? ""
        let amount = session.amount ?? GatewayAmount(cents: 0, currency: .pen)
        guard session.saveCard else {
            guard amount.cents > 0 else { throw .rejected(code: "monto", message: "La sesión de pago no tiene monto.") }
            return try authorize(purchaseNumber: session.orderId, amount: amount, channel: "web",
                                 tokenId: transactionToken, email: email, cardToken: nil)
        }
        let saved: GatewayTransaction
        switch try tokenize(transactionToken, orderId: session.orderId, currency: amount.currency) {
        case .approved(let tx): saved = tx
        case .declined(let code, let message): return .declined(code: code, message: message)
        }
        guard amount.cents > 0, let token = saved.cardToken else { return .approved(saved) }
        switch try authorize(purchaseNumber: session.orderId, amount: amount, channel: "recurrent", tokenId: token,
                             email: email, cardToken: token) {
        case .approved(var tx):
            tx.card = saved.card ?? tx.card
            return .approved(tx)
        case let declined: return declined
        }
    }

    public func removeCard(token: String) throws(GatewayError) {
        let answer = try call("DELETE", "/api.ecommerce/v2/ecommerce/token/card/\(config.merchantId)/\(token)", body: nil)
        guard answer.status == 200 || answer.status == 404 else { throw Self.unexpected(answer) }
    }

    // MARK: - calls

    private func authorize(purchaseNumber: String, amount: GatewayAmount, channel: String, tokenId: String,
                           email: String, cardToken: String?) throws(GatewayError) -> ChargeOutcome {
        var order: [(String, GatewayJSON)] = [
            ("purchaseNumber", .string(purchaseNumber)), ("amount", .number(NiubizAnswer.decimal(amount))),
            ("currency", .string(amount.currency.rawValue)),
        ]
        var fields: [(String, GatewayJSON)] = [("channel", .string(channel)), ("captureType", .string("manual")),
                                               ("countable", .bool(true))]
        if channel == "recurrent" {
            fields.append(("card", .object([("tokenId", .string(tokenId)), ("useFrequent", .bool(true))])))
            fields.append(("cardHolder", .object([("email", .string(email))])))
        } else {
            order.append(("tokenId", .string(tokenId)))
        }
        fields.insert(("order", .object(order)), at: 3)
        let answer = try call("POST", "/api.authorization/v3/authorization/ecommerce/\(config.merchantId)", body: .object(fields))
        guard let json = GatewayJSONObject(data: answer.body),
              let lookup = NiubizAnswer.lookup(json, purchaseNumber: purchaseNumber, fallback: amount, cardToken: cardToken) else {
            throw Self.unexpected(answer)
        }
        switch lookup {
        case .approved(let tx): return .approved(tx)
        case .declined(let code, let message): return .declined(code: code, message: message)
        case .pending, .notFound: throw .indeterminate("la autorización \(purchaseNumber) quedó en curso")
        }
    }

    private func tokenize(_ transactionToken: String, orderId: String, currency: Currency) throws(GatewayError) -> ChargeOutcome {
        let answer = try call("GET", "/api.ecommerce/v2/ecommerce/token/card/\(config.merchantId)/\(transactionToken)", body: nil)
        guard let json = GatewayJSONObject(data: answer.body) else { throw Self.unexpected(answer) }
        if let data = json.object("data"), let code = data.string("ACTION_CODE") {
            return .declined(code: code, message: data.string("ACTION_DESCRIPTION") ?? "Tarjeta no válida")
        }
        guard answer.status == 200, let tokenId = json.object("token")?.string("tokenId") else { throw Self.unexpected(answer) }
        let card = json.object("card").map {
            CardDetails(brand: $0.string("brand") ?? "", maskedNumber: $0.string("cardNumber") ?? "",
                        expiryMonth: Int($0.string("expirationMonth") ?? "") ?? 0,
                        expiryYear: Int($0.string("expirationYear") ?? "") ?? 0)
        }
        return .approved(GatewayTransaction(orderId: orderId, transactionId: tokenId, authorizationCode: nil,
                                            amount: GatewayAmount(cents: 0, currency: currency), card: card,
                                            cardToken: tokenId))
    }

    /// One authorized call: the security token, then the request; on 401, a new token and the request once more.
    private func call(_ method: String, _ path: String, body: GatewayJSON?) throws(GatewayError) -> GatewayHTTPAnswer {
        guard let url = URL(string: Self.trimmed(config.baseURL) + path) else {
            throw .rejected(code: "niubiz_url", message: "URL inválida: \(config.baseURL)")
        }
        var answer = try send(method, url, body: body)
        if answer.status == 401 {
            securityToken.invalidate()
            answer = try send(method, url, body: body)
            if answer.status == 401 {
                throw .rejected(code: "HTTP 401", message: "Niubiz no aceptó el token de seguridad (niubiz_user, niubiz_password).")
            }
        }
        if answer.status >= 500 { throw .indeterminate("Niubiz respondió HTTP \(answer.status)") }
        return answer
    }

    private func send(_ method: String, _ url: URL, body: GatewayJSON?) throws(GatewayError) -> GatewayHTTPAnswer {
        let token = try securityToken.current(now: config.now(), fetch: fetchSecurityToken)
        var headers = ["Authorization": token, "Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        return try http.send(method, url, headers: headers, body: body?.data)
    }

    /// A new security token. Nothing is charged by this call, so any failure to get one is `.unavailable`
    /// (safe to retry), except refused credentials.
    private func fetchSecurityToken() throws(GatewayError) -> String {
        guard let url = URL(string: Self.trimmed(config.baseURL) + "/api.security/v1/security") else {
            throw .rejected(code: "niubiz_url", message: "URL inválida: \(config.baseURL)")
        }
        let answer: GatewayHTTPAnswer
        do {
            answer = try http.send("POST", url, headers: ["Authorization": GatewayHTTP.basic(config.user, config.password),
                                                          "Accept": "text/plain"], body: nil)
        } catch {
            switch error {
            case .indeterminate(let why), .unavailable(let why): throw .unavailable("token de seguridad: \(why)")
            default: throw error
            }
        }
        if answer.status == 401 || answer.status == 403 {
            throw .rejected(code: "HTTP \(answer.status)", message: "Niubiz no aceptó las credenciales (niubiz_user, niubiz_password).")
        }
        let token = answer.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (200..<300).contains(answer.status), !token.isEmpty, !token.contains(" ") else {
            throw .unavailable("token de seguridad: HTTP \(answer.status)")
        }
        return token
    }

    private static func trimmed(_ url: URL) -> String {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// A 4xx with Niubiz's `errorMessage` is a refusal of the request; anything else unreadable may hide a charge.
    private static func unexpected(_ answer: GatewayHTTPAnswer) -> GatewayError {
        if (400..<500).contains(answer.status), let json = GatewayJSONObject(data: answer.body) {
            let code = json.string("errorCode") ?? "HTTP \(answer.status)"
            return .rejected(code: code, message: json.string("errorMessage") ?? "Solicitud rechazada por Niubiz")
        }
        return .indeterminate("respuesta inesperada de Niubiz (HTTP \(answer.status))")
    }

    /// Niubiz's purchaseNumber: our order id, numeric, 1 to 12 digits.
    static func checkPurchaseNumber(_ orderId: String) throws(GatewayError) {
        guard (1...12).contains(orderId.count), orderId.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .rejected(code: "purchaseNumber",
                            message: "El número de compra de Niubiz debe ser numérico de 1 a 12 dígitos: «\(orderId)».")
        }
    }
}
