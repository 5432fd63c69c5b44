import BytekGateways
import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The charge engine against the Izipay emulator and its faults, counting what really happened: attempts
/// (card_charge rows), amounts the emulator took from a card, payments recorded.
@Suite struct CardEmulatorFaultTests {
    typealias F = LedgerFixture

    func fixture(_ emulator: CardEmulator, timeout: TimeInterval = 5, card: String = "4970100000000055") throws -> CardFixture {
        let f = try CardFixture()
        f.client = emulator.client(timeout: timeout)
        try f.useCard(token: try emulator.savedCard(card))
        return f
    }

    /// The emulator charges, then answers after 2 s; the client gives up at 1 s. The attempt is `desconocido`,
    /// Order/Get says PAID: one amount taken, one payment, one attempt.
    @Test func timeoutAfterChargingIsOneChargeAndOnePayment() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator, timeout: 1)
        try emulator.fault(["tipo": "timeout", "segundos": 2])
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved)
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().map(\.amount) == [F.pen("1038.40")])
        #expect(try f.count("SELECT count(*) FROM card_charge") == 1)
        // The sweep and a second "charge now" change nothing.
        #expect(try f.engine().resolvePending().isEmpty)
        #expect(throws: CardError.nothingToCharge) { try f.engine().chargeNow(customerId: f.customer) }
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().count == 1)
    }

    /// The connection cut after charging: the same, through the sweep.
    @Test func connectionCutAfterChargingIsResolvedBeforeAnyRetry() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator)
        try emulator.fault(["tipo": "corte"])
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved)
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().count == 1)
    }

    /// A 5xx before anything was charged: `desconocido`; Order/Get says never received (notFound), so the sweep sends
    /// the SAME order key again, which is charged once.
    @Test func serverErrorIsRetriedWithTheSameOrderKey() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator)
        try emulator.fault(["tipo": "5xx", "estado": 503])
        let first = try f.engine().chargeNow(customerId: f.customer)
        #expect(first.status == .pending)
        #expect(try emulator.chargesTaken() == 0)
        let swept = try f.engine().resolvePending()
        #expect(swept.map(\.status) == [.approved] && swept.first?.orderId == first.orderId)
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().count == 1)
        #expect(try f.count("SELECT count(*) FROM card_charge") == 1)
    }

    /// A contact of A opens "Pagar ahora" (IPN to the emulator's mailbox), `fault` is set on that order, and the
    /// customer pays in the form: the contact, the session and the fields the browser posts back.
    func payInPortal(_ f: CardFixture, _ emulator: CardEmulator, fault: String, save: Bool) throws
        -> (Actor, CheckoutSession, [String: String]) {
        let contact = Actor(.contact(accountId: 1, customerId: f.customer, email: "pagos@cliente-a.pe"), door: .web)
        let session = try f.engine(contact).startPayment(customerId: f.customer, receivableIds: [], saveCard: save, gateway: .izipay,
                                                         returnURL: "https://portal/pago", notificationURL: emulator.mailbox)
        try emulator.fault(["tipo": fault, "orden": session.orderId])
        return (contact, session, try emulator.payInForm(session, save: save))
    }

    /// "Pagar ahora" in the portal: the IPN is posted twice and the browser's answer comes back too. One payment.
    @Test func duplicateIPNAndTheBrowserReturnRecordOnePayment() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator)
        let (contact, session, browser) = try payInPortal(f, emulator, fault: "ipn_duplicada", save: false)
        let ipns = try emulator.notifications(count: 2)
        #expect(ipns.count == 2)
        let ipn = Actor(.worker, door: .web)
        let results = try ipns.map { try f.engine(ipn).receiveNotification(gateway: .izipay, fields: $0) }
        #expect(results.map(\.status) == [.approved, .approved])
        let back = try f.engine(contact).completeCheckout(orderId: session.orderId, fields: browser)
        #expect(back.status == .approved && back.documents == [f.invoice.documentID])
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().count == 1)
        let counts = try CardRepository(db: f.store.db, user: "t").notificationCounts()
        #expect(counts.all == 2 && counts.verified == 2 && counts.duplicates == 1)
    }

    /// The IPN arrives before the browser's answer; then the answer. One payment. A forged IPN changes nothing.
    @Test func ipnBeforeTheAnswerAndABadSignatureChangeNothingTwice() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator)
        let (contact, session, browser) = try payInPortal(f, emulator, fault: "ipn_antes", save: true)
        let ipn = try #require(try emulator.notifications(count: 1).first)
        let worker = Actor(.worker, door: .web)
        var forged = ipn
        forged["kr-hash"] = String(repeating: "0", count: 64)
        #expect(try f.engine(worker).receiveNotification(gateway: .izipay, fields: forged).status == .ignored)
        #expect(try f.standingPayments().isEmpty)
        #expect(try f.engine(worker).receiveNotification(gateway: .izipay, fields: ipn).status == .approved)
        #expect(try f.engine(contact).completeCheckout(orderId: session.orderId, fields: browser).status == .approved)
        #expect(try f.engine(worker).receiveNotification(gateway: .izipay, fields: ipn).status == .approved)
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().count == 1)
        // The card was saved by the contact's checkout (ASK_REGISTER_PAY), once.
        #expect(try f.engine(contact).savedCards(customerId: f.customer).count == 3)
        let counts = try CardRepository(db: f.store.db, user: "t").notificationCounts()
        #expect(counts.all == 3 && counts.verified == 2)
    }

    /// A refused card on autopay: charged on day 0, +3 and +7 (the clock moved), nothing in between, then handed
    /// to reminders. The emulator took nothing.
    @Test func declinedAutopayIsRetriedOnDays0_3_7ThenDerived() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator, card: "4970100000000113")
        var attempts: [String] = []
        for day in 0...8 {
            let run = try f.engine(.worker).runAutomatic()
            if !run.results.isEmpty { attempts.append("\(day):\(run.results.map(\.status.rawValue).joined())") }
            f.moveClock(days: 1)
        }
        #expect(attempts == ["0:declined", "3:declined", "7:declined"])
        let charges = try f.engine().charges(customerId: f.customer)
        #expect(charges.map(\.attempt) == [3, 2, 1])
        #expect(charges.map(\.derived) == [true, false, false])
        #expect(charges.map { $0.nextRetryOn?.description ?? "-" } == ["-", "2026-11-25", "2026-11-21"])
        #expect(try emulator.chargesTaken() == 0)
        #expect(try f.standingPayments().isEmpty)
    }

    /// Partial refund of S/ 38.40 out of 1,038.40: the payment reversed, a new one of 1,000.00 applied to the same
    /// receivable (which owes 38.40 again), the emulator's refund of 3,840 cents.
    @Test func partialRefundReversesAndRecordsTheRest() throws {
        let emulator = try CardEmulator()
        let f = try fixture(emulator)
        let r = try f.engine().chargeNow(customerId: f.customer)
        let charge = try #require(r.charge)
        let refund = try f.engine().refund(chargeId: charge.id, amount: "38.40", reason: "Descuento acordado")
        #expect(refund.status == "hecho" && refund.amount == F.pen("38.40"))
        let refunds = try emulator.refunds()
        #expect(refunds.count == 1 && refunds.first?["monto"] as? Int == 3_840)
        let standing = try f.standingPayments()
        #expect(standing.map(\.amount) == [F.pen("1000.00")])
        #expect(standing.first?.applications == [PaymentApplication(receivableId: try f.neto.id, amount: F.pen("1000.00"))])
        #expect(try f.neto.balance == F.pen("38.40"))
        #expect(throws: CardError.refundAboveCharged(available: F.pen("1000.00"), requested: F.pen("1000.01"))) {
            try f.engine().refund(chargeId: charge.id, amount: "1000.01", reason: "x")
        }
        #expect(throws: ReceivableError.self) { try f.engine().refund(chargeId: charge.id, amount: "99999999999999999999", reason: "x") }
        // The rest, in full: no payment left standing, the receivable owes 1,038.40.
        try f.engine().refund(chargeId: charge.id, amount: nil, reason: "Servicio cancelado")
        #expect(try f.standingPayments().isEmpty)
        #expect(try f.neto.balance == F.pen("1038.40"))
        #expect(try emulator.refunds().count == 2)
    }

    /// Niubiz: a saved card charged with channel recurrent under our 12-digit purchaseNumber; a timeout after
    /// charging is resolved by retrieve/purchase: one charge, one payment.
    @Test func niubizRecurrentChargeWithATimeoutIsChargedOnce() throws {
        let emulator = try CardEmulator(niubiz: true)
        let f = try CardFixture(gateway: .niubiz)
        f.client = emulator.niubizClient()
        let token = try emulator.savedCard("4919148107859067")
        try CardRepository(db: f.store.db, user: "setup").saveCard(
            customerId: f.customer, gateway: "niubiz", token: token, brand: "VISA", maskedNumber: "491914******9067", expiryMonth: 12,
            expiryYear: 2030, holderEmail: "pagos@cliente-a.pe", accountId: nil)
        try emulator.fault(["tipo": "corte"])
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved, "\(r.message)")
        #expect(r.orderId.count == 12 && r.orderId.allSatisfy(\.isNumber))
        #expect(try emulator.chargesTaken() == 1)
        #expect(try f.standingPayments().map(\.amount) == [F.pen("1038.40")])
    }
}
