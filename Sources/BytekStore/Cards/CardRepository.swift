import BytekModel
import Foundation

/// The audit entities of the charge engine.
public enum CardAuditEntity {
    public static let savedCardEntity = "saved_card"
    public static let cardAutopayEntity = "card_autopay"
    public static let cardChargeEntity = "card_charge"
    public static let cardRefundEntity = "card_refund"
    public static let cardPayoutEntity = "card_payout"
}

/// Cards on file and their charges: saved cards, autopay, one row per charge attempt (stored before the
/// gateway is called), IPNs received, refunds and payouts. Every write is one IMMEDIATE transaction with its
/// audit entry; a charge that succeeds records its payment through the receivables ledger in the same one.
public struct CardRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var stamp: String { ISOTimestamp.format(now()) }
    var ledger: ReceivableRepository {
        var r = ReceivableRepository(db: db, user: user, now: now)
        r.door = door
        return r
    }

    // MARK: saved cards

    static func decodeCard(_ row: Row) -> SavedCard {
        SavedCard(id: row.int("id"), customerId: row.int("customer_id"), gateway: row.string("gateway"), token: row.string("token"),
                  brand: row.string("brand"), maskedNumber: row.string("masked_number"), last4: row.string("last4"),
                  expiryMonth: Int(row.int("expiry_month")), expiryYear: Int(row.int("expiry_year")),
                  holderEmail: row.string("holder_email"), savedByAccountId: row["saved_by_account_id"].intValue,
                  savedBy: row.string("saved_by"), createdAt: row.string("created_at"), removedAt: row.optionalString("removed_at"))
    }

    public func card(id: Int64) throws -> SavedCard? {
        try db.queryOne("SELECT * FROM saved_card WHERE id = ?", [.int(id)]).map(Self.decodeCard)
    }

    /// A customer's saved cards, newest first (removed ones only when asked).
    public func cards(customerId: Int64, includeRemoved: Bool = false) throws -> [SavedCard] {
        try db.query("SELECT * FROM saved_card WHERE customer_id = ? \(includeRemoved ? "" : "AND removed_at IS NULL") ORDER BY id DESC",
                     [.int(customerId)]).map(Self.decodeCard)
    }

    /// Every card still saved (for the expiry flags).
    public func activeCards() throws -> [SavedCard] {
        try db.query("SELECT * FROM saved_card WHERE removed_at IS NULL ORDER BY id").map(Self.decodeCard)
    }

    /// Stores a card the gateway saved; the same token twice returns the card already stored.
    @discardableResult
    public func saveCard(customerId: Int64, gateway: String, token: String, brand: String, maskedNumber: String,
                         expiryMonth: Int, expiryYear: Int, holderEmail: String, accountId: Int64?) throws -> SavedCard {
        try db.write {
            if let existing = try db.queryOne("SELECT * FROM saved_card WHERE gateway = ? AND token = ?", [.text(gateway), .text(token)]) {
                return Self.decodeCard(existing)
            }
            guard try db.queryOne("SELECT id FROM customer WHERE id = ?", [.int(customerId)]) != nil else { throw CardError.customerNotFound }
            try db.execute("""
                INSERT INTO saved_card(customer_id, gateway, token, brand, masked_number, last4, expiry_month, expiry_year, holder_email,
                    saved_by_account_id, saved_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(customerId), .text(gateway), .text(token), .text(brand), .text(maskedNumber), .text(String(maskedNumber.suffix(4))),
                      .int(Int64(expiryMonth)), .int(Int64(expiryYear)), .text(holderEmail), accountId.map { .int($0) } ?? .null,
                      .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            guard let card = try card(id: id) else { throw CardError.cardNotFound(id) }
            try audit.append(entity: CardAuditEntity.savedCardEntity, entityId: id, action: .create,
                             summary: "Tarjeta guardada (\(gateway)): \(card.label)", after: card)
            return card
        }
    }

    /// Marks a card removed (never deleted); autopay on it is turned off in the same transaction.
    @discardableResult
    public func removeCard(id: Int64) throws -> SavedCard {
        try db.write {
            guard let before = try card(id: id) else { throw CardError.cardNotFound(id) }
            guard !before.isRemoved else { return before }
            try db.execute("UPDATE saved_card SET removed_at = ?, removed_by = ? WHERE id = ?", [.text(stamp), .text(user), .int(id)])
            try db.execute("UPDATE card_autopay SET enabled = 0, card_id = NULL, updated_by = ?, updated_at = ? WHERE card_id = ?",
                           [.text(user), .text(stamp), .int(id)])
            guard let after = try card(id: id) else { throw CardError.cardNotFound(id) }
            try audit.append(entity: CardAuditEntity.savedCardEntity, entityId: id, action: .archive,
                             summary: "Tarjeta quitada: \(before.label)", before: before, after: after)
            return after
        }
    }

    // MARK: autopay

    public struct Autopay: Sendable, Hashable, Codable {
        public var customerId: Int64
        public var cardId: Int64?
        public var enabled: Bool
    }

    public func autopay(customerId: Int64) throws -> Autopay {
        guard let row = try db.queryOne("SELECT * FROM card_autopay WHERE customer_id = ?", [.int(customerId)]) else {
            return Autopay(customerId: customerId, cardId: nil, enabled: false)
        }
        return Autopay(customerId: customerId, cardId: row["card_id"].intValue, enabled: row.bool("enabled"))
    }

    /// Customers with autopay on and a card still saved.
    public func autopayCustomers() throws -> [Autopay] {
        try db.query("""
            SELECT a.customer_id, a.card_id FROM card_autopay a JOIN saved_card c ON c.id = a.card_id
            WHERE a.enabled = 1 AND c.removed_at IS NULL ORDER BY a.customer_id
            """).map { Autopay(customerId: $0.int("customer_id"), cardId: $0["card_id"].intValue, enabled: true) }
    }

    @discardableResult
    public func setAutopay(customerId: Int64, cardId: Int64?, enabled: Bool) throws -> Autopay {
        try db.write {
            if let cardId {
                guard let card = try card(id: cardId) else { throw CardError.cardNotFound(cardId) }
                guard card.customerId == customerId else { throw CardError.cardOfOtherCustomer }
                guard !card.isRemoved else { throw CardError.cardRemoved(card.label) }
            } else if enabled {
                throw CardError.noCard
            }
            let before = try autopay(customerId: customerId)
            try db.execute("""
                INSERT INTO card_autopay(customer_id, card_id, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(customer_id) DO UPDATE SET card_id = excluded.card_id, enabled = excluded.enabled,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, [.int(customerId), cardId.map { .int($0) } ?? .null, .int(enabled ? 1 : 0), .text(user), .text(stamp)])
            let after = try autopay(customerId: customerId)
            try audit.append(entity: CardAuditEntity.cardAutopayEntity, entityId: customerId, action: .update,
                             summary: enabled ? "Cobro automático activado con la tarjeta \(cardId ?? 0)" : "Cobro automático desactivado",
                             before: before, after: after)
            return after
        }
    }

    // MARK: settings

    /// The bank account that stands for `gateway` in `currency` (where its payments are recorded).
    public func gatewayAccount(_ gateway: String, currency: Currency) throws -> Int64? {
        try SettingsRepository(db: db).value(Self.accountKey(gateway, currency)).flatMap { Int64($0) }
    }

    public static func accountKey(_ gateway: String, _ currency: Currency) -> String { "cobros.cuenta.\(gateway).\(currency.rawValue)" }
    public static let retryKey = "cobros.reintentos"

    public func setGatewayAccount(_ gateway: String, currency: Currency, bankAccountId: Int64) throws {
        try db.write {
            guard let a = try ledger.bankAccount(id: bankAccountId) else { throw ReceivableError.bankAccountNotFound(bankAccountId) }
            guard a.currency == currency else { throw CardError.gatewayAccountCurrency(gateway: gateway, currency: currency) }
            try SettingsRepository(db: db).set(Self.accountKey(gateway, currency), String(bankAccountId))
            try audit.append(entity: ReceivableAuditEntity.ledgerBankAccount, entityId: bankAccountId, action: .update,
                             summary: "Cuenta de la pasarela \(gateway) en \(currency.rawValue): \(a.label)")
        }
    }

    public func retrySchedule() throws -> RetrySchedule {
        try SettingsRepository(db: db).value(Self.retryKey).flatMap { RetrySchedule(text: $0) } ?? .standard
    }

    public func setRetrySchedule(_ schedule: RetrySchedule) throws {
        try db.write {
            try SettingsRepository(db: db).set(Self.retryKey, schedule.text)
            try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: nil, action: .update,
                             summary: "Días de reintento de los cobros automáticos: \(schedule.text)")
        }
    }
}
