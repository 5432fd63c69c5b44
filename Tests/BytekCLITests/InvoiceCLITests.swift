import BytekModel
import BytekStore
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The SUNAT emulator for the CLI tests (python3 + Tests/SunatEmulator/sunat_emulator.py on port 0).
final class InvoiceEmulator: @unchecked Sendable {
    static let script: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SunatEmulator/sunat_emulator.py").path
    let process = Process()
    let port: Int

    /// `arguments` are added to the emulator's (`--no-rules`, `--clock-file RUTA`…).
    init(script: String = InvoiceEmulator.script, arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let b = out.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty || b.first == UInt8(ascii: "\n") { break }
            line.append(b)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let p = Int(text.dropFirst(10)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        port = p
    }

    func stop() { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    func http(_ path: String, json: [String: Any]? = nil) throws -> Any {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 20)
        if let json {
            request.httpMethod = "POST"
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let box = HTTPBox()
        URLSession.shared.dataTask(with: request) { d, _, e in box.finish(d, e) }.resume()
        box.done.wait()
        if let e = box.error { throw e }
        return try JSONSerialization.jsonObject(with: box.data ?? Data())
    }

    func log() throws -> [[String: Any]] { (try http("/__log") as? [[String: Any]]) ?? [] }
}

private final class HTTPBox: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var data: Data?
    var error: (any Error)?
    func finish(_ d: Data?, _ e: (any Error)?) { data = d; error = e; done.signal() }
}

/// The invoice commands and the worker process against the emulator.
@Suite("bytek invoice and the worker against the SUNAT emulator", .serialized)
struct InvoiceCLITests {
    /// A PKCS#12 made with openssl, as base64 for BYTEK_CERT_PFX_BASE64.
    static func certificate(in folder: String) throws -> String {
        func tool(_ args: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: folder)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(args)")
        }
        try tool(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30", "-keyout", "k.pem",
                  "-out", "c.pem", "-subj", "/C=PE/O=BYTEK/CN=20123456786"])
        try tool(["openssl", "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "c.pfx", "-passout", "pass:clave"])
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/c.pfx")).base64EncodedString()
    }

    static func setUp(_ fx: CLIFixture, emulatorPort: Int, rulesFolder: String? = nil) throws -> [String: String] {
        try fx.withAdmin()
        let rules = rulesFolder.map { ", \"rulesFolder\": \"\($0)\"" } ?? ""
        let settings = """
        {"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "tradeName": "BYTEK", "establishmentCode": "0000",
          "address": {"ubigeo": "150122", "line": "Av. Larco 1232", "district": "Miraflores", "province": "Lima",
                      "department": "Lima", "countryCode": "PE"}},
         "environment": "emulator", "timeoutSeconds": 5,
         "endpoints": {"emulator": {"billService": "http://127.0.0.1:\(emulatorPort)/ol-ti-itcpfegem-beta/billService",
                                    "consultService": "http://127.0.0.1:\(emulatorPort)/ol-it-wsconscpegem/billConsultService"}}\(rules)}
        """
        let r = try fx.run("invoice", "settings", "--file", try fx.write("ajustes.json", settings))
        #expect(r.status == 0, "\(r.stderr)")
        return ["BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos",
                "BYTEK_CERT_PFX_BASE64": try certificate(in: fx.folder), "BYTEK_CERT_PASSWORD": "clave"]
    }

    static func invoiceJSON(_ description: String) -> String {
        """
        {"kind": "01", "currency": "PEN", "orderReference": "COT-2026-0001",
         "customer": {"documentType": "6", "number": "\(validRUC("2010007097"))", "name": "CLIENTE S.A.C."},
         "lines": [{"description": "\(description)", "quantity": "2", "unitPrice": "150.00", "unit": "ZZ",
                    "affectation": "10", "itemKind": "service"}]}
        """
    }

    @Test func issueThenWorkerOnceThenShowAndXML() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let issued = try fx.run("invoice", "issue", "--file", try fx.write("f.json", Self.invoiceJSON("Soporte")), extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("F001-1"))

        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let show = try fx.run("invoice", "show", "F001-1")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Estado SUNAT: aceptado"))
        #expect(show.stdout.contains("Total: S/ 354.00"))   // 2 × 150 + 18%

        // `xml` prints the stored bytes exactly.
        let xml = try fx.binary.start(["invoice", "xml", "F001-1"], environment: fx.environment(), folder: fx.folder).wait()
        #expect(xml.status == 0)
        let db = try Database(path: fx.dbPath)
        guard case .blob(let stored) = try db.scalar("SELECT signed_xml FROM e_document WHERE series = 'F001' AND number = 1") else {
            Issue.record("no signed_xml"); return
        }
        #expect(Array(xml.stdout.utf8) == stored)

        let list = try fx.run("invoice", "list")
        #expect(list.stdout.contains("F001-1\t01"))
        let status = try fx.run("invoice", "status")
        #expect(status.stdout.contains("aceptado\t1"))
    }

