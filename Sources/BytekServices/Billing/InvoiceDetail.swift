import BytekModel
import BytekStore
import Foundation

/// What the detail of one document shows, read once: the stored record (status, SUNAT's answer,
/// attempts, hash), the document's head as issued and its stored lines.
public struct InvoiceDetail: Sendable {
    public var record: EDocumentRecord
    public var head: InvoiceHead?
    /// The recomputed amounts, only for a document with a detracción (its figure in soles).
    public var amounts: EDocumentAmounts?
    public var lines: [EDocumentLineRecord]

    public init(record: EDocumentRecord, head: InvoiceHead?, amounts: EDocumentAmounts?, lines: [EDocumentLineRecord]) {
        self.record = record; self.head = head; self.amounts = amounts; self.lines = lines
    }
}

/// The parts of a stored document its detail shows. Read with SQLite's JSON operators instead of
/// decoding the whole document: a 1,000-line factura's JSON takes ~10 ms to decode, its head 0.1 ms.
public struct InvoiceHead: Decodable, Sendable {
    public var paymentForm: PaymentForm
    public var detraccion: Detraccion?
    public var note: NoteDetails?

    public static func load(_ id: Int64, db: Database) -> InvoiceHead? {
        let sql = """
            SELECT json_object('paymentForm', json(document_json -> '$.paymentForm'),
                               'detraccion', json(document_json -> '$.detraccion'),
                               'note', json(document_json -> '$.note'))
            FROM e_document WHERE id = ?
            """
        guard let text = try? db.scalar(sql, [.int(id)]).stringValue else { return nil }
        return try? JSONDecoder().decode(InvoiceHead.self, from: Data(text.utf8))
    }
}
