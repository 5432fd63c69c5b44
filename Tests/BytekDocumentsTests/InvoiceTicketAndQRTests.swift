import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

/// The 80 mm ticket, page sizes, and the QR code read back with zbarimg.
@Suite struct InvoiceTicketAndQRTests {
    /// "Page size: 595.28 x 841.89 pts (A4)" → (595.28, 841.89).
    private func pageSize(_ pdf: String) throws -> (Double, Double) {
        let line = try Poppler.info(pdf).split(separator: "\n").first { $0.hasPrefix("Page size:") } ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 5, let w = Double(parts[2]), let h = Double(parts[4]) else { return (0, 0) }
        return (w, h)
    }

    private func write(_ doc: EDocument, _ format: InvoicePaperFormat, _ path: String, digest: String = InvoiceSample.digestValue) throws {
        try InvoicePDF.write(InvoicePrintData(document: doc, digestValue: digest), format: format, to: URL(fileURLWithPath: path))
    }

    @Test func a4IsA4AndTheTicketIs80mmWideOnOneTallPage() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 3)
        try write(doc, .a4, folder.file("a4.pdf"))
        #expect(try Poppler.info(folder.file("a4.pdf")).contains("(A4)"))
        let a4 = try pageSize(folder.file("a4.pdf"))
        #expect(abs(a4.0 - 595.28) < 0.01 && abs(a4.1 - 841.89) < 0.01)

        try write(doc, .ticket80, folder.file("t3.pdf"))
        try write(try InvoiceSample.factura(lineCount: 60), .ticket80, folder.file("t60.pdf"))
        let short = try pageSize(folder.file("t3.pdf"))
        let long = try pageSize(folder.file("t60.pdf"))
        #expect(abs(short.0 - 226.77) < 0.01)
        #expect(abs(long.0 - 226.77) < 0.01)
        #expect(try Poppler.pageCount(folder.file("t3.pdf")) == 1)
        #expect(try Poppler.pageCount(folder.file("t60.pdf")) == 1)
        #expect(long.1 > short.1 + 500, "el ticket crece con las líneas (\(short.1) → \(long.1))")
    }

    @Test func ticketHasTheLinesTotalsWordsHashAndLegend() throws {
        let folder = TempFolder()
        var doc = try InvoiceSample.factura(lineCount: 5, detraccion: Detraccion(account: "00-051-999888"))
        doc.paymentForm = .credito(try InvoiceSample.installments(for: doc))
        try doc.validate()
        try write(doc, .ticket80, folder.file("t.pdf"))
        let flat = squeezed(try Poppler.text(folder.file("t.pdf")))
        let amounts = try doc.amounts()
        for line in doc.lines { #expect(containsWordsInOrder(flat, line.description), "falta \(line.description)") }
        for (_, value) in InvoiceContent.totalRows(amounts) { #expect(flat.contains(value), "falta \(value)") }
        #expect(containsWordsInOrder(flat, amounts.words))
        #expect(containsWordsInOrder(flat, "Hash: " + InvoiceSample.digestValue))
        #expect(containsWordsInOrder(flat, "Representación impresa de la FACTURA ELECTRÓNICA"))
        #expect(containsWordsInOrder(flat, InvoiceContent.detraccionLegend))
        #expect(flat.contains("00-051-999888"))
        #expect(flat.contains("Crédito") && flat.contains("Vencimiento"))
        #expect(flat.contains("Compañía Minera Peñasco Azul S.A.A."))
    }

    /// Every kind, on both papers: the QR decoded by zbarimg from a 200 dpi rendering equals the
    /// SUNAT payload of that document.
    @Test(arguments: InvoicePaperFormat.allCases)
    func qrDecodesToTheSunatPayload(format: InvoicePaperFormat) throws {
        let folder = TempFolder()
        var credit = try InvoiceSample.factura(lineCount: 30)
        credit.paymentForm = .credito(try InvoiceSample.installments(for: credit))
        let documents = [try InvoiceSample.factura(lineCount: 4), try InvoiceSample.factura(lineCount: 2, currency: .usd),
                         credit, try InvoiceSample.boleta(), try InvoiceSample.creditNote(), try InvoiceSample.debitNote()]
        for (i, doc) in documents.enumerated() {
            let pdf = folder.file("d\(i).pdf")
            let digest = "dG\(i)Zx+/9kQ2mZpV7sL1aYwT8cRb5nE4uDi6oGzA0H=" // base64 alphabet, mixed case
            try write(doc, format, pdf, digest: digest)
            let last = try Poppler.pageCount(pdf)
            _ = try Poppler.run("pdftoppm", ["-png", "-r", "200", "-f", String(last), "-l", String(last), "-singlefile",
                                             pdf, folder.file("d\(i)")])
            let decoded = try zbar(folder.file("d\(i).png"))
            let expected = try SunatQRPayload.text(for: doc, digestValue: digest)
            #expect(decoded == expected, "\(doc.id) \(format)")
            #expect(decoded.hasPrefix(doc.issuer.ruc + "|" + doc.kind.code + "|" + doc.series.code + "|"))
        }
    }

    @Test func qrMatrixComesFromLibqrencode() throws {
        let qr = try InvoiceQRCode(encoding: "20601234561|01|F001|123|45.09|295.59|2026-11-26|6|20512345674|abc|")
        // Versions are 21 + 4k modules; every symbol has three 7×7 finder patterns.
        #expect((qr.size - 21) % 4 == 0 && qr.size >= 21)
        for (r, c) in [(0, 0), (0, qr.size - 7), (qr.size - 7, 0)] {
            #expect(qr.isDark(row: r, column: c) && qr.isDark(row: r + 6, column: c + 6))
            #expect(!qr.isDark(row: r + 1, column: c + 1) && qr.isDark(row: r + 3, column: c + 3))
        }
        let dark = qr.modules.filter { $0 }.count
        #expect(qr.runs.reduce(0) { $0 + $1.length } == dark)
        #expect(throws: InvoicePDFError.self) { try InvoiceQRCode(encoding: "") }
    }

    private func zbar(_ png: String) throws -> String {
        let candidates = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ToolMissing(tool: "zbarimg (zbar-tools)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--raw", "-q", png]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
