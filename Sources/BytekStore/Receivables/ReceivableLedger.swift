import BytekModel
import Foundation

/// Turns every issued document into what the customer owes, inside the issuing transaction (so no
/// document is ever stored without its receivables, whoever issued it: a user, the CLI, the worker).
/// Called by `EDocumentRepository.issue`; `documentCancelled` by the places a document turns
/// rechazado or anulado (`EDocumentRepository.recordAnswer`, `EBatchRepository`).
///
/// - A factura, boleta or debit note becomes its receivables (`ReceivableSplit`: cuotas, detracción in
///   soles, retención of a retention agent). Issued by the worker: `unattended`.
/// - A credit note settles the original's open neto receivables, latest due first; what it credits beyond
///   what is open becomes the customer's credit (saldo a favor).
/// - A rejected or voided document cancels its receivables; what payments, credit notes and customer credit
///   had applied to them returns to the customer as credit (deposits and retention receipts are only undone).
///   A rejected or voided credit note undoes what it settled and takes back the credit it left.
enum ReceivableLedger {
    /// `id` is the new e_document row of `document` (numbered), `amounts` its figures.
    static func documentIssued(db: Database, id: Int64, document: EDocument, amounts: EDocumentAmounts,
                               user: String, now: Date) throws {
        let customer = try customerRow(db: db, document.customer)
        let stamp = ISOTimestamp.format(now)
        if document.kind == .notaCredito {
            try creditNoteIssued(db: db, id: id, document: document, amounts: amounts, customerId: customer?.id,
                                 user: user, stamp: stamp)
            return
        }
        let planned = ReceivableSplit.plan(document: document, amounts: amounts, creditDays: customer?.creditDays ?? 0,
                                           retentionAgent: customer?.retentionAgent ?? false)
        guard !planned.isEmpty else { return }
        let unit = try unitOf(db: db, quoteNumber: document.orderReference)
        var rate = document.exchangeRate
        if rate == nil, document.currency == .usd { rate = try dayRate(db: db, document.issueDate) }
        for p in planned {
            try db.execute(
                """
                INSERT INTO receivable(document_id, document_ref, document_kind, customer_id, customer_name,
                    customer_doc_number, part, installment, currency, amount_cents, exchange_rate, issue_date, due_date,
                    unit, unattended, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.int(id), .text(document.id), .text(document.kind.code), customer.map { .int($0.id) } ?? .null,
                 .text(document.customer.name), .text(document.customer.number), .text(p.part.rawValue),
                 .int(Int64(p.installment)), .text(p.amount.currency.rawValue), .int(p.amount.minorUnits),
                 p.amount.currency == .usd ? (rate.map { .text("\($0)") } ?? .null) : .null,
                 .text(document.issueDate.description), .text(p.dueDate.description), unit.map { .text($0) } ?? .null,
                 .int(user == "worker" ? 1 : 0), .text(stamp)])
        }
    }

    /// A credit note settles the original's open neto receivables, latest due first; the rest is credit.
    private static func creditNoteIssued(db: Database, id: Int64, document: EDocument, amounts: EDocumentAmounts,
                                         customerId: Int64?, user: String, stamp: String) throws {
        guard let reference = document.note?.reference, amounts.total.amount > 0 else { return }
        var left = amounts.total.minorUnits
        let currency = amounts.total.currency
        let date = document.issueDate.description
        let open = try db.query(
            """
            SELECT r.id, r.amount_cents - r.settled_cents AS open, r.customer_id, r.exchange_rate FROM receivable r
            JOIN e_document d ON d.id = r.document_id
            WHERE d.series = ? AND d.number = ? AND r.part = 'neto' AND r.is_open = 1 AND r.currency = ?
            ORDER BY r.due_date DESC, r.installment DESC, r.id DESC
            """, [.text(reference.series.code), .int(Int64(reference.number)), .text(currency.rawValue)])
        for row in open where left > 0 {
            let take = min(left, row.int("open"))
            guard take > 0 else { continue }
            try db.execute(
                """
                INSERT INTO receivable_application(receivable_id, source, credit_note_id, customer_id, date, amount_cents,
                    source_currency, source_amount_cents, created_by, created_at)
                VALUES (?, 'nota_credito', ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(row.int("id")), .int(id), row["customer_id"], .text(date), .int(take), .text(currency.rawValue),
                      .int(take), .text(user), .text(stamp)])
            try settle(db: db, receivableId: row.int("id"), by: take)
            left -= take
        }
        if left > 0, let customerId {
            try db.execute(
                """
                INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, document_id, date, note, created_by,
                    created_at) VALUES (?, ?, ?, 'nota_credito', ?, ?, ?, ?, ?)
                """, [.int(customerId), .text(currency.rawValue), .int(left), .int(id), .text(date),
                      .text("Nota de crédito \(document.id)"), .text(user), .text(stamp)])
        }
    }

