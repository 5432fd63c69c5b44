import BytekModel
import Foundation

extension CardRepository {
    /// An IPN as received, before it is acted on.
    public struct NotificationRecord: Sendable, Hashable {
        public var id: Int64
        public var duplicate: Bool
    }

    /// Records an IPN (every one, verified or not). `duplicate` when the same fields (by hash) were received before,
    /// or the same (order, transaction) was already processed: the caller then changes nothing.
    @discardableResult
    public func recordNotification(gateway: String, fieldsHash: String, verified: Bool, orderKey: String?, transactionId: String?,
                                   outcome: String) throws -> NotificationRecord {
        try db.write {
            var duplicate = try db.scalar("SELECT count(*) FROM gateway_notification WHERE fields_hash = ? AND verified = 1",
                                          [.text(fieldsHash)]).intValue ?? 0 > 0
            if !duplicate, verified, let orderKey, let transactionId {
                duplicate = try db.scalar("""
                    SELECT count(*) FROM gateway_notification WHERE order_key = ? AND transaction_id = ? AND processed = 1
                    """, [.text(orderKey), .text(transactionId)]).intValue ?? 0 > 0
            }
            let chargeId = try orderKey.flatMap { try db.scalar("SELECT id FROM card_charge WHERE order_key = ?", [.text($0)]).intValue }
            try db.execute("""
                INSERT INTO gateway_notification(gateway, fields_hash, verified, order_key, transaction_id, charge_id, outcome, processed,
                    received_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)
                """, [.text(gateway), .text(fieldsHash), .int(verified ? 1 : 0), orderKey.map { .text($0) } ?? .null,
                      transactionId.map { .text($0) } ?? .null, chargeId.map { .int($0) } ?? .null,
                      .text(duplicate ? "duplicado" : outcome), .text(stamp)])
            return NotificationRecord(id: db.lastInsertRowID, duplicate: duplicate)
        }
    }

    public func markNotificationProcessed(id: Int64, outcome: String) throws {
        try db.write {
            try db.execute("UPDATE gateway_notification SET processed = 1, outcome = ? WHERE id = ?", [.text(outcome), .int(id)])
        }
    }

    /// How many IPNs were received (all, verified, duplicates) — for tests and the report.
    public func notificationCounts() throws -> (all: Int, verified: Int, duplicates: Int) {
        let row = try db.queryOne("""
            SELECT count(*) AS a, ifnull(sum(verified), 0) AS v, ifnull(sum(outcome = 'duplicado'), 0) AS d FROM gateway_notification
            """)
        return (Int(row?.int("a") ?? 0), Int(row?.int("v") ?? 0), Int(row?.int("d") ?? 0))
    }
}

extension CardRepository {
    /// Flags a card about to expire, once: true the first time (the contact is then told), false afterwards.
    @discardableResult
    public func flagExpiring(cardId: Int64, on day: LocalDate) throws -> Bool {
        try db.write {
            try db.execute("INSERT OR IGNORE INTO card_expiry_notice(card_id, flagged_on) VALUES (?, ?)", [.int(cardId), .text(day.description)])
            guard db.changes > 0 else { return false }
            try audit.append(entity: CardAuditEntity.savedCardEntity, entityId: cardId, action: .update,
                             summary: "Tarjeta \(cardId) por vencer: se avisa al contacto")
            return true
        }
    }

    /// The cards flagged as about to expire (card id → day flagged).
    public func expiryFlags() throws -> [Int64: LocalDate] {
        var out: [Int64: LocalDate] = [:]
        try db.forEach("SELECT card_id, flagged_on FROM card_expiry_notice") { row in
            out[row.int("card_id")] = LocalDate(row.string("flagged_on"))
        }
        return out
    }
}

extension CardRepository {
    /// The audit entry of a run of the automatic charges (what it did, even when it charged nothing).
    public func recordRun(_ summary: String) throws {
        try db.write { _ = try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: nil, action: .update, summary: summary) }
    }
}
