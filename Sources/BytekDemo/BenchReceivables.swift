import BytekModel
import BytekStore
import Foundation

/// The receivables of `bytek bench`: `documents` facturas (stand-in signed bytes) of ten cuotas each over the
/// bench's customers, issued up to 400 days back, most still open and some partly paid, in soles and
/// dollars across the three units — 200,000 receivables for 20,000 documents.
public enum BenchReceivables {
    /// Fills the tables when they are empty (a kept `--data` file is filled once). Returns the receivables.
    @discardableResult
    public static func fill(store: Store, documents: Int, today: LocalDate) throws -> Int {
        let db = store.db
        let existing = try db.scalar("SELECT count(*) FROM receivable").intValue ?? 0
        if existing > 0 { return Int(existing) }
        let customers = try db.scalar("SELECT max(id) FROM customer").intValue ?? 0
        guard customers > 0 else { return 0 }
        var rng = DemoRandom(seed: 11)
        let now = ISOTimestamp.format(Date())
        let units = ["U1", "U2", "U3"]
        var done = 0
        while done < documents {
            try db.write {
                for n in done..<min(documents, done + 2_000) {
                    let customer = Int64(rng.int(1...Int(customers)))
                    let issue = today.adding(days: -rng.int(0...400))
                    let currency = rng.int(1...100) <= 85 ? "PEN" : "USD"
                    let cuota = Int64(rng.int(100...50_000)) * 100
                    try db.execute(
                        """
                        INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type,
                            customer_doc_number, customer_name, currency, taxable_cents, igv_cents, total_cents, status, file_name,
                            document_json, signed_xml, zip, digest_value, created_by, created_at, updated_at)
                        SELECT '01', 'F900', ?, ?, ?, '20123456786', '6', doc_number, legal_name, ?, 0, 0, ?, 'aceptado', ?, '{}',
                            x'00', x'00', 'bench', 'bench', ?, ? FROM customer WHERE id = ?
                        """, [.int(Int64(n + 1)), .text(issue.description), .text(now), .text(currency), .int(cuota * 10),
                              .text("20123456786-01-F900-\(n + 1)"), .text(now), .text(now), .int(customer)])
                    let documentId = db.lastInsertRowID
                    let unit = units[rng.int(0...2)]
                    for k in 1...10 {
                        let due = issue.adding(days: 30 * k)
                        // Cuotas due long ago are mostly paid; the rest open, some partly.
                        let paid = due < today.adding(days: -120) && rng.int(1...10) <= 8
                        let settled = paid ? cuota : (rng.int(1...10) == 1 ? cuota / 2 : 0)
                        try db.execute(
                            """
                            INSERT INTO receivable(document_id, document_ref, document_kind, customer_id, customer_name,
                                customer_doc_number, part, installment, currency, amount_cents, settled_cents, issue_date, due_date,
                                unit, is_open, created_at)
                            SELECT ?, ?, '01', id, legal_name, doc_number, 'neto', ?, ?, ?, ?, ?, ?, ?, ?, ? FROM customer WHERE id = ?
                            """, [.int(documentId), .text("F900-\(n + 1)"), .int(Int64(k)), .text(currency), .int(cuota), .int(settled),
                                  .text(issue.description), .text(due.description), .text(unit), .int(settled < cuota ? 1 : 0),
                                  .text(now), .int(customer)])
                    }
                }
            }
            done = min(documents, done + 2_000)
        }
        try db.execute("ANALYZE")
        return documents * 10
    }
}
