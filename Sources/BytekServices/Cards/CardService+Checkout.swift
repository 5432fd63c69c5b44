import BytekGateways
import BytekModel
import BytekStore
import Foundation

extension CardService {
    /// "Pagar ahora" in the portal: stores the attempt (committed first, with its order key) for the open neto
    /// receivables named (all the customer's when empty; one currency), then starts the gateway's embedded form.
    /// `saveCard`: the form also saves the card (Izipay ASK_REGISTER_PAY, Niubiz tokenization).
    public func startPayment(customerId: Int64, receivableIds: [Int64], saveCard: Bool, gateway: GatewayName,
                             returnURL: String, notificationURL: String) throws -> CheckoutSession {
        try actor.authorize(.chargePay, customer: customerId)
        var payable = try openPayable(customerId: customerId)
        if !receivableIds.isEmpty {
            for id in receivableIds where !payable.contains(where: { $0.receivable.id == id }) {
                throw CardError.receivableNotPayable(try services.acting(ReceivableRepository.self).receivable(id: id)
                    .flatMap { actor.sees(customer: $0.customerId) ? $0 : nil }?.documentID ?? "\(id)")
            }
            payable = payable.filter { receivableIds.contains($0.receivable.id) }
        }
        guard !payable.isEmpty else { throw CardError.nothingToCharge }
        guard Set(payable.map(\.amount.currency)).count == 1, let currency = payable.first?.amount.currency else { throw CardError.mixedCurrencies }
        guard try repository.gatewayAccount(gateway.rawValue, currency: currency) != nil else {
            throw CardError.noGatewayAccount(gateway: gateway.rawValue, currency: currency)
        }
        if !(try resolveBlocking(payable.map(\.receivable.id))).isEmpty {
            let still = try openPayable(customerId: customerId)
            payable = payable.filter { p in still.contains { $0.receivable.id == p.receivable.id && $0.amount == p.amount } }
            guard !payable.isEmpty else { throw CardError.nothingToCharge }
        }
        let charge = try repository.createCharge(.init(
            customerId: customerId, cardId: nil, gateway: gateway.rawValue, saveCard: saveCard, currency: currency,
            items: payable.map { PaymentApplication(receivableId: $0.receivable.id, amount: $0.amount) }, source: .portal, today: today))
        return try openForm(charge, saveCard: saveCard, returnURL: returnURL, notificationURL: notificationURL)
    }

    /// "Guardar tarjeta" in the portal: an attempt with nothing to pay (purpose guardar_tarjeta), then the form.
    public func startSaveCard(customerId: Int64, gateway: GatewayName, returnURL: String, notificationURL: String) throws -> CheckoutSession {
        try actor.authorize(.cardSave, customer: customerId)
        let charge = try repository.createCharge(.init(customerId: customerId, cardId: nil, gateway: gateway.rawValue, purpose: .guardarTarjeta,
                                                       saveCard: true, currency: .pen, items: [], source: .portal, today: today))
        return try openForm(charge, saveCard: true, returnURL: returnURL, notificationURL: notificationURL)
    }

    func openForm(_ charge: CardCharge, saveCard: Bool, returnURL: String, notificationURL: String) throws -> CheckoutSession {
        let g = try gateway(charge.gateway)
        let request = CheckoutRequest(orderId: charge.orderKey, amount: GatewayAmount(cents: charge.amount.minorUnits, currency: charge.amount.currency),
                                      customer: try gatewayCustomer(charge.customerId, email: nil), saveCard: saveCard,
                                      returnURL: returnURL, notificationURL: notificationURL)
        let session: CheckoutSession
        do {
            session = try g.startCheckout(request)
        } catch {
            try repository.annul(chargeId: charge.id, reason: error.message)
            throw error
        }
        try repository.storeSession(chargeId: charge.id, session: StoredSession(session).json)
        try repository.markSent(chargeId: charge.id)
        return session
    }

    /// The browser back from the gateway's form (Izipay's kr-answer/kr-hash fields, verified; Niubiz's
    /// transactionToken, authorized now): the outcome recorded once, and what the page shows.
    public func completeCheckout(orderId: String, fields: [String: String]) throws -> CheckoutResult {
        try actor.authorize(.chargePay)
        guard let charge = try repository.charge(orderKey: orderId), actor.sees(customer: charge.customerId) else { throw ServiceError.notFound }
        // Already settled (the IPN came first, or the page was reloaded): shown as it is, the gateway not asked again.
        guard charge.status.isUnresolved else { return try result(for: charge.id) }
        let g = try gateway(charge.gateway)
        let session = try storedSession(charge)
        let outcome: ChargeOutcome
        switch gatewayCall({ () throws(GatewayError) in try g.completeCheckout(fields: fields, session: session) }) {
        case .success(let o): outcome = o
        case .failure(.badSignature): throw GatewayError.badSignature
        case .failure(let error): return try unanswered(charge, error: error, gateway: g)
        }
        if case .approved(let tx) = outcome, tx.orderId != charge.orderKey { throw ServiceError.notFound }
        return try apply(outcome, to: charge)
    }

