import BytekGateways
import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Charging a saved card with a fake gateway in every state: approved (one payment, applied to the neto only),
/// declined (the reason in Spanish, nothing recorded), a timeout after charging (resolved by findOrder: one
/// charge, one payment), a timeout before charging (the SAME order key sent again), unreachable.
@Suite struct CardChargeTests {
    typealias F = LedgerFixture

    @Test func approvedChargeRecordsOnePaymentOnTheNetoOnly() throws {
        let f = try CardFixture()
        #expect(try f.neto.balance == F.pen("1038.40"))
        #expect(try f.ledger.balance(f.invoice.documentID, .detraccion) == F.pen("141.60"))
        let payable = try f.engine().openPayable(customerId: f.customer)
        #expect(payable.map(\.amount) == [F.pen("1038.40")])

        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved)
        #expect(r.message == "Pago aprobado: \(f.invoice.documentID) por S/ 1,038.40.")
        #expect(f.gateway.chargesMade == 1)
        let payments = try f.standingPayments()
        #expect(payments.count == 1)
        let p = try #require(payments.first)
        #expect(p.method == .tarjeta && p.amount == F.pen("1038.40") && p.bankAccountId == f.ledger.bcpPEN)
        #expect(p.operationNumber == r.charge?.transactionId)
        #expect(p.applications == [PaymentApplication(receivableId: try f.neto.id, amount: F.pen("1038.40"))])
        #expect(try f.neto.balance == F.pen("0.00"))
        // The detracción is never charged to a card.
        #expect(try f.ledger.balance(f.invoice.documentID, .detraccion) == F.pen("141.60"))
        #expect(r.charge?.orderKey.count == 12 && r.charge?.orderKey.allSatisfy(\.isNumber) == true)
        // Audited: the attempt and its approval, and the payment.
        #expect(try f.count("SELECT count(*) FROM audit_log WHERE entity = 'card_charge'") == 2)
        #expect(try f.count("SELECT count(*) FROM audit_log WHERE entity = 'payment'") == 1)
        // Nothing more to charge.
        #expect(throws: CardError.nothingToCharge) { try f.engine().chargeNow(customerId: f.customer) }
    }

    @Test func declineRecordsTheReasonAndNoPayment() throws {
        let f = try CardFixture()
        f.gateway.then(.decline("51", "Insufficient funds"))
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .declined)
        #expect(r.message == "Pago rechazado: Fondos insuficientes (51)")
        #expect(r.charge?.status == .rechazado && r.charge?.declineCode == "51")
        #expect(r.charge?.nextRetryOn == nil && r.charge?.derived == false)   // manual: no retry schedule
        #expect(try f.standingPayments().isEmpty)
        #expect(try f.neto.balance == F.pen("1038.40"))
        // A new attempt is allowed (the last one is settled), with a new order key.
        let again = try f.engine().chargeNow(customerId: f.customer)
        #expect(again.status == .approved && again.orderId != r.orderId)
        #expect(f.gateway.chargesMade == 1 && f.gateway.chargeCalls == 2)
    }

    /// The gateway charged and the answer was lost: the attempt is `desconocido`, findOrder says approved, and the
    /// payment is recorded once. Asking to charge again finds nothing left: the gateway charged once.
    @Test func timeoutAfterChargingEndsInOneChargeAndOnePayment() throws {
        let f = try CardFixture()
        f.gateway.then(.timeoutAfterCharging)
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved)
        #expect(f.gateway.chargeCalls == 1 && f.gateway.findCalls == 1 && f.gateway.chargesMade == 1)
        #expect(try f.standingPayments().count == 1)
        #expect(throws: CardError.nothingToCharge) { try f.engine().chargeNow(customerId: f.customer) }
        #expect(try f.engine().resolvePending().isEmpty)
        #expect(f.gateway.chargesMade == 1)
        #expect(try f.standingPayments().count == 1)
    }

    /// The answer was lost before the gateway charged: findOrder says notFound, the attempt stays `desconocido`
    /// (nothing else is charged for those receivables), and the sweep sends the SAME order key again.
    @Test func timeoutBeforeChargingResendsTheSameOrderKey() throws {
        let f = try CardFixture()
        f.gateway.then(.timeoutBeforeCharging)
        let first = try f.engine().chargeNow(customerId: f.customer)
        #expect(first.status == .pending && first.charge?.status == .desconocido)
        #expect(first.message.contains("no se cobrará dos veces"))
        #expect(try f.engine().openPayable(customerId: f.customer).first?.unresolvedOrder == first.orderId)
        let swept = try f.engine().resolvePending()
        #expect(swept.map(\.status) == [.approved])
        #expect(swept.first?.orderId == first.orderId)
        #expect(f.gateway.ordersCharged == [first.orderId])
        #expect(f.gateway.chargeCalls == 2 && f.gateway.chargesMade == 1)
        #expect(try f.standingPayments().count == 1)
        #expect(try f.count("SELECT count(*) FROM card_charge") == 1)
    }

    /// Unreachable: nothing was sent (pendiente); charging again sends the stored attempt, not a new one.
    @Test func unreachableGatewayKeepsTheAttemptToSendAgain() throws {
        let f = try CardFixture()
        f.gateway.then(.unreachable)
        let first = try f.engine().chargeNow(customerId: f.customer)
        #expect(first.status == .pending && first.charge?.status == .pendiente)
        let second = try f.engine().chargeNow(customerId: f.customer)   // resolves the stored attempt first …
        #expect(f.gateway.chargesMade == 1)
        #expect(try f.count("SELECT count(*) FROM card_charge") == 1)
        #expect(try f.standingPayments().count == 1)
        _ = second
    }
}
