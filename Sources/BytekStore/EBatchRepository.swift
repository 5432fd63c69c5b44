import BytekModel
import Foundation

/// Stores resúmenes diarios (RC) and comunicaciones de baja (RA), their links to documents and SUNAT's
/// answers, and applies those answers to the documents.
///
/// Guarantees:
/// - `store` writes the batch with its exact signed bytes and ZIP, its document links, marks the informed
///   boletas `enviado` and enqueues the send job in ONE transaction; a document is never in two live
///   (not rejected) batches with the same line status, because candidates are read and stored under the
///   same write lock (`Database.write` is IMMEDIATE).
/// - The sequence of an identifier is taken in that transaction: identifiers are unique per kind and day.
/// - `recordTicket` stores the ticket and enqueues the ticket job in one transaction: a batch with a ticket
///   is only ever polled, never sent again.
/// - `recordAccepted`/`recordRejected` never overwrite a final answer, and update the batch and all its
///   documents in one transaction.
public struct EBatchRepository: Sendable {
    /// Builds and stores RCs for pending boletas (and boleta voids); payload `{"date": "YYYY-MM-DD"}` optional.
    public static let summaryJobKind = "sunat.summary"
    /// Builds and stores RAs for pending factura voids.
    public static let voidJobKind = "sunat.void"
    /// Sends one stored batch with sendSummary; payload `{"batch": id}`.
    public static let sendJobKind = "sunat.batch.send"
    /// Polls one batch's ticket with getStatus; payload `{"batch": id}`.
    public static let ticketJobKind = "sunat.ticket"
    /// Re-queues unfinished batches and void requests whose jobs ran out of attempts.
    public static let sweepJobKind = "sunat.batch.sweep"

    public let db: Database
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let clock: MillisecondClock

    public init(db: Database, user: String = "sistema", clock: @escaping MillisecondClock = JobQueue.systemClock) {
        self.db = db; self.user = user; self.clock = clock
    }

    public static func sendJobKey(_ identifier: String) -> String { "\(sendJobKind):\(identifier)" }
    public static func ticketJobKey(_ identifier: String) -> String { "\(ticketJobKind):\(identifier)" }

    /// The repository clock's now as a `Date`.
    public var nowDate: Date { Date(timeIntervalSince1970: TimeInterval(clock()) / 1000) }
    private var stamp: String { ISOTimestamp.format(nowDate) }
    private var queue: JobQueue { JobQueue(db: db, clock: clock) }

    // MARK: what to report

    /// Boletas and notes on boletas (B series) not yet informed in a summary, oldest first; only those
    /// issued on `date` when given.
    public func unsummarisedBoletas(on date: String? = nil, limit: Int = 10_000) throws -> [EDocumentRecord] {
        var sql = "SELECT \(EDocumentRecord.columns) FROM e_document WHERE status = 'pendiente' AND series LIKE 'B%'"
        var args: [SQLValue] = []
        if let date { sql += " AND issue_date = ?"; args.append(.text(date)) }
        sql += " ORDER BY issue_date, id LIMIT ?"
        args.append(.int(Int64(limit)))
        return try db.query(sql, args).map(EDocumentRecord.init(row:))
    }

    /// Accepted documents of `family` whose baja was requested and is not in a live (sent, pending or
    /// accepted) batch yet, oldest first.
    public func pendingVoids(family: DocumentFamily, on date: String? = nil) throws -> [EDocumentRecord] {
        var sql = """
            SELECT \(EDocumentRecord.columns) FROM e_document d
            WHERE void_requested_at IS NOT NULL AND status IN ('aceptado','observado') AND series LIKE ?
              AND NOT EXISTS (SELECT 1 FROM e_batch_document l JOIN e_batch b ON b.id = l.batch_id
                              WHERE l.document_id = d.id AND l.line_status = '3' AND b.status <> 'rechazado')
            """
        var args: [SQLValue] = [.text(String(family.prefix) + "%")]
        if let date { sql += " AND issue_date = ?"; args.append(.text(date)) }
        sql += " ORDER BY issue_date, id"
        return try db.query(sql, args).map(EDocumentRecord.init(row:))
    }

    /// The next sequence for `kind` generated on `issueDate` (call inside the transaction that stores it).
    public func nextSequence(kind: EBatchKind, issueDate: String) throws -> Int {
        let n = try db.scalar("SELECT coalesce(max(sequence), 0) FROM e_batch WHERE kind = ? AND issue_date = ?",
                              [.text(kind.code), .text(issueDate)]).intValue ?? 0
        return Int(n) + 1
    }

    // MARK: storing

