import Foundation
import Testing
@testable import BytekStore

/// v4: e_batch, e_batch_document and the void columns on e_document.
@Suite("Migration v4: RC/RA batches")
struct BillingBatchMigrationTests {
    static func insertDocument(_ db: Database, series: String = "F001", number: Int64 = 1) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type,
                customer_doc_number, customer_name, currency, taxable_cents, igv_cents, total_cents, status, file_name,
                document_json, signed_xml, zip, digest_value, created_at, updated_at)
            VALUES ('01', ?, ?, '2026-11-26', '2026-11-26T10:00:00Z', '20123456786', '6', '20100070970', 'CLIENTE',
                'PEN', 10000, 1800, 11800, 'aceptado', 'f', '{}', x'00', x'00', 'd', '', '')
            """, [.text(series), .int(number)])
        return db.lastInsertRowID
    }

    @Test func v3DocumentsSurviveAndGainVoidColumns() throws {
        let folder = TempFolder()
        do {
            let db = try Database(path: folder.file())
            try Migrator.migrate(db, upTo: 3)
            _ = try Self.insertDocument(db)
        }
        let db = try Database(path: folder.file())
        let applied = try Migrator.migrate(db)
        #expect(applied.first == 4)
        let row = try #require(try db.queryOne("SELECT status, void_reason, void_requested_at, void_error, voided_at FROM e_document"))
        #expect(row.string("status") == "aceptado")
        #expect(row.optionalString("void_reason") == nil)
        #expect(row.optionalString("void_requested_at") == nil)
        let record = try #require(try EDocumentRepository(db: db).record(series: "F001", number: 1))
        #expect(record.voidReason == nil)
        #expect(!record.isVoidPending)
        #expect(try db.integrityCheck() == "ok")
    }

    @Test func batchTablesAreStrictAndChecked() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        for table in ["e_batch", "e_batch_document"] {
            let strict = try db.scalar("SELECT strict FROM pragma_table_list WHERE name = ?", [.text(table)]).intValue
            #expect(strict == 1, "\(table) is not STRICT")
        }
        let indexes = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'index'").map { $0.string("name") })
        #expect(indexes.isSuperset(of: ["e_batch_by_status", "e_batch_document_by_document", "e_document_void_requested"]))

        func insertBatch(kind: String, day: String, seq: Int64, status: String = "pendiente") throws {
            try db.execute(
                """
                INSERT INTO e_batch(kind, identifier, issue_date, sequence, reference_date, issuer_ruc, file_name, status,
                    signed_xml, zip, digest_value, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, '20123456786', 'x', ?, x'00', x'00', 'd', '', '')
                """, [.text(kind), .text("\(kind)-\(day)-\(seq)"), .text(day), .int(seq), .text(day), .text(status)])
        }
        try insertBatch(kind: "RC", day: "2026-11-26", seq: 1)
        try insertBatch(kind: "RA", day: "2026-11-26", seq: 1)      // another kind: its own sequence
        #expect(throws: DatabaseError.self) { try insertBatch(kind: "RC", day: "2026-11-26", seq: 1) }
        #expect(throws: DatabaseError.self) { try insertBatch(kind: "RX", day: "2026-11-26", seq: 2) }
        #expect(throws: DatabaseError.self) { try insertBatch(kind: "RC", day: "2026-11-26", seq: 3, status: "anulado") }
        #expect(throws: DatabaseError.self) { try insertBatch(kind: "RC", day: "2026-11-26", seq: 0) }

        let doc = try Self.insertDocument(db)
        try db.execute("INSERT INTO e_batch_document(batch_id, document_id, line, line_status) VALUES (1, ?, 1, '1')", [.int(doc)])
        #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO e_batch_document(batch_id, document_id, line, line_status) VALUES (2, ?, 1, '4')", [.int(doc)])
        }
        #expect(throws: DatabaseError.self) {   // foreign key: no such document
            try db.execute("INSERT INTO e_batch_document(batch_id, document_id, line, line_status) VALUES (2, 999, 1, '1')")
        }
        #expect(try EBatchRepository(db: db).nextSequence(kind: .resumen, issueDate: "2026-11-26") == 2)
        #expect(try EBatchRepository(db: db).nextSequence(kind: .resumen, issueDate: "2026-11-27") == 1)
    }
}
