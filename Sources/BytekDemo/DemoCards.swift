import BytekModel
import BytekStore
import Foundation

/// Cards on file in the demo, written as the charge engine writes them (no gateway is called): Izipay's bank
/// account, three customers with saved cards (one on autopay, one expiring next month — flagged), a charge
/// approved with its payment applied, and an automatic charge declined for insufficient funds (retry in 3 days).
public enum DemoCards {
    public struct Summary: Sendable {
        public var cards = 0
        public var approved = 0
        public var declined = 0
    }

    @discardableResult
    public static func seed(store: Store, now: Date) throws -> Summary {
        let db = store.db
        let clock: @Sendable () -> Date = { now }
        let today = LimaTime.date(now)
        let ledger = ReceivableRepository(db: db, user: "finanzas", now: clock)
        let cards = CardRepository(db: db, user: "finanzas", now: clock)
        let izipay = try ledger.addBankAccount(bank: "Izipay (pasarela)", number: "IZIPAY-PEN", currency: .pen)
        try cards.setGatewayAccount("izipay", currency: .pen, bankAccountId: izipay.id)
        // The first untouched open neto receivable (PEN) of the three last customers (Cobranzas' e2e scenario keeps its own).
        let open = try db.query("""
            SELECT customer_id, min(id) AS id FROM receivable WHERE part = 'neto' AND is_open = 1 AND settled_cents = 0
                AND currency = 'PEN' AND customer_id IS NOT NULL AND cancelled = 0 GROUP BY customer_id ORDER BY customer_id DESC LIMIT 3
            """).map { ($0.int("customer_id"), $0.int("id")) }
        var summary = Summary()
        let plans: [(String, String, String, Int, Int)] = [
            ("izipay", "VISA", "497010XXXXXX0055", 12, today.year + 2),
            ("izipay", "MASTERCARD", "597010XXXXXX0067", 8, today.year + 1),
            ("niubiz", "VISA", "491914******9067", today.month == 12 ? 1 : today.month + 1, today.month == 12 ? today.year + 1 : today.year),
        ]
        for (i, (customer, receivableId)) in open.enumerated() {
            let p = plans[i]
            let card = try cards.saveCard(customerId: customer, gateway: p.0, token: "demo-\(p.0)-\(customer)", brand: p.1, maskedNumber: p.2,
                                          expiryMonth: p.3, expiryYear: p.4, holderEmail: "", accountId: nil)
            summary.cards += 1
            guard let r = try ledger.receivable(id: receivableId) else { continue }
            switch i {
            case 0:
                try cards.setAutopay(customerId: customer, cardId: card.id, enabled: true)
                let c = try cards.createCharge(.init(customerId: customer, cardId: card.id, gateway: p.0, currency: .pen,
                                                     items: [PaymentApplication(receivableId: r.id, amount: r.balance)], source: .manual, today: today))
                try cards.markSent(chargeId: c.id)
                try cards.settle(chargeId: c.id, transactionId: "demo-\(c.orderKey)", authorizationCode: "123456", approved: c.amount,
                                 bankAccountId: izipay.id, date: today)
                summary.approved += 1
            case 1:
                try cards.setAutopay(customerId: customer, cardId: card.id, enabled: true)
                let c = try cards.createCharge(.init(customerId: customer, cardId: card.id, gateway: p.0, currency: .pen,
                                                     items: [PaymentApplication(receivableId: r.id, amount: r.balance)], source: .automatico,
                                                     today: today))
                try cards.markSent(chargeId: c.id)
                try cards.decline(chargeId: c.id, code: "51", message: "Insufficient funds",
                                  nextRetry: RetrySchedule.standard.nextRetry(firstAttempt: today, afterAttempt: 1), derived: false)
                summary.declined += 1
            default:
                try cards.flagExpiring(cardId: card.id, on: today)
            }
        }
        return summary
    }
}