    /// Stores `prepared` with its `lines`, marks the informed documents (line status 1) `enviado` and
    /// enqueues the send job, in one transaction. Returns the stored batch.
    @discardableResult
    public func store(_ prepared: PreparedBatch, lines: [EBatchLine]) throws -> EBatchRecord {
        try db.write {
            let t = stamp
            try db.execute(
                """
                INSERT INTO e_batch(kind, identifier, issue_date, sequence, reference_date, issuer_ruc, file_name, status,
                    signed_xml, zip, digest_value, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, ?, ?, ?, ?)
                """,
                [.text(prepared.kind.code), .text(prepared.identifier), .text(prepared.issueDate),
                 .int(Int64(prepared.sequence)), .text(prepared.referenceDate), .text(prepared.issuerRUC),
                 .text(prepared.fileName), .blob(prepared.signedXML), .blob([UInt8](prepared.zip)),
                 .text(prepared.digestValue), .text(user), .text(t), .text(t)])
            let id = db.lastInsertRowID
            for l in lines {
                try db.execute(
                    "INSERT INTO e_batch_document(batch_id, document_id, line, line_status, void_reason) VALUES (?, ?, ?, ?, ?)",
                    [.int(id), .int(l.documentID), .int(Int64(l.line)), .text(l.lineStatus),
                     l.voidReason.map(SQLValue.text) ?? .null])
                if !l.isVoid {
                    try db.execute(
                        "UPDATE e_document SET status = 'enviado', updated_at = ? WHERE id = ? AND status IN ('pendiente','error')",
                        [.text(t), .int(l.documentID)])
                }
            }
            try queue.enqueue(kind: Self.sendJobKind, payload: "{\"batch\":\(id)}", maxAttempts: 20,
                              idempotencyKey: Self.sendJobKey(prepared.identifier))
            try AuditLog(db: db, user: user, door: door).append(
                entity: "e_batch", entityId: id, action: .create,
                summary: "\(prepared.kind.displayName) \(prepared.identifier) con \(lines.count) comprobante(s)")
            guard let record = try batch(id: id) else {
                throw DatabaseError(code: 0, message: "e_batch \(id) vanished after insert", sql: nil)
            }
            return record
        }
    }

    // MARK: sending and answers

    /// Notes an attempt about to be sent: status `enviado`, one more attempt.
    public func markSending(id: Int64) throws {
        let t = stamp
        try db.write {
            try db.execute(
                """
                UPDATE e_batch SET status = 'enviado', attempts = attempts + 1, sent_at = coalesce(sent_at, ?),
                    updated_at = ? WHERE id = ? AND status IN ('pendiente','enviado','error')
                """, [.text(t), .text(t), .int(id)])
        }
    }

    /// Stores SUNAT's ticket and enqueues the job that polls it, in one transaction.
    public func recordTicket(id: Int64, ticket: String) throws {
        let t = stamp
        try db.write {
            try db.execute(
                "UPDATE e_batch SET ticket = ?, status = 'enviado', last_error = NULL, updated_at = ? WHERE id = ? AND ticket IS NULL",
                [.text(ticket), .text(t), .int(id)])
            if let b = try batch(id: id) { try ensureTicketJob(b) }
        }
    }

    /// Enqueues (once per batch) the job that polls the batch's ticket; a job that ran out of attempts is
    /// put back in line.
    public func ensureTicketJob(_ b: EBatchRecord) throws {
        try ensureJob(kind: Self.ticketJobKind, key: Self.ticketJobKey(b.identifier), batchID: b.id, maxAttempts: 40)
    }

    /// Enqueues (once per batch) the job that sends the batch; a job that ran out of attempts is put back.
    public func ensureSendJob(_ b: EBatchRecord) throws {
        try ensureJob(kind: Self.sendJobKind, key: Self.sendJobKey(b.identifier), batchID: b.id, maxAttempts: 20)
    }

    private func ensureJob(kind: String, key: String, batchID: Int64, maxAttempts: Int) throws {
        try db.write {
            if let job = try queue.job(idempotencyKey: key) {
                if job.state == .failed { try queue.retryNow(id: job.id) }
                return
            }
            try queue.enqueue(kind: kind, payload: "{\"batch\":\(batchID)}", maxAttempts: maxAttempts, idempotencyKey: key)
        }
    }

    /// Records a failed attempt (network, SUNAT exception, ticket still in process). `finalFailure` marks
    /// the batch `error` (the sweep puts it back in line later).
    public func recordError(id: Int64, message: String, finalFailure: Bool = false) throws {
        let t = stamp
        try db.write {
            try db.execute(
                """
                UPDATE e_batch SET last_error = ?, updated_at = ?,
                    status = CASE WHEN status IN ('aceptado','rechazado') THEN status
                                  WHEN ? THEN 'error' ELSE status END
                WHERE id = ?
                """, [.text(message), .text(t), .int(finalFailure ? 1 : 0), .int(id)])
        }
    }

