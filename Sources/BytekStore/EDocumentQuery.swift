import BytekModel
import Foundation

/// Filters for the list of electronic documents; nil or empty means "any".
public struct EDocumentQuery: Sendable, Hashable {
    public var status: EDocumentStatus?
    public var kind: DocumentKind?
    /// Words matched against SERIE-NÚMERO ("F001-12"), the customer's name and document, and the quote number.
    public var search: String
    /// Only the documents of this buyer (catálogo 06 type code and number): a customer's contact's own list.
    public var buyerDocType: String?
    public var buyerDocNumber: String?
    /// Only documents issued from / up to these days (`YYYY-MM-DD`, both included): a year's documents.
    public var issuedFrom: String?
    public var issuedTo: String?

    public init(status: EDocumentStatus? = nil, kind: DocumentKind? = nil, search: String = "") {
        self.status = status; self.kind = kind; self.search = search
    }
}

/// One stored line of an electronic document, as issued.
public struct EDocumentLineRecord: Sendable, Hashable {
    public var position: Int
    public var description: String
    /// Exact decimal text, as stored ("2.5").
    public var quantity: String
    public var unit: String
    public var unitPrice: String
    /// Catálogo 07 code ("10", "20", …).
    public var affectation: String
    public var lineValue: Money
    public var igv: Money
}

extension EDocumentRepository {
    /// Newest first, read one page at a time with keyset seeks (a status filter uses the
    /// `(status, id)` index). Each word of `query.search` must appear in the document id, the
    /// customer's name or document number, or the quote number (case-insensitive).
    public func pager(_ query: EDocumentQuery) -> KeysetPager<EDocumentRecord> {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let status = query.status { conditions.append("status = ?"); args.append(.text(status.rawValue)) }
        if let kind = query.kind { conditions.append("kind = ?"); args.append(.text(kind.code)) }
        if let type = query.buyerDocType { conditions.append("customer_doc_type = ?"); args.append(.text(type)) }
        if let number = query.buyerDocNumber { conditions.append("customer_doc_number = ?"); args.append(.text(number)) }
        if let from = query.issuedFrom { conditions.append("issue_date >= ?"); args.append(.text(from)) }
        if let to = query.issuedTo { conditions.append("issue_date <= ?"); args.append(.text(to)) }
        for word in query.search.split(whereSeparator: \.isWhitespace) where !word.isEmpty {
            let pattern = "%" + Self.escapeLike(String(word)) + "%"
            conditions.append(
                "(series || '-' || number LIKE ? ESCAPE '\\' OR customer_name LIKE ? ESCAPE '\\'"
                    + " OR customer_doc_number LIKE ? ESCAPE '\\' OR ifnull(quote_number, '') LIKE ? ESCAPE '\\')")
            args += Array(repeating: .text(pattern), count: 4)
        }
        let columns = EDocumentRecord.columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return KeysetPager(db: db, from: "e_document", where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
                           arguments: args, columns: columns, order: [SortKey("id", ascending: false)]) { row in
            EDocumentRecord(row: row)
        }
    }

    /// The stored lines of document `id`, in order.
    public func lines(id: Int64) throws -> [EDocumentLineRecord] {
        guard let record = try record(id: id) else { return [] }
        return try db.query(
            """
            SELECT position, description, quantity, unit, unit_price, affectation, line_value_cents, igv_cents
            FROM e_document_line WHERE document_id = ? ORDER BY position
            """, [.int(id)]).map { row in
            EDocumentLineRecord(position: Int(row.int("position")), description: row.string("description"),
                                quantity: row.string("quantity"), unit: row.string("unit"),
                                unitPrice: row.string("unit_price"), affectation: row.string("affectation"),
                                lineValue: Money(minorUnits: row.int("line_value_cents"), record.currency),
                                igv: Money(minorUnits: row.int("igv_cents"), record.currency))
        }
    }

    /// The facturas and boletas already issued for quote `number` that still stand (neither rejected
    /// nor voided), newest first: a quote's one-time part is invoiced once.
    public func invoices(forQuote number: String) throws -> [EDocumentRecord] {
        try db.query(
            """
            SELECT \(EDocumentRecord.columns) FROM e_document
            WHERE quote_number = ? AND kind IN ('01','03') AND status NOT IN ('rechazado','anulado') ORDER BY id DESC
            """, [.text(number)]).map(EDocumentRecord.init(row:))
    }

    /// `%`, `_` and `\` taken literally in a LIKE pattern.
    static func escapeLike(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "%" || c == "_" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
