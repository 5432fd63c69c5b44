import BytekModel
import Foundation

/// The printed representation (representación impresa) of an issued factura, boleta, nota de
/// crédito or nota de débito, in Spanish, as an A4 PDF or an 80 mm ticket.
///
/// Every figure comes from the document's own amounts (`EDocument.amounts()`); the QR code is the
/// text SUNAT specifies (`SunatQRPayload`) encoded by libqrencode and drawn as vector rectangles.
/// On A4, long documents break across pages with the table header repeated, a running header and
/// "Página N de M"; the ticket is a single page 80 mm wide, as tall as its content.
public enum InvoicePDF {
    /// Writes the PDF to `url` (creating or replacing it).
    public static func write(_ data: InvoicePrintData, format: InvoicePaperFormat, to url: URL) throws {
        try render(data, format: format, to: url.path)
    }

    /// Writes the PDF to `path`; returns the page count (always 1 for a ticket).
    @discardableResult
    public static func render(_ data: InvoicePrintData, format: InvoicePaperFormat,
                              to path: String) throws(InvoicePDFError) -> Int {
        let content = try InvoiceContent(data)
        let qr = try InvoiceQRCode(encoding: content.qrText)
        let logo = data.logoPath ?? ""
        let metadata = PDFMetadata(title: "\(content.title) \(content.printedNumber)", author: content.issuerLegalName,
                                   subject: content.legend)
        do {
            switch format {
            case .a4:
                let footerLeft = "\(content.issuerLegalName) · RUC \(data.document.issuer.ruc) · "
                    + "\(content.title) \(content.printedNumber)" + (content.watermark.map { " · " + $0 } ?? "")
                return try PDFDocumentWriter.render(
                    to: path, metadata: metadata,
                    footer: { page, total in PDFFooter(left: footerLeft, right: PDFFooter.pageLabel(page, of: total)) },
                    body: { drawA4(content, qr: qr, logo: logo, on: $0) })
            case .ticket80:
                return try InvoiceTicket.render(content, qr: qr, logo: logo, metadata: metadata, to: path)
            }
        } catch {
            throw .pdf(error)
        }
    }

    // MARK: A4

    static func drawA4(_ c: InvoiceContent, qr: InvoiceQRCode, logo: String, on w: PDFDocumentWriter) {
        w.runningHeaderHeight = 24
        w.watermark = c.watermark
        w.onNewPage = { w in
            let style = PDFTextStyle(size: 8, color: .muted)
            w.text("\(c.title) \(c.printedNumber) · \(c.document.customer.name)", x: w.contentLeft, y: w.cursorY,
                   width: w.contentWidth * 0.7, style: style.with(bold: true, color: .accent))
            w.text("RUC \(c.document.issuer.ruc)", x: w.contentLeft + w.contentWidth * 0.7, y: w.cursorY,
                   width: w.contentWidth * 0.3, style: style.with(alignment: .right))
            w.hline(from: w.contentLeft, to: w.contentRight, y: w.cursorY + 13, width: 0.5, color: .rule)
        }
        header(c, logo: logo, w)
        parties(c, w)
        if !c.note.isEmpty { noteBlock(c, w) }
        w.draw(linesTable(c))
        w.cursorY += 10
        totals(c, w)
        if !c.installments.isEmpty { installments(c, w) }
        if !c.detraccion.isEmpty { detraccion(c, w) }
        closing(c, qr: qr, w)
    }

    private static func header(_ c: InvoiceContent, logo: String, _ w: PDFDocumentWriter) {
        let top = w.cursorY
        let boxWidth = 190.0
        let boxX = w.contentRight - boxWidth
        let leftBottom = w.letterhead(name: c.issuerDisplayName,
                                      legalName: c.issuerDisplayName == c.issuerLegalName ? nil : c.issuerLegalName,
                                      lines: [c.issuerAddress], logoPath: logo, logoWidth: 110, textRight: boxX - 14)

        // The boxed RUC / document name / number every Peruvian commercial document carries.
        let pad = 7.0
        var by = top + pad
        let center = PDFTextStyle(size: 11, bold: true, alignment: .center)
        by += w.text("R.U.C. \(c.document.issuer.ruc)", x: boxX, y: by, width: boxWidth, style: center) + 5
        let band = center.with(size: 11.5, color: .white)
        let bandHeight = w.measure(c.title, width: boxWidth - 8, style: band) + 8
        w.fill(PDFRect(x: boxX, y: by, width: boxWidth, height: bandHeight), color: .accent)
        w.text(c.title, x: boxX + 4, y: by + 4, width: boxWidth - 8, style: band)
        by += bandHeight + 5
        by += w.text(c.printedNumber, x: boxX, y: by, width: boxWidth, style: center.with(size: 12.5)) + pad
        w.stroke(PDFRect(x: boxX, y: top, width: boxWidth, height: by - top), width: 1.2, color: .accent)
        w.cursorY = max(leftBottom, by) + 14
        if let mark = c.watermark { statusBanner(mark, w) }
    }

