import Foundation

/// What a resumen diario line tells SUNAT about a boleta (or a note on one): catálogo 19.
public enum SummaryStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case add = "1"
    case modify = "2"
    case void = "3"

    public var code: String { rawValue }
}

/// One boleta or note in a resumen diario, with its totals.
public struct SummaryLine: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var series: Series
    public var number: Int
    public var customerDocumentType: CustomerDocumentType
    public var customerNumber: String
    /// For notes: the boleta they modify.
    public var reference: DocumentReference?
    public var status: SummaryStatus
    public var currency: Currency
    public var gravadas: Money
    public var exoneradas: Money
    public var inafectas: Money
    public var gratuitas: Money
    public var igv: Money
    public var total: Money

    public init(kind: DocumentKind, series: Series, number: Int, customerDocumentType: CustomerDocumentType,
                customerNumber: String, reference: DocumentReference? = nil, status: SummaryStatus,
                currency: Currency, gravadas: Money, exoneradas: Money, inafectas: Money, gratuitas: Money,
                igv: Money, total: Money) {
        self.kind = kind; self.series = series; self.number = number
        self.customerDocumentType = customerDocumentType; self.customerNumber = customerNumber
        self.reference = reference; self.status = status; self.currency = currency; self.gravadas = gravadas
        self.exoneradas = exoneradas; self.inafectas = inafectas; self.gratuitas = gratuitas; self.igv = igv
        self.total = total
    }

    /// The line for an issued boleta or note on a boleta, its totals computed through the `TaxEngine`.
    public init(_ document: EDocument, status: SummaryStatus) throws(EDocumentError) {
        let a = try document.amounts()
        self.init(kind: document.kind, series: document.series, number: document.number,
                  customerDocumentType: document.customer.documentType, customerNumber: document.customer.number,
                  reference: document.note?.reference, status: status, currency: document.currency,
                  gravadas: a.taxes.gravadas, exoneradas: a.taxes.exoneradas, inafectas: a.taxes.inafectas,
                  gratuitas: a.gratuitas, igv: a.taxes.igv, total: a.total)
    }

    /// "B001-123".
    public var id: String { series.code + "-" + String(number) }
}

/// Resumen diario (RC): the boletas and their notes of one day, sent together.
public struct SummaryDocument: Sendable, Hashable, Codable {
    public var issuer: Issuer
    /// The day the summarised documents were issued.
    public var referenceDate: LocalDate
    /// The day the summary is generated (its identifier carries this date).
    public var issueDate: LocalDate
    /// The n-th summary generated on `issueDate`, from 1.
    public var sequence: Int
    public var lines: [SummaryLine]

    public init(issuer: Issuer, referenceDate: LocalDate, issueDate: LocalDate, sequence: Int, lines: [SummaryLine]) {
        self.issuer = issuer; self.referenceDate = referenceDate; self.issueDate = issueDate
        self.sequence = sequence; self.lines = lines
    }

    /// "RC-20261126-1".
    public var id: String { "RC-" + BatchIdentifier.compact(issueDate) + "-" + String(sequence) }
    /// "20123456789-RC-20261126-1".
    public var fileName: String { issuer.ruc + "-" + id }

    /// SUNAT accepts up to 500 lines in one summary.
    public static let maximumLines = 500

    public func validate() throws(BatchDocumentError) {
        if let e = DocumentType.ruc.validate(issuer.ruc) { throw .invalidIssuerRUC(e) }
        guard !lines.isEmpty else { throw .noLines }
        guard lines.count <= Self.maximumLines else { throw .tooManyLines(lines.count) }
        guard sequence >= 1 else { throw .invalidSequence(sequence) }
        guard referenceDate <= issueDate else { throw .referenceDateAfterIssueDate }
        for (i, l) in lines.enumerated() {
            guard l.series.family == .boleta else { throw .wrongFamily(line: i + 1) }
            guard l.kind != .factura else { throw .wrongFamily(line: i + 1) }
            if l.kind.isNote && l.reference == nil { throw .noteWithoutReference(line: i + 1) }
        }
    }
}

/// One factura (or note on a factura) being voided.
public struct VoidedLine: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    public var series: Series
    public var number: Int
    /// Why it is voided (required).
    public var reason: String

    public init(kind: DocumentKind, series: Series, number: Int, reason: String) {
        self.kind = kind; self.series = series; self.number = number; self.reason = reason
    }
}

/// Comunicación de baja (RA): voids facturas (and notes on them) issued on one day.
public struct VoidedDocuments: Sendable, Hashable, Codable {
    public var issuer: Issuer
    /// The day the voided documents were issued.
    public var referenceDate: LocalDate
    /// The day the communication is generated.
    public var issueDate: LocalDate
    public var sequence: Int
    public var lines: [VoidedLine]

    public init(issuer: Issuer, referenceDate: LocalDate, issueDate: LocalDate, sequence: Int, lines: [VoidedLine]) {
        self.issuer = issuer; self.referenceDate = referenceDate; self.issueDate = issueDate
        self.sequence = sequence; self.lines = lines
    }

    /// "RA-20261126-1".
    public var id: String { "RA-" + BatchIdentifier.compact(issueDate) + "-" + String(sequence) }
    /// "20123456789-RA-20261126-1".
    public var fileName: String { issuer.ruc + "-" + id }

    public func validate() throws(BatchDocumentError) {
        if let e = DocumentType.ruc.validate(issuer.ruc) { throw .invalidIssuerRUC(e) }
        guard !lines.isEmpty else { throw .noLines }
        guard lines.count <= SummaryDocument.maximumLines else { throw .tooManyLines(lines.count) }
        guard sequence >= 1 else { throw .invalidSequence(sequence) }
        guard referenceDate <= issueDate else { throw .referenceDateAfterIssueDate }
        for (i, l) in lines.enumerated() {
            guard l.series.family == .factura, l.kind != .boleta else { throw .wrongFamily(line: i + 1) }
            guard !l.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw .emptyVoidReason(line: i + 1)
            }
        }
    }
}

/// Why a summary (RC) or a void communication (RA) cannot be sent.
public enum BatchDocumentError: Error, Sendable, Hashable {
    case invalidIssuerRUC(DocumentError)
    case noLines
    case tooManyLines(Int)
    case invalidSequence(Int)
    case referenceDateAfterIssueDate
    /// RC carries boletas and their notes only; RA facturas and their notes only.
    case wrongFamily(line: Int)
    case noteWithoutReference(line: Int)
    case emptyVoidReason(line: Int)
}

enum BatchIdentifier {
    /// "20261126".
    static func compact(_ d: LocalDate) -> String { d.description.replacingOccurrences(of: "-", with: "") }
}
