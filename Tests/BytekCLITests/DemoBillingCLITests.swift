import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek demo` issues signed documents of every kind and runs them through the local SUNAT emulator, so a
/// new user finds every status answered by the emulator itself.
@Suite(.serialized) struct DemoBillingCLITests {
    @Test func demoDocumentsReachEveryStatusThroughTheEmulator() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let demo = try fx.run("demo", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("Comprobantes electrónicos: 13 emitidos y firmados"), "\(demo.stdout)")

        // The secrets file sits beside the database, readable by its owner only.
        let attributes = try FileManager.default.attributesOfItem(atPath: fx.file("bytek-secretos"))
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o077 == 0)

        let store = try Store(path: fx.dbPath)
        let repo = EDocumentRepository(db: store.db)
        let counts = try repo.countsByStatus()
        // 8 of the billing plan + 2 of DemoReceivables (F002) + 3 milestone invoices of DemoProjects (F003, dated back).
        #expect(counts[.aceptado] == 13)
        #expect(try store.db.scalar("SELECT count(*) FROM e_document WHERE series = 'F003' AND status = 'aceptado'").intValue == 3)
        #expect(counts[.observado] == 1)
        #expect(counts[.rechazado] == 1)
        #expect(counts[.anulado] == 1)
        // Two pending of the demo's own, and those of the recurring run (issued and queued, after the emulator stopped).
        let recurring = try store.db.scalar("SELECT count(DISTINCT document_id) FROM subscription_charge").intValue ?? 0
        #expect(recurring >= 6 && demo.stdout.contains("Recurrentes: \(recurring) comprobante(s)"), "\(demo.stdout)")
        #expect(counts[.pendiente] == 2 + Int(recurring))
        let kinds = Set(try repo.list(limit: 50).map(\.kind))
        #expect(kinds == Set([.factura, .boleta, .notaCredito, .notaDebito]))

        // Answers are SUNAT's (the emulator's) own CDRs; the summary and the void were accepted with tickets.
        let observed = try #require(try repo.list(status: .observado).first)
        #expect(observed.observations.contains { $0.contains("4287") })
        let rejected = try #require(try repo.list(status: .rechazado).first)
        #expect(rejected.responseCode == "2017")
        let batches = try fx.run("invoice", "batches")
        #expect(batches.status == 0, "\(batches.stderr)")
        #expect(batches.stdout.contains("RC-") && batches.stdout.contains("RA-"))
        #expect(!batches.stdout.contains("rechazado"))

        // The settings point at the emulator port scripts/demo uses; the pending factura goes out with the worker.
        let settings = try EInvoicingSettingsRepository(db: store.db).require()
        #expect(settings.activeEndpoints == .emulator(port: 8490))
        #expect(settings.series(for: .factura) == "F001", "the milestone invoices' series is given back")

        // A document signed with the demo's self-signed certificate verifies with the xmlsec1 command line.
        let accepted = try #require(try repo.list(status: .aceptado).first)
        let xml = try #require(try repo.signedXML(id: accepted.id))
        let path = fx.file("demo.xml")
        try Data(xml).write(to: URL(fileURLWithPath: path))
        // Trust the certificate the document carries, as SUNAT's first check does.
        let text = String(decoding: xml, as: UTF8.self)
        let certificate = try #require(text.range(of: "<ds:X509Certificate>").flatMap { open in
            text.range(of: "</ds:X509Certificate>").map { String(text[open.upperBound..<$0.lowerBound]) }
        })
        let body = certificate.filter { !$0.isWhitespace }
        let lines = stride(from: 0, to: body.count, by: 64).map { i -> String in
            let start = body.index(body.startIndex, offsetBy: i)
            return String(body[start..<(body.index(start, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex)])
        }
        let pem = fx.file("demo-cert.pem")
        try Data(("-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n").utf8)
            .write(to: URL(fileURLWithPath: pem))
        let verify = Process()
        verify.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        verify.arguments = ["xmlsec1", "--verify", "--trusted-pem", pem, "--id-attr:Id", "Signature", path]
        verify.standardOutput = FileHandle.nullDevice
        verify.standardError = FileHandle.nullDevice
        try verify.run()
        verify.waitUntilExit()
        #expect(verify.terminationStatus == 0, "xmlsec1 no verificó la firma del comprobante de la demostración")
    }
}