    /// SUNAT accepted the batch: informed documents become `aceptado`, voided ones `anulado`.
    /// False (nothing changed) when the batch already had its answer.
    @discardableResult
    public func recordAccepted(id: Int64, cdrZip: Data?, responseCode: String, description: String) throws -> Bool {
        let t = stamp
        return try db.write {
            guard try answer(id: id, status: .aceptado, cdrZip: cdrZip, code: responseCode, description: description),
                  let b = try batch(id: id) else { return false }
            let informed = try db.query(
                """
                SELECT id FROM e_document WHERE status IN ('pendiente','enviado','error')
                  AND id IN (SELECT document_id FROM e_batch_document WHERE batch_id = ? AND line_status <> '3')
                """, [.int(id)]).map { $0.int("id") }
            try db.execute(
                """
                UPDATE e_document SET status = 'aceptado', response_code = ?, response_description = ?, ticket = ?,
                    last_error = NULL, answered_at = ?, updated_at = ?
                WHERE status IN ('pendiente','enviado','error')
                  AND id IN (SELECT document_id FROM e_batch_document WHERE batch_id = ? AND line_status <> '3')
                """,
                [.text(responseCode), .text("Informado en \(b.identifier): \(description)"),
                 b.ticket.map(SQLValue.text) ?? .null, .text(t), .text(t), .int(id)])
            try db.execute(
                """
                UPDATE e_document SET status = 'anulado', voided_at = ?, void_error = NULL, updated_at = ?
                WHERE status IN ('aceptado','observado')
                  AND id IN (SELECT document_id FROM e_batch_document WHERE batch_id = ? AND line_status = '3')
                """, [.text(t), .text(t), .int(id)])
            try cancelReceivables(batchID: id)
            for document in informed {
                try DocumentMailing.documentAccepted(db: db, documentId: document, user: user, door: door, now: nowDate)
            }
            try AuditLog(db: db, user: user, door: door).append(
                entity: "e_batch", entityId: id, action: .update,
                summary: "\(b.kind.displayName) \(b.identifier) aceptado por SUNAT (\(responseCode))")
            return true
        }
    }

    /// SUNAT rejected the batch. Informed boletas become `rechazado` with SUNAT's reason (their number stays
    /// spent, as with a rejected factura: the signed boleta cannot change, so summarising it again would be
    /// rejected again; a new boleta must be issued). Voided documents keep their status: the request is
    /// cleared and `void_error` tells why, so the baja may be requested again.
    @discardableResult
    public func recordRejected(id: Int64, cdrZip: Data?, responseCode: String, description: String) throws -> Bool {
        let t = stamp
        return try db.write {
            guard try answer(id: id, status: .rechazado, cdrZip: cdrZip, code: responseCode, description: description),
                  let b = try batch(id: id) else { return false }
            try db.execute(
                """
                UPDATE e_document SET status = 'rechazado', response_code = ?, response_description = ?, ticket = ?,
                    answered_at = ?, updated_at = ?
                WHERE status IN ('pendiente','enviado','error')
                  AND id IN (SELECT document_id FROM e_batch_document WHERE batch_id = ? AND line_status <> '3')
                """,
                [.text(responseCode), .text("Resumen \(b.identifier) rechazado: \(description)"),
                 b.ticket.map(SQLValue.text) ?? .null, .text(t), .text(t), .int(id)])
            try db.execute(
                """
                UPDATE e_document SET void_reason = NULL, void_requested_at = NULL, void_requested_by = NULL,
                    void_error = ?, updated_at = ?
                WHERE status IN ('aceptado','observado')
                  AND id IN (SELECT document_id FROM e_batch_document WHERE batch_id = ? AND line_status = '3')
                """, [.text("SUNAT rechazó la baja (\(b.identifier)): \(responseCode) \(description)"), .text(t), .int(id)])
            try cancelReceivables(batchID: id)
            try AuditLog(db: db, user: user, door: door).append(
                entity: "e_batch", entityId: id, action: .update,
                summary: "\(b.kind.displayName) \(b.identifier) rechazado por SUNAT (\(responseCode)): \(description)")
            return true
        }
    }

    /// The batch's documents that turned rechazado or anulado cancel their receivables (`ReceivableLedger`).
    private func cancelReceivables(batchID: Int64) throws {
        for row in try db.query("SELECT document_id FROM e_batch_document WHERE batch_id = ?", [.int(batchID)]) {
            try ReceivableLedger.documentCancelled(db: db, documentId: row.int("document_id"), user: user, door: door, now: nowDate)
        }
    }

