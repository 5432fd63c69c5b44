import Foundation

/// Which grouped submission a batch is: resumen diario (boletas) or comunicación de baja (facturas).
public enum EBatchKind: String, Sendable, Codable, CaseIterable {
    case resumen = "RC"
    case baja = "RA"

    public var code: String { rawValue }
    public var displayName: String { self == .resumen ? "Resumen diario" : "Comunicación de baja" }
}

/// Where a batch stands with SUNAT: stored (`pendiente`), sent with a ticket or being sent (`enviado`),
/// answered (`aceptado`, `rechazado`), or out of attempts (`error`, the sweep retries it).
public enum EBatchStatus: String, Sendable, Codable, CaseIterable {
    case pendiente, enviado, aceptado, rechazado, error

    /// True once SUNAT answered the ticket: the batch is never sent nor polled again.
    public var isFinal: Bool { self == .aceptado || self == .rechazado }
}

/// What a signed, zipped RC/RA needs to be stored: the exact bytes to keep and send.
public struct PreparedBatch: Sendable {
    public var kind: EBatchKind
    /// "RC-20261126-1".
    public var identifier: String
    /// The generation day (YYYY-MM-DD), the date in the identifier.
    public var issueDate: String
    public var sequence: Int
    /// The day the reported documents were issued (YYYY-MM-DD).
    public var referenceDate: String
    public var issuerRUC: String
    /// "RUC-RC-20261126-1", without extension.
    public var fileName: String
    public var signedXML: [UInt8]
    public var zip: Data
    public var digestValue: String

    public init(kind: EBatchKind, identifier: String, issueDate: String, sequence: Int, referenceDate: String,
                issuerRUC: String, fileName: String, signedXML: [UInt8], zip: Data, digestValue: String) {
        self.kind = kind; self.identifier = identifier; self.issueDate = issueDate; self.sequence = sequence
        self.referenceDate = referenceDate; self.issuerRUC = issuerRUC; self.fileName = fileName
        self.signedXML = signedXML; self.zip = zip; self.digestValue = digestValue
    }
}

/// One document reported in a batch, in line order.
public struct EBatchLine: Sendable, Equatable {
    public var documentID: Int64
    public var line: Int
    /// Catálogo 19: "1" informs (adds) the document, "3" voids it.
    public var lineStatus: String
    public var voidReason: String?

    public init(documentID: Int64, line: Int, lineStatus: String, voidReason: String? = nil) {
        self.documentID = documentID; self.line = line; self.lineStatus = lineStatus; self.voidReason = voidReason
    }

    public var isVoid: Bool { lineStatus == "3" }
}

/// One stored RC/RA without its blobs (see `EBatchRepository.zip` and friends).
public struct EBatchRecord: Sendable, Equatable {
    public var id: Int64
    public var kind: EBatchKind
    public var identifier: String
    public var issueDate: String
    public var sequence: Int
    public var referenceDate: String
    public var issuerRUC: String
    public var fileName: String
    public var status: EBatchStatus
    public var ticket: String?
    public var digestValue: String
    public var responseCode: String?
    public var responseDescription: String?
    public var attempts: Int
    public var lastError: String?
    public var createdBy: String
    public var createdAt: String
    public var updatedAt: String
    public var sentAt: String?
    public var answeredAt: String?
    /// How many documents the batch reports.
    public var documentCount: Int

    static let columns = """
        b.id, b.kind, b.identifier, b.issue_date, b.sequence, b.reference_date, b.issuer_ruc, b.file_name, b.status,
        b.ticket, b.digest_value, b.response_code, b.response_description, b.attempts, b.last_error, b.created_by,
        b.created_at, b.updated_at, b.sent_at, b.answered_at,
        (SELECT count(*) FROM e_batch_document l WHERE l.batch_id = b.id) AS document_count
        """

    init(row: Row) {
        id = row.int("id")
        kind = EBatchKind(rawValue: row.string("kind")) ?? .resumen
        identifier = row.string("identifier")
        issueDate = row.string("issue_date")
        sequence = Int(row.int("sequence"))
        referenceDate = row.string("reference_date")
        issuerRUC = row.string("issuer_ruc")
        fileName = row.string("file_name")
        status = EBatchStatus(rawValue: row.string("status")) ?? .error
        ticket = row.optionalString("ticket")
        digestValue = row.string("digest_value")
        responseCode = row.optionalString("response_code")
        responseDescription = row.optionalString("response_description")
        attempts = Int(row.int("attempts"))
        lastError = row.optionalString("last_error")
        createdBy = row.string("created_by")
        createdAt = row.string("created_at")
        updatedAt = row.string("updated_at")
        sentAt = row.optionalString("sent_at")
        answeredAt = row.optionalString("answered_at")
        documentCount = Int(row.int("document_count"))
    }
}
