import BytekModel
import Foundation

/// Customers' credit limits as the issuing and accepting services check them, and the overrides recorded
/// (inside the caller's transaction, with their audit entry).
public struct CreditOverrideRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "credit_override"

    /// A customer's id, name and credit limit, by id or by document number.
    public struct CustomerLimit: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var limit: Money
    }

    public func customer(id: Int64) throws -> CustomerLimit? {
        try db.queryOne("SELECT id, legal_name, credit_limit_cents, credit_currency FROM customer WHERE id = ?", [.int(id)])
            .map(Self.limit)
    }

    public func customer(docNumber: String) throws -> CustomerLimit? {
        try db.queryOne("SELECT id, legal_name, credit_limit_cents, credit_currency FROM customer WHERE doc_number = ? ORDER BY archived, id LIMIT 1",
                        [.text(docNumber)]).map(Self.limit)
    }

    static func limit(_ row: Row) -> CustomerLimit {
        CustomerLimit(id: row.int("id"), name: row.string("legal_name"),
                      limit: Money(minorUnits: row.int("credit_limit_cents"), Currency(rawValue: row.string("credit_currency")) ?? .pen))
    }

    /// What the customer owes on its open receivables, per currency (the ledger's own balance).
    public func openBalances(customerId: Int64) throws -> [Money] {
        try ReceivableRepository(db: db, user: user, now: now).balance(customerId: customerId)
            .sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
    }

    /// One override row.
    public struct Override: Sendable, Hashable, Codable {
        public var customerId: Int64
        public var documentId: Int64?
        public var quoteId: Int64?
        /// "F001-12" or "COT-2026-00001 v2".
        public var reference: String
        public var exposure: CreditExposure
        public var reason: String
        public var unattended: Bool

        public init(customerId: Int64, documentId: Int64?, quoteId: Int64?, reference: String, exposure: CreditExposure,
                    reason: String, unattended: Bool) {
            self.customerId = customerId; self.documentId = documentId; self.quoteId = quoteId; self.reference = reference
            self.exposure = exposure; self.reason = reason; self.unattended = unattended
        }
    }

    /// Records `o` with its audit entry (call inside the transaction of the issue or the acceptance).
    @discardableResult
    public func record(_ o: Override) throws -> Int64 {
        try db.write {
            try db.execute("""
                INSERT INTO credit_override(customer_id, e_document_id, quote_id, reference, limit_cents, open_cents, new_cents,
                    reason, unattended, user_login, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(o.customerId), o.documentId.map { .int($0) } ?? .null, o.quoteId.map { .int($0) } ?? .null,
                      .text(o.reference), .int(o.exposure.limit.minorUnits), .int(o.exposure.open.minorUnits),
                      .int(o.exposure.newAmount.minorUnits), .text(o.reason), .int(o.unattended ? 1 : 0), .text(user),
                      .text(ISOTimestamp.format(now()))])
            let id = db.lastInsertRowID
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: id, action: .create,
                summary: (o.unattended ? "Emitido sin supervisión sobre la línea de crédito: " : "Sobregiro autorizado: ")
                    + "\(o.reference), \(o.exposure.customerName), total \(o.exposure.total.formatted) / línea \(o.exposure.limit.formatted)"
                    + (o.reason.isEmpty ? "" : " — \(o.reason)"),
                after: o)
            return id
        }
    }

    /// Unattended documents over the limit not yet mailed to finanzas: (row id, line of the mail).
    public func unmailedUnattended() throws -> [(id: Int64, line: String)] {
        try db.query("SELECT * FROM credit_override WHERE unattended = 1 AND mailed_at = '' ORDER BY id").map { r in
            let total = Money(minorUnits: r.int("open_cents") + r.int("new_cents"), .pen)
            let limit = Money(minorUnits: r.int("limit_cents"), .pen)
            return (r.int("id"), "\(r.string("reference")): total \(total.formatted), línea \(limit.formatted)")
        }
    }

    public func markMailed(_ ids: [Int64]) throws {
        try db.write {
            for id in ids {
                try db.execute("UPDATE credit_override SET mailed_at = ? WHERE id = ?", [.text(ISOTimestamp.format(now())), .int(id)])
            }
        }
    }
}

extension CreditOverrideRepository {
    /// The setting holding the addresses of the e-mail about unattended documents over the limit.
    public static let recipientsSetting = "credito_aviso_correos"

    /// The addresses finanzas chose for the e-mail of unattended documents over the limit.
    public func alertRecipients() throws -> [String] {
        (try SettingsRepository(db: db).value(Self.recipientsSetting) ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Replaces them (already checked), with the audit entry of the change, in one transaction.
    public func setAlertRecipients(_ addresses: [String]) throws {
        try db.write {
            let before = try alertRecipients()
            try SettingsRepository(db: db).set(Self.recipientsSetting, addresses.joined(separator: ","))
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: nil, action: .update,
                summary: "Avisos de sobregiro a: " + (addresses.isEmpty ? "nadie" : addresses.joined(separator: ", ")),
                before: before, after: addresses)
        }
    }
}
