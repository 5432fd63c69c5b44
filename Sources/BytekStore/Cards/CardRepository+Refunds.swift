import BytekModel
import Foundation

/// A refund of a card charge, as stored.
public struct CardRefund: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    public var chargeId: Int64
    public var amount: Money
    public var status: String
    public var gatewayRefundId: String?
    public var reason: String
    public var reversedPaymentId: Int64?
    public var newPaymentId: Int64?
    public var message: String?
    public var createdBy: String
    public var createdAt: String
}

extension CardRepository {
    static func decodeRefund(_ row: Row, currency: Currency) -> CardRefund {
        CardRefund(id: row.int("id"), chargeId: row.int("charge_id"), amount: Money(minorUnits: row.int("amount_cents"), currency),
                   status: row.string("status"), gatewayRefundId: row.optionalString("gateway_refund_id"), reason: row.string("reason"),
                   reversedPaymentId: row["reversed_payment_id"].intValue, newPaymentId: row["new_payment_id"].intValue,
                   message: row.optionalString("message"), createdBy: row.string("created_by"), createdAt: row.string("created_at"))
    }

    public func refunds(chargeId: Int64) throws -> [CardRefund] {
        guard let c = try charge(id: chargeId) else { return [] }
        return try db.query("SELECT * FROM card_refund WHERE charge_id = ? ORDER BY id", [.int(chargeId)])
            .map { Self.decodeRefund($0, currency: c.amount.currency) }
    }

    /// Stores a refund about to be asked of the gateway (status `enviado`), refused above what is left.
    public func startRefund(chargeId: Int64, amount: Money, reason: String) throws -> CardRefund {
        try db.write {
            guard let c = try charge(id: chargeId) else { throw CardError.chargeNotFound("\(chargeId)") }
            guard c.status == .aprobado, c.paymentId != nil else { throw CardError.refundNotApproved(c.orderKey) }
            let pending = try db.scalar("SELECT ifnull(sum(amount_cents), 0) FROM card_refund WHERE charge_id = ? AND status IN ('enviado','desconocido')",
                                        [.int(chargeId)]).intValue ?? 0
            let left = Money(minorUnits: c.refundable.minorUnits - pending, c.amount.currency)
            guard amount.currency == c.amount.currency, amount.minorUnits <= left.minorUnits else {
                throw CardError.refundAboveCharged(available: left, requested: amount)
            }
            try db.execute("""
                INSERT INTO card_refund(charge_id, amount_cents, status, reason, created_by, created_at) VALUES (?, ?, 'enviado', ?, ?, ?)
                """, [.int(chargeId), .int(amount.minorUnits), .text(reason), .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            try audit.append(entity: CardAuditEntity.cardRefundEntity, entityId: id, action: .create,
                             summary: "Reembolso de \(amount.formatted) del cobro \(c.orderKey) solicitado: \(reason)")
            return Self.decodeRefund(try db.queryOne("SELECT * FROM card_refund WHERE id = ?", [.int(id)])!, currency: c.amount.currency)
        }
    }

    public func failRefund(id: Int64, unknown: Bool, message: String) throws {
        try db.write {
            try db.execute("UPDATE card_refund SET status = ?, message = ? WHERE id = ?", [.text(unknown ? "desconocido" : "fallido"), .text(message), .int(id)])
            try audit.append(entity: CardAuditEntity.cardRefundEntity, entityId: id, action: .update,
                             summary: "Reembolso \(id) \(unknown ? "sin respuesta" : "rechazado"): \(message)")
        }
    }

    /// The gateway refunded: the charge's payment is reversed; a partial refund records a new payment for the rest
    /// (same method, account and transaction id), applied to the same receivables — all in one transaction.
    @discardableResult
    public func completeRefund(id: Int64, gatewayRefundId: String, date: LocalDate) throws -> CardRefund {
        try db.write {
            guard let row = try db.queryOne("SELECT * FROM card_refund WHERE id = ?", [.int(id)]),
                  let c = try charge(id: row.int("charge_id")), let paymentId = c.paymentId,
                  let old = try ledger.payment(id: paymentId) else { throw CardError.chargeNotFound("\(id)") }
            let amount = row.int("amount_cents")
            let refunded = c.refunded.minorUnits + amount
            let rest = c.amount.minorUnits - refunded
            try ledger.reversePayment(id: paymentId, reason: "Reembolso con tarjeta \(gatewayRefundId): \(row.string("reason"))")
            var newPayment: Payment?
            if rest > 0 {
                var left = rest
                var apps: [PaymentApplication] = []
                for a in old.applications where left > 0 {
                    let take = min(left, a.amount.minorUnits)
                    apps.append(PaymentApplication(receivableId: a.receivableId, amount: Money(minorUnits: take, a.amount.currency)))
                    left -= take
                }
                newPayment = try ledger.recordPayment(PaymentInput(
                    customerId: c.customerId, date: date, method: .tarjeta, bankAccountId: old.bankAccountId,
                    operationNumber: old.operationNumber, amount: Money(minorUnits: rest, c.amount.currency), applications: apps,
                    note: "Cobro con tarjeta \(c.orderKey) tras reembolso parcial de \(Money(minorUnits: amount, c.amount.currency).formatted)"))
            }
            try db.execute("UPDATE card_charge SET refunded_cents = ?, payment_id = ? WHERE id = ?",
                           [.int(refunded), newPayment.map { .int($0.id) } ?? .null, .int(c.id)])
            try db.execute("""
                UPDATE card_refund SET status = 'hecho', gateway_refund_id = ?, reversed_payment_id = ?, new_payment_id = ? WHERE id = ?
                """, [.text(gatewayRefundId), .int(paymentId), newPayment.map { .int($0.id) } ?? .null, .int(id)])
            try audit.append(entity: CardAuditEntity.cardRefundEntity, entityId: id, action: .update,
                             summary: "Reembolso de \(Money(minorUnits: amount, c.amount.currency).formatted) del cobro \(c.orderKey) hecho "
                                + "(\(gatewayRefundId)): pago \(paymentId) revertido"
                                + (newPayment.map { ", nuevo pago \($0.id) de \($0.amount.formatted)" } ?? ""))
            return Self.decodeRefund(try db.queryOne("SELECT * FROM card_refund WHERE id = ?", [.int(id)])!, currency: c.amount.currency)
        }
    }
}