    /// Adds `cents` (negative to undo) to what a receivable has settled, and keeps `is_open`.
    static func settle(db: Database, receivableId: Int64, by cents: Int64) throws {
        try db.execute(
            """
            UPDATE receivable SET settled_cents = settled_cents + ?,
                is_open = CASE WHEN cancelled = 0 AND settled_cents + ? < amount_cents THEN 1 ELSE 0 END
            WHERE id = ?
            """, [.int(cents), .int(cents), .int(receivableId)])
    }

    /// The document `documentId` turned rechazado or anulado: cancels its receivables (what they had received
    /// returns as customer credit) or, for a credit note, undoes what it settled. Does nothing when the
    /// document is not in one of those statuses or was already handled, so callers may call it freely.
    static func documentCancelled(db: Database, documentId: Int64, user: String, door: Door?, now: Date) throws {
        guard let doc = try db.queryOne("SELECT status, kind, series, number FROM e_document WHERE id = ?", [.int(documentId)]),
              ["rechazado", "anulado"].contains(doc.string("status")) else { return }
        let status = doc.string("status")
        let ref = doc.string("series") + "-" + String(doc.int("number"))
        let stamp = ISOTimestamp.format(now)
        let today = LimaTime.date(now).description
        let reason = status == "anulado" ? "\(ref) anulado" : "\(ref) rechazado por SUNAT"
        let audit = AuditLog(db: db, user: user, door: door, now: { now })
        if doc.string("kind") == DocumentKind.notaCredito.code {
            var undone = 0
            for a in try db.query("SELECT id, receivable_id, amount_cents FROM receivable_application WHERE credit_note_id = ? AND undone_at IS NULL",
                                  [.int(documentId)]) {
                try undo(db: db, applicationId: a.int("id"), receivableId: a.int("receivable_id"), cents: a.int("amount_cents"),
                         reason: reason, stamp: stamp)
                undone += 1
            }
            var takenBack = 0
            for c in try db.query("SELECT customer_id, currency, sum(amount_cents) AS total FROM customer_credit WHERE document_id = ? GROUP BY customer_id, currency",
                                  [.int(documentId)]) where c.int("total") > 0 {
                try db.execute(
                    """
                    INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, document_id, date, note, created_by, created_at)
                    VALUES (?, ?, ?, 'anulacion', ?, ?, ?, ?, ?)
                    """, [c["customer_id"], c["currency"], .int(-c.int("total")), .int(documentId), .text(today), .text(reason),
                          .text(user), .text(stamp)])
                takenBack += 1
            }
            if undone + takenBack > 0 {
                try audit.append(entity: ReceivableAuditEntity.ledgerReceivable, entityId: nil, action: .update,
                                 summary: "\(reason): se deshace lo que acreditó")
            }
            return
        }
        let receivables = try db.query("SELECT id, customer_id FROM receivable WHERE document_id = ? AND cancelled = 0",
                                       [.int(documentId)])
        guard !receivables.isEmpty else { return }
        for r in receivables {
            let apps = try db.query(
                """
                SELECT id, source, payment_id, source_currency, source_amount_cents, amount_cents FROM receivable_application
                WHERE receivable_id = ? AND undone_at IS NULL
                """, [.int(r.int("id"))])
            for a in apps {
                try undo(db: db, applicationId: a.int("id"), receivableId: r.int("id"), cents: a.int("amount_cents"),
                         reason: reason, stamp: stamp)
                let source = a.string("source")
                guard ["pago", "nota_credito", "saldo_favor"].contains(source), !r["customer_id"].isNull else { continue }
                try db.execute(
                    """
                    INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, payment_id, application_id, date,
                        note, created_by, created_at) VALUES (?, ?, ?, 'anulacion', ?, ?, ?, ?, ?, ?)
                    """, [r["customer_id"], a["source_currency"], .int(a.int("source_amount_cents")), a["payment_id"],
                          .int(a.int("id")), .text(today), .text(reason), .text(user), .text(stamp)])
            }
            try db.execute("UPDATE receivable SET cancelled = 1, is_open = 0, cancelled_at = ? WHERE id = ?",
                           [.text(stamp), .int(r.int("id"))])
        }
        try audit.append(entity: ReceivableAuditEntity.ledgerReceivable, entityId: receivables.first?.int("id"), action: .update,
                         summary: "Cuentas por cobrar de \(reason): canceladas")
    }

