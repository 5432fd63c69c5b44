import BytekDocuments
import BytekModel
import BytekStore
import Foundation

// What the sending job and the WhatsApp webhook do through the operations layer (operation `mensajes.despachar`).
extension MessageService {
    /// The message to send, nil when it is no longer pending (sent, failed, or gone).
    public func pendingMessage(id: Int64) throws -> CustomerMessage? {
        try actor.authorize(.messageDeliver)
        guard let m = try outbox.message(id: id), m.status == .pendiente else { return nil }
        return m
    }

    /// The message's attachments as bytes: the invoice PDF as printed, its signed XML and SUNAT's CDR as stored,
    /// the quote PDF, the estado de cuenta PDF (the last 12 months).
    public func files(for message: CustomerMessage) throws -> [MessageFile] {
        try actor.authorize(.messageDeliver)
        let folder = NSTemporaryDirectory() + "bytek-adjuntos-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let invoices = services.invoices
        return try message.attachments.map { attachment -> MessageFile in
            switch attachment {
            case .invoicePDF(let id), .invoiceXML(let id), .invoiceCDR(let id):
                guard let record = try invoices.repository.record(id: id) else { throw MessageDeliveryError.missing(attachment) }
                switch attachment {
                case .invoicePDF:
                    let path = try invoices.renderPDF(record: record, format: .a4, to: folder + "/\(record.documentID).pdf")
                    return MessageFile(filename: "\(record.fileName).pdf", mediaType: "application/pdf", bytes: try read(path))
                case .invoiceXML:
                    guard let xml = try invoices.repository.signedXML(id: id) else { throw MessageDeliveryError.missing(attachment) }
                    return MessageFile(filename: "\(record.fileName).xml", mediaType: "application/xml", bytes: Array(xml))
                default:
                    guard let cdr = try invoices.repository.cdrZip(id: id) else { throw MessageDeliveryError.missing(attachment) }
                    return MessageFile(filename: "R-\(record.fileName).zip", mediaType: "application/zip", bytes: Array(cdr))
                }
            case .quotePDF(let id):
                guard let quote = try QuoteRepository(db: services.db, user: actor.auditName).get(id) else {
                    throw MessageDeliveryError.missing(attachment)
                }
                let path = try QuoteRendering.renderQuote(quote, store: services.store,
                                                          preparer: quote.owner.isEmpty ? "BYTEK" : quote.owner,
                                                          to: folder + "/\(quote.number)-v\(quote.version).pdf")
                return MessageFile(filename: "\(quote.number)-v\(quote.version).pdf", mediaType: "application/pdf", bytes: try read(path))
            case .statementPDF(let customerId):
                let today = LimaTime.date(services.now())
                let repo = ReceivableRepository(db: services.db, user: actor.auditName, now: services.now)
                guard let statement = try repo.statement(customerId: customerId, from: today.adding(days: -365), to: today, asOf: today) else {
                    throw MessageDeliveryError.missing(attachment)
                }
                let path = folder + "/estado-de-cuenta.pdf"
                try AccountStatementPDF.render(statement, company: try QuoteRendering.company(services.store), to: path)
                return MessageFile(filename: "estado-de-cuenta-\(today).pdf", mediaType: "application/pdf", bytes: try read(path))
            }
        }
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return Array(data)
    }

    /// SMTP accepted the e-mail, or WhatsApp answered with its wamid.
    public func recordSent(id: Int64, providerId: String = "") throws {
        try actor.authorize(.messageDeliver)
        try outbox.markSent(id: id, providerId: providerId)
    }

    /// A permanent failure: the message is `fallido` with `reason`; returns the fallback e-mail queued, if any.
    @discardableResult
    public func recordFailure(id: Int64, reason: String) throws -> Int64? {
        try actor.authorize(.messageDeliver)
        return try outbox.markFailed(id: id, reason: reason)
    }

    /// A transient failure (the job will retry): the reason is kept on the message.
    public func recordRetry(id: Int64, reason: String) throws {
        try actor.authorize(.messageDeliver)
        try outbox.noteRetry(id: id, reason: reason)
    }

    /// Applies WhatsApp's status reports (the webhook), each deduplicated on (wamid, status).
    public func applyReports(_ reports: [(wamid: String, status: MessageStatus, reason: String)]) throws -> [MessageOutbox.ReportOutcome] {
        try actor.authorize(.messageDeliver)
        return try services.db.write {
            try reports.map { try outbox.applyReport(providerId: $0.wamid, status: $0.status, reason: $0.reason) }
        }
    }
}

/// Why an attachment could not be resolved (the document, quote or CDR is not there).
public enum MessageDeliveryError: Error, CustomStringConvertible {
    case missing(MessageAttachment)
    public var description: String { "no se encontró el adjunto \(missingName)" }
    var missingName: String {
        switch self { case .missing(let a): return "\(a.kind) \(a.id)" }
    }
}
