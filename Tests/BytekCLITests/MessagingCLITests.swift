import BytekModel
import BytekStore
import Foundation
import Testing

/// The customer message outbox driven as a user would: an invoice SUNAT accepts is e-mailed (MIME built by
/// libcurl) to the customer's billing contact with its PDF, signed XML and CDR, checked by a real SMTP server and
/// Python's `email` package; WhatsApp templates through the emulator, its signed status webhook on `bytek serve`
/// (bad signature, duplicates, backwards, failure → fallback e-mail once) and the hub.challenge handshake.
@Suite("Messages to customers: e-mail with attachments, WhatsApp and its webhook", .serialized)
struct MessagingCLITests {
    static let whatsappScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GatewayEmulators/whatsapp_emulator.py").path

    /// Every message the SMTP server received, parsed by Python's `email` package: recipients, decoded subject,
    /// text, and each attachment's name, type, size, first bytes, SHA-256 and (zip) member names.
    static func parsedMail(_ smtp: LocalSMTP) throws -> [[String: Any]] {
        let script = """
        import email, email.policy, hashlib, io, json, os, sys, zipfile
        folder = sys.argv[1] + "/new"
        out = []
        for name in sorted(os.listdir(folder), key=lambda n: os.path.getmtime(os.path.join(folder, n))):
            m = email.message_from_binary_file(open(os.path.join(folder, name), "rb"), policy=email.policy.default)
            item = {"to": m["To"], "subject": str(m["Subject"]), "type": m.get_content_type(), "files": []}
            body = m.get_body(preferencelist=("plain",))
            item["text"] = body.get_content() if body else ""
            for part in m.iter_attachments():
                data = part.get_payload(decode=True)
                f = {"name": part.get_filename(), "type": part.get_content_type(), "size": len(data),
                     "head": data[:5].decode("latin-1"), "sha256": hashlib.sha256(data).hexdigest()}
                if f["type"] == "application/zip":
                    f["members"] = zipfile.ZipFile(io.BytesIO(data)).namelist()
                if f["type"] == "application/xml":
                    f["xml"] = data.decode("utf-8")
                item["files"].append(f)
            out.append(item)
        print(json.dumps(out))
        """
        let r = try runTool("/usr/bin/python3", ["-c", script, smtp.maildir])
        return (try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func acceptedInvoiceGoesToTheBillingContactWithPDFXMLAndCDR() throws {
        let sunat = try InvoiceEmulator()
        defer { sunat.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: sunat.port)
        let smtp = try LocalSMTP(folder: fx.folder)
        try SecretsFile.upsert([("smtp_host", "127.0.0.1"), ("smtp_port", "\(smtp.port)"), ("smtp_starttls", "no"),
                                ("smtp_from", "BYTEK <facturas@bytek.pe>")], at: fx.file(Secrets.fileName))
        let ruc = validRUC("2010007097")
        let db = try Database(path: fx.dbPath)
        _ = try CustomerRepository(db: db, user: "admin").create(Customer(
            docType: .ruc, docNumber: ruc, legalName: "CLIENTE S.A.C.",
            contacts: [Contact(name: "Gerardo", role: "Gerente", email: "gerente@cliente.pe"),
                       Contact(name: "Carla Núñez", role: "Facturación", email: "facturas@cliente.pe")]))
        let issued = try fx.run("invoice", "issue", "--file", try fx.write("f.json", InvoiceCLITests.invoiceJSON("Soporte")), extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let digest = try #require(issued.stdout.components(separatedBy: "hash ").last?.trimmingCharacters(in: .whitespacesAndNewlines))

        // One worker run: SUNAT accepts, the e-mail is queued in the same transaction and sent.
        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let mails = try Self.parsedMail(smtp)
        try #require(mails.count == 1, "\(worker.stdout) \(worker.stderr)")
        let mail = mails[0]
        #expect(mail["to"] as? String == "facturas@cliente.pe", "only the billing contact")
        #expect((mail["subject"] as? String ?? "").hasPrefix("Comprobante electrónico F001-1"))
        #expect((mail["text"] as? String ?? "").contains("aceptado por SUNAT"))
        #expect(mail["type"] as? String == "multipart/mixed")
        let files = mail["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["type"] as? String ?? "" } == ["application/pdf", "application/xml", "application/zip"])
        #expect(files.first?["head"] as? String == "%PDF-")
        #expect((files.first?["size"] as? Int ?? 0) > 5_000)
        let xml = files.count > 1 ? files[1]["xml"] as? String ?? "" : ""
        #expect(xml.contains("<ds:DigestValue>\(digest)</ds:DigestValue>"), "the signed XML as stored")
        let stored = try fx.run("invoice", "xml", "F001-1")
        #expect(xml == stored.stdout, "byte for byte the stored XML")
        #expect((files.last?["members"] as? [String] ?? []).contains { $0.hasPrefix("R-") && $0.hasSuffix(".xml") }, "the CDR zip")

        let listed = try fx.run("mensajes", "--cliente", ruc)
        #expect(listed.status == 0 && listed.stdout.contains("Comprobante\tF001-1\tfacturas@cliente.pe\tEnviado"), "\(listed.stdout)\(listed.stderr)")
        // Turned off for this customer: sent again only by hand, to the addresses given.
        let off = try fx.run("mensajes", "comprobantes", "--cliente", ruc, "--activo", "no")
        #expect(off.status == 0 && off.stdout.contains("por correo no"), "\(off.stdout)\(off.stderr)")
        let bad = try fx.run("comprobante", "enviar", "F001-1", "--a", "no es correo")
        #expect(bad.status == 1 && bad.stderr.contains("Destinatarios: «no es correo» no es un correo válido"), "\(bad.stderr)")
        let again = try fx.run("comprobante", "enviar", "F001-1", "--a", "contabilidad@cliente.pe")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        #expect(try Self.parsedMail(smtp).last?["to"] as? String == "contabilidad@cliente.pe")

        // A quote's PDF from `bytek cotizacion enviar`, to the addresses given.
        let customerId = try #require(try db.scalar("SELECT id FROM customer WHERE doc_number = ?", ruc).intValue)
        let quote = try QuoteRepository(db: db, user: "admin").createDraft(Quote(QuoteContent(
            customerId: customerId, unit: .software, issueDate: LocalDate(year: 2026, month: 11, day: 18) ?? LocalDate(daysSinceEpoch: 0),
            lines: [.service("Soporte mensual", quantity: 10, rate: Money(120, .pen), unitCost: Money(60, .pen))], owner: "admin")))
        let mailed = try fx.run("cotizacion", "enviar", quote.number, "--a", "compras@cliente.pe, ana@cliente.pe")
        #expect(mailed.status == 0 && mailed.stdout.contains("\(quote.number) v1 en cola para compras@cliente.pe, ana@cliente.pe"),
                "\(mailed.stdout)\(mailed.stderr)")
        // The estado de cuenta as B and C attach it (queued through the outbox), sent in the same worker run.
        try MessageOutbox(db: db, user: "admin").queueEmail(customerId: customerId, purpose: .estadoCuenta, reference: "EC-1",
                                                            to: ["facturas@cliente.pe"], subject: "Estado de cuenta",
                                                            body: "Adjuntamos su estado de cuenta.", attachments: [.statementPDF(customerId)])
        #expect(try fx.run("worker", "--once", extra: env).status == 0)
        let statementMail = try #require(try Self.parsedMail(smtp).last)
        #expect(statementMail["subject"] as? String == "Estado de cuenta")
        let statementPDF = (statementMail["files"] as? [[String: Any]])?.first
        #expect(statementPDF?["head"] as? String == "%PDF-" && (statementPDF?["name"] as? String ?? "").hasPrefix("estado-de-cuenta-"))
        let quoteMail = try #require(try Self.parsedMail(smtp).dropLast().last)
        #expect(quoteMail["to"] as? String == "compras@cliente.pe, ana@cliente.pe")
        let pdf = (quoteMail["files"] as? [[String: Any]])?.first
        #expect(pdf?["name"] as? String == "\(quote.number)-v1.pdf" && pdf?["head"] as? String == "%PDF-")
    }

    /// The secrets file of a run against the local SMTP server and the WhatsApp emulator (its default keys).
    static func writeSecrets(smtp: LocalSMTP, whatsapp emulator: InvoiceEmulator, _ fx: CLIFixture) throws {
        try SecretsFile.upsert([("smtp_host", "127.0.0.1"), ("smtp_port", "\(smtp.port)"), ("smtp_starttls", "no"),
                                ("smtp_from", "BYTEK <cobranzas@bytek.pe>"),
                                ("whatsapp_url", "http://127.0.0.1:\(emulator.port)"), ("whatsapp_token", "token-emulador"),
                                ("whatsapp_phone_number_id", "100000000000001"), ("whatsapp_app_secret", "secreto-app-emulador"),
                                ("whatsapp_verify_token", "verificame")], at: fx.file(Secrets.fileName))
    }

    @Test func whatsappTemplatesTheirWebhookAndTheFallbackEmail() throws {
        let emulator = try InvoiceEmulator(script: Self.whatsappScript, arguments: ["--not-on-whatsapp", "51900000000"])
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let smtp = try LocalSMTP(folder: fx.folder)
        try Self.writeSecrets(smtp: smtp, whatsapp: emulator, fx)
        let db = try Database(path: fx.dbPath)
        let ruc = validRUC("2060123456")
        let customer = try #require(try CustomerRepository(db: db, user: "admin").create(Customer(
            docType: .ruc, docNumber: ruc, legalName: "Beta Ingeniería S.A.")).id)
        let server = try fx.start(["serve", "--listen", "127.0.0.1:0"])
        defer { if server.process.isRunning { kill(server.pid, SIGKILL); server.process.waitUntilExit() } }
        let base = try WebFixture.address(of: server)
        _ = try emulator.http("/_emulador/fallas", json: ["webhook": base + "/webhooks/whatsapp"])

        // The handshake: the challenge echoed for our verify token only.
        let hub = "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token="
        #expect(try runTool("/usr/bin/curl", ["-s", base + hub + "verificame"]).output == "1158201444")
        #expect(try runTool("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", base + hub + "otro"]).output == "403")

        let outbox = MessageOutbox(db: db, user: "admin")
        let fallback = (to: ["pagos@beta.pe"], subject: "Recordatorio de pago — Beta", body: "Su factura F001-9 vence hoy.")
        let ok = try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "F001-9 0", to: "+51 987 654 321",
                                          template: "recordatorio_pago", language: "es",
                                          parameters: ["Beta", "F001-9", "S/ 118.00", "https://portal"], fallback: fallback)
        let mismatch = try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "F001-9 +3", to: "51987654321",
                                                template: "recordatorio_pago", language: "es", parameters: ["Beta"], fallback: fallback)
        let absent = try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "F001-9 +7", to: "51900000000",
                                              template: "recordatorio_pago", language: "es",
                                              parameters: ["Beta", "F001-9", "S/ 118.00", "https://portal"], fallback: fallback)
        // WhatsApp answers 500 once: the message stays pending with the reason and is sent on the job's retry.
        _ = try emulator.http("/_emulador/fallas", json: ["http500": 1])
        let worker = try fx.run("worker", "--once")
        #expect(worker.status == 0, "\(worker.stderr)")
        let retried = try #require(try outbox.message(id: ok))
        #expect(retried.status == .pendiente && retried.error.contains("131000"), "\(retried)")
        try db.execute("UPDATE job SET run_at = 0 WHERE state = 'pending'")
        #expect(try fx.run("worker", "--once").status == 0)
        let sent = try #require(try outbox.message(id: ok))
        #expect(sent.status == .enviado && sent.providerId.hasPrefix("wamid."), "\(sent)")
        let refused = try #require(try outbox.message(id: mismatch))
        #expect(refused.status == .fallido && refused.error.contains("132000") && refused.error.contains("parámetros"), "\(refused.error)")
        // Its fallback e-mail was queued once and sent in the same run.
        #expect(try outbox.fallbackMessage(of: mismatch)?.status == .enviado)
        #expect(try Self.parsedMail(smtp).map { $0["subject"] as? String ?? "" } == ["Recordatorio de pago — Beta"])
        let listing = try emulator.http("/_emulador/mensajes") as? [String: Any]
        let accepted = listing?["mensajes"] as? [[String: Any]] ?? []
        #expect(accepted.map { $0["parameters"] as? [String] ?? [] }.first == ["Beta", "F001-9", "S/ 118.00", "https://portal"])

        func post(_ wamid: String, _ status: String, repeat n: Int = 1, badSignature: Bool = false) throws -> [Int] {
            var body: [String: Any] = ["wamid": wamid, "status": status, "repeat": n]
            if badSignature { body["firma"] = "mala" }
            return ((try emulator.http("/_emulador/estado", json: body) as? [String: Any])?["respuestas"] as? [Int]) ?? []
        }
        #expect(try post(sent.providerId, "read", badSignature: true) == [401])
        #expect(try outbox.message(id: ok)?.status == .enviado, "an unsigned report changes nothing")
        #expect(try post(sent.providerId, "delivered") == [200])
        #expect(try post(sent.providerId, "read", repeat: 2) == [200, 200])
        #expect(try post(sent.providerId, "delivered") == [200])
        #expect(try outbox.message(id: ok)?.status == .leido, "read stays read")
        #expect(try db.scalar("SELECT count(*) FROM message_status_report WHERE provider_id = ?", sent.providerId).intValue == 2)

        // Not on WhatsApp: accepted, then failed in the webhook (twice): one fallback e-mail.
        let late = try #require(try outbox.message(id: absent))
        #expect(late.status == .enviado)
        #expect(try post(late.providerId, "failed", repeat: 2) == [200, 200])
        #expect(try outbox.message(id: absent)?.status == .fallido)
        #expect(try db.scalar("SELECT count(*) FROM customer_message WHERE fallback_of = ?", absent).intValue == 1)
        #expect(try fx.run("worker", "--once").status == 0)
        #expect(try Self.parsedMail(smtp).count == 2)

        let listed = try fx.run("mensajes", "--cliente", ruc)
        #expect(listed.stdout.contains("WhatsApp\tRecordatorio\tF001-9 0\t51987654321\tLeído"), "\(listed.stdout)")
        #expect(listed.stdout.contains("(en lugar del WhatsApp \(absent))"), "\(listed.stdout)")
    }
}
