import BytekModel
import Foundation

/// The 80 mm thermal-printer layout of a printed invoice: one page 226.77 pt wide whose height is
/// measured from the content first (a layout pass on a very tall page with no output), so nothing
/// is ever cut and no paper is wasted.
enum InvoiceTicket {
    static let margins = PDFMargins(top: 12, left: 10, bottom: 14, right: 10)
    /// Taller than any ticket: the measuring pass never breaks a page.
    static let measuringHeight = 1_000_000.0

    static func render(_ c: InvoiceContent, qr: InvoiceQRCode, logo: String, metadata: PDFMetadata,
                       to path: String) throws(PDFError) -> Int {
        let width = InvoicePaperFormat.ticketWidth
        let measuring = try PDFDocumentWriter(path: nil, metadata: metadata,
                                              pageSize: PDFPageSize(width: width, height: measuringHeight),
                                              margins: margins)
        draw(c, qr: qr, logo: logo, on: measuring)
        let height = (measuring.cursorY + margins.bottom).rounded(.up)
        _ = try measuring.finish()
        return try PDFDocumentWriter.render(to: path, metadata: metadata, pageSize: PDFPageSize(width: width, height: height),
                                            margins: margins, footer: { _, _ in nil },
                                            body: { draw(c, qr: qr, logo: logo, on: $0) })
    }

    static func draw(_ c: InvoiceContent, qr: InvoiceQRCode, logo: String, on w: PDFDocumentWriter) {
        w.watermark = c.watermark
        let center = PDFTextStyle(size: 7, alignment: .center)
        // Logo centred: its size is read from the PNG header so the box can be placed before drawing.
        if let (pw, ph) = pngSize(logo) {
            let factor = min(110 / pw, 48 / ph, 4)
            let box = PDFRect(x: w.contentLeft + (w.contentWidth - pw * factor) / 2, y: w.cursorY,
                              width: pw * factor, height: ph * factor)
            if let drawn = w.image(atPath: logo, in: box) { w.cursorY = drawn.maxY + 6 }
        }
        centered(c.issuerDisplayName, center.with(size: 10, bold: true, color: .accent), w, after: 1)
        if c.issuerDisplayName != c.issuerLegalName { centered(c.issuerLegalName, center.with(bold: true), w, after: 1) }
        centered("RUC \(c.document.issuer.ruc)", center.with(size: 8, bold: true), w, after: 1)
        centered(c.issuerAddress, center.with(color: .muted), w, after: 0)
        dashed(w)
        centered(c.title, center.with(size: 8.5, bold: true), w, after: 1)
        centered(c.printedNumber, center.with(size: 10, bold: true), w, after: 0)
        if let mark = c.watermark { centered(mark, center.with(size: 9, bold: true, color: .warning), w, after: 0) }
        dashed(w)
        let pairs: [(String, String)] = [
            ("Fecha", "\(c.issueDate) \(c.issueTime)"), ("Cliente", c.document.customer.name),
            (c.customerDocumentLabel, c.document.customer.number), ("Dirección", c.customerAddress ?? ""),
            ("Moneda", c.currencyText), ("Forma de pago", c.paymentFormShown), ("Orden", c.orderReference ?? ""),
        ] + c.note
        w.cursorY += w.keyValues(pairs, x: w.contentLeft, y: w.cursorY, width: w.contentWidth, labelWidth: 58, size: 7)
        w.cursorY += 4
        w.draw(linesTable(c))
        w.cursorY += 4
        totals(c, w)
        w.cursorY += 4
        w.flowText(c.words, style: PDFTextStyle(size: 7, bold: true), spaceAfter: 2)
        if let pending = c.pendingText {
            w.cursorY += w.keyValues([("Neto pendiente", pending)], x: w.contentLeft, y: w.cursorY,
                                     width: w.contentWidth, labelWidth: 80, size: 7)
        }
        if !c.installments.isEmpty {
            dashed(w)
            var table = PDFTable(columns: [
                PDFTableColumn("Cuota", width: .fixed(34), alignment: .right),
                PDFTableColumn("Monto", width: .flexible(1), alignment: .right),
                PDFTableColumn("Vencimiento", width: .fixed(70), alignment: .right),
            ], rows: c.installments.map { .cells([String($0.number), $0.amount, $0.dueDate]) },
               bodyStyle: PDFTextStyle(size: 6.5), headerStyle: PDFTextStyle(size: 6.5, bold: true, color: .white),
               headerFill: .muted, paddingX: 2, paddingY: 2)
            table.striped = false
            w.draw(table)
        }
        if !c.detraccion.isEmpty {
            dashed(w)
            w.flowText(InvoiceContent.detraccionLegend, style: PDFTextStyle(size: 7, bold: true), spaceAfter: 2)
            w.cursorY += w.keyValues(c.detraccion, x: w.contentLeft, y: w.cursorY, width: w.contentWidth,
                                     labelWidth: 90, size: 7)
        }
        dashed(w)
        centered(c.hashLine, center.with(size: 6.5), w, after: 4)
        let side = 112.0
        w.cursorY += 8
        w.draw(qr, x: w.contentLeft + (w.contentWidth - side) / 2, y: w.cursorY, side: side)
        w.cursorY += side + 10
        centered(c.legend, center.with(bold: true), w, after: 2)
        centered("Consulte su comprobante en www.sunat.gob.pe", center.with(size: 6.5, color: .muted), w, after: 0)
    }