    @Test func credentialsFileReadableByOthersIsRefused() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        var env = try Self.setUp(fx, emulatorPort: emulator.port)
        let file = try fx.write("cred", "sol_user=MODDATOS\nsol_password=moddatos\ncert_password=clave\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        env["BYTEK_SUNAT_CREDENTIALS"] = file
        let r = try fx.run("invoice", "issue", "--file", try fx.write("f.json", Self.invoiceJSON("X")), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("permisos 0644"))
        #expect(r.stderr.contains("chmod 600"))
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM e_document").intValue == 0)
    }

    @Test func concurrentProcessesIssueAGaplessSequence() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let file = try fx.write("f.json", Self.invoiceJSON("Concurrente"))
        var running: [RunningBytek] = []
        for _ in 0..<4 {
            running.append(try fx.start(["invoice", "issue", "--file", file], extra: env))
        }
        var ok = 0
        for r in running { if r.wait().status == 0 { ok += 1 } }
        // Second wave while nothing else runs: the counter continues.
        running = try (0..<4).map { _ in try fx.start(["invoice", "issue", "--file", file], extra: env) }
        for r in running { if r.wait().status == 0 { ok += 1 } }
        #expect(ok == 8)
        let db = try Database(path: fx.dbPath)
        let numbers = try db.query("SELECT number FROM e_document ORDER BY number").map { Int($0.int("number")) }
        #expect(numbers == Array(1...8))
    }

    /// A worker killed with SIGKILL at random moments, ten times, then left to finish: every document is
    /// accepted, and the emulator accepted each one exactly once.
    @Test func sigkillLoopEndsWithEachDocumentAcceptedExactlyOnce() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let count = 6
        for i in 1...count {
            let r = try fx.run("invoice", "issue", "--file", try fx.write("f\(i).json", Self.invoiceJSON("Servicio \(i)")), extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        // Each answer takes a while, so kills land during sends too.
        _ = try emulator.http("/__control", json: ["mode": "delay", "delay_seconds": 0.3])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let w = try fx.start(["worker", "--lease", "1"], extra: env)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.9, using: &generator))
            kill(w.pid, SIGKILL)
            _ = w.wait(timeout: 10)
        }
        _ = try emulator.http("/__control", json: ["mode": "none"])
        let db = try Database(path: fx.dbPath)
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let pending = try db.scalar(
                "SELECT count(*) FROM e_document WHERE status NOT IN ('aceptado','observado','rechazado')").intValue ?? 0
            if pending == 0 { break }
            Thread.sleep(forTimeInterval: 1.1)   // let the dead workers' leases expire
            let r = try fx.run("worker", "--once", "--lease", "1", extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let statuses = try db.query("SELECT series || '-' || number AS id, status, file_name FROM e_document ORDER BY number")
        #expect(statuses.count == count)
        let log = try emulator.log()
        for row in statuses {
            #expect(row.string("status") == "aceptado", "\(row.string("id"))")
            let accepted = log.filter { ($0["operation"] as? String) == "sendBill"
                && ($0["fileName"] as? String) == row.string("file_name") + ".zip" && ($0["result"] as? String) == "accepted" }
            #expect(accepted.count == 1, "\(row.string("id")) accepted \(accepted.count) times")
        }
        let sends = log.filter { ($0["operation"] as? String) == "sendBill" }
        let repeats = sends.filter { ($0["code"] as? String) == "1033" }.count
        let cdrFetches = log.filter { ($0["operation"] as? String) == "getStatusCdr" }.count
        print("sigkill loop: \(sends.count) sendBill, \(repeats) answered 1033, \(cdrFetches) getStatusCdr")
        // A worker may die between the 1033 and its getStatusCdr; the next one sends again and gets 1033 again.
        #expect(repeats == 0 || cdrFetches > 0, "after 1033 the CDR is fetched, not sent again")
        let registered = (try emulator.http("/__documents") as? [String: Any]) ?? [:]
        #expect(registered.count == count)
    }
}

