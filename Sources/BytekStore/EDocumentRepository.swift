import BytekModel
import Foundation

/// Stores electronic documents and SUNAT's answers.
///
/// Guarantees: `issue` numbers, builds (through the caller's `prepare`: UBL, signature, ZIP), stores the
/// document with its exact signed bytes and enqueues its send job (facturas and notes on facturas; boletas
/// and their notes wait for the resumen diario, see `EBatchRepository`) in ONE transaction: when anything fails
/// nothing is written and the number is not consumed. Numbers are gapless and unique per series across
/// connections and processes (`Numbering`). The stored zip is what is sent, every time.
public struct EDocumentRepository: Sendable {
    /// The job kind that sends one document (payload `{"series": "F001", "number": 1}`).
    public static let sendJobKind = "sunat.send"

    public let db: Database
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String = "sistema", now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The idempotency key of a document's send job: "sunat.send:F001-1".
    public static func sendJobKey(series: String, number: Int) -> String {
        "\(sendJobKind):\(series)-\(number)"
    }

    /// True for facturas and notes on facturas (F series), sent one by one with sendBill; boletas and notes
    /// on boletas (B series) are informed in the resumen diario and stay `pendiente` until it is accepted.
    public static func sentWithSendBill(_ series: Series) -> Bool { series.family == .factura }

    /// SUNAT's VoidReasonDescription limit.
    public static let maxVoidReasonLength = 100
    /// SUNAT receives a baja up to this many calendar days after the issue date.
    public static let voidWindowDays = 7