    /// A red band with the status of a document that is not valid, under the header (besides the
    /// words across the page), so even a photocopy cut to the top says it.
    static func statusBanner(_ mark: String, _ w: PDFDocumentWriter) {
        let style = PDFTextStyle(size: 11, bold: true, color: .white, alignment: .center)
        let height = w.measure(mark, width: w.contentWidth - 8, style: style) + 8
        w.fill(PDFRect(x: w.contentLeft, y: w.cursorY, width: w.contentWidth, height: height), color: .warning)
        w.text(mark, x: w.contentLeft + 4, y: w.cursorY + 4, width: w.contentWidth - 8, style: style)
        w.cursorY += height + 10
    }

    private static func parties(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        let customer: [(String, String)] = [
            ("Señor(es)", c.document.customer.name),
            (c.customerDocumentLabel, c.document.customer.number),
            ("Dirección", c.customerAddress ?? ""),
        ]
        let data: [(String, String)] = [
            ("Fecha de emisión", c.issueDate), ("Hora de emisión", c.issueTime), ("Moneda", c.currencyText),
            ("Forma de pago", c.paymentFormShown), ("Orden / cotización", c.orderReference ?? ""),
        ]
        w.panels(KeyValuePanel(title: "ADQUIRENTE", pairs: customer, labelWidth: 58),
                 KeyValuePanel(title: "DATOS DEL COMPROBANTE", pairs: data, labelWidth: 86), gap: 14, spaceAfter: 12)
    }

    private static func noteBlock(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        w.sectionHeading("Documento modificado", keepWith: 30)
        let h = w.keyValues(c.note, x: w.contentLeft, y: w.cursorY, width: w.contentWidth, labelWidth: 120)
        w.cursorY += h + 10
    }

    /// The lines table: #, quantity, unit, description, unit value and line value (without IGV,
    /// as SUNAT states them). Pure: testable without drawing.
    /// With a line discount anywhere, a "Descuento" column shows it, so each row reads quantity ×
    /// unit value − discount = value.
    public static func linesTable(_ c: InvoiceContent) -> PDFTable {
        let discounts = c.lines.contains { !$0.discount.isEmpty }
        var columns = [
            PDFTableColumn("#", width: .fixed(26), alignment: .right),
            PDFTableColumn("Cantidad", width: .fixed(46), alignment: .right),
            PDFTableColumn("Unidad", width: .fixed(50)),
            PDFTableColumn("Descripción", width: .flexible(1)),
            PDFTableColumn("Valor unitario", width: .fixed(84), alignment: .right),
        ]
        if discounts { columns.append(PDFTableColumn("Descuento", width: .fixed(60), alignment: .right)) }
        columns.append(PDFTableColumn("Valor de venta", width: .fixed(76), alignment: .right))
        return PDFTable(columns: columns, rows: c.lines.map {
            .cells([String($0.number), $0.quantity, $0.unit, $0.description, $0.unitValue]
                   + (discounts ? [$0.discount] : []) + [$0.lineValue])
        }, striped: true)
    }