    /// A gateway's notification (Izipay IPN). The signature is verified before anything else (a bad one is recorded
    /// as such and changes nothing); then the notification is recorded by the hash of its fields, and processed only
    /// the first time: the same IPN twice, an IPN before the charge call returned, or after the call's answer
    /// settled the order, record the payment at most once.
    public func receiveNotification(gateway name: GatewayName, fields: [String: String]) throws -> CheckoutResult {
        try actor.authorize(.chargeNotification)
        let hash = Self.fieldsHash(fields)
        let claimed = Self.orderKey(in: fields)
        let charge = try claimed.flatMap { try repository.charge(orderKey: $0) }
        let g = try gateway(name.rawValue)
        let session = try charge.map(storedSession) ?? CheckoutSession(gateway: name, orderId: claimed ?? "", scriptURL: "", publicKey: "",
                                                                        token: "", allowedOrigins: [])
        let outcome: ChargeOutcome
        switch gatewayCall({ () throws(GatewayError) in try g.completeCheckout(fields: fields, session: session) }) {
        case .success(let o): outcome = o
        case .failure(let error):
            guard error == .badSignature else { throw error }
            try repository.recordNotification(gateway: name.rawValue, fieldsHash: hash, verified: false, orderKey: claimed, transactionId: nil,
                                              outcome: "firma_invalida")
            return CheckoutResult(status: .ignored, orderId: claimed ?? "", amount: charge?.amount ?? .zero(.pen), documents: [],
                                  message: GatewayError.badSignature.message, charge: nil, paymentId: nil)
        }
        var orderKey = claimed
        var transactionId: String?
        var label = "rechazado"
        if case .approved(let tx) = outcome { orderKey = tx.orderId; transactionId = tx.transactionId; label = "aprobado" }
        let note = try repository.recordNotification(gateway: name.rawValue, fieldsHash: hash, verified: true, orderKey: orderKey,
                                                     transactionId: transactionId, outcome: label)
        guard let orderKey, let target = try repository.charge(orderKey: orderKey) else {
            try repository.markNotificationProcessed(id: note.id, outcome: "orden_desconocida")
            return CheckoutResult(status: .ignored, orderId: orderKey ?? "", amount: .zero(.pen), documents: [],
                                  message: "Aviso de una orden desconocida: ignorado.", charge: nil, paymentId: nil)
        }
        if note.duplicate { return try result(for: target.id) }
        let r = try apply(outcome, to: target)
        try repository.markNotificationProcessed(id: note.id, outcome: label)
        return r
    }

    func storedSession(_ charge: CardCharge) throws -> CheckoutSession {
        let text = try repository.session(chargeId: charge.id)
        return text.flatMap(StoredSession.decode)?.session
            ?? CheckoutSession(gateway: GatewayName(rawValue: charge.gateway) ?? .izipay, orderId: charge.orderKey, scriptURL: "",
                               publicKey: "", token: "", allowedOrigins: [])
    }

    /// SHA-256 of the fields, sorted by name: the same notification received twice has the same hash.
    static func fieldsHash(_ fields: [String: String]) -> String {
        SHA256.hex(fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n"))
    }

    /// The order a notification says it is about (unverified: only to find the stored session).
    static func orderKey(in fields: [String: String]) -> String? {
        if let o = fields["orderId"] ?? fields["purchaseNumber"] { return o }
        guard let answer = fields["kr-answer"], let data = answer.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let details = json["orderDetails"] as? [String: Any], let order = details["orderId"] as? String else { return nil }
        return order
    }
}

/// A checkout session as kept on its charge row (JSON).
struct StoredSession: Codable {
    var gateway: String
    var orderId: String
    var scriptURL: String
    var publicKey: String
    var token: String
    var allowedOrigins: [String]

    init(_ s: CheckoutSession) {
        gateway = s.gateway.rawValue; orderId = s.orderId; scriptURL = s.scriptURL; publicKey = s.publicKey; token = s.token
        allowedOrigins = s.allowedOrigins
    }

    var json: String { (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}" }

    static func decode(_ text: String) -> StoredSession? { try? JSONDecoder().decode(StoredSession.self, from: Data(text.utf8)) }

    var session: CheckoutSession {
        CheckoutSession(gateway: GatewayName(rawValue: gateway) ?? .izipay, orderId: orderId, scriptURL: scriptURL, publicKey: publicKey,
                        token: token, allowedOrigins: allowedOrigins)
    }
}

/// A gateway call as a value (a `catch` on a typed error's case crashed Swift 6.3's SIL ownership checker here).
func gatewayCall<T>(_ body: () throws(GatewayError) -> T) -> Result<T, GatewayError> {
    do { return .success(try body()) } catch { return .failure(error) }
}