/// Issuing every kind of document from the command line: from an accepted quote, notes on accepted
/// documents, crédito with cuotas, detracción, discounts, and the Spanish messages when a rule is broken.
@Suite("bytek invoice issue: quotes, notes, cuotas, detracción", .serialized)
struct InvoiceIssueCLITests {
    /// A customer with RUC and an accepted quote (product, service, subscription) stored directly.
    static func acceptedQuote(_ fx: CLIFixture, state: QuoteState = .accepted, terms: PaymentTerms = .cash,
                              customer template: Customer? = nil) throws -> (Quote, QuoteTotals) {
        let store = try Store(path: fx.dbPath)
        let customer = try CustomerRepository(db: store.db, user: "admin").create(template ?? Customer(
            docType: .ruc, docNumber: validRUC("2010007097"), legalName: "CLIENTE DE COTIZACIÓN S.A.C.",
            address: "Av. Arequipa 100", department: "Lima", province: "Lima", district: "Lince"))
        let today = LimaTime.date(Date())
        let content = QuoteContent(customerId: customer.id, unit: .software, issueDate: today, paymentTerms: terms,
                                   globalDiscount: .percent(5), lines: [
            .product("Laptop", quantity: 2, unitPrice: Money(Decimal(string: "1234.56") ?? 0, .pen), discount: .percent(3)),
            .service("Instalación", quantity: Decimal(string: "7.5") ?? 0, rate: Money(80, .pen)),
            .subscription("Soporte mensual", periods: 12, pricePerPeriod: Money(150, .pen), period: .monthly),
        ])
        let quotes = QuoteRepository(db: store.db, user: "admin")
        var quote = try quotes.createDraft(Quote(content))
        guard let id = quote.id else { throw CocoaError(.fileWriteUnknown) }
        if state != .draft { quote = try quotes.send(id, on: today) }
        if state == .accepted { quote = try quotes.accept(id, on: today).quote }
        return (quote, try quote.totals())
    }

    /// The settings of `InvoiceCLITests.setUp` with a Banco de la Nación account for detracciones.
    static func setDetraccionAccount(_ fx: CLIFixture) throws {
        let store = try Store(path: fx.dbPath)
        var settings = try EInvoicingSettingsRepository(db: store.db).require()
        settings.detraccionAccount = "00-000-123456"
        try EInvoicingSettingsRepository(db: store.db).save(settings)
    }

    static func json(_ fx: CLIFixture, _ name: String, _ text: String) throws -> String { try fx.write(name, text) }

    @Test func fromAcceptedQuoteOnceThenAcceptedBySunat() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        var env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        env["TZ"] = "America/Lima"
        let (quote, totals) = try Self.acceptedQuote(fx, terms: .credit(days: 30))
        // Services over S/ 700 in a factura take a detracción, which needs the account in the settings.
        let noAccount = try fx.run("invoice", "issue", "--from-quote", quote.number, extra: env)
        #expect(noAccount.status == 1)
        #expect(noAccount.stderr.contains("Falta la cuenta de detracciones del Banco de la Nación"), "\(noAccount.stderr)")
        try Self.setDetraccionAccount(fx)

        let r = try fx.run("invoice", "issue", "--from-quote", quote.number, extra: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Factura F001-1 emitida: PEN \(totals.oneTime.plainAmount)"), "\(r.stdout)")
        #expect(r.stdout.contains("hash "))

        // The stored document is the one-time part, with the quote as order reference and one cuota.
        let store = try Store(path: fx.dbPath)
        let repo = EDocumentRepository(db: store.db)
        guard let record = try repo.record(documentID: "F001-1"), let doc = try repo.document(id: record.id) else {
            Issue.record("F001-1 not stored"); return
        }
        #expect(record.total == totals.oneTime)
        #expect(record.quoteNumber == quote.number)
        #expect(doc.orderReference == quote.number)
        #expect(doc.lines.count == 2)
        #expect(doc.detraccion != nil)   // the service line and a total over S/ 700
        guard case .credito(let cuotas) = doc.paymentForm else { Issue.record("not crédito"); return }
        #expect(cuotas.count == 1)
        #expect(cuotas.first?.amount == (try doc.amounts()).pending.amount)

        // Twice is refused: the quote is already billed.
        let again = try fx.run("invoice", "issue", "--from-quote", quote.number, extra: env)
        #expect(again.status == 1)
        #expect(again.stderr.contains("ya se facturó en F001-1"), "\(again.stderr)")

        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let show = try fx.run("invoice", "show", "F001-1")
        #expect(show.stdout.contains("Estado SUNAT: aceptado") || show.stdout.contains("Estado SUNAT: observado"), "\(show.stdout)")
    }