    private static func totals(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        let rows = c.totals
        let width = 232.0
        let x = w.contentRight - width
        let label = PDFTextStyle(size: 9)
        let rowHeight = w.measure("Total", width: width, style: label) + 5
        let leftWidth = x - w.contentLeft - 16
        let wordsStyle = PDFTextStyle(size: 8.5, bold: true)
        let wordsHeight = w.measure(c.words, width: leftWidth, style: wordsStyle)
        w.ensureSpace(max(rowHeight * Double(rows.count) + 8, wordsHeight + 30))
        var y = w.cursorY
        for (i, (name, value)) in rows.enumerated() {
            if i == rows.count - 1 {
                w.fill(PDFRect(x: x, y: y, width: width, height: rowHeight + 4), color: .accent)
                let style = label.with(size: 10.5, bold: true, color: .white)
                w.text(name.uppercased(), x: x + 6, y: y + 3, width: 120, style: style)
                w.text(value, x: x + 100, y: y + 3, width: width - 106, style: style.with(alignment: .right))
                y += rowHeight + 4
            } else {
                w.text(name, x: x + 6, y: y + 2, width: 130, style: label.with(color: .muted))
                w.text(value, x: x + 100, y: y + 2, width: width - 106, style: label.with(alignment: .right))
                y += rowHeight
                w.hline(from: x, to: w.contentRight, y: y, width: 0.3, color: .rule)
            }
        }
        // Left of the totals: the amount in words, as the law asks, and what the amounts are in.
        var ly = w.cursorY
        ly += w.text(c.words, x: w.contentLeft, y: ly, width: leftWidth, style: wordsStyle) + 6
        ly += w.text("Importes expresados en \(c.currencyText.lowercased()). Valores unitarios y de venta sin IGV.",
                     x: w.contentLeft, y: ly, width: leftWidth, style: PDFTextStyle(size: 7.5, color: .muted)) + 4
        if let pending = c.pendingText {
            ly += w.keyValues([("Neto pendiente de pago", pending)], x: w.contentLeft, y: ly, width: leftWidth,
                              labelWidth: 120)
        }
        w.cursorY = max(y, ly) + 14
    }

    private static func installments(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        w.sectionHeading("Forma de pago: Crédito — cuotas", keepWith: 40)
        var table = PDFTable(columns: [
            PDFTableColumn("Cuota", width: .fixed(60), alignment: .right),
            PDFTableColumn("Monto", width: .fixed(110), alignment: .right),
            PDFTableColumn("Fecha de vencimiento", width: .flexible(1)),
        ], rows: c.installments.map { .cells([String($0.number), $0.amount, $0.dueDate]) })
        table.headerFill = .muted
        w.draw(table)
        w.cursorY += 12
    }

    private static func detraccion(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        let legendStyle = PDFTextStyle(size: 8.5, bold: true)
        let pad = 6.0
        let inner = w.contentWidth - 2 * pad
        let legendHeight = w.measure(InvoiceContent.detraccionLegend, width: inner, style: legendStyle)
        let pairsHeight = w.keyValuesHeight(c.detraccion, width: inner, labelWidth: 130)
        let height = legendHeight + 4 + pairsHeight + 2 * pad
        w.ensureSpace(height + 10)
        let top = w.cursorY
        w.stroke(PDFRect(x: w.contentLeft, y: top, width: w.contentWidth, height: height), width: 0.8, color: .accent)
        var y = top + pad
        y += w.text(InvoiceContent.detraccionLegend, x: w.contentLeft + pad, y: y, width: inner, style: legendStyle) + 4
        w.keyValues(c.detraccion, x: w.contentLeft + pad, y: y, width: inner, labelWidth: 130)
        w.cursorY = top + height + 12
    }

    /// The QR on the left, then the hash and the legend beside it; kept together on one page.
    private static func closing(_ c: InvoiceContent, qr: InvoiceQRCode, _ w: PDFDocumentWriter) {
        let side = 96.0
        let quiet = 10.0
        let textX = w.contentLeft + side + 2 * quiet + 8
        let textWidth = w.contentRight - textX
        let legend = PDFTextStyle(size: 9, bold: true, color: .accent)
        let small = PDFTextStyle(size: 8, color: .muted)
        let lines: [(String, PDFTextStyle)] = [
            (c.legend, legend), (c.hashLine, PDFTextStyle(size: 8.5)),
            ("Consulte la validez de este comprobante en www.sunat.gob.pe con el código QR o los datos de este documento.", small),
        ]
        let textHeight = lines.reduce(0.0) { $0 + w.measure($1.0, width: textWidth, style: $1.1) + 4 }
        w.ensureSpace(max(side + 2 * quiet, textHeight) + 4)
        let top = w.cursorY
        w.hline(from: w.contentLeft, to: w.contentRight, y: top, width: 0.5, color: .rule)
        w.draw(qr, x: w.contentLeft + quiet, y: top + quiet, side: side)
        var y = top + quiet + max(0, (side - textHeight) / 2)
        for (text, style) in lines { y += w.text(text, x: textX, y: y, width: textWidth, style: style) + 4 }
        w.cursorY = max(top + side + 2 * quiet, y)
    }
}
