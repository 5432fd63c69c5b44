import BytekGateways
import BytekModel
import Foundation

/// A card gateway in memory for the charge engine's tests: each charge does what the next scripted step says
/// (approve, decline, answer nothing after or before charging, be unreachable), and it counts what really
/// happened — charges made, calls received — so a test can prove nothing was charged twice.
final class FakeGateway: CardGateway, @unchecked Sendable {
    enum Step: Sendable {
        case approve
        case decline(String, String)
        /// Charges, then the answer is lost (a timeout after the gateway charged).
        case timeoutAfterCharging
        /// The answer is lost before the gateway charged (findOrder → notFound).
        case timeoutBeforeCharging
        /// The gateway could not be reached: nothing sent.
        case unreachable
        /// Charges, runs `hook` (e.g. the IPN arriving before the answer), then answers approved.
        case approveAfter(@Sendable (GatewayTransaction) -> Void)
    }

    let name: GatewayName
    private let lock = NSLock()
    private var script: [Step] = []
    private var orders: [String: OrderLookup] = [:]
    private(set) var chargeCalls = 0
    private(set) var findCalls = 0
    private(set) var chargesMade = 0
    private(set) var ordersCharged: [String] = []
    private(set) var refunds: [(String, Int64)] = []
    private(set) var removedTokens: [String] = []
    private var counter = 0

    init(_ name: GatewayName = .izipay) { self.name = name }

    func then(_ steps: Step...) { lock.withLock { script += steps } }

    private func transaction(_ orderId: String, _ amount: GatewayAmount, token: String? = nil) -> GatewayTransaction {
        counter += 1
        return GatewayTransaction(orderId: orderId, transactionId: "tx-\(orderId)-\(counter)", authorizationCode: "A\(counter)",
                                  amount: amount, card: CardDetails(brand: "VISA", maskedNumber: "497010XXXXXX0055", expiryMonth: 12,
                                                                    expiryYear: 2030), cardToken: token)
    }

    func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome {
        let (step, tx): (Step, GatewayTransaction?) = lock.withLock {
            chargeCalls += 1
            let step = script.isEmpty ? .approve : script.removeFirst()
            switch step {
            case .approve, .timeoutAfterCharging, .approveAfter:
                if case .approved(let done) = orders[charge.orderId] { return (step, done) }   // the gateway's own idempotency
                let tx = transaction(charge.orderId, charge.amount)
                orders[charge.orderId] = .approved(tx)
                chargesMade += 1
                ordersCharged.append(charge.orderId)
                return (step, tx)
            case .decline(let code, let message):
                orders[charge.orderId] = .declined(code: code, message: message)
                return (step, nil)
            case .timeoutBeforeCharging, .unreachable:
                return (step, nil)
            }
        }
        switch step {
        case .approve: return .approved(tx!)
        case .approveAfter(let hook): hook(tx!); return .approved(tx!)
        case .decline(let code, let message): return .declined(code: code, message: message)
        case .timeoutAfterCharging, .timeoutBeforeCharging: throw .indeterminate("tiempo de espera agotado")
        case .unreachable: throw .unavailable("conexión rechazada")
        }
    }

    func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup {
        lock.withLock { findCalls += 1; return orders[orderId] ?? .notFound }
    }

    func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund {
        lock.withLock { refunds.append((transactionId, amount.cents)); return GatewayRefund(refundId: "rf-\(refunds.count)", amount: amount) }
    }

    func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession {
        CheckoutSession(gateway: name, orderId: request.orderId, scriptURL: "https://static.fake.pe/form.js", publicKey: "pk-test",
                        token: "form-\(request.orderId)", allowedOrigins: ["https://static.fake.pe"])
    }

    /// The form's answer: `sig=ok` verifies; `status=PAID` with `orderId`, `cents`, optional `token` (card saved);
    /// anything else declines with `code`. A paid answer charges (once per order).
    func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome {
        guard fields["sig"] == "ok" else { throw .badSignature }
        let order = fields["orderId"] ?? session.orderId
        return lock.withLock {
            guard fields["status"] == "PAID" else {
                return .declined(code: fields["code"] ?? "05", message: fields["message"] ?? "Denegada")
            }
            if case .approved(let done) = orders[order] { return .approved(done) }
            let tx = transaction(order, GatewayAmount(cents: Int64(fields["cents"] ?? "0") ?? 0, currency: .pen), token: fields["token"])
            orders[order] = .approved(tx)
            chargesMade += 1
            ordersCharged.append(order)
            return .approved(tx)
        }
    }

    func removeCard(token: String) throws(GatewayError) { lock.withLock { removedTokens.append(token) } }

    /// What the gateway knows (for IPN fields built by tests).
    func order(_ id: String) -> OrderLookup? { lock.withLock { orders[id] } }
}
