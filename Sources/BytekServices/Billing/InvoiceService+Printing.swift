import BytekDocuments
import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// SUNAT's verdict on a stored document (`bytek invoice check`).
public struct InvoiceCheck: Sendable {
    public var record: EDocumentRecord
    public var report: SunatRulesReport
    public var rules: SunatRules
}

extension InvoiceService {
    /// The folder holding the database file (the logo's path is relative to it).
    var dataFolder: String {
        let dir = (services.store.path as NSString).deletingLastPathComponent
        return dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
    }

    /// The folder beside the database where printed documents go (`documentos/`).
    public var documentsFolder: String { dataFolder + "/documentos" }

    /// `documentos/F001-12.pdf` (A4) or `documentos/F001-12-ticket.pdf`.
    public func pdfPath(for record: EDocumentRecord, format: InvoicePaperFormat) -> String {
        documentsFolder + "/" + record.documentID + (format == .a4 ? "" : "-ticket") + ".pdf"
    }

    /// Writes the printed representation of document `id` (A4 or 80 mm ticket) to `path` (default: the
    /// documents folder), from the document exactly as issued and its hash, with the company's logo; a
    /// document SUNAT rejected or has not accepted yet says so across every page. Returns the path.
    @discardableResult
    public func writePDF(id: Int64, format: InvoicePaperFormat, to path: String? = nil) throws -> String {
        try renderPDF(record: try visible(.invoicePDF, id: id), format: format, to: path)
    }

    /// Writes the PDF of `record` (already authorized by the caller) to `path` or the documents folder.
    @discardableResult
    func renderPDF(record: EDocumentRecord, format: InvoicePaperFormat, to path: String?) throws -> String {
        let id = record.id
        guard let document = try repository.document(id: id) else { throw BillingError.documentUnreadable }
        let profile = try CompanyProfileRepository(db: services.db, user: actor.auditName).load()
        let logo = CompanyInfo(profile: profile, dataFolder: dataFolder).logoPath
        let target = path ?? pdfPath(for: record, format: format)
        let folder = (target as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let data = InvoicePrintData(document: document, digestValue: record.digestValue, logoPath: logo.isEmpty ? nil : logo,
                                    watermark: InvoiceContent.watermark(status: record.status.rawValue))
        try InvoicePDF.write(data, format: format, to: URL(fileURLWithPath: target))
        return target
    }

    /// SUNAT's rules (the settings' rules folder unless `rulesFolder` is given) on the stored signed XML
    /// of document "F001-12".
    public func check(documentID: String, rulesFolder: String? = nil) throws -> InvoiceCheck {
        try actor.authorize(.invoiceCheck)
        guard let record = try repository.record(documentID: documentID.uppercased()),
              let xml = try repository.signedXML(id: record.id) else { throw ServiceError.notFound }
        guard let folder = try rulesFolder ?? EInvoicingSettingsRepository(db: services.db).load()?.rulesFolder else {
            throw BillingError.rulesFolderMissing
        }
        let rules = try SunatRules(folder: folder)
        let report = try rules.check(xml, fileName: record.fileName + ".xml")
        return InvoiceCheck(record: record, report: report, rules: rules)
    }
}
