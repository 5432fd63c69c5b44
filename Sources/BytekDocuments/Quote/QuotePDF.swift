import BytekModel
import Foundation

/// Draws a `QuoteDocument` as an A4 PDF in Spanish: company header with logo, quote number and
/// version, dates, customer, lines grouped by kind with subtotals, totals (op. gravadas,
/// exoneradas, inafectas, descuento global, IGV, total), recurring charges, payment terms and
/// milestones, delivery, validity, notes, terms, signatures, "Página N de M". Long quotes break
/// across pages with the table header repeated and a running header on each further page.
public enum QuotePDF {
    /// Writes the PDF to `path`; returns the page count.
    @discardableResult
    public static func render(_ quote: QuoteDocument, to path: String) throws(PDFError) -> Int {
        let metadata = PDFMetadata(title: "Cotización \(quote.reference)", author: quote.company.legalName,
                                   subject: "Cotización para \(quote.customer.name)")
        let footerLeft = "\(quote.company.legalName) · RUC \(quote.company.ruc) · Cotización \(quote.reference)"
        return try PDFDocumentWriter.render(
            to: path, metadata: metadata,
            footer: { page, total in PDFFooter(left: footerLeft, right: PDFFooter.pageLabel(page, of: total)) },
            body: { draw(quote, on: $0) })
    }

    static func draw(_ q: QuoteDocument, on w: PDFDocumentWriter) {
        w.runningHeaderHeight = 24
        w.onNewPage = { w in
            let style = PDFTextStyle(size: 8, color: .muted)
            w.text("COTIZACIÓN \(q.reference) · \(q.customer.name)", x: w.contentLeft, y: w.cursorY,
                   width: w.contentWidth * 0.65, style: style.with(bold: true, color: .accent))
            w.text(q.company.displayName, x: w.contentLeft + w.contentWidth * 0.65, y: w.cursorY,
                   width: w.contentWidth * 0.35, style: style.with(alignment: .right))
            w.hline(from: w.contentLeft, to: w.contentRight, y: w.cursorY + 13, width: 0.5, color: .rule)
        }
        header(q, w)
        parties(q, w)
        w.draw(linesTable(q))
        w.cursorY += 8
        totals(q, w)
        recurring(q, w)
        conditions(q, w)
        if !q.notes.isEmpty {
            w.sectionHeading("Notas")
            w.flowText(q.notes, style: PDFTextStyle(size: 8.5), spaceAfter: 8)
        }
        if !q.terms.isEmpty {
            w.sectionHeading("Términos y condiciones")
            for (i, term) in q.terms.enumerated() {
                w.flowText("\(i + 1). \(term)", style: PDFTextStyle(size: 8, alignment: .justified), spaceAfter: 3)
            }
            w.cursorY += 6
        }
        w.signatures([
            [q.preparedBy.isEmpty ? q.company.displayName : q.preparedBy, q.preparedByTitle, q.company.legalName],
            ["Aceptación del cliente", "Firma, sello y fecha", q.customer.name],
        ], space: 50)
    }

    // MARK: header

    private static func header(_ q: QuoteDocument, _ w: PDFDocumentWriter) {
        let center = PDFDocumentWriter.headerStyle
        w.companyHeader(q.company, title: "COTIZACIÓN", titleSize: 13, lines: [
            (q.number, center.with(size: 11)),
            ("Versión \(q.version) (v\(q.version))", center.with(size: 8, bold: false, color: .muted)),
        ])
    }

