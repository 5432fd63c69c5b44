import BytekModel
import Foundation

/// The customer message outbox: every e-mail and WhatsApp message to a customer is a `customer_message` row
/// and one `mensaje.enviar` job (idempotency key `mensaje.enviar:<id>`), written together IN THE CALLER'S
/// TRANSACTION when there is one (a payment and its receipt commit together), else in one of their own,
/// with the audit entry (entity `mensaje`). The job sends it (Sources/BytekWeb/Mail/MessageSendJob.swift).
public struct MessageOutbox: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let auditEntity = "mensaje"
    /// The kind of the job that sends one message.
    public static let jobKind = "mensaje.enviar"
    /// Attempts of a sending job before the message is marked failed (transient errors, with the queue's backoff).
    public static let maxAttempts = 6

    public static func jobKey(_ messageId: Int64) -> String { "\(jobKind):\(messageId)" }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var queue: JobQueue {
        let now = self.now
        return JobQueue(db: db, clock: { Int64((now().timeIntervalSince1970 * 1000).rounded()) })
    }

    // MARK: queueing

    /// Queues an e-mail to `to` (at least one valid address) with its attachments, resolved when it is sent.
    @discardableResult
    public func queueEmail(customerId: Int64, purpose: MessagePurpose, reference: String, to: [String], subject: String,
                           body: String, attachments: [MessageAttachment] = []) throws -> Int64 {
        try queueEmail(customerId: customerId, purpose: purpose, reference: reference, to: to, subject: subject, body: body,
                       attachments: attachments, fallbackOf: nil)
    }

    func queueEmail(customerId: Int64, purpose: MessagePurpose, reference: String, to: [String], subject: String,
                    body: String, attachments: [MessageAttachment], fallbackOf: Int64?) throws -> Int64 {
        let recipients = try Self.emails(to)
        let subject = try Self.subject(subject)
        return try db.write {
            try insert(customerId: customerId, channel: .correo, purpose: purpose, reference: reference, recipients: recipients,
                       subject: subject, body: body, attachments: attachments, fallbackOf: fallbackOf)
        }
    }

    /// Queues a WhatsApp template message to one number; `fallback` is the e-mail sent instead (once) when
    /// WhatsApp refuses it or later reports it failed.
    @discardableResult
    public func queueWhatsApp(customerId: Int64, purpose: MessagePurpose, reference: String, to: String, template: String,
                              language: String, parameters: [String],
                              fallback: (to: [String], subject: String, body: String)?) throws -> Int64 {
        guard let number = MessageAddress.whatsappNumber(to) else { throw MessageOutboxError.badWhatsApp(to) }
        let template = template.trimmingCharacters(in: .whitespaces)
        guard !template.isEmpty else { throw MessageOutboxError.emptyTemplate }
        let language = language.trimmingCharacters(in: .whitespaces)
        guard (2...8).contains(language.count), language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) else {
            throw MessageOutboxError.badLanguage(language)
        }
        let fb = try fallback.map { CustomerMessage.Fallback(to: try Self.emails($0.to), subject: try Self.subject($0.subject), body: $0.body) }
        return try db.write {
            try insert(customerId: customerId, channel: .whatsapp, purpose: purpose, reference: reference, recipients: [number],
                       template: template, language: language, parameters: parameters, fallback: fb)
        }
    }

    static func emails(_ to: [String]) throws -> [String] {
        var out: [String] = []
        for raw in to {
            let e = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if e.isEmpty { continue }
            guard MessageAddress.isEmail(e) else { throw MessageOutboxError.badEmail(raw) }
            if !out.contains(e) { out.append(e) }
        }
        guard !out.isEmpty else { throw MessageOutboxError.noRecipients }
        return out
    }

    static func subject(_ text: String) throws -> String {
        let s = text.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { throw MessageOutboxError.emptySubject }
        guard !s.contains(where: { $0.isNewline }) else { throw MessageOutboxError.badSubject }
        return s
    }

    private func insert(customerId: Int64, channel: MessageChannel, purpose: MessagePurpose, reference: String,
                        recipients: [String], subject: String = "", body: String = "", template: String = "",
                        language: String = "", parameters: [String] = [], attachments: [MessageAttachment] = [],
                        fallback: CustomerMessage.Fallback? = nil, fallbackOf: Int64? = nil) throws -> Int64 {
        guard try db.queryOne("SELECT 1 FROM customer WHERE id = ?", [.int(customerId)]) != nil else {
            throw MessageOutboxError.customerNotFound(customerId)
        }
        let at = now()
        try db.execute(
            """
            INSERT INTO customer_message(customer_id, channel, purpose, reference, recipients, subject, body, template, language,
                parameters, attachments, fallback, fallback_of, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.int(customerId), .text(channel.rawValue), .text(purpose.rawValue), .text(reference),
             .text(try AuditLog.json(recipients)), .text(subject), .text(body), .text(template), .text(language),
             .text(try AuditLog.json(parameters)), .text(try AuditLog.json(attachments)),
             .text(try fallback.map { try AuditLog.json($0) } ?? ""), fallbackOf.map { .int($0) } ?? .null,
             .text(ISOTimestamp.format(at)), .text(user)])
        let id = db.lastInsertRowID
        try queue.enqueue(kind: Self.jobKind, payload: "{\"mensaje\":\(id)}", maxAttempts: Self.maxAttempts,
                          idempotencyKey: Self.jobKey(id))
        let what = channel == .correo ? "correo a \(recipients.joined(separator: ", "))" : "WhatsApp a \(recipients[0]) (\(template))"
        try audit.append(entity: Self.auditEntity, entityId: id, action: .create,
                         summary: "Mensaje \(id) en cola: \(purpose.displayName) \(reference), \(what)",
                         after: Snapshot(customerId: customerId, channel: channel.rawValue, purpose: purpose.rawValue,
                                         reference: reference, recipients: recipients, subject: subject, template: template,
                                         attachments: attachments.map { "\($0.kind):\($0.id)" }, fallbackOf: fallbackOf),
                         at: at)
        return id
    }

    struct Snapshot: Encodable {
        var customerId: Int64
        var channel: String
        var purpose: String
        var reference: String
        var recipients: [String]
        var subject: String
        var template: String
        var attachments: [String]
        var fallbackOf: Int64?
    }

    // MARK: reading

    static let columns = """
        id, customer_id, channel, purpose, reference, recipients, subject, body, template, language, parameters, attachments,
        fallback, fallback_of, status, error, provider_id, created_at, created_by, sent_at, delivered_at, read_at, failed_at
        """

    /// A customer's messages, newest first.
    public func messages(customerId: Int64, limit: Int = 100) throws -> [CustomerMessage] {
        try db.query("SELECT \(Self.columns) FROM customer_message WHERE customer_id = ? ORDER BY id DESC LIMIT ?",
                     [.int(customerId), .int(Int64(max(0, limit)))]).map(Self.decode)
    }

    public func message(id: Int64) throws -> CustomerMessage? {
        try db.queryOne("SELECT \(Self.columns) FROM customer_message WHERE id = ?", [.int(id)]).map(Self.decode)
    }

    /// The message WhatsApp knows by `providerId` (its wamid).
    public func message(providerId: String) throws -> CustomerMessage? {
        guard !providerId.isEmpty else { return nil }
        return try db.queryOne("SELECT \(Self.columns) FROM customer_message WHERE provider_id = ?", [.text(providerId)])
            .map(Self.decode)
    }

    /// The fallback e-mail queued for `messageId`, if any.
    public func fallbackMessage(of messageId: Int64) throws -> CustomerMessage? {
        try db.queryOne("SELECT \(Self.columns) FROM customer_message WHERE fallback_of = ?", [.int(messageId)]).map(Self.decode)
    }

    static func decode(_ row: Row) -> CustomerMessage {
        func list<T: Decodable>(_ name: String, _ type: T.Type) -> T? {
            let text = row.string(name)
            return text.isEmpty ? nil : try? JSONDecoder().decode(T.self, from: Data(text.utf8))
        }
        func date(_ name: String) -> Date? { ISOTimestamp.parse(row.string(name)) }
        return CustomerMessage(
            id: row.int("id"), customerId: row.int("customer_id"),
            channel: MessageChannel(rawValue: row.string("channel")) ?? .correo,
            purpose: MessagePurpose(rawValue: row.string("purpose")), reference: row.string("reference"),
            recipients: list("recipients", [String].self) ?? [], subject: row.string("subject"), body: row.string("body"),
            template: row.string("template"), language: row.string("language"),
            parameters: list("parameters", [String].self) ?? [],
            attachments: list("attachments", [MessageAttachment].self) ?? [],
            fallback: list("fallback", CustomerMessage.Fallback.self),
            fallbackOf: row["fallback_of"].intValue,
            status: MessageStatus(rawValue: row.string("status")) ?? .pendiente, error: row.string("error"),
            providerId: row.string("provider_id"), createdAt: date("created_at") ?? Date(timeIntervalSince1970: 0),
            createdBy: row.string("created_by"), sentAt: date("sent_at"), deliveredAt: date("delivered_at"),
            readAt: date("read_at"), failedAt: date("failed_at"))
    }
}