    /// Quantity, description (with the unit), unit value and line value in small type.
    static func linesTable(_ c: InvoiceContent) -> PDFTable {
        PDFTable(columns: [
            PDFTableColumn("Cant.", width: .fixed(26), alignment: .right),
            PDFTableColumn("Descripción", width: .flexible(1)),
            PDFTableColumn("V. unit.", width: .fixed(42), alignment: .right),
            PDFTableColumn("Importe", width: .fixed(46), alignment: .right),
        ], rows: c.lines.map {
            .cells([$0.quantity, "\($0.description) (\($0.unit))" + ($0.discount.isEmpty ? "" : " − dscto. \($0.discount)"),
                    $0.unitValue, $0.lineValue])
        },
           bodyStyle: PDFTextStyle(size: 6.5), headerStyle: PDFTextStyle(size: 6.5, bold: true, color: .white),
           paddingX: 2, paddingY: 2)
    }

    private static func totals(_ c: InvoiceContent, _ w: PDFDocumentWriter) {
        for (i, (name, value)) in c.totals.enumerated() {
            let last = i == c.totals.count - 1
            let style = PDFTextStyle(size: last ? 8.5 : 7, bold: last)
            let h = w.measure(value, width: 90, style: style)
            w.text(last ? name.uppercased() : name, x: w.contentLeft + 40, y: w.cursorY, width: w.contentWidth - 130,
                   style: style.with(color: last ? .text : .muted))
            w.text(value, x: w.contentRight - 90, y: w.cursorY, width: 90, style: style.with(alignment: .right))
            w.cursorY += h + 1.5
        }
    }

    private static func centered(_ text: String, _ style: PDFTextStyle, _ w: PDFDocumentWriter, after: Double) {
        guard !text.isEmpty else { return }
        w.cursorY += w.text(text, x: w.contentLeft, y: w.cursorY, width: w.contentWidth, style: style) + after
    }

    /// A separator as on a till receipt.
    private static func dashed(_ w: PDFDocumentWriter) {
        w.cursorY += 4
        var x = w.contentLeft
        while x < w.contentRight {
            w.hline(from: x, to: min(x + 3, w.contentRight), y: w.cursorY, width: 0.5, color: .muted)
            x += 5
        }
        w.cursorY += 5
    }

    /// Width and height in pixels from a PNG's IHDR chunk; nil when `path` is not a readable PNG.
    static func pngSize(_ path: String) -> (Double, Double)? {
        guard !path.isEmpty, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 24), data.count == 24,
              Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        let bytes = Array(data)
        func be32(_ i: Int) -> Double {
            Double(UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3]))
        }
        let width = be32(16)
        let height = be32(20)
        return width > 0 && height > 0 ? (width, height) : nil
    }
}
