import BytekModel
import Foundation

extension MessageOutbox {
    /// Marks the message handed to the provider (SMTP accepted it; WhatsApp answered with `providerId`, its wamid).
    /// False when the message had already moved on (a status report arrived first) or does not exist.
    @discardableResult
    public func markSent(id: Int64, providerId: String = "") throws -> Bool {
        try db.write {
            if !providerId.isEmpty {
                try db.execute("UPDATE customer_message SET provider_id = ? WHERE id = ? AND provider_id = ''",
                               [.text(providerId), .int(id)])
            }
            return try move(id: id, to: .enviado, error: "")
        }
    }

    @discardableResult
    public func markDelivered(id: Int64) throws -> Bool { try db.write { try move(id: id, to: .entregado, error: "") } }

    @discardableResult
    public func markRead(id: Int64) throws -> Bool { try db.write { try move(id: id, to: .leido, error: "") } }

    /// Marks the message failed for good with `reason`; a WhatsApp message with a fallback queues its e-mail (once).
    /// Returns the fallback e-mail's id when one was queued now.
    @discardableResult
    public func markFailed(id: Int64, reason: String) throws -> Int64? {
        try db.write {
            guard try move(id: id, to: .fallido, error: reason) else { return nil }
            return try queueFallback(of: id)
        }
    }

    /// Records a transient error on a message still pending (the job will try again).
    public func noteRetry(id: Int64, reason: String) throws {
        try db.write {
            try db.execute("UPDATE customer_message SET error = ? WHERE id = ? AND status = 'pendiente'", [.text(reason), .int(id)])
        }
    }

    /// What a status report did.
    public enum ReportOutcome: Sendable, Equatable {
        /// The message moved to the status (and `fallback` is the e-mail queued for a failure, if any).
        case applied(messageId: Int64, fallback: Int64?)
        /// The same (wamid, status) was already applied: nothing changed.
        case duplicate
        /// The report would move the message backwards (delivered after read): recorded, nothing changed.
        case ignored(messageId: Int64)
        /// No message has this wamid.
        case unknown
    }

    /// Applies one WhatsApp status report (webhook), deduplicated on (wamid, status), never moving backwards.
    public func applyReport(providerId: String, status: MessageStatus, reason: String = "") throws -> ReportOutcome {
        try db.write {
            guard let message = try message(providerId: providerId) else { return .unknown }
            try db.execute("INSERT OR IGNORE INTO message_status_report(provider_id, status, received_at) VALUES (?, ?, ?)",
                           [.text(providerId), .text(status.rawValue), .text(ISOTimestamp.format(now()))])
            if db.changes == 0 { return .duplicate }
            guard try move(id: message.id, to: status, error: reason) else { return .ignored(messageId: message.id) }
            let fallback = status == .fallido ? try queueFallback(of: message.id) : nil
            return .applied(messageId: message.id, fallback: fallback)
        }
    }

    /// Queues the fallback e-mail of a failed WhatsApp message, once (`fallback_of` is unique). Nil when the
    /// message has no fallback or already has its e-mail.
    @discardableResult
    public func queueFallback(of id: Int64) throws -> Int64? {
        try db.write {
            guard let m = try message(id: id), m.channel == .whatsapp, let fb = m.fallback,
                  try fallbackMessage(of: id) == nil else { return nil }
            return try queueEmail(customerId: m.customerId, purpose: m.purpose, reference: m.reference, to: fb.to,
                                  subject: fb.subject, body: fb.body, attachments: [], fallbackOf: id)
        }
    }

    /// Moves a message to `status` when `MessageStatus.canMove` allows it, stamping the time, with its audit entry.
    private func move(id: Int64, to status: MessageStatus, error: String) throws -> Bool {
        guard let m = try message(id: id) else { throw MessageOutboxError.notFound(id) }
        guard m.status.canMove(to: status) else { return false }
        let at = now()
        let column: String
        switch status {
        case .enviado: column = "sent_at"
        case .entregado: column = "delivered_at"
        case .leido: column = "read_at"
        case .fallido: column = "failed_at"
        case .pendiente: return false
        }
        try db.execute("UPDATE customer_message SET status = ?, error = ?, \(column) = ? WHERE id = ?",
                       [.text(status.rawValue), .text(error), .text(ISOTimestamp.format(at)), .int(id)])
        var summary = "Mensaje \(id) \(status.displayName.lowercased()): \(m.purpose.displayName) \(m.reference)"
        if !error.isEmpty { summary += " — \(error)" }
        try audit.append(entity: Self.auditEntity, entityId: id, action: .update, summary: summary,
                         before: ["estado": m.status.rawValue], after: ["estado": status.rawValue], at: at)
        return true
    }
}
