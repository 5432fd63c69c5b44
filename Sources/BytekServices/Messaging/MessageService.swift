import BytekModel
import BytekStore
import Foundation

/// The customer message outbox for an actor: a customer's messages, a quote or an accepted document e-mailed
/// to the customer, each customer's preference for its documents, and — for the worker — what the sending job
/// needs (attachments as bytes, the outcome recorded, WhatsApp's status reports applied).
/// Modules that send messages inside their own transaction (receipts, reminders) use `MessageOutbox` directly.
public struct MessageService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var outbox: MessageOutbox {
        var o = MessageOutbox(db: services.db, user: actor.auditName, now: services.now)
        o.door = actor.door
        return o
    }

    var mailing: DocumentMailing {
        var m = DocumentMailing(db: services.db, user: actor.auditName, now: services.now)
        m.door = actor.door
        return m
    }

    // MARK: reading

    /// The customer's messages, newest first.
    public func messages(customerId: Int64, limit: Int = 200) throws -> [CustomerMessage] {
        try actor.authorize(.messageView, customer: customerId)
        return try outbox.messages(customerId: customerId, limit: limit)
    }

    public func message(id: Int64) throws -> CustomerMessage {
        try actor.authorize(.messageView)
        guard let m = try outbox.message(id: id) else { throw ServiceError.notFound }
        try actor.authorize(.messageView, customer: m.customerId)
        return m
    }

    /// The customer with this document number (RUC, DNI…) and its name.
    public func customer(docNumber: String) throws -> (id: Int64, name: String)? {
        try actor.authorize(.messageView)
        guard let row = try services.db.queryOne(
            "SELECT id, legal_name FROM customer WHERE doc_number = ? ORDER BY archived, id LIMIT 1",
            [.text(docNumber.trimmingCharacters(in: .whitespaces))]) else { return nil }
        return (row.int("id"), row.string("legal_name"))
    }

    // MARK: quotes

    /// The addresses a quote's PDF goes to by default (prefilled, editable): the customer's contacts with an
    /// e-mail, else the customer's own e-mail.
    public func quoteRecipients(quoteId: Int64) throws -> [String] {
        try actor.authorize(.messageSend)
        let (_, customer) = try quoteAndCustomer(quoteId)
        let rows = try services.db.query("SELECT email FROM customer_contact WHERE customer_id = ? AND email <> '' ORDER BY id",
                                         [.int(customer)])
        var emails = rows.map { $0.string("email").trimmingCharacters(in: .whitespaces).lowercased() }.filter(MessageAddress.isEmail)
        if emails.isEmpty, let own = try services.db.queryOne("SELECT email FROM customer WHERE id = ?", [.int(customer)])?
            .string("email").trimmingCharacters(in: .whitespaces).lowercased(), MessageAddress.isEmail(own) {
            emails = [own]
        }
        var seen = Set<String>()
        return emails.filter { seen.insert($0).inserted }
    }

    /// Queues the e-mail of quote version `quoteId`'s PDF to `to` (default `quoteRecipients`); returns the message id.
    @discardableResult
    public func sendQuote(quoteId: Int64, to: [String]? = nil) throws -> Int64 {
        try actor.authorize(.messageSend)
        let (quote, customer) = try quoteAndCustomer(quoteId)
        let recipients = try to ?? quoteRecipients(quoteId: quoteId)
        let company = try CompanyProfileRepository(db: services.db, user: actor.auditName).load().legalName
        let from = company.isEmpty ? "BYTEK" : company
        let reference = "\(quote.number) v\(quote.version)"
        return try outbox.queueEmail(
            customerId: customer, purpose: .cotizacion, reference: reference, to: recipients,
            subject: "Cotización \(reference) — \(from)",
            body: """
            Estimado cliente:

            Le enviamos nuestra cotización \(reference) en el archivo adjunto (PDF). Quedamos atentos a sus comentarios.

            Atentamente,
            \(quote.owner.isEmpty ? from : quote.owner + "\n" + from)
            """,
            attachments: [.quotePDF(quoteId)])
    }

    private func quoteAndCustomer(_ quoteId: Int64) throws -> (Quote, Int64) {
        guard let quote = try QuoteRepository(db: services.db, user: actor.auditName).get(quoteId),
              let customer = quote.content.customerId else { throw ServiceError.notFound }
        return (quote, customer)
    }

    // MARK: documents

    /// Queues the e-mail of accepted document `documentId` ("F001-12") with its PDF, XML and CDR to `to` (default:
    /// the customer's preference); returns the message id.
    @discardableResult
    public func sendDocument(documentID: String, to: [String]? = nil) throws -> Int64 {
        try actor.authorize(.documentSend)
        let repo = EDocumentRepository(db: services.db, user: actor.auditName, now: services.now)
        guard let record = try repo.record(documentID: documentID.uppercased()) else { throw ServiceError.notFound }
        guard record.status == .aceptado || record.status == .observado else {
            throw MessageServiceError.notAccepted(record.documentID, record.status.rawValue)
        }
        guard let id = try mailing.queueDocument(id: record.id, to: to) else {
            throw MessageServiceError.noRecipients(record.documentID)
        }
        return id
    }

    public func documentMailPreference(customerId: Int64) throws -> DocumentMailPreference {
        try actor.authorize(.messageView, customer: customerId)
        return try mailing.preference(customerId: customerId)
    }

    /// Who gets the customer's documents now (the preference's addresses, else its billing contacts).
    public func documentRecipients(customerId: Int64) throws -> [String] {
        try actor.authorize(.messageView, customer: customerId)
        return try mailing.recipients(customerId: customerId)
    }

    public func setDocumentMailPreference(customerId: Int64, _ preference: DocumentMailPreference) throws {
        try actor.authorize(.documentSend)
        try mailing.save(customerId: customerId, preference)
    }
}

/// Why a message could not be queued (besides the outbox's own checks).
public enum MessageServiceError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case notAccepted(String, String)
    case noRecipients(String)

    public var description: String {
        switch self {
        case .notAccepted(let doc, let status): return "\(doc) no está aceptado por SUNAT (estado: \(status)); solo se envían comprobantes aceptados."
        case .noRecipients(let doc): return "\(doc): el cliente no tiene correos de facturación; indíquelos con --a o en sus contactos."
        }
    }
    public var errorDescription: String? { description }
}

extension Services {
    public var messages: MessageService { MessageService(services: self) }
}
