import BytekModel
import BytekStore
import BytekSUNAT
import BytekServices
import Foundation
import Testing
@testable import BytekTUI

/// A throwaway company certificate (openssl CLI), as the environment variables
/// `EInvoicingCredentials.load` reads. Made once for the whole run: key generation is the slow part.
enum BillingTestCredentials {
    static let environment: Result<[String: String], BillingFixtureError> = Result { () throws(BillingFixtureError) in
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-tui-cert-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30", "-keyout", "k.pem",
                     "-out", "c.pem", "-subj", "/C=PE/O=BYTEK/CN=20123456786"], in: dir)
            try run(["openssl", "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "c.pfx", "-passout", "pass:clave"],
                    in: dir)
            let pfx = try Data(contentsOf: dir.appendingPathComponent("c.pfx")).base64EncodedString()
            try? FileManager.default.removeItem(at: dir)
            return ["BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos", "BYTEK_CERT_PFX_BASE64": pfx,
                    "BYTEK_CERT_PASSWORD": "clave",
                    // No credentials file of the user running the tests may be read instead.
                    "BYTEK_SUNAT_CREDENTIALS": dir.appendingPathComponent("none").path]
        } catch let e as BillingFixtureError {
            throw e
        } catch {
            throw .tool("\(error)")
        }
    }

    private static func run(_ args: [String], in dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        p.currentDirectoryURL = dir
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw BillingFixtureError.tool(args.joined(separator: " ")) }
    }
}

enum BillingFixtureError: Error { case tool(String) }

/// Billing fixtures on the harness's real store.
@MainActor
extension ScreenHarness {
    var edocs: EDocumentRepository { EDocumentRepository(db: store.db, user: "admin", now: { ScreenHarness.fixedNow }) }

    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                      province: "Lima", department: "Lima"))

    func saveBillingSettings() throws {
        try EInvoicingSettingsRepository(db: store.db).save(
            EInvoicingSettings(issuer: ScreenHarness.issuer, detraccionAccount: "00-000-123456"))
    }

    /// A factura for Comercial Andina, stored with a stand-in for the signed bytes (fast).
    @discardableResult
    func addFactura(_ description: String = "Soporte técnico", price: Decimal = 100) throws -> EDocumentRecord {
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: ScreenHarness.fixedNow,
                            issuer: ScreenHarness.issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Comercial Andina S.A.C."),
                            lines: [EDocumentLine(description: description, quantity: 1, unit: .service, unitPrice: price,
                                                  itemKind: .service)])
        return try edocs.issue(doc) { d in
            PreparedEDocument(signedXML: Array("<Invoice><cbc:ID>\(d.id)</cbc:ID></Invoice>".utf8), zip: Data([0x50, 0x4b]),
                              digestValue: "hash-\(d.id)", fileName: d.fileName)
        }
    }

    func accept(_ id: Int64) throws {
        try edocs.recordAnswer(id: id, status: .aceptado, cdrZip: nil, responseCode: "0",
                               description: "La Factura numero F001-1, ha sido aceptada", observations: [])
    }

    /// Opens Facturación with the test certificate in the environment it reads.
    func openBilling(environment: [String: String] = [:]) {
        go(.billing)
        app.stacks[.billing] = [BillingListScreen(store: store, context: app.context, environment: { environment })]
        app.draw()
    }

    var billingList: BillingListScreen? { app.stacks[.billing]?.first as? BillingListScreen }
}

