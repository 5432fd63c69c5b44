import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

/// Renders `document` with the sample digest, returns the PDF path and its squeezed text.
private func rendered(_ document: EDocument, _ format: InvoicePaperFormat = .a4, in folder: TempFolder,
                      name: String = "comprobante.pdf", logo: String? = nil) throws -> (path: String, text: String) {
    let path = folder.file(name)
    try InvoicePDF.write(InvoicePrintData(document: document, digestValue: InvoiceSample.digestValue, logoPath: logo),
                         format: format, to: URL(fileURLWithPath: path))
    keepForPreview(path, as: "\(format)-" + name)
    return (path, squeezed(try Poppler.text(path)))
}

/// With BYTEK_INVOICE_PREVIEW=FOLDER, a copy of each PDF is kept there to look at.
func keepForPreview(_ path: String, as name: String) {
    guard let folder = ProcessInfo.processInfo.environment["BYTEK_INVOICE_PREVIEW"] else { return }
    let target = folder + "/" + name
    try? FileManager.default.removeItem(atPath: target)
    try? FileManager.default.copyItem(atPath: path, toPath: target)
}

/// The printed factura, boleta and notes on A4: what pdftotext reads back.
@Suite struct InvoicePDFTests {
    @Test func a4FacturaHasEveryLineTheTotalsWordsHashLegendAndCustomer() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 8)
        let (_, flat) = try rendered(doc, in: folder, name: "factura électronique ñ.pdf")
        let amounts = try doc.amounts()
        for line in doc.lines {
            #expect(containsWordsInOrder(flat, line.description), "falta la línea: \(line.description)")
        }
        for figures in amounts.lines { #expect(flat.contains(figures.lineValue.formattedAmount)) }
        for (label, value) in InvoiceContent.totalRows(amounts) {
            #expect(flat.contains(label == "Importe total" ? "IMPORTE TOTAL" : label), "falta \(label)")
            #expect(flat.contains(value), "falta \(value)")
        }
        #expect(flat.contains(amounts.total.formatted))
        #expect(flat.contains(amounts.taxes.igv.formatted))
        #expect(containsWordsInOrder(flat, amounts.words))
        #expect(amounts.words.hasPrefix("SON: ") && amounts.words.hasSuffix(" SOLES"))
        for phrase in ["Hash: \(InvoiceSample.digestValue)", "Representación impresa de la FACTURA ELECTRÓNICA",
                       "FACTURA ELECTRÓNICA", "F001-00000123", "R.U.C. \(doc.issuer.ruc)",
                       "Compañía Minera Peñasco Azul S.A.A.", "RUC \(doc.customer.number)", "Jr. Cañete 345",
                       "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.", "Av. José Larco 1232", "26/11/2026", "10:30:05",
                       "Soles (S/)", "Contado", "COT-2026-00042", "Op. gravadas", "Op. exoneradas", "Op. inafectas",
                       "Op. gratuitas", "IGV 18%", "Página 1 de 1"] {
            #expect(flat.contains(phrase), "falta «\(phrase)»")
        }
        #expect(!flat.contains("Descuentos"), "sin descuentos no se muestra la fila")
        #expect(!flat.contains("Sistema de Pago de Obligaciones"))
    }

    @Test func dollarFacturaSaysDolaresAmericanos() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 3, currency: .usd)
        let (_, flat) = try rendered(doc, in: folder)
        let amounts = try doc.amounts()
        #expect(flat.contains("DÓLARES AMERICANOS"))
        #expect(!flat.contains(" SOLES"))
        #expect(flat.contains(amounts.total.formatted) && amounts.total.formatted.hasPrefix("US$ "))
        #expect(flat.contains("Dólares americanos (US$)"))
        #expect(!flat.contains("S/ "), "un comprobante en dólares no muestra soles")
    }

    @Test func detraccionFacturaShowsTheLegendCodeRateAmountAndAccount() throws {
        let folder = TempFolder()
        let detraccion = Detraccion(code: "037", ratePercent: 12, account: "00-051-123456")
        let doc = try InvoiceSample.factura(lineCount: 4, detraccion: detraccion)
        let (_, flat) = try rendered(doc, in: folder)
        let amounts = try doc.amounts()
        #expect(flat.contains(InvoiceContent.detraccionLegend))
        #expect(flat.contains("00-051-123456"))
        #expect(flat.contains("Banco de la Nación"))
        #expect(flat.contains("037"))
        #expect(flat.contains("12%"))
        let pen = try #require(amounts.detraccionPEN)
        #expect(flat.contains(pen.formatted))
    }

    @Test func creditFacturaShowsItsCuotas() throws {
        let folder = TempFolder()
        var doc = try InvoiceSample.factura(lineCount: 3)
        let cuotas = try InvoiceSample.installments(for: doc)
        doc.paymentForm = .credito(cuotas)
        try doc.validate()
        let (_, flat) = try rendered(doc, in: folder)
        #expect(flat.contains("Crédito"))
        #expect(flat.contains("Fecha de vencimiento"))
        for c in cuotas {
            #expect(flat.contains(Money(c.amount, .pen).formatted))
            #expect(flat.contains(DocumentDate(year: c.dueDate.year, month: c.dueDate.month, day: c.dueDate.day).formatted))
        }
        #expect(flat.contains("26/12/2026") && flat.contains("25/01/2027"))
    }

    @Test func creditNoteShowsTheReferencedDocumentReasonAndSustento() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.creditNote()
        let (_, flat) = try rendered(doc, in: folder)
        for phrase in ["NOTA DE CRÉDITO ELECTRÓNICA", "FC01-00000004", "Documento que modifica",
                       "FACTURA ELECTRÓNICA F001-00000123", "01 - Anulación de la operación",
                       "Anulación por error en el RUC del adquirente",
                       "Representación impresa de la NOTA DE CRÉDITO ELECTRÓNICA"] {
            #expect(flat.contains(phrase), "falta «\(phrase)»")
        }
    }

    @Test func debitNoteAndBoletaCarryTheirOwnTitles() throws {
        let folder = TempFolder()
        let (_, debit) = try rendered(try InvoiceSample.debitNote(), in: folder, name: "nd.pdf")
        #expect(debit.contains("Representación impresa de la NOTA DE DÉBITO ELECTRÓNICA"))
        #expect(debit.contains("01 - Intereses por mora"))
        let (_, boleta) = try rendered(try InvoiceSample.boleta(), in: folder, name: "b.pdf")
        #expect(boleta.contains("Representación impresa de la BOLETA DE VENTA ELECTRÓNICA"))
        #expect(boleta.contains("B001-00000007"))
        #expect(boleta.contains("DNI 45678912"))
        #expect(boleta.contains("Begoña Ávila Muñoz"))
    }

    @Test func longFacturaSpansPagesWithTheHeaderRepeated() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 120)
        let path = folder.file("larga.pdf")
        let pages = try InvoicePDF.render(InvoicePrintData(document: doc, digestValue: "h"), format: .a4, to: path)
        keepForPreview(path, as: "a4-larga.pdf")
        #expect(pages >= 2)
        #expect(try Poppler.pageCount(path) == pages)
        var pagesWithLines = 0
        for page in 1...pages {
            let text = squeezed(try Poppler.text(path, page: page))
            #expect(text.contains("Página \(page) de \(pages)"))
            if page > 1 { #expect(text.contains("FACTURA ELECTRÓNICA F001-00000123"), "sin cabecera en la página \(page)") }
            // Every page that holds lines repeats the table header.
            guard text.contains("· ítem") else { continue }
            pagesWithLines += 1
            #expect(text.contains("Descripción") && text.contains("Valor unitario") && text.contains("Valor de venta"),
                    "la página \(page) no repite la cabecera de la tabla")
        }
        #expect(pagesWithLines >= 2)
        let all = squeezed(try Poppler.text(path))
        for line in doc.lines { #expect(containsWordsInOrder(all, line.description)) }
        #expect(all.contains("IMPORTE TOTAL \(try doc.amounts().total.formatted)"))
        // The QR block closes the document: it is on the last page.
        #expect(squeezed(try Poppler.text(path, page: pages)).contains("Hash: h"))
    }

    @Test func globalDiscountRowShowsOnlyTheGlobalDiscount() throws {
        let folder = TempFolder()
        var doc = try InvoiceSample.factura(lineCount: 2)
        doc.lines[0].discount = .percent(10)
        // A line discount sits in its line (its own column), never again in the totals.
        #expect(!InvoiceContent.totalRows(try doc.amounts()).contains { $0.0.hasPrefix("Descuento") })
        doc.globalDiscount = .amount(50)
        let amounts = try doc.amounts()
        let rows = InvoiceContent.totalRows(amounts)
        let discount = try #require(rows.first { $0.0 == "Descuento global" })
        #expect(discount.1 == "S/ 50.00")
        let (_, flat) = try rendered(doc, in: folder)
        #expect(flat.contains("Descuento global \(discount.1)"))
    }

    @Test func unitValuesKeepUpToTenDecimals() throws {
        let m = Money(Decimal(string: "84.745762711864") ?? 0, .pen)
        #expect(InvoiceContent.unitValue(m) == "84.7457627119")
        #expect(InvoiceContent.unitValue(Money(Decimal(string: "1234.5") ?? 0, .pen)) == "1,234.50")
        #expect(InvoiceContent.unitValue(Money(Decimal(string: "2500.125") ?? 0, .pen)) == "2,500.125")
    }

    @Test func logoIsDrawnWhenItIsAReadablePNG() throws {
        let folder = TempFolder()
        let doc = try InvoiceSample.factura(lineCount: 2)
        let (plain, _) = try rendered(doc, in: folder, name: "sin-logo.pdf", logo: folder.file("no-existe.png"))
        _ = try Poppler.run("pdftoppm", ["-png", "-r", "10", "-singlefile", plain, folder.file("logo")])
        for format in InvoicePaperFormat.allCases {
            let (withLogo, _) = try rendered(doc, format, in: folder, name: "logo-\(format).pdf", logo: folder.file("logo.png"))
            let images = try Poppler.run("pdfimages", ["-list", withLogo]).split(separator: "\n")
            #expect(images.count == 3, "\(format): se esperaba una imagen (el logo)")
        }
        let without = try Poppler.run("pdfimages", ["-list", plain]).split(separator: "\n")
        #expect(without.count == 2, "el QR es vectorial y no hay logo: ninguna imagen")
    }

    @Test func unwritablePathIsAnError() throws {
        let doc = try InvoiceSample.factura(lineCount: 1)
        #expect(throws: InvoicePDFError.self) {
            try InvoicePDF.write(InvoicePrintData(document: doc, digestValue: "h"), format: .a4,
                                 to: URL(fileURLWithPath: "/nonexistent-folder/x/f.pdf"))
        }
    }
}
