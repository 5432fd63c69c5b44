import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek invoice summary|void` and the worker process: resumen diario and comunicación de baja against
/// the SUNAT emulator.
@Suite("bytek invoice summary and void against the SUNAT emulator", .serialized)
struct InvoiceBatchCLITests {
    static func boletaJSON(_ description: String) -> String {
        """
        {"kind": "03", "currency": "PEN",
         "customer": {"documentType": "1", "number": "45678912", "name": "María Quispe"},
         "lines": [{"description": "\(description)", "quantity": "1", "unitPrice": "50.00", "unit": "NIU",
                    "affectation": "10", "itemKind": "product"}]}
        """
    }

    @Test func summaryCommandThenWorkerAcceptsTheBoletas() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        _ = try emulator.http("/__control", json: ["polls": 0])
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        for i in 1...2 {
            let r = try fx.run("invoice", "issue", "--file", try fx.write("b\(i).json", Self.boletaJSON("Mouse \(i)")), extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let bad = try fx.run("invoice", "summary", "--date", "26/11/2026")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("AAAA-MM-DD"))
        let summary = try fx.run("invoice", "summary")
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.contains("2 boleta(s) por informar"))

        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let show = try fx.run("invoice", "show", "B001-2")
        #expect(show.stdout.contains("Estado SUNAT: aceptado"), "\(show.stdout)")
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT status FROM e_batch").stringValue == "aceptado")
        #expect(try emulator.log().filter { ($0["operation"] as? String) == "sendBill" }.isEmpty)
        // The worker added the daily summary schedule.
        #expect(try db.scalar("SELECT rule FROM schedule WHERE name = 'resumen-diario'").stringValue == "daily 21:00")
    }

    @Test func voidCommandThenWorkerVoidsTheFactura() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        _ = try emulator.http("/__control", json: ["polls": 0])
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        let issued = try fx.run("invoice", "issue", "--file", try fx.write("f.json", InvoiceCLITests.invoiceJSON("Soporte")), extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")

        let early = try fx.run("invoice", "void", "F001-1", "--reason", "Error")
        #expect(early.status == 1)
        #expect(early.stderr.contains("solo se puede dar de baja un comprobante aceptado"))
        #expect(try fx.run("worker", "--once", extra: env).status == 0)

        let noReason = try fx.run("invoice", "void", "F001-1")
        #expect(noReason.status != 0)
        #expect(noReason.stderr.contains("--reason"))
        let missing = try fx.run("invoice", "void", "F001-99", "--reason", "Error")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no existe el comprobante F001-99"))

        // Ventas only reads Facturación: the operations layer refuses the baja, and the CLI says why.
        #expect(try fx.run("user", "add", "vendedor", "--name", "Vendedor", "--role", "ventas").status == 0)
        let refused = try fx.run("invoice", "void", "F001-1", "--reason", "Error en el RUC", user: "vendedor")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("el rol ventas no tiene permiso para modificar Facturación"), "\(refused.stderr)")
        #expect(try fx.run("invoice", "show", "F001-1", user: "vendedor").stdout.contains("Estado SUNAT: aceptado"))

        let void = try fx.run("invoice", "void", "F001-1", "--reason", "Error en el RUC")
        #expect(void.status == 0, "\(void.stderr)")
        #expect(void.stdout.contains("Baja solicitada para F001-1"))
        let again = try fx.run("invoice", "void", "F001-1", "--reason", "Error en el RUC")
        #expect(again.status == 1)
        #expect(again.stderr.contains("ya se solicitó la baja de F001-1"))

        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        let show = try fx.run("invoice", "show", "F001-1")
        #expect(show.stdout.contains("Estado SUNAT: anulado"), "\(show.stdout)")
        let db = try Database(path: fx.dbPath)
        let batch = try #require(try db.queryOne("SELECT kind, status FROM e_batch"))
        #expect(batch.string("kind") == "RA")
        #expect(batch.string("status") == "aceptado")
    }

    /// A worker killed with SIGKILL at random moments while it builds, sends and polls a summary, then
    /// left to finish: every boleta is accepted, each in exactly one accepted summary, and SUNAT never
    /// received a summary the store does not know (a resend is always the stored ZIP).
    @Test func sigkillLoopDuringSummariesLosesNothing() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        _ = try emulator.http("/__control", json: ["polls": 0])
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        let count = 4
        for i in 1...count {
            let r = try fx.run("invoice", "issue", "--file", try fx.write("b\(i).json", Self.boletaJSON("Item \(i)")), extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try fx.run("invoice", "summary").status == 0)
        _ = try emulator.http("/__control", json: ["mode": "delay", "delay_seconds": 0.3])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let w = try fx.start(["worker", "--lease", "1"], extra: env)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.9, using: &generator))
            kill(w.pid, SIGKILL)
            _ = w.wait(timeout: 10)
        }
        _ = try emulator.http("/__control", json: ["mode": "none"])
        let db = try Database(path: fx.dbPath)
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let pending = try db.scalar("SELECT count(*) FROM e_document WHERE status <> 'aceptado'").intValue ?? 0
            if pending == 0 { break }
            Thread.sleep(forTimeInterval: 1.1)
            let r = try fx.run("worker", "--once", "--lease", "1", extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(try db.scalar("SELECT count(*) FROM e_document WHERE status = 'aceptado'").intValue == Int64(count))
        let perDocument = try db.query(
            """
            SELECT d.series || '-' || d.number AS id, count(b.id) AS n FROM e_document d
            LEFT JOIN e_batch_document l ON l.document_id = d.id
            LEFT JOIN e_batch b ON b.id = l.batch_id AND b.status = 'aceptado' GROUP BY d.id
            """)
        for row in perDocument { #expect(row.int("n") == 1, "\(row.string("id")) in \(row.int("n")) accepted summaries") }
        let stored = Set(try db.query("SELECT file_name FROM e_batch").map { $0.string("file_name") + ".zip" })
        let sent = try emulator.log().filter { ($0["operation"] as? String) == "sendSummary" }
        #expect(!sent.isEmpty)
        for s in sent { #expect(stored.contains(s["fileName"] as? String ?? ""), "unknown summary sent: \(s)") }
        print("sigkill loop (RC): \(stored.count) batch(es), \(sent.count) sendSummary")
    }
}