    /// Marks an application undone and takes its amount off the receivable's settled amount.
    static func undo(db: Database, applicationId: Int64, receivableId: Int64, cents: Int64, reason: String,
                     stamp: String) throws {
        try db.execute("UPDATE receivable_application SET undone_at = ?, undone_reason = ? WHERE id = ? AND undone_at IS NULL",
                       [.text(stamp), .text(reason), .int(applicationId)])
        guard db.changes == 1 else { return }
        try settle(db: db, receivableId: receivableId, by: -cents)
    }

    // MARK: lookups

    struct CustomerFacts { var id: Int64; var creditDays: Int; var retentionAgent: Bool }

    static func customerRow(db: Database, _ c: DocumentCustomer) throws -> CustomerFacts? {
        guard let type = c.documentType.documentType else { return nil }
        return try db.queryOne("SELECT id, credit_days, retention_agent FROM customer WHERE doc_type = ? AND doc_number = ?",
                               [.text(type.rawValue), .text(c.number)])
            .map { CustomerFacts(id: $0.int("id"), creditDays: Int($0.int("credit_days")), retentionAgent: $0.bool("retention_agent")) }
    }

    static func unitOf(db: Database, quoteNumber: String?) throws -> String? {
        guard let q = quoteNumber, !q.isEmpty else { return nil }
        return try db.scalar("SELECT unit FROM quote WHERE number = ? ORDER BY id DESC LIMIT 1", [.text(q)]).stringValue
    }

    /// The venta rate of `date` (or the latest before it), soles per dollar.
    static func dayRate(db: Database, _ date: LocalDate) throws -> Decimal? {
        guard let milli = try db.scalar("SELECT sell_milli FROM exchange_rate WHERE date <= ? ORDER BY date DESC LIMIT 1",
                                        [.text(date.description)]).intValue else { return nil }
        return Decimal(milli) / 1000
    }
}

/// The audit entities of Cobranzas.
public enum ReceivableAuditEntity {
    public static let ledgerReceivable = "receivable"
    public static let ledgerPayment = "payment"
    public static let ledgerBankAccount = "bank_account"
    public static let ledgerDeposit = "detraccion_deposit"
    public static let ledgerRetention = "retention_receipt"
    public static let ledgerCredit = "customer_credit"

    public static let all = [ledgerReceivable, ledgerPayment, ledgerBankAccount, ledgerDeposit, ledgerRetention, ledgerCredit]
}