    private func answer(id: Int64, status: EBatchStatus, cdrZip: Data?, code: String, description: String) throws -> Bool {
        let t = stamp
        try db.execute(
            """
            UPDATE e_batch SET status = ?, cdr_zip = ?, response_code = ?, response_description = ?, last_error = NULL,
                answered_at = ?, updated_at = ?
            WHERE id = ? AND status NOT IN ('aceptado','rechazado')
            """,
            [.text(status.rawValue), cdrZip.map { .blob([UInt8]($0)) } ?? .null, .text(code), .text(description),
             .text(t), .text(t), .int(id)])
        return db.changes == 1
    }

    // MARK: the sweep

    /// Puts back in line what should be moving and is not: unfinished batches whose send or ticket job
    /// ran out of attempts (or is missing), and requested bajas with no job to collect them.
    /// Returns how many jobs were enqueued or re-queued.
    @discardableResult
    public func sweep() throws -> Int {
        try db.write {
            var count = 0
            let open = try db.query(
                "SELECT \(EBatchRecord.columns) FROM e_batch b WHERE status IN ('pendiente','enviado','error') ORDER BY id")
                .map(EBatchRecord.init(row:))
            for b in open {
                let key = b.ticket == nil ? Self.sendJobKey(b.identifier) : Self.ticketJobKey(b.identifier)
                let before = try queue.job(idempotencyKey: key)
                if b.ticket == nil { try ensureSendJob(b) } else { try ensureTicketJob(b) }
                if before == nil || before?.state == .failed { count += 1 }
            }
            for (family, kind) in [(DocumentFamily.factura, Self.voidJobKind), (.boleta, Self.summaryJobKind)] {
                let waiting = try db.scalar("SELECT count(*) FROM job WHERE kind = ? AND state IN ('pending','running')",
                                            [.text(kind)]).intValue ?? 0
                if waiting == 0, !(try pendingVoids(family: family).isEmpty) {
                    try queue.enqueue(kind: kind, maxAttempts: 20)
                    count += 1
                }
            }
            return count
        }
    }

    // MARK: reading

    public func batch(id: Int64) throws -> EBatchRecord? {
        try db.queryOne("SELECT \(EBatchRecord.columns) FROM e_batch b WHERE b.id = ?", id).map(EBatchRecord.init(row:))
    }

    public func batch(identifier: String) throws -> EBatchRecord? {
        try db.queryOne("SELECT \(EBatchRecord.columns) FROM e_batch b WHERE b.identifier = ?", identifier.uppercased())
            .map(EBatchRecord.init(row:))
    }

    /// Newest first, one page at a time: pass the last id of the previous page as `beforeID`.
    public func list(status: EBatchStatus? = nil, beforeID: Int64? = nil, limit: Int = 100) throws -> [EBatchRecord] {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let status { conditions.append("b.status = ?"); args.append(.text(status.rawValue)) }
        if let beforeID { conditions.append("b.id < ?"); args.append(.int(beforeID)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        args.append(.int(Int64(max(0, limit))))
        return try db.query("SELECT \(EBatchRecord.columns) FROM e_batch b\(whereClause) ORDER BY b.id DESC LIMIT ?", args)
            .map(EBatchRecord.init(row:))
    }

    /// The documents a batch reports, in line order.
    public func lines(batchID: Int64) throws -> [EBatchLine] {
        try db.query("SELECT document_id, line, line_status, void_reason FROM e_batch_document WHERE batch_id = ? ORDER BY line",
                     batchID).map {
            EBatchLine(documentID: $0.int("document_id"), line: Int($0.int("line")), lineStatus: $0.string("line_status"),
                       voidReason: $0.optionalString("void_reason"))
        }
    }

    /// The batches that reported a document, oldest first.
    public func batches(documentID: Int64) throws -> [EBatchRecord] {
        try db.query(
            """
            SELECT \(EBatchRecord.columns) FROM e_batch b
            WHERE b.id IN (SELECT batch_id FROM e_batch_document WHERE document_id = ?) ORDER BY b.id
            """, documentID).map(EBatchRecord.init(row:))
    }

    /// The signed XML exactly as stored and sent.
    public func signedXML(id: Int64) throws -> [UInt8]? { try blob("signed_xml", id) }
    /// The ZIP exactly as sent.
    public func zip(id: Int64) throws -> Data? { try blob("zip", id).map { Data($0) } }
    /// SUNAT's CDR ZIP, once answered.
    public func cdrZip(id: Int64) throws -> Data? { try blob("cdr_zip", id).map { Data($0) } }

    private func blob(_ column: String, _ id: Int64) throws -> [UInt8]? {
        switch try db.scalar("SELECT \(column) FROM e_batch WHERE id = ?", [.int(id)]) {
        case .blob(let b): return b
        case .text(let t): return Array(t.utf8)
        default: return nil
        }
    }
}
