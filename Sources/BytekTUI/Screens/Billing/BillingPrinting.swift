import BytekDocuments
import BytekModel
import BytekStore
import Foundation

/// The printed representation of a stored document (A4 or 80 mm ticket), written into the data
/// folder's `documentos/` beside the quotes' PDFs, from the document exactly as issued and its hash.
enum BillingPrinting {
    /// `documentos/F001-12.pdf` (A4) or `documentos/F001-12-ticket.pdf`.
    static func path(for record: EDocumentRecord, format: InvoicePaperFormat, store: Store) -> String {
        QuotePrinting.documentsFolder(of: store) + "/" + record.documentID + (format == .a4 ? "" : "-ticket") + ".pdf"
    }

    /// Writes the PDF of document `id` and returns its path.
    static func write(id: Int64, format: InvoicePaperFormat, store: Store) throws -> String {
        let repository = EDocumentRepository(db: store.db)
        guard let record = try repository.record(id: id) else { throw BillingError.documentNotFound }
        guard let document = try repository.document(id: id) else { throw BillingError.documentUnreadable }
        let logo = (try? QuotePrinting.company(store))?.logoPath ?? ""
        let target = path(for: record, format: format, store: store)
        try FileManager.default.createDirectory(atPath: QuotePrinting.documentsFolder(of: store), withIntermediateDirectories: true)
        let data = InvoicePrintData(document: document, digestValue: record.digestValue, logoPath: logo.isEmpty ? nil : logo,
                                    watermark: InvoiceContent.watermark(status: record.status.rawValue))
        try InvoicePDF.write(data, format: format, to: URL(fileURLWithPath: target))
        return target
    }

    /// The Spanish text of a printing error, nil when `error` is not one.
    static func message(_ error: Error) -> String? {
        switch error {
        case let e as InvoicePDFError: return e.message
        case let e as PDFError: return e.message
        default: return nil
        }
    }
}