@MainActor
@Suite struct BillingScreenTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func listShowsDocumentsWithStatuses(size: (Int, Int)) throws {
        let h = try ScreenHarness(width: size.0, height: size.1)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let a = try h.addFactura("Soporte técnico")
        let b = try h.addFactura("Instalación de red", price: 2500)
        _ = try h.addFactura("Licencias", price: 50)
        try h.accept(a.id)
        try h.edocs.recordAnswer(id: b.id, status: .rechazado, cdrZip: nil, responseCode: "2017",
                                 description: "El numero de documento de identidad del receptor debe ser RUC", observations: [])
        h.go(.billing)
        #expect(h.screen.contains("F001-1"))
        #expect(h.screen.contains("F001-3"))
        #expect(h.screen.contains("aceptado"))
        #expect(h.screen.contains("rechazado"))
        #expect(h.screen.contains("pendiente"))
        #expect(h.screen.contains("S/ 118.00"))
        #expect(h.billingList?.pane.table.selectedRow?.role == nil)  // F001-3, pendiente, newest first
        h.keys(.end)
        #expect(h.billingList?.pane.table.selectedRow?.role == .success)
        h.keys(.up)
        #expect(h.billingList?.pane.table.selectedRow?.role == .error)
        h.keys(.home)
        assertGolden(h.app.lastFrame, "billing-list-\(size.0)x\(size.1)")
    }

    @Test func detailShowsAnswerHashAndLinesAndEnterOpensFullScreen() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura("Soporte técnico")
        try h.edocs.recordAnswer(id: a.id, status: .observado, cdrZip: nil, responseCode: "4252",
                                 description: "Aceptada con observaciones", observations: ["4252 - El dato ingresado no cumple"])
        h.go(.billing)
        #expect(h.screen.contains("hash-F001-1"))
        #expect(h.screen.contains("observado"))
        h.keys(.enter)
        #expect(h.app.topScreen is BillingDetailScreen)
        #expect(h.screen.contains("Aceptada con observaciones"))
        #expect(h.screen.contains("4252 - El dato ingresado no cumple"))
        #expect(h.screen.contains("1. Soporte técnico"))
        #expect(h.screen.contains("CIENTO DIECIOCHO") || h.screen.contains("SON"))
        assertGolden(h.app.lastFrame, "billing-detail-120x40")
        h.keys(.escape)
        #expect(h.app.topScreen is BillingListScreen)
    }

    @Test func statusChangedByAnotherConnectionShowsUpByItself() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura()
        h.go(.billing)
        #expect(h.screen.contains("pendiente"))
        #expect(!h.screen.contains("aceptado"))
        // The worker is another process: another connection to the same file.
        let worker = EDocumentRepository(db: try Database(path: h.store.path), user: "worker")
        try worker.markSending(id: a.id)
        h.send([.tick])
        #expect(h.screen.contains("enviado"))
        _ = try worker.recordAnswer(id: a.id, status: .aceptado, cdrZip: nil, responseCode: "0", description: "aceptada",
                                    observations: [])
        h.send([.tick])
        #expect(h.screen.contains("aceptado"))
        #expect(!h.screen.contains("pendiente"))
    }

    @Test func fullScreenDetailFollowsTheWorker() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura()
        h.go(.billing); h.keys(.enter)
        #expect(h.screen.contains("pendiente"))
        let worker = EDocumentRepository(db: try Database(path: h.store.path), user: "worker")
        try worker.markSending(id: a.id)
        try worker.recordError(id: a.id, message: "HTTP 500 del servidor")
        h.send([.tick])
        #expect(h.screen.contains("HTTP 500 del servidor"))
        #expect(h.screen.contains("Intentos        1"))
    }

    @Test func noteSeriesFollowsTheFamilyOfTheOriginal() throws {
        let h = try ScreenHarness()
        try h.saveBillingSettings()
        let service = Services(store: h.store, actor: .staff("admin", role: .admin, door: .tui),
                               now: { ScreenHarness.fixedNow }, environment: { [:] }).invoices
        let settings = try service.settings()
        #expect(try InvoiceService.series(for: .notaCredito, family: .factura, settings: settings).code == "FC01")
        #expect(try InvoiceService.series(for: .notaCredito, family: .boleta, settings: settings).code == "BC01")
        #expect(try InvoiceService.series(for: .notaDebito, family: .boleta, settings: settings).code == "BD01")
        #expect(try InvoiceService.series(for: .boleta, family: .boleta, settings: settings).code == "B001")
    }

    @Test func filtersByStatusAndSearches() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura("Soporte")
        _ = try h.addFactura("Red")
        try h.accept(a.id)
        h.go(.billing)
        #expect(h.screen.contains("2 filas"))
        h.keys(.char("f"))  // pendiente
        #expect(h.screen.contains("1 fila"))
        #expect(h.screen.contains("F001-2"))
        h.keys(.char("f"), .char("f"))  // aceptado
        #expect(h.screen.contains("F001-1"))
        #expect(!h.screen.contains("F001-2"))
        for _ in 0..<5 { h.keys(.char("f")) }  // back to all
        #expect(h.screen.contains("2 filas"))
        h.keys(.char("/"))
        h.type("f001-2")
        #expect(h.screen.contains("1 fila"))
        h.keys(.ctrl("u"))
        h.type("andina")
        #expect(h.screen.contains("2 filas"))
        h.keys(.ctrl("u"))
        h.type("titicaca")
        #expect(h.screen.contains("0 filas"))
        h.keys(.escape, .char("k"))  // facturas
        #expect(h.screen.contains("2 filas"))
        h.keys(.char("k"))  // boletas
        #expect(h.screen.contains("0 filas"))
        #expect(h.screen.contains("Filtro: Boleta de venta"))
    }

    @Test func helpListsTheActionsFromTheBindings() throws {
        let h = try ScreenHarness()
        h.go(.billing); h.keys(.char("?"))
        #expect(h.screen.contains("Emitir una nota de crédito del comprobante"))
        #expect(h.screen.contains("Reintentar ahora el envío a SUNAT"))
        #expect(h.screen.contains("Ver el XML firmado tal como se envió"))
        #expect(h.screen.contains("Dar de baja un comprobante aceptado"))
    }

    @Test func issuingFromAnAcceptedQuoteCreatesANumberedSignedDocument() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.saveBillingSettings()
        let quote = try h.addQuote(terms: .cash)
        let id = try #require(quote.id)
        _ = try h.quotes.send(id, on: ScreenHarness.today)
        _ = try h.quotes.accept(id, on: ScreenHarness.today)
        h.openBilling(environment: env)
        h.keys(.char("e"))
        #expect(h.screen.contains(quote.number))
        h.keys(.enter)
        #expect(h.screen.contains("¿Emitir Factura en la serie F001"))
        h.keys(.char("s"))
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(record.kind == .factura)
        #expect(record.quoteNumber == quote.number)
        #expect(record.status == .pendiente)
        #expect(!record.digestValue.isEmpty)
        let xml = String(decoding: try #require(try h.edocs.signedXML(id: record.id)), as: UTF8.self)
        #expect(xml.contains("SignatureValue"))
        #expect(xml.contains(quote.number))
        #expect(try JobQueue(db: h.store.db).job(idempotencyKey: EDocumentRepository.sendJobKey(series: "F001", number: 1)) != nil)
        // The subscription is recurring: only the one-time part (NAS + development) is invoiced.
        let doc = try #require(try h.edocs.document(id: record.id))
        #expect(doc.lines.count == 2)
        #expect(h.screen.contains("F001-1"))
        #expect(h.screen.contains("emitida"))
        // A second invoice of the same quote is refused.
        h.keys(.char("e"), .enter)
        #expect(h.screen.contains("ya se facturó en F001-1"))
        #expect(try h.edocs.record(documentID: "F001-2") == nil)
    }

    @Test func creditNoteReferencesTheOriginal() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.saveBillingSettings()
        let original = try h.addFactura("Soporte técnico", price: 500)
        h.openBilling(environment: env)
        h.keys(.char("c"))
        #expect(h.screen.contains("aceptados por SUNAT"))  // still pendiente: refused
        try h.accept(original.id)
        h.send([.tick])
        h.openBilling(environment: env)
        h.keys(.char("c"))
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("Nota de crédito sobre F001-1"))
        h.keys(.right)  // 04 Descuento global
        h.keys(.tab)
        h.type("Descuento acordado por demora en la entrega")
        // Issuing asks first, naming the number it would take; "no" issues nothing and keeps the form.
        h.keys(.ctrl("s"))
        #expect(h.question?.hasPrefix("¿Emitir Nota de crédito FC01-1 sobre F001-1 por S/ 590.00? Se enviará a SUNAT.") == true,
                "\(h.question ?? "no question")")
        h.keys(.char("n"))
        #expect(h.app.topScreen is FormScreen)
        #expect(try h.edocs.record(documentID: "FC01-1") == nil)
        h.keys(.ctrl("s"), .char("s"))
        #expect(h.app.topScreen is BillingListScreen)
        let note = try #require(try h.edocs.record(documentID: "FC01-1"))
        #expect(note.kind == .notaCredito)
        #expect(note.total == original.total)
        let details = try #require(try h.edocs.document(id: note.id)?.note)
        #expect(details.reference.id == "F001-1")
        #expect(details.reference.kind == .factura)
        #expect(details.reason == .credit(.descuentoGlobal))
        #expect(details.description == "Descuento acordado por demora en la entrega")
        let xml = String(decoding: try #require(try h.edocs.signedXML(id: note.id)), as: UTF8.self)
        #expect(xml.contains("F001-1"))
        #expect(xml.contains("SignatureValue"))
        #expect(h.screen.contains("FC01-1"))
        #expect(h.billingList?.pane.table.selectedID == note.id)
    }

    @Test func partialCreditAndDebitNotesCarryTheTypedAmount() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.saveBillingSettings()
        let original = try h.addFactura("Soporte técnico", price: 500)
        try h.accept(original.id)
        h.send([.tick])
        h.openBilling(environment: env)
        // Credit: more than the original's value is refused beside the field; 120.00 credits S/ 120 + IGV.
        h.keys(.char("c"))
        h.keys(.right, .right, .right)  // 07 Devolución por ítem
        h.keys(.tab)
        h.type("Devolución de un accesorio")
        h.keys(.tab)
        h.type("600")
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("no puede superar el valor de venta"))
        for _ in 0..<3 { h.keys(.backspace) }
        h.type("120")
        h.keys(.ctrl("s"), .char("s"))
        #expect(h.app.topScreen is BillingListScreen)
        let credit = try #require(try h.edocs.record(documentID: "FC01-1"))
        #expect(credit.taxable == Money(minorUnits: 12_000, .pen))
        #expect(credit.total == Money(minorUnits: 14_160, .pen))
        #expect(try h.edocs.document(id: credit.id)?.lines.count == 1)
        // Debit (on F001-1, below the new note): the amount is required.
        h.keys(.down)
        #expect(h.billingList?.pane.table.selectedID == original.id)
        h.keys(.char("d"))
        h.keys(.tab)
        h.type("Intereses por pago tardío")
        h.keys(.ctrl("s"))
        #expect(h.app.topScreen is FormScreen)  // refused: the focus goes to the amount
        h.type("25.50")
        h.keys(.ctrl("s"))
        #expect(h.question?.contains("FD01-1 sobre F001-1") == true)
        h.keys(.char("s"))
        #expect(h.app.topScreen is BillingListScreen)
        let debit = try #require(try h.edocs.record(documentID: "FD01-1"))
        #expect(debit.taxable == Money(minorUnits: 2_550, .pen))
        #expect(try h.edocs.document(id: debit.id)?.note?.reason == .debit(.interesesPorMora))
    }

    @Test func theDailySummaryCanBeQueuedNowForWaitingBoletas() throws {
        let h = try ScreenHarness()
        try h.saveBillingSettings()
        h.openBilling()
        h.keys(.char("R"))
        #expect(h.screen.contains("No hay boletas pendientes de resumen diario."))
        let boleta = EDocument(kind: .boleta, series: try Series("B001", for: .boleta), number: 1, issuedAt: ScreenHarness.fixedNow,
                               issuer: ScreenHarness.issuer, customer: .anonymous(),
                               lines: [EDocumentLine(description: "Mouse inalámbrico", quantity: 2, unitPrice: 59)])
        try h.edocs.issue(boleta) { d in
            PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h", fileName: d.fileName)
        }
        h.keys(.char("R"))
        #expect(h.screen.contains("Resumen diario en cola con 1 comprobante(s)"))
        let queued = try JobQueue(db: h.store.db).list(kind: SunatSummaryJob.kind)
        #expect(queued.count == 1)
    }

    @Test func issuingByHandForAPickedCustomer() throws {
        let h = try ScreenHarness.invoiceByHand()
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("Comprobante a mano para Comercial Andina S.A.C."))
        h.keys(.ctrl("s"))  // no line yet: refused, and the focus goes to the first description
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("Corrija los campos marcados: Descripción"))
        #expect(try h.edocs.list().isEmpty)
        h.type("Mantenimiento de servidores")
        h.keys(.tab, .tab)
        h.type("500")
        h.keys(.ctrl("s"))
        #expect(h.question == "¿Emitir Factura F001-1 por S/ 590.00 a Comercial Andina S.A.C.? Se enviará a SUNAT.")
        h.keys(.escape)
        #expect(try h.edocs.list().isEmpty)
        h.keys(.ctrl("s"), .char("s"))
        #expect(h.app.topScreen is BillingListScreen)
        let record = try #require(try h.edocs.record(documentID: "F001-1"))
        #expect(record.kind == .factura)
        #expect(record.customerDocNumber == "20100047218")
        #expect(record.total == Money(minorUnits: 59_000, .pen))
        #expect(String(decoding: try #require(try h.edocs.signedXML(id: record.id)), as: UTF8.self).contains("SignatureValue"))
        #expect(h.screen.contains("Factura F001-1 emitida por S/ 590.00"))
    }

    @Test func retryRequeuesAFailedSend() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura()
        let key = EDocumentRepository.sendJobKey(series: "F001", number: 1)
        let queue = JobQueue(db: h.store.db)
        let job = try #require(try queue.job(idempotencyKey: key))
        try h.store.db.execute("UPDATE job SET state = 'failed', attempts = 20, last_error = 'HTTP 500' WHERE id = ?", [.int(job.id)])
        try h.edocs.recordError(id: a.id, message: "HTTP 500", finalFailure: true)
        h.go(.billing)
        #expect(h.screen.contains("error"))
        h.keys(.char("r"))
        #expect(h.screen.contains("reprogramado"))
        let after = try #require(try queue.job(id: job.id))
        #expect(after.state == .pending)
        #expect(after.attempts == 0)
        // Once SUNAT answered there is nothing to retry.
        try h.accept(a.id)
        h.send([.tick])
        h.keys(.char("r"))
        #expect(h.screen.contains("SUNAT ya respondió"))
    }

    @Test func readOnlyRoleCannotIssueNoteOrRetry() throws {
        let h = try ScreenHarness(role: .ventas, login: "vendedor")
        let a = try h.addFactura()
        try h.accept(a.id)
        h.go(.billing)
        #expect(h.screen.contains("F001-1"))
        h.keys(.char("e"))
        #expect(h.screen.contains("no tiene permiso"))
        #expect(h.app.overlays.isEmpty)
        h.keys(.char("c"))
        #expect(h.screen.contains("no tiene permiso"))
        #expect(h.app.topScreen is BillingListScreen)
        h.keys(.char("r"))
        #expect(h.screen.contains("no tiene permiso"))
        h.keys(.char("b"))
        #expect(h.screen.contains("no tiene permiso"))
        #expect(try h.edocs.list().count == 1)
        #expect(try h.edocs.record(id: a.id)?.voidReason == nil)
        // Reading is allowed: the XML opens.
        h.keys(.char("x"))
        #expect(h.screen.contains("<cbc:ID>F001-1</cbc:ID>"))
    }

    @Test func voidAsksReasonAndConfirmationThenRequestsTheBaja() throws {
        let h = try ScreenHarness()
        let a = try h.addFactura()
        h.go(.billing); h.keys(.char("b"))
        #expect(h.screen.contains("Solo se da de baja un comprobante aceptado"))
        try h.accept(a.id)
        h.keys(.char("b"))
        #expect(h.screen.contains("Motivo de la baja"))
        h.keys(.enter)
        #expect(h.screen.contains("Indique el motivo"))
        h.type("Error en el RUC del cliente")
        h.keys(.enter)
        #expect(h.screen.contains("¿Solicitar la baja de Factura F001-1"))
        h.keys(.char("s"))
        #expect(h.screen.contains("Baja de F001-1 solicitada"))
        let record = try #require(try h.edocs.record(id: a.id))
        #expect(record.voidReason == "Error en el RUC del cliente")
        #expect(record.isVoidPending)
        #expect(h.screen.contains("baja sol."))
        h.keys(.enter)
        #expect(h.screen.contains("solicitada: Error en el RUC del cliente"))
        // Asking again is refused by the store, in Spanish.
        h.keys(.escape, .char("b"))
        h.type("otra vez")
        h.keys(.enter, .char("s"))
        #expect(h.screen.contains("ya se solicitó la baja de F001-1"))
    }

    @Test func xmlViewerShowsTheStoredBytesAndPdfIsWritten() throws {
        let h = try ScreenHarness()
        _ = try h.addFactura("Soporte técnico")
        h.go(.billing); h.keys(.char("x"))
        #expect(h.screen.contains("XML firmado 20123456786-01-F001-1"))
        #expect(h.screen.contains("<Invoice><cbc:ID>F001-1</cbc:ID></Invoice>"))
        h.keys(.escape)
        #expect(h.app.overlays.isEmpty)
        h.keys(.char("p"))
        let path = h.dir.appendingPathComponent("documentos/F001-1.pdf").path
        #expect(h.screen.contains("PDF generado:"))
        #expect(FileManager.default.fileExists(atPath: path))
        let head = try #require(FileManager.default.contents(atPath: path)).prefix(5)
        #expect(String(decoding: head, as: UTF8.self) == "%PDF-")
    }
}