    /// Issues `document` (its `number` is ignored and replaced by the series' next one). `prepare`
    /// builds, signs and zips the numbered document; it runs inside the transaction, so a failure there
    /// leaves nothing behind. `alongside` runs in the same transaction once the document row exists (its id
    /// given): what must be written with the document or not at all (recurring billing's period keys).
    /// Returns the stored record.
    @discardableResult
    public func issue(_ document: EDocument, quoteNumber: String? = nil,
                      alongside: ((Int64) throws -> Void)? = nil,
                      prepare: (EDocument) throws -> PreparedEDocument) throws -> EDocumentRecord {
        // A first check outside the write lock, so a broken document never waits for the lock.
        var draft = document
        draft.number = 1
        try draft.validate()
        return try db.write {
            var doc = document
            doc.number = try Numbering.next(doc.series.code, in: db)
            let amounts = try doc.validate()
            try checkIssueRules(doc)
            let prepared = try prepare(doc)
            let stamp = ISOTimestamp.format(now())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(doc), as: UTF8.self)
            try db.execute(
                """
                INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type,
                    customer_doc_number, customer_name, customer_address, currency, taxable_cents, igv_cents,
                    total_cents, status, file_name, document_json, signed_xml, zip, digest_value, quote_number,
                    created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.text(doc.kind.code), .text(doc.series.code), .int(Int64(doc.number)), .text(doc.issueDate.description),
                 .text(ISOTimestamp.format(doc.issuedAt)), .text(doc.issuer.ruc), .text(doc.customer.documentType.code),
                 .text(doc.customer.number), .text(doc.customer.name), .text(doc.customer.address ?? ""),
                 .text(doc.currency.rawValue), .int(amounts.lineExtension.minorUnits), .int(amounts.taxes.igv.minorUnits),
                 .int(amounts.total.minorUnits), .text(prepared.fileName), .text(json), .blob(prepared.signedXML),
                 .blob([UInt8](prepared.zip)), .text(prepared.digestValue),
                 (quoteNumber ?? doc.orderReference).map(SQLValue.text) ?? .null, .text(user), .text(stamp), .text(stamp)])
            let id = db.lastInsertRowID
            for (i, line) in doc.lines.enumerated() {
                let a = i < amounts.lines.count ? amounts.lines[i] : nil
                try db.execute(
                    """
                    INSERT INTO e_document_line(document_id, position, description, quantity, unit, unit_price,
                        affectation, line_value_cents, igv_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [.int(id), .int(Int64(i + 1)), .text(line.description), .text(line.quantity.description),
                     .text(line.unit.code), .text(line.unitPrice.description), .text(line.affectation.code),
                     .int(a?.lineValue.minorUnits ?? 0), .int(a?.igv.minorUnits ?? 0)])
            }
            try ReceivableLedger.documentIssued(db: db, id: id, document: doc, amounts: amounts, user: user, now: now())
            try alongside?(id)
            // Boletas and their notes travel in the resumen diario (EBatchRepository), not with sendBill.
            if Self.sentWithSendBill(doc.series) {
                try JobQueue(db: db).enqueue(
                    kind: Self.sendJobKind,
                    payload: "{\"number\":\(doc.number),\"series\":\"\(doc.series.code)\"}",
                    maxAttempts: 20,
                    idempotencyKey: Self.sendJobKey(series: doc.series.code, number: doc.number))
            }
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: "e_document", entityId: id, action: .create,
                summary: "\(doc.kind.displayName) \(doc.id) emitida por \(amounts.total.currency.rawValue) \(amounts.total.amount)")
            guard let record = try record(id: id) else {
                throw DatabaseError(code: 0, message: "e_document \(id) vanished after insert", sql: nil)
            }
            return record
        }
    }

    // MARK: reading

    public func record(id: Int64) throws -> EDocumentRecord? {
        try db.queryOne("SELECT \(EDocumentRecord.columns) FROM e_document WHERE id = ?", id).map(EDocumentRecord.init(row:))
    }

    public func record(series: String, number: Int) throws -> EDocumentRecord? {
        try db.queryOne("SELECT \(EDocumentRecord.columns) FROM e_document WHERE series = ? AND number = ?",
                        [.text(series.uppercased()), .int(Int64(number))]).map(EDocumentRecord.init(row:))
    }

    /// "F001-12" → the record, nil when it does not exist or the text is not SERIE-NÚMERO.
    public func record(documentID: String) throws -> EDocumentRecord? {
        let parts = documentID.split(separator: "-")
        guard parts.count == 2, let n = Int(parts[1]) else { return nil }
        return try record(series: String(parts[0]), number: n)
    }

    /// Newest first, one page at a time: pass the last id of the previous page as `beforeID`.
    public func list(status: EDocumentStatus? = nil, beforeID: Int64? = nil, limit: Int = 100) throws -> [EDocumentRecord] {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let status { conditions.append("status = ?"); args.append(.text(status.rawValue)) }
        if let beforeID { conditions.append("id < ?"); args.append(.int(beforeID)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        args.append(.int(Int64(max(0, limit))))
        return try db.query("SELECT \(EDocumentRecord.columns) FROM e_document\(whereClause) ORDER BY id DESC LIMIT ?", args)
            .map(EDocumentRecord.init(row:))
    }

    /// The number of documents in each status (statuses without documents are absent).
    public func countsByStatus() throws -> [EDocumentStatus: Int] {
        var counts: [EDocumentStatus: Int] = [:]
        try db.forEach("SELECT status, count(*) AS n FROM e_document GROUP BY status") { row in
            if let s = EDocumentStatus(rawValue: row.string("status")) { counts[s] = Int(row.int("n")) }
        }
        return counts
    }

    /// The signed XML exactly as stored and sent.
    public func signedXML(id: Int64) throws -> [UInt8]? { try blob("signed_xml", id) }
    /// The ZIP exactly as sent.
    public func zip(id: Int64) throws -> Data? { try blob("zip", id).map { Data($0) } }
    /// SUNAT's CDR ZIP, once answered.
    public func cdrZip(id: Int64) throws -> Data? { try blob("cdr_zip", id).map { Data($0) } }

    /// The document as issued (for the printed representation).
    public func document(id: Int64) throws -> EDocument? {
        guard let text = try db.scalar("SELECT document_json FROM e_document WHERE id = ?", [.int(id)]).stringValue else {
            return nil
        }
        return try JSONDecoder().decode(EDocument.self, from: Data(text.utf8))
    }

    private func blob(_ column: String, _ id: Int64) throws -> [UInt8]? {
        switch try db.scalar("SELECT \(column) FROM e_document WHERE id = ?", [.int(id)]) {
        case .blob(let b): return b
        case .text(let t): return Array(t.utf8)
        default: return nil
        }
    }

    // MARK: SUNAT's answers

    /// Notes an attempt about to be sent: status `enviado` (unless already final), one more attempt.
    public func markSending(id: Int64) throws {
        let stamp = ISOTimestamp.format(now())
        try db.write {
            try db.execute(
                """
                UPDATE e_document SET status = CASE WHEN status IN ('pendiente','error','enviado') THEN 'enviado' ELSE status END,
                    attempts = attempts + 1, sent_at = coalesce(sent_at, ?), updated_at = ? WHERE id = ?
                """, [.text(stamp), .text(stamp), .int(id)])
        }
    }

    /// Records SUNAT's final answer (CDR) for a document. A final status is never overwritten.
    /// Returns false when the document already had one.
    @discardableResult
    public func recordAnswer(id: Int64, status: EDocumentStatus, cdrZip: Data?, responseCode: String,
                             description: String, observations: [String]) throws -> Bool {
        let stamp = ISOTimestamp.format(now())
        let obs = String(decoding: (try? JSONEncoder().encode(observations)) ?? Data("[]".utf8), as: UTF8.self)
        return try db.write {
            try db.execute(
                """
                UPDATE e_document SET status = ?, cdr_zip = ?, response_code = ?, response_description = ?,
                    observations = ?, last_error = NULL, answered_at = ?, updated_at = ?
                WHERE id = ? AND status NOT IN ('aceptado','observado','rechazado','anulado')
                """,
                [.text(status.rawValue), cdrZip.map { .blob([UInt8]($0)) } ?? .null, .text(responseCode),
                 .text(description), .text(obs), .text(stamp), .text(stamp), .int(id)])
            let changed = db.changes == 1
            if changed { try ReceivableLedger.documentCancelled(db: db, documentId: id, user: user, door: door, now: now()) }
            if changed && (status == .aceptado || status == .observado) {
                try DocumentMailing.documentAccepted(db: db, documentId: id, user: user, door: door, now: now())
            }
            return changed
        }
    }

    /// Records a failed attempt that will be retried (network, HTTP 500, SUNAT exception).
    public func recordError(id: Int64, message: String, finalFailure: Bool = false) throws {
        let stamp = ISOTimestamp.format(now())
        try db.write {
            try db.execute(
                """
                UPDATE e_document SET last_error = ?, updated_at = ?,
                    status = CASE WHEN status IN ('pendiente','enviado','error') THEN ? ELSE status END
                WHERE id = ?
                """, [.text(message), .text(stamp), .text(finalFailure ? "error" : "enviado"), .int(id)])
        }
    }

    // MARK: bajas

    /// Requests the baja (void) of an accepted document: facturas and notes on facturas go in a comunicación
    /// de baja (RA), boletas and notes on boletas in a resumen diario line with status 3. Validates (the
    /// document exists, SUNAT accepted it, it is not voided nor already requested, the reason is given and
    /// fits, and today is at most `voidWindowDays` after its issue date, Lima time), records the request,
    /// writes the audit log and enqueues the job that collects it, all in one transaction. The document
    /// becomes `anulado` when SUNAT accepts the batch. Throws `EBatchError`.
    public func requestVoid(id: Int64, reason: String) throws {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw EBatchError.emptyReason }
        guard text.count <= Self.maxVoidReasonLength else { throw EBatchError.reasonTooLong(text.count) }
        try db.write {
            guard let r = try record(id: id) else { throw EBatchError.documentNotFound(id) }
            if r.status == .anulado { throw EBatchError.alreadyVoided(r.documentID) }
            guard r.status == .aceptado || r.status == .observado else {
                throw EBatchError.notAccepted(document: r.documentID, status: r.status)
            }
            if r.voidRequestedAt != nil { throw EBatchError.voidAlreadyRequested(r.documentID) }
            let today = LimaTime.date(now())
            if let issued = LocalDate(r.issueDate) {
                try ClosedPeriods(db: db).check(issued, action: "anular")
                let last = issued.adding(days: Self.voidWindowDays)
                if today > last {
                    throw EBatchError.voidWindowExpired(document: r.documentID, issueDate: r.issueDate,
                                                        lastDay: last.description)
                }
            }
            let stamp = ISOTimestamp.format(now())
            try db.execute(
                """
                UPDATE e_document SET void_reason = ?, void_requested_at = ?, void_requested_by = ?, void_error = NULL,
                    updated_at = ? WHERE id = ?
                """, [.text(text), .text(stamp), .text(user), .text(stamp), .int(id)])
            let family: DocumentFamily = r.series.hasPrefix("F") ? .factura : .boleta
            try JobQueue(db: db).enqueue(kind: family == .factura ? EBatchRepository.voidJobKind : EBatchRepository.summaryJobKind, maxAttempts: 20)
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: "e_document", entityId: id, action: .update,
                summary: "Baja solicitada de \(r.kind.displayName) \(r.documentID): \(text)")
        }
    }
}
