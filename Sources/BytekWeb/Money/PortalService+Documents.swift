import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The contact's e-documents (facturas, boletas, notas) and their files, read as that contact.
extension PortalService {
    /// The filters of the documents page, read from its query string; anything unreadable is ignored.
    struct DocumentFilter: Sendable, Equatable {
        var status: EDocumentStatus?
        var year: Int?

        init(status: EDocumentStatus? = nil, year: Int? = nil) { self.status = status; self.year = year }

        init(query: [String: String]) {
            status = query["estado"].flatMap(EDocumentStatus.init(rawValue:))
            year = query["anio"].flatMap { Int($0) }.flatMap { (2000...2200).contains($0) ? $0 : nil }
        }

        /// The query string that keeps these filters on the paging links (`estado=aceptado&anio=2026&`).
        var queryPrefix: String {
            (status.map { "estado=\($0.rawValue)&" } ?? "") + (year.map { "anio=\($0)&" } ?? "")
        }
    }

    /// Where a page of documents starts: the newest, just older than a document, or just newer than one.
    enum DocumentCursor: Sendable, Equatable {
        case newest
        case olderThan(Int64)
        case newerThan(Int64)

        init(query: [String: String]) {
            if let id = query["despues"].flatMap({ Int64($0) }) { self = .olderThan(id) }
            else if let id = query["antes"].flatMap({ Int64($0) }) { self = .newerThan(id) }
            else { self = .newest }
        }
    }

    struct DocumentsPage: Sendable {
        var customer: PortalCustomer
        var filter: DocumentFilter
        /// Newest first.
        var rows: [EDocumentRecord]
        var hasNewer: Bool
        var hasOlder: Bool
    }

    static let documentsPageSize = 25

    /// One page of the customer's documents, newest first, read with keyset seeks (no OFFSET: a customer
    /// with thousands of documents pages as fast at the end as at the start).
    func documents(_ who: SignedIn, customerId: Int64, filter: DocumentFilter, cursor: DocumentCursor,
                   pageSize: Int = PortalService.documentsPageSize) throws -> DocumentsPage? {
        try asContact(who, customerId: customerId) { services, customer in
            var query = EDocumentQuery(status: filter.status)
            if let year = filter.year {
                query.issuedFrom = String(format: "%04d-01-01", year)
                query.issuedTo = String(format: "%04d-12-31", year)
            }
            let pager = try services.invoices.pager(query)
            var page: [Paged<EDocumentRecord>]
            switch cursor {
            case .newest: page = try pager.first(pageSize)
            case .olderThan(let id): page = try pager.after([.int(id)], pageSize)
            case .newerThan(let id):
                page = try pager.before([.int(id)], pageSize)
                if page.count < pageSize { page = try pager.first(pageSize) }
            }
            let newer = try page.first.map { try !pager.before($0.cursor, 1).isEmpty } ?? false
            let older = try page.last.map { try !pager.after($0.cursor, 1).isEmpty } ?? false
            return DocumentsPage(customer: customer, filter: filter, rows: page.map(\.item), hasNewer: newer, hasOlder: older)
        }
    }

    /// The files of a document a contact may download.
    enum DocumentFile: String, Sendable, CaseIterable {
        case pdf, xml, cdr
    }

    struct Download: Sendable {
        var bytes: [UInt8]
        var contentType: String
        var fileName: String
    }

    /// The printed PDF (as `services.invoices` prints it), the signed XML as sent, or SUNAT's CDR, named as
    /// SUNAT names them; nil for a document of another customer, or a CDR SUNAT has not sent yet.
    func download(_ who: SignedIn, customerId: Int64, documentId: Int64, file: DocumentFile) throws -> Download? {
        try asContact(who, customerId: customerId) { services, _ -> Download? in
            let invoices = services.invoices
            let record = try invoices.record(id: documentId)
            switch file {
            case .xml:
                return Download(bytes: try invoices.signedXML(id: documentId), contentType: "application/xml",
                                fileName: record.fileName + ".xml")
            case .cdr:
                guard let zip = try invoices.cdrZip(id: documentId) else { return nil }
                return Download(bytes: [UInt8](zip), contentType: "application/zip", fileName: "R-" + record.fileName + ".zip")
            case .pdf:
                let path = NSTemporaryDirectory() + "bytek-portal-\(UUID().uuidString).pdf"
                defer { try? FileManager.default.removeItem(atPath: path) }
                try invoices.writePDF(id: documentId, format: .a4, to: path)
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                return Download(bytes: bytes, contentType: "application/pdf", fileName: record.fileName + ".pdf")
            }
        } ?? nil
    }
}
