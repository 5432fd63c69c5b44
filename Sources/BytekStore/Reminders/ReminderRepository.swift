import BytekModel
import Foundation

/// Reminder policies and levels, customers' reminder settings, and what was sent (`reminder_sent`). Every
/// write is one IMMEDIATE transaction with its audit entry; what is refused throws `ReminderPolicyError`
/// and leaves nothing written.
public struct ReminderRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public static let policyEntity = "reminder_policy"
    public static let customerEntity = "reminder_customer"
    public static let sentEntity = "reminder_sent"
    /// The portal's public address; the pay link is this + `/c/<customer id>/pagar`.
    public static let portalURLSetting = "portal_url"

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var stamp: String { ISOTimestamp.format(now()) }

    // MARK: policies

    /// Every policy with its levels (by offset), the default first.
    public func policies() throws -> [ReminderPolicy] {
        var levels: [Int64: [ReminderLevel]] = [:]
        try db.forEach("SELECT * FROM reminder_level WHERE removed = 0 ORDER BY policy_id, offset_days") { row in
            levels[row.int("policy_id"), default: []].append(Self.level(row))
        }
        return try db.query("SELECT id, name, grace_days, is_default FROM reminder_policy ORDER BY is_default DESC, name").map { row in
            ReminderPolicy(id: row.int("id"), name: row.string("name"), graceDays: Int(row.int("grace_days")),
                           isDefault: row.bool("is_default"), levels: levels[row.int("id")] ?? [])
        }
    }

    public func policy(id: Int64) throws -> ReminderPolicy? { try policies().first { $0.id == id } }

    public func policy(named name: String) throws -> ReminderPolicy? {
        let folded = TextFold.fold(name)
        return try policies().first { TextFold.fold($0.name) == folded }
    }

    static func level(_ row: Row) -> ReminderLevel {
        let channel: ReminderLevelChannel
        if row.string("channel") == "whatsapp" {
            channel = .whatsapp(WhatsAppReminderTemplate(
                name: row.string("wa_template"), language: row.string("wa_language"),
                parameters: row.string("wa_parameters").split(separator: ",").compactMap { ReminderPlaceholder(rawValue: String($0)) }))
        } else {
            channel = .email(EmailReminderTemplate(subject: row.string("subject"), body: row.string("body"),
                                                   copyTo: row.string("copy_to").split(separator: ",").map(String.init)))
        }
        return ReminderLevel(id: row.int("id"), offsetDays: Int(row.int("offset_days")), channel: channel)
    }

    /// Creates or updates a policy's name, grace days and whether it is the default (one default at a time).
    @discardableResult
    public func savePolicy(_ policy: ReminderPolicy) throws -> ReminderPolicy {
        var p = try policy.validated()
        return try db.write {
            let at = stamp
            if let other = try db.scalar("SELECT id FROM reminder_policy WHERE name = ? AND id IS NOT ?",
                                         [.text(p.name), p.id.map { .int($0) } ?? .null]).intValue, other != p.id {
                throw ReminderStoreError.duplicatePolicyName(p.name)
            }
            if p.isDefault { try db.execute("UPDATE reminder_policy SET is_default = 0 WHERE is_default = 1") }
            if let id = p.id {
                try db.execute("UPDATE reminder_policy SET name = ?, grace_days = ?, is_default = ?, updated_at = ? WHERE id = ?",
                               [.text(p.name), .int(Int64(p.graceDays)), .int(p.isDefault ? 1 : 0), .text(at), .int(id)])
                guard db.changes == 1 else { throw ReminderStoreError.policyNotFound }
                try audit.append(entity: Self.policyEntity, entityId: id, action: .update,
                                 summary: "Política de recordatorios \(p.name) (gracia \(p.graceDays) días)", at: now())
            } else {
                try db.execute("INSERT INTO reminder_policy(name, grace_days, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                               [.text(p.name), .int(Int64(p.graceDays)), .int(p.isDefault ? 1 : 0), .text(at), .text(at)])
                p.id = db.lastInsertRowID
                try audit.append(entity: Self.policyEntity, entityId: p.id, action: .create,
                                 summary: "Política de recordatorios \(p.name) creada", at: now())
            }
            return p
        }
    }

    /// Adds `level` to the policy, or changes the stored level with its id; checked against the policy's
    /// other levels (`ReminderPolicy.check`).
    @discardableResult
    public func saveLevel(_ level: ReminderLevel, policyId: Int64) throws -> ReminderLevel {
        try db.write {
            guard let policy = try policy(id: policyId) else { throw ReminderStoreError.policyNotFound }
            if let id = level.id, !policy.levels.contains(where: { $0.id == id }) { throw ReminderStoreError.levelNotFound }
            var l = try policy.check(level)
            var values: [SQLValue] = [.int(Int64(l.offsetDays))]
            switch l.channel {
            case .email(let t):
                values += [.text("correo"), .text(t.subject), .text(t.body), .text(t.copyTo.joined(separator: ",")), .text(""), .text(""), .text("")]
            case .whatsapp(let t):
                values += [.text("whatsapp"), .text(""), .text(""), .text(""), .text(t.name), .text(t.language),
                           .text(t.parameters.map(\.rawValue).joined(separator: ","))]
            }
            values.append(.text(stamp))
            let before = policy.levels.first { $0.id == l.id }
            if let id = l.id {
                try db.execute("""
                    UPDATE reminder_level SET offset_days = ?, channel = ?, subject = ?, body = ?, copy_to = ?, wa_template = ?,
                    wa_language = ?, wa_parameters = ?, updated_at = ? WHERE id = ?
                    """, values + [.int(id)])
            } else {
                try db.execute("""
                    INSERT INTO reminder_level(offset_days, channel, subject, body, copy_to, wa_template, wa_language, wa_parameters,
                    updated_at, policy_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, values + [.int(policyId)])
                l.id = db.lastInsertRowID
            }
            try audit.append(entity: Self.policyEntity, entityId: policyId, action: .update,
                             summary: "\(policy.name): nivel \(l.offsetText) por \(l.channel.name)", before: before, after: l, at: now())
            return l
        }
    }

    /// Takes a level out of its policy. One already sent is kept hidden, so the history still names it.
    public func removeLevel(id: Int64) throws {
        try db.write {
            guard let row = try db.queryOne("SELECT * FROM reminder_level WHERE id = ? AND removed = 0", [.int(id)]) else {
                throw ReminderStoreError.levelNotFound
            }
            let level = Self.level(row)
            let used = try db.scalar("SELECT count(*) FROM reminder_sent WHERE level_id = ?", [.int(id)]).intValue ?? 0
            if used > 0 {
                try db.execute("UPDATE reminder_level SET removed = 1, updated_at = ? WHERE id = ?", [.text(stamp), .int(id)])
            } else {
                try db.execute("DELETE FROM reminder_level WHERE id = ?", [.int(id)])
            }
            try audit.append(entity: Self.policyEntity, entityId: row.int("policy_id"), action: .update,
                             summary: "Nivel \(level.offsetText) quitado", before: level, at: now())
        }
    }

    // MARK: customers

    public func settings(customerId: Int64) throws -> ReminderCustomerSettings {
        try db.queryOne("SELECT * FROM reminder_customer WHERE customer_id = ?", [.int(customerId)]).map(Self.settings)
            ?? ReminderCustomerSettings(customerId: customerId)
    }

    /// Every customer with settings of its own.
    public func allSettings() throws -> [Int64: ReminderCustomerSettings] {
        var out: [Int64: ReminderCustomerSettings] = [:]
        try db.forEach("SELECT * FROM reminder_customer") { row in out[row.int("customer_id")] = Self.settings(row) }
        return out
    }

    static func settings(_ row: Row) -> ReminderCustomerSettings {
        ReminderCustomerSettings(
            customerId: row.int("customer_id"), policyId: row["policy_id"].intValue, paused: row.bool("paused"),
            pauseNote: row.string("pause_note"), promiseUntil: row.optionalString("promise_until").flatMap(LocalDate.init),
            promiseNote: row.string("promise_note"), disputed: row.bool("disputed"), disputeNote: row.string("dispute_note"),
            updatedBy: row.string("updated_by"), updatedAt: row.string("updated_at"))
    }

    /// Stores a customer's settings (`change` describes it for the audit log).
    @discardableResult
    public func saveSettings(_ s: ReminderCustomerSettings, change: String) throws -> ReminderCustomerSettings {
        for note in [s.pauseNote, s.promiseNote, s.disputeNote] where note.count > ReminderCustomerSettings.maxNote {
            throw ReminderPolicyError.noteTooLong
        }
        return try db.write {
            guard try db.scalar("SELECT count(*) FROM customer WHERE id = ?", [.int(s.customerId)]).intValue == 1 else {
                throw ReminderStoreError.customerNotFound
            }
            if let p = s.policyId, try db.scalar("SELECT count(*) FROM reminder_policy WHERE id = ?", [.int(p)]).intValue != 1 {
                throw ReminderStoreError.policyNotFound
            }
            let before = try settings(customerId: s.customerId)
            var after = s
            after.updatedBy = user
            after.updatedAt = stamp
            try db.execute("""
                INSERT INTO reminder_customer(customer_id, policy_id, paused, pause_note, promise_until, promise_note, disputed,
                dispute_note, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(customer_id) DO UPDATE SET policy_id = excluded.policy_id, paused = excluded.paused,
                pause_note = excluded.pause_note, promise_until = excluded.promise_until, promise_note = excluded.promise_note,
                disputed = excluded.disputed, dispute_note = excluded.dispute_note, updated_by = excluded.updated_by,
                updated_at = excluded.updated_at
                """, [.int(s.customerId), s.policyId.map { .int($0) } ?? .null, .int(s.paused ? 1 : 0), .text(s.pauseNote),
                      s.promiseUntil.map { .text($0.description) } ?? .null, .text(s.promiseNote), .int(s.disputed ? 1 : 0),
                      .text(s.disputeNote), .text(after.updatedBy), .text(after.updatedAt)])
            try audit.append(entity: Self.customerEntity, entityId: s.customerId, action: .update, summary: change,
                             before: before, after: after, at: now())
            return after
        }
    }

    // MARK: what goes out

    /// The open neto receivables that a level may reach by `today` (due at most 60 days ahead), of one
    /// customer or all, by customer then due date.
    public func candidates(on today: LocalDate, customerId: Int64? = nil) throws -> [Receivable] {
        var sql = "SELECT \(ReceivableRepository.selectColumns) FROM receivable r WHERE r.is_open = 1 AND r.part = 'neto' "
            + "AND r.customer_id IS NOT NULL AND r.due_date <= ?"
        var args: [SQLValue] = [.text(today.adding(days: -ReminderLevel.offsetRange.lowerBound).description)]
        if let customerId { sql += " AND r.customer_id = ?"; args.append(.int(customerId)) }
        return try db.query(sql + " ORDER BY r.customer_id, r.due_date, r.id", args).map(ReceivableRepository.decode)
    }

    /// The (receivable, level) pairs already sent, of one customer or all.
    public func sentKeys(customerId: Int64? = nil) throws -> Set<ReminderSentKey> {
        var out: Set<ReminderSentKey> = []
        let filter = customerId == nil ? "" : " WHERE customer_id = ?"
        try db.forEach("SELECT receivable_id, level_id FROM reminder_sent" + filter, customerId.map { [.int($0)] } ?? []) { row in
            out.insert(ReminderSentKey(receivableId: row.int("receivable_id"), levelId: row.int("level_id")))
        }
        return out
    }

    /// Records a batch as sent, in the caller's transaction: one row per receivable (UNIQUE with its level:
    /// a second insert throws and rolls the whole batch back) and one audit entry.
    public func recordSent(_ batch: ReminderBatch, messageId: Int64, channel: String, recipient: String, on day: LocalDate) throws {
        guard let levelId = batch.level.id else { throw ReminderStoreError.levelNotFound }
        for r in batch.receivables {
            try db.execute("""
                INSERT INTO reminder_sent(receivable_id, level_id, customer_id, message_id, channel, recipient, sent_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(r.id), .int(levelId), .int(batch.customerId), .int(messageId), .text(channel), .text(recipient),
                      .text(day.description), .text(stamp)])
        }
        try audit.append(entity: Self.sentEntity, entityId: batch.customerId, action: .create,
                         summary: "Recordatorio \(batch.level.offsetText) por \(channel) a \(recipient): "
                             + batch.receivables.map(\.documentID).joined(separator: ", "), at: now())
    }

    /// A customer's reminders, newest first: one entry per message (its documents together).
    public func history(customerId: Int64, limit: Int = 200) throws -> [ReminderHistoryEntry] {
        var out: [ReminderHistoryEntry] = []
        try db.forEach("""
            SELECT s.message_id AS message_id, min(s.id) AS id, s.sent_on AS sent_on, s.channel AS channel, s.recipient AS recipient,
                   l.offset_days AS offset_days, group_concat(r.document_ref, ', ') AS documents
            FROM reminder_sent s JOIN reminder_level l ON l.id = s.level_id JOIN receivable r ON r.id = s.receivable_id
            WHERE s.customer_id = ? GROUP BY s.message_id, s.level_id ORDER BY s.sent_on DESC, min(s.id) DESC LIMIT ?
            """, [.int(customerId), .int(Int64(limit))]) { row in
            out.append(ReminderHistoryEntry(
                messageId: row["message_id"].intValue, sentOn: LocalDate(row.string("sent_on")) ?? LocalDate(daysSinceEpoch: 0),
                offsetDays: Int(row.int("offset_days")), channel: row.string("channel"), recipient: row.string("recipient"),
                documents: row.string("documents"), status: ""))
        }
        return out
    }

    /// The pay link of a customer ("" when `portal_url` is not set).
    public func payLink(customerId: Int64) throws -> String {
        guard let base = try SettingsRepository(db: db).value(Self.portalURLSetting)?.trimmingCharacters(in: .whitespaces),
              !base.isEmpty else { return "" }
        return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/c/\(customerId)/pagar"
    }
}

/// One reminder message sent to a customer, as the history lists it.
public struct ReminderHistoryEntry: Sendable, Hashable {
    public var messageId: Int64?
    public var sentOn: LocalDate
    public var offsetDays: Int
    public var channel: String
    public var recipient: String
    public var documents: String
    /// The message's status (pendiente, enviado, entregado, leido, fallido) from the outbox.
    public var status: String
}

/// What the store refuses about reminders beyond the policy's own rules.
public enum ReminderStoreError: Error, Sendable, Equatable {
    case policyNotFound, levelNotFound, customerNotFound
    case duplicatePolicyName(String)
    case invalidPortalURL(String)

    public var message: String {
        switch self {
        case .policyNotFound: return "Política: no existe esa política de recordatorios."
        case .levelNotFound: return "Nivel: no existe ese nivel en la política."
        case .customerNotFound: return "Cliente: no existe ese cliente."
        case .duplicatePolicyName(let n): return "Nombre: ya hay una política llamada «\(n)»."
        case .invalidPortalURL(let u):
            return "Dirección del portal: «\(u.prefix(60))» no vale; escriba la dirección pública completa (p. ej. https://portal.bytek.pe)."
        }
    }
}