    private static func parties(_ q: QuoteDocument, _ w: PDFDocumentWriter) {
        let c = q.customer
        let customer: [(String, String)] = [
            ("Cliente", c.name), (c.documentType, c.documentNumber), ("Dirección", c.address),
            ("Atención", c.contactName),
            ("Contacto", [c.contactEmail, c.contactPhone].filter { !$0.isEmpty }.joined(separator: " · ")),
        ]
        let data: [(String, String)] = [
            ("Fecha de emisión", q.issueDate.formatted), ("Válida hasta", q.validUntil.formatted),
            ("Moneda", "\(q.currency.displayName) (\(q.currency.symbol))"), ("Versión", "v\(q.version)"),
            ("Forma de pago", q.paymentTerms), ("Plazo de entrega", q.deliveryTime),
        ]
        w.panels(KeyValuePanel(title: "DATOS DEL CLIENTE", pairs: customer, labelWidth: 58),
                 KeyValuePanel(title: "DATOS DE LA COTIZACIÓN", pairs: data, labelWidth: 82), gap: 16, spaceAfter: 10)
        if !q.exchangeRateNote.isEmpty {
            w.flowText(q.exchangeRateNote, style: PDFTextStyle(size: 7.5, italic: true, color: .muted), spaceAfter: 6)
        }
    }

    // MARK: lines

    /// The groups in print order, with their banner titles.
    static let groups: [(ItemKind, String)] = [(.product, "Productos"), (.service, "Servicios"),
                                               (.subscription, "Suscripciones")]

    /// The lines table: a banner per kind present, its lines numbered across the quote, and a
    /// subtotal per kind. Pure: testable without drawing.
    public static func linesTable(_ q: QuoteDocument) -> PDFTable {
        var rows: [PDFTableRow] = []
        var number = 0
        for (kind, title) in groups {
            let lines = q.lines.filter { $0.kind == kind }
            guard !lines.isEmpty else { continue }
            rows.append(.banner(title))
            var subtotal = Money.zero(q.currency)
            for line in lines {
                number += 1
                if line.amount.currency == subtotal.currency { subtotal += line.amount }
                rows.append(.cells([
                    // Quantity and unit price with every decimal they have (up to 10), so that
                    // quantity × price − discount reads as the amount beside them.
                    String(number), line.description, DocumentFormat.quantity(line.quantity, maxDecimals: 10), line.unit,
                    DocumentFormat.unitAmount(line.unitPrice), line.discount?.text ?? "", line.amount.formattedAmount,
                ]))
            }
            rows.append(.summary("Subtotal \(title.lowercased())", subtotal.formatted))
        }
        return PDFTable(columns: [
            PDFTableColumn("#", width: .fixed(22), alignment: .right),
            PDFTableColumn("Descripción", width: .flexible(1)),
            PDFTableColumn("Cantidad", width: .fixed(48), alignment: .right),
            PDFTableColumn("Unidad", width: .fixed(48)),
            PDFTableColumn("Precio unit.", width: .fixed(86), alignment: .right),
            PDFTableColumn("Dscto.", width: .fixed(44), alignment: .right),
            PDFTableColumn("Importe", width: .fixed(74), alignment: .right),
        ], rows: rows, striped: true)
    }

    // MARK: totals

    /// The rows of the totals block: label and formatted amount. The global discount shows only
    /// when there is one.
    public static func totalRows(_ q: QuoteDocument) -> [(String, String)] {
        let t = q.totals
        var rows: [(String, String)] = [
            ("Op. gravadas", t.taxed.formatted), ("Op. exoneradas", t.exempt.formatted),
            ("Op. inafectas", t.unaffected.formatted),
        ]
        if !t.globalDiscount.isZero { rows.append(("Descuento global", (-t.globalDiscount.rounded()).formatted)) }
        rows.append(("IGV 18%", t.igv.formatted))
        rows.append(("Total", t.total.formatted))
        return rows
    }

