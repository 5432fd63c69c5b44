import BytekStore
import Foundation
import Testing

/// `bytek invoice pdf`: a document issued through the CLI, printed on A4 and as a ticket.
@Suite("bytek invoice pdf", .serialized)
struct InvoicePDFCLITests {
    private func pdftotext(_ pdf: String) throws -> String {
        try runTool("/usr/bin/pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]).output
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func issuedFacturaPrintsOnA4AndAsATicket() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        // Issuing signs and queues; nothing is sent, so no emulator needs to listen on this port.
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        let issued = try fx.run("invoice", "issue", "--file",
                                try fx.write("f.json", InvoiceCLITests.invoiceJSON("Configuración de red y señalización")),
                                extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let digest = try #require(issued.stdout.components(separatedBy: "hash ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(!digest.isEmpty)

        let a4 = try fx.run("invoice", "pdf", "f001-1")
        #expect(a4.status == 0, "\(a4.stderr)")
        let path = a4.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasSuffix("/documentos/F001-1.pdf"))
        let text = try pdftotext(path)
        for phrase in ["FACTURA ELECTRÓNICA", "F001-00000001", "R.U.C. 20123456786", "BYTEK S.A.C.", "CLIENTE S.A.C.",
                       "Configuración de red y señalización", "COT-2026-0001", "Op. gravadas", "S/ 300.00",
                       "IGV 18%", "S/ 54.00", "S/ 354.00", "SON: TRESCIENTOS CINCUENTA Y CUATRO CON 00/100 SOLES",
                       "Hash: \(digest)", "Representación impresa de la FACTURA ELECTRÓNICA"] {
            #expect(text.contains(phrase), "falta «\(phrase)»")
        }

        // `-o -`: the PDF itself on standard output (what `ssh servidor invoice pdf F001-1` uses), no file left.
        let piped = try fx.start(["invoice", "pdf", "F001-1", "-o", "-"])
        #expect(piped.wait().status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: piped.outPath))
        #expect(bytes.starts(with: Array("%PDF-".utf8)))
        try bytes.write(to: URL(fileURLWithPath: fx.file("piped.pdf")))
        #expect(try pdftotext(fx.file("piped.pdf")).contains("S/ 354.00"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fx.file("documentos")) == ["F001-1.pdf"])

        let out = fx.file("impresos/ticket.pdf")
        let ticket = try fx.run("invoice", "pdf", "F001-1", "--ticket", "-o", out)
        #expect(ticket.status == 0, "\(ticket.stderr)")
        #expect(ticket.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == out)
        let ticketText = try pdftotext(out)
        #expect(ticketText.contains("F001-00000001"))
        #expect(ticketText.contains("S/ 354.00"))

        // Not yet accepted by SUNAT: it says so; once rejected, it says that instead.
        #expect(text.contains("PENDIENTE DE ENVÍO A SUNAT"))
        #expect(ticketText.contains("PENDIENTE DE ENVÍO A SUNAT"))
        try Database(path: fx.dbPath).execute("UPDATE e_document SET status = 'rechazado' WHERE series = 'F001'")
        let rejected = try fx.run("invoice", "pdf", "F001-1")
        let rejectedText = try pdftotext(rejected.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(rejectedText.contains("RECHAZADO — sin validez tributaria"))
        #expect(!rejectedText.contains("PENDIENTE DE ENVÍO"))
        try Database(path: fx.dbPath).execute("UPDATE e_document SET status = 'aceptado' WHERE series = 'F001'")
        let accepted = try pdftotext(try fx.run("invoice", "pdf", "F001-1").stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(!accepted.contains("RECHAZADO") && !accepted.contains("PENDIENTE DE ENVÍO"))

        let missing = try fx.run("invoice", "pdf", "F001-99")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no existe el comprobante F001-99"))
    }
}
