import Foundation

/// One message to a customer (an e-mail or a WhatsApp template), as the outbox keeps it: what was asked,
/// where it is, and what the provider said.
public struct CustomerMessage: Sendable, Hashable, Codable {
    /// The e-mail sent in place of a WhatsApp message that could not be delivered.
    public struct Fallback: Sendable, Hashable, Codable {
        public var to: [String]
        public var subject: String
        public var body: String
        public init(to: [String], subject: String, body: String) { self.to = to; self.subject = subject; self.body = body }
    }

    public var id: Int64
    public var customerId: Int64
    public var channel: MessageChannel
    public var purpose: MessagePurpose
    /// What the message is about: "F001-123", "COT-2026-00001 v2", a reminder level…
    public var reference: String
    /// E-mail addresses, or the one WhatsApp number.
    public var recipients: [String]
    public var subject: String
    public var body: String
    /// WhatsApp: the approved template's name, its language and its ordered body parameters.
    public var template: String
    public var language: String
    public var parameters: [String]
    public var attachments: [MessageAttachment]
    public var fallback: Fallback?
    /// The message this e-mail replaces (a failed WhatsApp one).
    public var fallbackOf: Int64?
    public var status: MessageStatus
    /// Why it failed (or the last transient error while still pending).
    public var error: String
    /// The provider's id (WhatsApp's wamid).
    public var providerId: String
    public var createdAt: Date
    public var createdBy: String
    public var sentAt: Date?
    public var deliveredAt: Date?
    public var readAt: Date?
    public var failedAt: Date?

    public init(id: Int64, customerId: Int64, channel: MessageChannel, purpose: MessagePurpose, reference: String,
                recipients: [String], subject: String = "", body: String = "", template: String = "", language: String = "",
                parameters: [String] = [], attachments: [MessageAttachment] = [], fallback: Fallback? = nil,
                fallbackOf: Int64? = nil, status: MessageStatus = .pendiente, error: String = "", providerId: String = "",
                createdAt: Date, createdBy: String, sentAt: Date? = nil, deliveredAt: Date? = nil, readAt: Date? = nil,
                failedAt: Date? = nil) {
        self.id = id; self.customerId = customerId; self.channel = channel; self.purpose = purpose; self.reference = reference
        self.recipients = recipients; self.subject = subject; self.body = body; self.template = template
        self.language = language; self.parameters = parameters; self.attachments = attachments; self.fallback = fallback
        self.fallbackOf = fallbackOf; self.status = status; self.error = error; self.providerId = providerId
        self.createdAt = createdAt; self.createdBy = createdBy; self.sentAt = sentAt; self.deliveredAt = deliveredAt
        self.readAt = readAt; self.failedAt = failedAt
    }

    /// One line for lists: "WhatsApp a 51987654321" / "Correo a a@b.pe, c@d.pe".
    public var recipientText: String { recipients.joined(separator: ", ") }
}