    /// A customer with DNI gets a boleta (B001) without saying so; --version picks the accepted version.
    @Test func personCustomerGetsABoleta() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        let person = Customer(docType: .dni, docNumber: "45678912", legalName: "María Quispe Huamán")
        let (quote, totals) = try Self.acceptedQuote(fx, customer: person)
        let wrong = try fx.run("invoice", "issue", "--from-quote", quote.number, "--version", "2", extra: env)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("no existe la versión 2 de la cotización \(quote.number)"), "\(wrong.stderr)")
        let r = try fx.run("invoice", "issue", "--from-quote", quote.number, "--version", "1", extra: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Boleta de venta B001-1 emitida: PEN \(totals.oneTime.plainAmount)"), "\(r.stdout)")
        // Asking for a factura series for that customer is explained, not dumped.
        let (other, _) = try Self.acceptedQuote(fx, customer: Customer(docType: .dni, docNumber: "45678913", legalName: "Ana Ríos"))
        let f = try fx.run("invoice", "issue", "--from-quote", other.number, "--series", "F001", extra: env)
        #expect(f.status == 1)
        #expect(f.stderr.contains("Una factura necesita un cliente con RUC válido"), "\(f.stderr)")
        let help = try fx.run("invoice", "--help")
        #expect(help.stdout.contains("--from-quote"))
    }

    @Test func quoteNotAcceptedOrUnknownIsRefusedInSpanish() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        let (quote, _) = try Self.acceptedQuote(fx, state: .sent)
        let r = try fx.run("invoice", "issue", "--from-quote", quote.number, extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Solo se factura una cotización aceptada; esta versión está enviada"), "\(r.stderr)")
        let missing = try fx.run("invoice", "issue", "--from-quote", "COT-2000-99999", extra: env)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no existe la cotización COT-2000-99999"))
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM e_document").intValue == 0)
    }

    @Test func ruleViolationsAreExplainedNotDumped() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        let dni = """
        {"kind": "01", "customer": {"documentType": "1", "number": "45678912", "name": "María Quispe"},
         "lines": [{"description": "Soporte", "quantity": "1", "unitPrice": "100.00"}]}
        """
        let r = try fx.run("invoice", "issue", "--file", try Self.json(fx, "dni.json", dni), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Una factura necesita un cliente con RUC válido"), "\(r.stderr)")
        #expect(!r.stderr.contains("facturaRequiresRUC"))

        // Cuotas that do not add up to the pending amount.
        let cuotas = """
        {"kind": "01", "customer": {"documentType": "6", "number": "\(validRUC("2010007097"))", "name": "CLIENTE S.A.C."},
         "lines": [{"description": "Equipo", "quantity": "1", "unitPrice": "100.00"}],
         "paymentForm": "credito", "installments": [{"amount": "100.00", "dueDate": "2099-01-31"}]}
        """
        let c = try fx.run("invoice", "issue", "--file", try Self.json(fx, "cuotas.json", cuotas), extra: env)
        #expect(c.status == 1)
        #expect(c.stderr.contains("Las cuotas suman 100.00 y deben sumar 118.00"), "\(c.stderr)")
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM e_document").intValue == 0)
    }

    @Test func creditDetraccionAndDiscountsThenNotes() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: emulator.port)
        try Self.setDetraccionAccount(fx)
        let store = try Store(path: fx.dbPath)

        // 10 × 100 − 5% = 950, − 20 global = 930 + IGV 167.40 = 1,097.40; detracción 12% = 131.69; pending 965.71.
        let factura = """
        {"kind": "01", "customer": {"documentType": "6", "number": "\(validRUC("2010007097"))", "name": "CLIENTE S.A.C."},
         "lines": [{"description": "Desarrollo", "quantity": "10", "unitPrice": "100.00", "unit": "ZZ",
                    "itemKind": "service", "discount": {"percent": "5"}}],
         "globalDiscount": {"amount": "20.00"}, "detraccion": {"code": "037", "rate": "12"},
         "paymentForm": "credito",
         "installments": [{"amount": "500.00", "dueDate": "2099-12-31"}, {"amount": "465.71", "dueDate": "2100-01-31"}]}
        """
        let r = try fx.run("invoice", "issue", "--file", try Self.json(fx, "f.json", factura), extra: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Factura F001-1 emitida: PEN 1097.40"), "\(r.stdout)")
        guard let id = try EDocumentRepository(db: store.db).record(documentID: "F001-1")?.id,
              let doc = try EDocumentRepository(db: store.db).document(id: id) else { Issue.record("not stored"); return }
        #expect(doc.operationType == .sujetaADetraccion)
        #expect(doc.detraccion?.account == "00-000-123456")

        // A note on a document SUNAT has not accepted yet is refused.
        let note = """
        {"kind": "07", "reference": "F001-1", "reason": "01", "description": "Anulación de la operación",
         "lines": [{"description": "Desarrollo", "quantity": "1", "unitPrice": "100.00", "unit": "ZZ", "itemKind": "service"}]}
        """
        let early = try fx.run("invoice", "issue", "--file", try Self.json(fx, "nc.json", note), extra: env)
        #expect(early.status == 1)
        #expect(early.stderr.contains("aceptado por SUNAT"), "\(early.stderr)")
        let unknown = note.replacingOccurrences(of: "F001-1", with: "F001-99")
        let missing = try fx.run("invoice", "issue", "--file", try Self.json(fx, "nc99.json", unknown), extra: env)
        #expect(missing.stderr.contains("no existe el comprobante F001-99"), "\(missing.stderr)")

        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let status = try EDocumentRepository(db: store.db).record(documentID: "F001-1")?.status
        #expect(status == .aceptado || status == .observado, "\(String(describing: status))")

        // Now the credit note goes through, with the factura's customer and the FC01 series.
        let ok = try fx.run("invoice", "issue", "--file", try Self.json(fx, "nc.json", note), extra: env)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Nota de crédito FC01-1 emitida: PEN 118.00"), "\(ok.stdout)")
        let noteWorker = try fx.run("worker", "--once", extra: env)
        #expect(noteWorker.status == 0, "\(noteWorker.stderr)")
        let noteRecord = try EDocumentRepository(db: store.db).record(documentID: "FC01-1")
        #expect(noteRecord?.status == .aceptado || noteRecord?.status == .observado,
                "\(String(describing: noteRecord?.status)) \(noteRecord?.responseDescription ?? "")")
        // A debit note with a credit reason code that does not exist in catálogo 10.
        let debit = note.replacingOccurrences(of: "\"07\"", with: "\"08\"").replacingOccurrences(of: "\"01\"", with: "\"09\"")
        let bad = try fx.run("invoice", "issue", "--file", try Self.json(fx, "nd.json", debit), extra: env)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("motivo de nota de débito no admitido"), "\(bad.stderr)")
    }

    @Test func settingsAndCompanyProfileAreOneCompany() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let settings = """
        {"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "tradeName": "BYTEK", "establishmentCode": "0000",
          "address": {"ubigeo": "150122", "line": "Av. Larco 1232", "district": "Miraflores", "province": "Lima",
                      "department": "Lima", "countryCode": "PE"}}}
        """
        let file = try fx.write("ajustes.json", settings)
        // An empty profile is filled from the issuer.
        let saved = try fx.run("invoice", "settings", "--file", file)
        #expect(saved.status == 0, "\(saved.stderr)")
        let shown = try fx.run("company", "show")
        #expect(shown.stdout.contains("20123456786"))
        #expect(shown.stdout.contains("Av. Larco 1232"))
        // Another RUC in the profile: the settings are refused and stay as they were.
        let other = validRUC("2010007097")
        let set = try fx.run("company", "set", "--ruc", other)
        #expect(set.status == 0, "\(set.stderr)")
        let refused = try fx.run("invoice", "settings", "--file", file)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no es el de la empresa (\(other))"), "\(refused.stderr)")
    }
}
