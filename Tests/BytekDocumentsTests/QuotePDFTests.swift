import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

/// True when the words of `phrase` appear in `text` in order (wrapped table cells interleave
/// with the other columns in `pdftotext -layout`, so a phrase may not be contiguous).
func containsWordsInOrder(_ text: String, _ phrase: String) -> Bool {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    var i = 0
    for word in phrase.split(separator: " ") {
        while i < words.count && words[i] != word { i += 1 }
        if i == words.count { return false }
        i += 1
    }
    return true
}

@Suite struct QuotePDFTests {
    @Test func textOfAQuoteHasEveryLineTheTotalsAndTheSpanishIntact() throws {
        let folder = TempFolder()
        let pdf = folder.file("cotización.pdf")
        let quote = QuoteSample.quote(lineCount: 12)
        let pages = try QuotePDF.render(quote, to: pdf)
        let text = try Poppler.text(pdf)
        let flat = squeezed(text)
        for line in quote.lines {
            #expect(containsWordsInOrder(flat, line.description), "falta la línea: \(line.description)")
            #expect(flat.contains(line.amount.formattedAmount))
        }
        for (label, value) in QuotePDF.totalRows(quote) {
            #expect(flat.contains(label == "Total" ? "TOTAL" : label), "falta \(label)")
            #expect(flat.contains(value), "falta \(value)")
        }
        #expect(value(quote.totals.total).hasPrefix("S/ "))
        for phrase in ["COTIZACIÓN", "COT-2026-00042", "Versión 2", "Compañía Minera Peñasco Azul S.A.A.",
                       "Ing. Begoña Ávila Muñoz", "26/11/2026", "11/12/2026", "Op. gravadas", "Op. exoneradas",
                       "Op. inafectas", "Descuento global", "IGV 18%", "Productos", "Servicios", "Suscripciones",
                       "Subtotal productos", "Pagos recurrentes", "Equivalente mensual", "Hitos de pago",
                       "Términos y condiciones", "Aceptación del cliente", "Página 1 de \(pages)", "RUC 20512345678"] {
            #expect(flat.contains(phrase), "falta «\(phrase)»")
        }
    }

    private func value(_ m: Money) -> String { m.formatted }

    @Test func dollarQuoteShowsUSDollarSymbol() throws {
        let folder = TempFolder()
        let pdf = folder.file("usd.pdf")
        let quote = QuoteSample.quote(lineCount: 6, currency: .usd)
        try QuotePDF.render(quote, to: pdf)
        let flat = squeezed(try Poppler.text(pdf))
        #expect(flat.contains(quote.totals.total.formatted))
        #expect(flat.contains("US$ "))
        #expect(flat.contains("Dólares (US$)"))
        // Only the exchange-rate note may mention soles.
        let withoutNote = flat.replacingOccurrences(of: quote.exchangeRateNote, with: "")
        #expect(!withoutNote.contains("S/ "), "un PDF en dólares no debe mostrar soles")
        #expect(flat.contains("Tipo de cambio referencial"))
    }

    @Test func longQuoteSpansPagesWithTheHeaderRowOnEach() throws {
        let folder = TempFolder()
        let pdf = folder.file("larga.pdf")
        let quote = QuoteSample.quote(lineCount: 120)
        let pages = try QuotePDF.render(quote, to: pdf)
        #expect(pages >= 3)
        #expect(try Poppler.pageCount(pdf) == pages)
        // Pages that carry table rows repeat the header row.
        var pagesWithRows = 0
        for page in 1...pages {
            let text = try Poppler.text(pdf, page: page)
            #expect(text.contains("Página \(page) de \(pages)"))
            if text.contains("— ítem") {
                pagesWithRows += 1
                #expect(squeezed(text).contains("# Descripción Cantidad Unidad Precio unit. Dscto. Importe"),
                        "la página \(page) no repite la cabecera de la tabla")
            }
        }
        #expect(pagesWithRows >= 3)
        let flat = squeezed(try Poppler.text(pdf))
        for i in [1, 60, 120] { #expect(flat.contains("ítem \(i)")) }
    }

