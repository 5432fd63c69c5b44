import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

private func dec(_ s: String) -> Decimal {
    Decimal(string: s.replacingOccurrences(of: ",", with: ""), locale: Locale(identifier: "en_US_POSIX"))!
}

/// The printed lines add up (quantity × unit value − discount = the amount beside them, read back
/// from the PDF), and a document that is not valid says so across its pages.
@Suite struct PrintedFiguresTests {
    static func awkwardFactura() throws -> EDocument {
        let lines = [
            // 3 × 100 with IGV: unit value 84.7457627119, value 254.24.
            EDocumentLine(description: "Licencia con IGV incluido", quantity: 3, unit: .unit, unitPrice: 100,
                          priceIncludesIGV: true, itemKind: .product),
            // 2.125 hours × 1,234.5678 − 10 %.
            EDocumentLine(description: "Consultoría por horas", quantity: dec("2.125"), unit: .hour,
                          unitPrice: dec("1234.5678"), discount: .percent(10), itemKind: .service),
            // 7 × 19.99 − 5.00.
            EDocumentLine(description: "Cable de red", quantity: 7, unit: .unit, unitPrice: dec("19.99"),
                          discount: .amount(5), itemKind: .product),
        ]
        return try InvoiceSample.factura(lines: lines)
    }

    @Test func eachPrintedInvoiceLineAddsUp() throws {
        let doc = try Self.awkwardFactura()
        let content = try InvoiceContent(InvoicePrintData(document: doc, digestValue: InvoiceSample.digestValue))
        let folder = TempFolder()
        let path = folder.file("lineas.pdf")
        try InvoicePDF.write(InvoicePrintData(document: doc, digestValue: InvoiceSample.digestValue), format: .a4,
                             to: URL(fileURLWithPath: path))
        let text = try Poppler.text(path)
        #expect(text.contains("Descuento"))
        for line in content.lines {
            // The row as pdftotext reads it carries every printed figure of the line.
            let row = try #require(text.split(separator: "\n").first { $0.contains(line.description.prefix(18)) })
            for figure in [line.quantity, line.unitValue, line.lineValue] + (line.discount.isEmpty ? [] : [line.discount]) {
                #expect(row.contains(figure), "\(figure) in «\(row)»")
            }
            let computed = dec(line.quantity) * dec(line.unitValue) - (line.discount.isEmpty ? 0 : dec(line.discount))
            #expect(Money(computed, .pen).rounded().formattedAmount == line.lineValue,
                    "\(line.quantity) × \(line.unitValue) − \(line.discount) ≠ \(line.lineValue)")
        }
        #expect(content.lines[0].unitValue == "84.7457627119")
        #expect(content.lines[1].quantity == "2.125")
        // The lines add up to the operations (no global discount here), and no line discount is counted again.
        let sum = content.lines.reduce(Decimal(0)) { $0 + dec($1.lineValue) }
        #expect(Money(sum, .pen).formattedAmount == (try doc.amounts()).taxes.gravadas.formattedAmount)
        #expect(!text.contains("Descuento global"))
    }

    @Test func eachPrintedQuoteLineAddsUp() throws {
        let folder = TempFolder()
        let content = QuoteDocumentModelTests.content(lines: [
            .product("Licencia con IGV incluido", quantity: 3, unitPrice: Money(100, .pen)),
            .service("Consultoría por horas", quantity: dec("2.125"), rate: Money(dec("1234.5678"), .pen),
                     discount: .percent(10)),
        ], includeIGV: true)
        let quote = Quote(id: 7, number: "COT-2026-00042", version: 1, state: .sent, content: content)
        let doc = QuoteDocument(quote: quote, totals: try content.totals(), customer: QuoteDocumentModelTests.customer,
                                company: QuoteSample.company, preparedBy: "Ana")
        let path = folder.file("cotizacion.pdf")
        try QuotePDF.render(doc, to: path)
        keepForPreview(path, as: "cotizacion-lineas.pdf")
        let text = try Poppler.text(path)
        for line in doc.lines {
            let qty = DocumentFormat.quantity(line.quantity, maxDecimals: 10)
            let price = DocumentFormat.unitAmount(line.unitPrice)
            let row = try #require(text.split(separator: "\n").first { $0.contains(line.description.prefix(18)) })
            #expect(row.contains(qty) && row.contains(price) && row.contains(line.amount.formattedAmount), "«\(row)»")
            var gross = dec(qty) * dec(price)
            if case .percent(let p)? = line.discount { gross -= (Money(gross, .pen).rounded().amount * p / 100) }
            #expect(Money(gross, .pen).rounded() == line.amount, "\(qty) × \(price) → \(line.amount)")
        }
    }

    /// Reddish pixels of page 1 rendered by pdftoppm at 20 dpi (a PPM, read here).
    static func reddishPixels(_ pdf: String, in folder: TempFolder) throws -> Int {
        let prefix = folder.file("page")
        _ = try Poppler.run("pdftoppm", ["-r", "20", "-f", "1", "-l", "1", pdf, prefix])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".ppm") }
        let file = try #require(names.first)
        let data = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + file)))
        try FileManager.default.removeItem(atPath: folder.path + "/" + file)
        // P6 header: magic, width, height, maxval, each followed by whitespace.
        var fields = 0, i = 0
        while fields < 4, i < data.count {
            while i < data.count, data[i] == 0x20 || data[i] == 0x0A { i += 1 }
            while i < data.count, data[i] != 0x20, data[i] != 0x0A { i += 1 }
            fields += 1
        }
        i += 1
        var count = 0
        while i + 2 < data.count {
            let r = Int(data[i]), g = Int(data[i + 1]), b = Int(data[i + 2])
            if r > g + 40, r > b + 40 { count += 1 }
            i += 3
        }
        return count
    }

    @Test func rejectedAndPendingDocumentsSaySoAcrossThePage() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 40)  // two pages: every page carries the words
        func render(_ status: String, _ format: InvoicePaperFormat = .a4) throws -> String {
            let path = folder.file("\(status)-\(format).pdf")
            try InvoicePDF.write(InvoicePrintData(document: doc, digestValue: InvoiceSample.digestValue,
                                                  watermark: InvoiceContent.watermark(status: status)),
                                 format: format, to: URL(fileURLWithPath: path))
            keepForPreview(path, as: "estado-\(status)-\(format).pdf")
            return path
        }
        let valid = try render("aceptado")
        let rejected = try render("rechazado")
        let pending = try render("pendiente")
        #expect(!(try Poppler.text(valid)).contains("sin validez"))
        #expect(!(try Poppler.text(valid)).contains("PENDIENTE"))
        let pages = try Poppler.pageCount(rejected)
        #expect(pages >= 2)
        for page in 1...pages {
            #expect(squeezed(try Poppler.text(rejected, page: page)).contains("RECHAZADO — sin validez tributaria"), "page \(page)")
        }
        #expect(squeezed(try Poppler.text(pending)).contains("PENDIENTE DE ENVÍO A SUNAT"))
        #expect(squeezed(try Poppler.text(try render("enviado", .ticket80))).contains("PENDIENTE DE ENVÍO A SUNAT"))
        #expect(InvoiceContent.watermark(status: "observado") == nil)
        // Seen on the page: red across it (the banner and the diagonal words), none on a valid one.
        let redValid = try Self.reddishPixels(valid, in: folder)
        let redRejected = try Self.reddishPixels(rejected, in: folder)
        #expect(redValid == 0)
        #expect(redRejected > 300, "\(redRejected)")
    }
}
