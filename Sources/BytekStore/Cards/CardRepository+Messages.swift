import BytekModel
import Foundation

extension CardRepository {
    var outbox: MessageOutbox {
        var o = MessageOutbox(db: db, user: user, now: now)
        o.door = door
        return o
    }

    /// The billing contacts' e-mails of a customer (the documents' recipients).
    func billingEmails(customerId: Int64) throws -> [String] {
        try DocumentMailing(db: db, user: user, now: now).recipients(customerId: customerId)
    }

    /// Queues the receipt of a settled charge to the billing contacts, in the caller's transaction (the payment and
    /// its receipt commit together). None when the customer has no e-mail; a bad address never undoes the payment.
    func queueReceipt(_ charge: CardCharge, payment: Payment) throws {
        let to = try billingEmails(customerId: charge.customerId)
        guard !to.isEmpty else { return }
        let docs = try db.query("""
            SELECT DISTINCT r.document_ref FROM card_charge_item i JOIN receivable r ON r.id = i.receivable_id WHERE i.charge_id = ?
            ORDER BY r.document_ref
            """, [.int(charge.id)]).map { $0.string("document_ref") }
        let card = try charge.cardId.flatMap { try self.card(id: $0) }
        let body = """
            Estimado cliente:

            Recibimos su pago de \(payment.amount.formatted) con \(card?.label ?? "tarjeta") \
            por \(docs.joined(separator: ", ")).
            Orden \(charge.orderKey), operación \(payment.operationNumber), fecha \(payment.date).

            Gracias,
            BYTEK
            """
        try db.write {
            _ = try outbox.queueEmail(customerId: charge.customerId, purpose: .recibo, reference: charge.orderKey, to: to,
                                      subject: "Recibo de pago \(charge.orderKey) — \(payment.amount.formatted)", body: body)
        }
    }

    /// Queues the "card about to expire" e-mail to whoever saved it (else the billing contacts), in the caller's
    /// transaction.
    func queueExpiryNotice(_ card: SavedCard) throws -> Bool {
        var to = try billingEmails(customerId: card.customerId)
        if MessageAddress.isEmail(card.holderEmail) { to = [card.holderEmail] }
        guard !to.isEmpty else { return false }
        let body = """
            Estimado cliente:

            Su \(card.label), guardada para el cobro automático de sus comprobantes, vence pronto.
            Guarde una tarjeta nueva en el portal de clientes (Tarjetas › Guardar tarjeta) para que sus pagos no se interrumpan.

            BYTEK
            """
        try db.write {
            _ = try outbox.queueEmail(customerId: card.customerId, purpose: .tarjetaPorVencer, reference: "tarjeta-\(card.id)", to: to,
                                      subject: "Su tarjeta •••• \(card.last4) vence pronto", body: body)
        }
        return true
    }
}