    @Test func pdfinfoSaysA4WithTitleAndAuthor() throws {
        let folder = TempFolder()
        let pdf = folder.file("info.pdf")
        let pages = try QuotePDF.render(QuoteSample.quote(lineCount: 40), to: pdf)
        let info = try Poppler.info(pdf)
        func field(_ name: String) -> String {
            let line = info.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        #expect(field("Page size") == "595.28 x 841.89 pts (A4)")
        #expect(field("Title") == "Cotización COT-2026-00042 v2")
        #expect(field("Author") == "BYTEK SOLUCIONES TECNOLÓGICAS S.A.C.")
        #expect(field("Pages") == String(pages))
    }

    @Test func fontsAreEmbedded() throws {
        let folder = TempFolder()
        let pdf = folder.file("fonts.pdf")
        try QuotePDF.render(QuoteSample.quote(lineCount: 12), to: pdf)
        let rows = try Poppler.fonts(pdf).split(separator: "\n").dropFirst(2)
        #expect(!rows.isEmpty)
        var names: Set<String> = []
        for row in rows {
            let cols = row.split(separator: " ")
            // name type encoding emb sub uni object ID: "emb" is the 4th column from the end but 3.
            #expect(cols.count >= 7)
            #expect(cols[cols.count - 5] == "yes", "fuente no incrustada: \(row)")
            names.insert(String(cols[0].split(separator: "+").last ?? ""))
        }
        #expect(names.contains("LiberationSans"))
        #expect(names.contains("LiberationSans-Bold"))
        #expect(names.contains("LiberationSans-Italic"))
    }

    @Test func missingLogoIsSkippedAndAPNGLogoIsDrawn() throws {
        let folder = TempFolder()
        var quote = QuoteSample.quote(lineCount: 3)
        quote.company.logoPath = folder.file("no-existe.png")
        let pages = try QuotePDF.render(quote, to: folder.file("sin-logo.pdf"))
        #expect(try Poppler.pageCount(folder.file("sin-logo.pdf")) == pages)
        // A real PNG: make one with pdftoppm from the PDF just written, then use it as the logo.
        _ = try Poppler.run("pdftoppm", ["-png", "-r", "10", "-f", "1", "-l", "1", "-singlefile",
                                         folder.file("sin-logo.pdf"), folder.file("logo")])
        quote.company.logoPath = folder.file("logo.png")
        #expect(FileManager.default.fileExists(atPath: quote.company.logoPath))
        try QuotePDF.render(quote, to: folder.file("con-logo.pdf"))
        let withLogo = try Poppler.run("pdfimages", ["-list", folder.file("con-logo.pdf")])
        let without = try Poppler.run("pdfimages", ["-list", folder.file("sin-logo.pdf")])
        #expect(withLogo.split(separator: "\n").count > without.split(separator: "\n").count)
    }

    @Test func unwritablePathIsAnError() {
        #expect(throws: PDFError.self) {
            try QuotePDF.render(QuoteSample.quote(lineCount: 2), to: "/nonexistent-folder/x/cotizacion.pdf")
        }
    }

    @Test func linesAreGroupedByKindWithSubtotals() {
        let quote = QuoteSample.quote(lineCount: 9)
        let table = QuotePDF.linesTable(quote)
        var banners: [String] = []
        var summaries: [String] = []
        for row in table.rows {
            switch row.kind {
            case .banner(let t): banners.append(t)
            case .summary(let label, let value): summaries.append(label + " " + value)
            case .cells, .strong: break
            }
        }
        #expect(banners == ["Productos", "Servicios", "Suscripciones"])
        let products = quote.lines.filter { $0.kind == .product }.reduce(Money.zero(.pen)) { $0 + $1.amount }
        #expect(summaries.first == "Subtotal productos \(products.formatted)")
        #expect(table.rows.count == 9 + 3 + 3)
    }

    @Test func benchmarkOf120LinesIsWithinBudget() {
        let ms = QuotePDF.benchmark120Lines()
        print("PDF de cotización de 120 líneas: \(String(format: "%.1f", ms)) ms")
        #expect(ms > 0)
        // The 300 ms budget is for release builds; debug builds get a looser bound.
        #expect(ms < 1500)
    }
}

@Suite struct FlowTextTests {
    /// A paragraph longer than a page is split between lines across pages: every word survives in
    /// order and no line is lost at the break.
    @Test func longNotesBreakAcrossPagesWithoutLosingLines() throws {
        let folder = TempFolder()
        let pdf = folder.file("notas.pdf")
        var quote = QuoteSample.quote(lineCount: 3)
        let words = (1...1400).map { "palabra\($0)" }
        quote.notes = words.joined(separator: " ")
        let pages = try QuotePDF.render(quote, to: pdf)
        #expect(pages >= 3)
        let flat = squeezed(try Poppler.text(pdf))
        #expect(containsWordsInOrder(flat, quote.notes))
        // Each word exactly once: no line drawn twice at a page break.
        for w in ["palabra1", "palabra700", "palabra1400"] {
            #expect(flat.components(separatedBy: w + " ").count == 2, "\(w) aparece más de una vez o ninguna")
        }
    }
}
