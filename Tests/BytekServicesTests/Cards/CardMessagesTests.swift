import BytekGateways
import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// What the engine tells the customer through the outbox: the receipt of an approved charge (queued with the payment,
/// to the billing e-mail) and, once, that a saved card is about to expire.
@Suite struct CardMessagesTests {
    @Test func approvedChargeQueuesOneReceiptWithThePayment() throws {
        let f = try CardFixture()
        try f.store.db.execute("UPDATE customer SET email = 'facturas@cliente-a.pe' WHERE id = ?", [.int(f.customer)])
        f.gateway.then(.timeoutAfterCharging)
        let r = try f.engine().chargeNow(customerId: f.customer)
        #expect(r.status == .approved)
        let rows = try f.store.db.query("SELECT purpose, recipients, subject, body FROM customer_message")
        #expect(rows.count == 1)
        #expect(rows.first?.string("purpose") == "recibo")
        #expect(rows.first?.string("recipients").contains("facturas@cliente-a.pe") == true)
        #expect(rows.first?.string("subject") == "Recibo de pago \(r.orderId) — S/ 1,038.40")
        #expect(rows.first?.string("body").contains("VISA •••• 0055") == true)
        // Resolving again (the sweep) queues nothing more.
        _ = try f.engine().resolvePending()
        #expect(try f.count("SELECT count(*) FROM customer_message") == 1)
    }

    /// A card valid through 12/2026: not flagged on 18/11 (43 days left), flagged on 05/12 (26 days), not again on 06/12.
    @Test func cardAboutToExpireIsFlaggedOnce() throws {
        let f = try CardFixture()
        let card = try CardRepository(db: f.store.db, user: "setup").saveCard(
            customerId: f.customer, gateway: "izipay", token: "tok-exp", brand: "MASTERCARD", maskedNumber: "597010XXXXXX0067",
            expiryMonth: 12, expiryYear: 2026, holderEmail: "ana@cliente-a.pe", accountId: nil)
        #expect(try f.engine(.worker).runAutomatic().expiringCards == 0)
        f.moveClock(days: 17)
        #expect(try f.engine(.worker).runAutomatic().expiringCards == 1)
        f.moveClock(days: 1)
        #expect(try f.engine(.worker).runAutomatic().expiringCards == 0)
        let rows = try f.store.db.query("SELECT purpose, recipients FROM customer_message")
        #expect(rows.map { $0.string("purpose") } == ["tarjeta_por_vencer"])
        #expect(rows.first?.string("recipients").contains("ana@cliente-a.pe") == true)
        #expect(try CardRepository(db: f.store.db, user: "t").expiryFlags().keys.sorted() == [card.id])
    }

    /// Autopay with an expired card charges nothing and says why.
    @Test func expiredAutopayCardIsNotCharged() throws {
        let f = try CardFixture()
        let card = try CardRepository(db: f.store.db, user: "setup").saveCard(
            customerId: f.customer, gateway: "izipay", token: "tok-old", brand: "VISA", maskedNumber: "497010XXXXXX0071",
            expiryMonth: 10, expiryYear: 2026, holderEmail: "", accountId: nil)
        try f.engine().setAutopay(customerId: f.customer, cardId: card.id, enabled: true)
        let run = try f.engine(.worker).runAutomatic()
        #expect(run.results.isEmpty && f.gateway.chargeCalls == 0)
        #expect(run.failures == ["Cliente \(f.customer): La tarjeta VISA •••• 0071 (vence 10/2026) está vencida: el cliente debe guardar una nueva."])
    }

    /// A contact removes its card: removed at the gateway first, kept here marked removed, autopay off; nothing can
    /// be charged to it any more.
    @Test func removedCardIsRemovedAtTheGatewayAndNeverCharged() throws {
        let f = try CardFixture()
        try f.engine().setAutopay(customerId: f.customer, cardId: f.card.id, enabled: true)
        let contact = Actor(.contact(accountId: 1, customerId: f.customer, email: "pagos@cliente-a.pe"), door: .web)
        let removed = try f.engine(contact).removeCard(id: f.card.id)
        #expect(removed.isRemoved && f.gateway.removedTokens == ["tok-A-1"])
        #expect(try f.engine().autopay(customerId: f.customer).enabled == false)
        #expect(try f.engine(contact).savedCards(customerId: f.customer).isEmpty)
        #expect(throws: CardError.noCard) { try f.engine().chargeNow(customerId: f.customer) }
        #expect(throws: CardError.cardRemoved(removed.label)) { try f.engine().chargeNow(customerId: f.customer, cardId: removed.id) }
        #expect(f.gateway.chargeCalls == 0)
        #expect(try f.count("SELECT count(*) FROM saved_card") == 1)
    }
}