    private static func totals(_ q: QuoteDocument, _ w: PDFDocumentWriter) {
        let rows = totalRows(q)
        let width = 232.0
        let x = w.contentRight - width
        let label = PDFTextStyle(size: 9)
        let rowHeight = w.measure("Total", width: width, style: label) + 5
        w.ensureSpace(rowHeight * Double(rows.count) + 8)
        var y = w.cursorY
        for (i, (name, value)) in rows.enumerated() {
            let last = i == rows.count - 1
            if last {
                w.fill(PDFRect(x: x, y: y, width: width, height: rowHeight + 4), color: .accent)
                let style = label.with(size: 10.5, bold: true, color: .white)
                w.text("TOTAL", x: x + 6, y: y + 3, width: 100, style: style)
                w.text(value, x: x + 100, y: y + 3, width: width - 106, style: style.with(alignment: .right))
                y += rowHeight + 4
            } else {
                w.text(name, x: x + 6, y: y + 2, width: 130, style: label.with(color: .muted))
                w.text(value, x: x + 100, y: y + 2, width: width - 106, style: label.with(alignment: .right))
                y += rowHeight
                w.hline(from: x, to: w.contentRight, y: y, width: 0.3, color: .rule)
            }
        }
        // Left of the totals: what the amounts are in.
        let leftWidth = x - w.contentLeft - 16
        var ly = w.cursorY
        let muted = PDFTextStyle(size: 8, color: .muted)
        for line in ["Importes expresados en \(q.currency.displayName.lowercased()) (\(q.currency.symbol)).", q.priceNote]
        where !line.isEmpty {
            ly += w.text(line, x: w.contentLeft, y: ly, width: leftWidth, style: muted) + 3
        }
        w.cursorY = max(y, ly) + 14
    }

    private static func recurring(_ q: QuoteDocument, _ w: PDFDocumentWriter) {
        guard let r = q.recurring, !r.items.isEmpty else { return }
        w.sectionHeading("Pagos recurrentes (suscripciones)", keepWith: 60)
        let rows = r.items.map {
            PDFTableRow.cells([$0.description, $0.period, $0.amountPerPeriod.formatted, $0.monthly.formatted, $0.yearly.formatted])
        } + [PDFTableRow.strong(["Total recurrente", "", "", r.monthlyTotal.formatted, r.yearlyTotal.formatted])]
        var table = PDFTable(columns: [
            PDFTableColumn("Suscripción", width: .flexible(1)),
            PDFTableColumn("Periodo", width: .fixed(58)),
            PDFTableColumn("Importe por periodo", width: .fixed(90), alignment: .right),
            PDFTableColumn("Equivalente mensual", width: .fixed(90), alignment: .right),
            PDFTableColumn("Equivalente anual", width: .fixed(90), alignment: .right),
        ], rows: rows)
        table.headerFill = .muted
        w.draw(table)
        if !r.note.isEmpty {
            w.cursorY += 3
            w.flowText(r.note, style: PDFTextStyle(size: 7.5, italic: true, color: .muted))
        }
        w.cursorY += 12
    }

    private static func conditions(_ q: QuoteDocument, _ w: PDFDocumentWriter) {
        w.sectionHeading("Condiciones comerciales", keepWith: 50)
        let pairs: [(String, String)] = [
            ("Forma de pago", q.paymentTerms), ("Plazo de entrega", q.deliveryTime),
            ("Validez de la oferta", "Hasta el \(q.validUntil.formatted). Vencido este plazo, los precios y la disponibilidad deben confirmarse."),
            ("Moneda", "\(q.currency.displayName) (\(q.currency.symbol))"),
        ]
        let h = w.keyValuesHeight(pairs, width: w.contentWidth, labelWidth: 110, size: 8.5)
        w.ensureSpace(h)
        w.cursorY += w.keyValues(pairs, x: w.contentLeft, y: w.cursorY, width: w.contentWidth, labelWidth: 110) + 6
        if !q.milestones.isEmpty {
            w.ensureSpace(60)
            w.text("Hitos de pago", x: w.contentLeft, y: w.cursorY, width: w.contentWidth,
                   style: PDFTextStyle(size: 8.5, bold: true))
            w.cursorY += 14
            var table = DocumentMilestone.table(q.milestones, currency: q.currency)
            table.headerFill = .muted
            w.draw(table)
        }
        w.cursorY += 12
    }
}
