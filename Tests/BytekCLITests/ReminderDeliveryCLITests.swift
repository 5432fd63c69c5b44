import BytekModel
import BytekStore
import Foundation
import Testing

/// Reminders reach the customer, end to end, on the built binary with the injected clock: the standard policy's
/// −3 e-mail (`bytek recordatorios enviar` + `bytek worker --once`) arrives at a real SMTP server with the document,
/// the balance and the pay link; the same day again queues and sends nothing; on the due date the WhatsApp template
/// `recordatorio_vencimiento` reaches the emulator with its four parameters in order; a number not on WhatsApp
/// fails in the signed status webhook and its fallback e-mail arrives exactly once.
@Suite("Reminders delivered: e-mail at −3 and WhatsApp on the due date, with the fallback", .serialized)
struct ReminderDeliveryCLITests {
    static let alfa = validRUC("2010004721")
    static let beta = validRUC("2060123456")

    /// Issued today (the repository checks the issue date against the real clock), due ten days later.
    static let lima = TimeZone(identifier: "America/Lima") ?? .current
    static let issued = Date()
    static let due = LocalDate(issued, in: lima).adding(days: 10)

    /// F001-`number`: S/ 100.00 + IGV = 118.00 issued today on credit, one cuota due in ten days.
    static func issue(_ db: Database, number: Int, ruc: String, name: String) throws {
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1", district: "Miraflores", province: "Lima",
                                                   department: "Lima"))
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: number, issuedAt: Self.issued, issuer: issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: ruc, name: name),
                            lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 100, itemKind: .service)],
                            paymentForm: .credito([Installment(amount: 118, dueDate: due)]))
        try EDocumentRepository(db: db, user: "admin").issue(doc) { d in
            PreparedEDocument(signedXML: Array("<x>\(d.id)</x>".utf8), zip: Data([0x50, 0x4b]), digestValue: "d", fileName: d.fileName)
        }
    }

    @Test func emailBeforeWhatsAppOnTheDueDateAndTheFallbackOnce() throws {
        let started = Date()
        let emulator = try InvoiceEmulator(script: MessagingCLITests.whatsappScript, arguments: ["--not-on-whatsapp", "51900000000"])
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let smtp = try LocalSMTP(folder: fx.folder)
        try MessagingCLITests.writeSecrets(smtp: smtp, whatsapp: emulator, fx)
        let clock = fx.file("reloj")
        func at(_ date: LocalDate) throws -> [String: String] {
            // 14:00 UTC = 09:00 in Lima.
            try (date.description + "T14:00:00Z").write(toFile: clock, atomically: true, encoding: .utf8)
            return ["BYTEK_CLOCK_FILE": clock]
        }
        var env = try at(LocalDate(Self.issued, in: Self.lima))

        let db = try Database(path: fx.dbPath)
        let customers = CustomerRepository(db: db, user: "admin")
        let alfa = try #require(try customers.create(Customer(docType: .ruc, docNumber: Self.alfa, legalName: "Alfa Servicios S.A.C.")).id)
        let beta = try #require(try customers.create(Customer(docType: .ruc, docNumber: Self.beta, legalName: "Beta Ingeniería S.A.")).id)
        try db.execute("""
            INSERT INTO customer_contact(customer_id, name, role, email, phone, whatsapp) VALUES
              (?, 'Rosa', 'Cobranzas', 'rosa@alfa.pe', '', '+51 987 654 321'),
              (?, 'Luis', 'Cobranzas', 'pagos@beta.pe', '', '51 900 000 000')
            """, alfa, beta)
        try Self.issue(db, number: 1, ruc: Self.alfa, name: "Alfa Servicios S.A.C.")
        try Self.issue(db, number: 2, ruc: Self.beta, name: "Beta Ingeniería S.A.")
        // Issued without SUNAT here: its send jobs are dropped so the worker runs only the outbox.
        try db.execute("DELETE FROM job WHERE kind = ?", EDocumentRepository.sendJobKind)
        let standard = try fx.run("recordatorios", "politica", "estandar", extra: env)
        #expect(standard.status == 0, "\(standard.stdout)\(standard.stderr)")
        #expect(try fx.run("recordatorios", "politica", "enlace", "https://portal.bytek.pe", extra: env).status == 0)
        func count(_ sql: String) throws -> Int64 { try db.scalar(sql).intValue ?? -1 }

        // −3: one e-mail each, sent by the worker to the SMTP server.
        let early3 = Self.due.adding(days: -3)
        env = try at(early3)
        let early = try fx.run("recordatorios", "enviar", "--fecha", ReminderMessage.date(early3), extra: env)
        #expect(early.status == 0 && early.stdout.contains(": 2 enviado(s) a la cola."), "\(early.stdout)\(early.stderr)")
        #expect(early.stdout.contains("Alfa Servicios S.A.C.\t−3\tcorreo\trosa@alfa.pe\tF001-1"), "\(early.stdout)")
        let worker1 = try fx.run("worker", "--once", extra: env)
        #expect(worker1.status == 0, "\(worker1.stdout)\(worker1.stderr)")
        var mails = try MessagingCLITests.parsedMail(smtp)
        try #require(mails.count == 2, "\(worker1.stdout)\(worker1.stderr)")
        let alfaMail = try #require(mails.first { $0["to"] as? String == "rosa@alfa.pe" })
        #expect(alfaMail["subject"] as? String == "Próximo vencimiento: S/ 118.00 el \(ReminderMessage.date(Self.due))", "\(alfaMail)")
        let text = alfaMail["text"] as? String ?? ""
        #expect(text.contains("Estimados Alfa Servicios S.A.C."), "\(text)")
        #expect(text.contains("F001-1") && text.contains("Total: S/ 118.00"), "\(text)")
        #expect(text.contains("https://portal.bytek.pe/c/\(alfa)/pagar"), "\(text)")
        #expect(!text.contains("F001-2"), "only the customer's own document")
        #expect(try count("SELECT count(*) FROM customer_message WHERE purpose = 'recordatorio' AND status = 'enviado'") == 2)

        // The same day again: nothing queued, nothing sent.
        let again = try fx.run("recordatorios", "enviar", "--fecha", ReminderMessage.date(early3), extra: env)
        #expect(again.status == 0 && again.stdout.contains(": 0 enviado(s) a la cola."), "\(again.stdout)\(again.stderr)")
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        #expect(try MessagingCLITests.parsedMail(smtp).count == 2)
        #expect(try count("SELECT count(*) FROM customer_message") == 2)

        // The due date: WhatsApp `recordatorio_vencimiento` to both mobiles, parameters in the template's order.
        env = try at(Self.due)
        let due = try fx.run("recordatorios", "enviar", "--fecha", ReminderMessage.date(Self.due), extra: env)
        #expect(due.status == 0 && due.stdout.contains(": 2 enviado(s) a la cola."), "\(due.stdout)\(due.stderr)")
        #expect(due.stdout.contains("Alfa Servicios S.A.C.\t0\twhatsapp\t51987654321\tF001-1"), "\(due.stdout)")
        let worker2 = try fx.run("worker", "--once", extra: env)
        #expect(worker2.status == 0, "\(worker2.stdout)\(worker2.stderr)")
        let listing = try emulator.http("/_emulador/mensajes") as? [String: Any]
        let accepted = listing?["mensajes"] as? [[String: Any]] ?? []
        try #require(accepted.count == 2, "\(accepted)")
        let toAlfa = try #require(accepted.first { $0["to"] as? String == "51987654321" }, "\(accepted)")
        #expect(toAlfa["template"] as? String == "recordatorio_vencimiento", "\(toAlfa)")
        #expect(toAlfa["parameters"] as? [String] == ["Alfa Servicios S.A.C.", "F001-1 (cuota 1)", "S/ 118.00",
                                                      "https://portal.bytek.pe/c/\(alfa)/pagar"], "\(toAlfa)")
        let toBeta = try #require(accepted.first { $0["to"] as? String == "51900000000" }, "\(accepted)")
        #expect(toBeta["parameters"] as? [String] == ["Beta Ingeniería S.A.", "F001-2 (cuota 1)", "S/ 118.00",
                                                      "https://portal.bytek.pe/c/\(beta)/pagar"], "\(toBeta)")
        #expect(try count("SELECT count(*) FROM customer_message WHERE channel = 'whatsapp' AND status = 'enviado'") == 2)
        #expect(try MessagingCLITests.parsedMail(smtp).count == 2, "no e-mail while WhatsApp works")

        // Beta's number is not on WhatsApp: the signed webhook (posted twice) fails it; one fallback e-mail.
        let server = try fx.start(["serve", "--listen", "127.0.0.1:0"], extra: env)
        defer { if server.process.isRunning { kill(server.pid, SIGKILL); server.process.waitUntilExit() } }
        let base = try WebFixture.address(of: server)
        _ = try emulator.http("/_emulador/fallas", json: ["webhook": base + "/webhooks/whatsapp"])
        let betaWamid = try #require(toBeta["id"] as? String)
        let codes = (try emulator.http("/_emulador/estado", json: ["wamid": betaWamid, "status": "failed", "repeat": 2])
                     as? [String: Any])?["respuestas"] as? [Int]
        #expect(codes == [200, 200])
        let alfaWamid = try #require(toAlfa["id"] as? String)
        _ = try emulator.http("/_emulador/estado", json: ["wamid": alfaWamid, "status": "delivered"])
        let failedId = try #require(try db.scalar("SELECT id FROM customer_message WHERE provider_id = ?", betaWamid).intValue)
        #expect(try db.scalar("SELECT status FROM customer_message WHERE id = ?", failedId).stringValue == "fallido")
        #expect(try db.scalar("SELECT status FROM customer_message WHERE provider_id = ?", alfaWamid).stringValue == "entregado")
        #expect(try count("SELECT count(*) FROM customer_message WHERE fallback_of = \(failedId)") == 1)
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        mails = try MessagingCLITests.parsedMail(smtp)
        let fallbacks = mails.filter { $0["to"] as? String == "pagos@beta.pe" }
        #expect(mails.count == 3 && fallbacks.count == 2, "the −3 e-mail and exactly one fallback: \(mails.map { $0["subject"] ?? "" })")
        let fallback = try #require(fallbacks.last)
        #expect(fallback["subject"] as? String == "Recordatorio de pago — Beta Ingeniería S.A.", "\(fallback)")
        #expect((fallback["text"] as? String ?? "").contains("F001-2"), "\(fallback)")
        #expect((fallback["text"] as? String ?? "").contains("Total pendiente: S/ 118.00"), "\(fallback)")
        #expect((fallback["text"] as? String ?? "").contains("https://portal.bytek.pe/c/\(beta)/pagar"), "\(fallback)")
        #expect(try count("SELECT count(*) FROM customer_message WHERE status = 'fallido'") == 1)

        let history = try fx.run("recordatorios", "historial", "--cliente", Self.beta, extra: env)
        #expect(history.stdout.contains("\t0\twhatsapp\t51900000000\tFallido → correo enviado\tF001-2"), "\(history.stdout)")
        #expect(Date().timeIntervalSince(started) < 15, "took \(Date().timeIntervalSince(started)) s")
    }
}
