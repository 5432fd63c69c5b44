import BytekModel
import Foundation

/// Accepted documents e-mailed to the customer: each customer's preference (`customer_document_mail`), and the
/// message queued when SUNAT accepts a document (`EDocumentRepository.recordAnswer`, in its transaction).
public struct DocumentMailing: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    var outbox: MessageOutbox { var o = MessageOutbox(db: db, user: user, now: now); o.door = door; return o }

    /// The customer's preference (the default one when it never set one).
    public func preference(customerId: Int64) throws -> DocumentMailPreference {
        guard let row = try db.queryOne(
            "SELECT enabled, recipients, attach_pdf, attach_xml, attach_cdr FROM customer_document_mail WHERE customer_id = ?",
            [.int(customerId)]) else { return DocumentMailPreference() }
        let recipients = row.string("recipients").split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
        return DocumentMailPreference(enabled: row.bool("enabled"), recipients: recipients, attachPDF: row.bool("attach_pdf"),
                                      attachXML: row.bool("attach_xml"), attachCDR: row.bool("attach_cdr"))
    }

    /// Saves the preference (addresses checked), with its audit entry.
    public func save(customerId: Int64, _ value: DocumentMailPreference) throws {
        var p = value
        p.recipients = p.recipients.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) ? []
            : try MessageOutbox.emails(p.recipients)
        try db.write {
            guard try db.queryOne("SELECT 1 FROM customer WHERE id = ?", [.int(customerId)]) != nil else {
                throw MessageOutboxError.customerNotFound(customerId)
            }
            let before = try self.preference(customerId: customerId)
            let at = now()
            try db.execute(
                """
                INSERT INTO customer_document_mail(customer_id, enabled, recipients, attach_pdf, attach_xml, attach_cdr, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(customer_id) DO UPDATE SET enabled = excluded.enabled, recipients = excluded.recipients,
                    attach_pdf = excluded.attach_pdf, attach_xml = excluded.attach_xml, attach_cdr = excluded.attach_cdr,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """,
                [.int(customerId), .int(p.enabled ? 1 : 0), .text(p.recipients.joined(separator: ",")), .int(p.attachPDF ? 1 : 0),
                 .int(p.attachXML ? 1 : 0), .int(p.attachCDR ? 1 : 0), .text(ISOTimestamp.format(at)), .text(user)])
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: MessageOutbox.auditEntity, entityId: nil, action: .update,
                summary: "Envío de comprobantes del cliente \(customerId): \(p.enabled ? "activo" : "desactivado")",
                before: before, after: p, at: at)
        }
    }

    /// Who gets the documents of `customerId`: the preference's addresses, else its billing contacts.
    public func recipients(customerId: Int64) throws -> [String] {
        let p = try preference(customerId: customerId)
        if !p.recipients.isEmpty { return p.recipients }
        let contacts = try db.query("SELECT role, email FROM customer_contact WHERE customer_id = ? ORDER BY id", [.int(customerId)])
            .map { (role: $0.string("role"), email: $0.string("email").trimmingCharacters(in: .whitespaces).lowercased()) }
        let email = try db.queryOne("SELECT email FROM customer WHERE id = ?", [.int(customerId)])?.string("email") ?? ""
        return DocumentMailPreference.billingEmails(contacts: contacts, customerEmail: email.trimmingCharacters(in: .whitespaces))
            .filter(MessageAddress.isEmail)
    }

    /// The customer a document was issued to (by its document number), nil for none (boletas sin DNI).
    public func customerId(documentId: Int64) throws -> Int64? {
        guard let number = try db.queryOne("SELECT customer_doc_number FROM e_document WHERE id = ?", [.int(documentId)])?
            .string("customer_doc_number"), !number.isEmpty, number != "-" else { return nil }
        return try db.queryOne("SELECT id FROM customer WHERE doc_number = ? ORDER BY archived, id LIMIT 1", [.text(number)])?.int("id")
    }

    /// Queues the e-mail of an accepted document to its customer: `to` when given, else as the customer's
    /// preference says (nil, nothing queued, when it is off or no address is known — unless `to` is given).
    @discardableResult
    public func queueDocument(id: Int64, to: [String]? = nil) throws -> Int64? {
        try db.write {
            guard let customer = try customerId(documentId: id),
                  let row = try db.queryOne("SELECT series, number, kind FROM e_document WHERE id = ?", [.int(id)]) else { return nil }
            let preference = try preference(customerId: customer)
            if to == nil && !preference.enabled { return nil }
            let recipients = try to ?? recipients(customerId: customer)
            if recipients.isEmpty { return nil }
            let reference = row.string("series") + "-" + String(row.int("number"))
            let company = try db.queryOne("SELECT value FROM setting WHERE key = 'company.legal_name'")?.string("value") ?? ""
            let subject = "Comprobante electrónico \(reference)" + (company.isEmpty ? "" : " — \(company)")
            var attachments = to == nil ? preference.attachments(documentId: id) : DocumentMailPreference().attachments(documentId: id)
            // A boleta informed in a resumen diario has no CDR of its own (the resumen's is not the customer's).
            if try db.queryOne("SELECT 1 FROM e_document WHERE id = ? AND cdr_zip IS NOT NULL", [.int(id)]) == nil {
                attachments.removeAll { $0 == .invoiceCDR(id) }
            }
            let names = attachments.map { a -> String in
                switch a {
                case .invoiceXML: return "el XML firmado"
                case .invoiceCDR: return "la constancia de recepción de SUNAT (CDR)"
                default: return "su representación impresa (PDF)"
                }
            }
            let listed = names.count > 1 ? names.dropLast().joined(separator: ", ") + " y " + names[names.count - 1] : names.first ?? ""
            let body = """
            Estimado cliente:

            Le enviamos su comprobante electrónico \(reference), aceptado por SUNAT.\(listed.isEmpty ? "" : " Adjuntamos " + listed + ".")

            Atentamente,
            \(company.isEmpty ? "BYTEK" : company)
            """
            return try outbox.queueEmail(customerId: customer, purpose: .comprobante, reference: reference, to: recipients,
                                         subject: subject, body: body, attachments: attachments)
        }
    }

    /// Called by `recordAnswer` when SUNAT accepts a document: queues its e-mail when the customer wants it.
    /// A bad address in a contact never stops recording SUNAT's answer: the document is simply not mailed.
    static func documentAccepted(db: Database, documentId: Int64, user: String, door: Door?, now: Date) throws {
        var mailing = DocumentMailing(db: db, user: user, now: { now })
        mailing.door = door
        do { _ = try mailing.queueDocument(id: documentId) } catch is MessageOutboxError { return }
    }
}
