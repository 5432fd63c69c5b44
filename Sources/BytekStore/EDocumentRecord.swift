import BytekModel
import Foundation

/// Where a document stands with SUNAT.
public enum EDocumentStatus: String, Sendable, Codable, CaseIterable {
    case pendiente, enviado, aceptado, observado, rechazado, anulado, error

    /// True once SUNAT gave its final word: nothing is sent again.
    public var isFinal: Bool { self == .aceptado || self == .observado || self == .rechazado || self == .anulado }
}

/// What a signed, zipped document needs to be stored: the exact bytes to keep and send.
public struct PreparedEDocument: Sendable {
    public var signedXML: [UInt8]
    public var zip: Data
    public var digestValue: String
    /// `RUC-TT-SERIE-NUMERO`, without extension.
    public var fileName: String

    public init(signedXML: [UInt8], zip: Data, digestValue: String, fileName: String) {
        self.signedXML = signedXML; self.zip = zip; self.digestValue = digestValue; self.fileName = fileName
    }
}

/// One stored e-document without its large blobs (see `EDocumentRepository.signedXML` and friends).
public struct EDocumentRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: DocumentKind
    public var series: String
    public var number: Int
    public var issueDate: String
    public var issuedAt: String
    public var issuerRUC: String
    public var customerDocType: String
    public var customerDocNumber: String
    public var customerName: String
    public var currency: Currency
    public var taxable: Money
    public var igv: Money
    public var total: Money
    public var status: EDocumentStatus
    public var fileName: String
    public var digestValue: String
    public var responseCode: String?
    public var responseDescription: String?
    public var observations: [String]
    public var ticket: String?
    public var attempts: Int
    public var lastError: String?
    public var quoteNumber: String?
    public var createdAt: String
    public var updatedAt: String
    public var sentAt: String?
    public var answeredAt: String?
    /// The reason of a requested baja (comunicación de baja or resumen line 3); nil when none is pending or
    /// done. Set by `EDocumentRepository.requestVoid`, kept once the document is `anulado`.
    public var voidReason: String?
    /// When the baja was requested (ISO timestamp), nil when none.
    public var voidRequestedAt: String?
    /// Why SUNAT refused the last baja requested (the document stays as it was and may be voided again).
    public var voidError: String?
    /// When SUNAT accepted the baja.
    public var voidedAt: String?

    /// True while a baja was requested and SUNAT has not accepted it yet ("baja solicitada").
    public var isVoidPending: Bool { voidRequestedAt != nil && status != .anulado }

    /// "F001-123".
    public var documentID: String { series + "-" + String(number) }

    static let columns = """
        id, kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type, customer_doc_number,
        customer_name, currency, taxable_cents, igv_cents, total_cents, status, file_name, digest_value,
        response_code, response_description, observations, ticket, attempts, last_error, quote_number,
        created_at, updated_at, sent_at, answered_at, void_reason, void_requested_at, void_error, voided_at
        """

    init(row: Row) {
        id = row.int("id")
        kind = DocumentKind(rawValue: row.string("kind")) ?? .factura
        series = row.string("series")
        number = Int(row.int("number"))
        issueDate = row.string("issue_date")
        issuedAt = row.string("issued_at")
        issuerRUC = row.string("issuer_ruc")
        customerDocType = row.string("customer_doc_type")
        customerDocNumber = row.string("customer_doc_number")
        customerName = row.string("customer_name")
        currency = Currency(rawValue: row.string("currency")) ?? .pen
        taxable = Money(minorUnits: row.int("taxable_cents"), currency)
        igv = Money(minorUnits: row.int("igv_cents"), currency)
        total = Money(minorUnits: row.int("total_cents"), currency)
        status = EDocumentStatus(rawValue: row.string("status")) ?? .error
        fileName = row.string("file_name")
        digestValue = row.string("digest_value")
        responseCode = row.optionalString("response_code")
        responseDescription = row.optionalString("response_description")
        let obs = row.string("observations")
        observations = (try? JSONDecoder().decode([String].self, from: Data(obs.utf8))) ?? []
        ticket = row.optionalString("ticket")
        attempts = Int(row.int("attempts"))
        lastError = row.optionalString("last_error")
        quoteNumber = row.optionalString("quote_number")
        createdAt = row.string("created_at")
        updatedAt = row.string("updated_at")
        sentAt = row.optionalString("sent_at")
        answeredAt = row.optionalString("answered_at")
        voidReason = row.optionalString("void_reason")
        voidRequestedAt = row.optionalString("void_requested_at")
        voidError = row.optionalString("void_error")
        voidedAt = row.optionalString("voided_at")
    }
}
