/// A titled, boxed list of label/value pairs (the customer block, the document's data).
struct KeyValuePanel {
    var title: String
    var pairs: [(String, String)]
    var labelWidth: Double
}

/// Building blocks shared by the quote, the contract and the printed invoice: the letterhead, section
/// headings, label/value lists and panels, signature boxes.
extension PDFDocumentWriter {
    /// The company's letterhead at the cursor, left of `textRight`: the logo (when the file exists), the
    /// name in the accent colour, the legal name when it differs, then `lines` (empty ones left out).
    /// Returns the y where it ends; the cursor does not move.
    func letterhead(name: String, legalName: String?, lines: [String], logoPath: String, logoWidth: Double,
                    textRight: Double) -> Double {
        let top = cursorY
        var textX = contentLeft
        var bottom = top
        if let logo = image(atPath: logoPath, in: PDFRect(x: contentLeft, y: top, width: logoWidth, height: 56)) {
            textX = logo.maxX + 12
            bottom = logo.maxY
        }
        let textWidth = textRight - textX
        var y = top
        y += text(name, x: textX, y: y, width: textWidth, style: PDFTextStyle(size: 15, bold: true, color: .accent)) + 2
        let small = PDFTextStyle(size: 8, color: .muted)
        if let legalName {
            y += text(legalName, x: textX, y: y, width: textWidth, style: small.with(bold: true, color: .text)) + 1
        }
        for line in lines where !line.isEmpty {
            y += text(line, x: textX, y: y, width: textWidth, style: small) + 1
        }
        return max(bottom, y)
    }

    /// Two panels side by side at the cursor (58 % | 42 % of the width, `gap` apart), each with a shaded
    /// title and a frame around its pairs; the cursor ends `spaceAfter` below the taller one.
    func panels(_ left: KeyValuePanel, _ right: KeyValuePanel, gap: Double, spaceAfter: Double) {
        let leftWidth = (contentWidth - gap) * 0.58
        let rightWidth = contentWidth - gap - leftWidth
        let title = PDFTextStyle(size: 8, bold: true, color: .accent)
        let top = cursorY
        let pad = 6.0
        let bodyTop = top + 16
        let columns = [(contentLeft, leftWidth, left), (contentLeft + leftWidth + gap, rightWidth, right)]
        let h = columns.map { x, width, panel in
            keyValuesHeight(panel.pairs, width: width - 2 * pad, labelWidth: panel.labelWidth)
        }.max() ?? 0
        for (x, width, panel) in columns {
            fill(PDFRect(x: x, y: top, width: width, height: 14), color: .shade)
            text(panel.title, x: x + pad, y: top + 3, width: width - 2 * pad, style: title)
            stroke(PDFRect(x: x, y: top, width: width, height: bodyTop - top + h + pad), width: 0.5, color: .rule)
            keyValues(panel.pairs, x: x + pad, y: bodyTop + 2, width: width - 2 * pad, labelWidth: panel.labelWidth)
        }
        cursorY = bodyTop + h + pad + spaceAfter
    }

    /// A section title in the accent colour with a rule under it; kept on the same page as at least
    /// `keepWith` points of what follows.
    func sectionHeading(_ title: String, keepWith: Double = 40) {
        let style = PDFTextStyle(size: 10, bold: true, color: .accent)
        let h = measure(title, width: contentWidth, style: style)
        ensureSpace(h + 6 + keepWith)
        cursorY += text(title, x: contentLeft, y: cursorY, width: contentWidth, style: style) + 2
        hline(from: contentLeft, to: contentRight, y: cursorY, width: 0.8, color: .accent)
        cursorY += 5
    }

    /// Label/value pairs at `y` in a column, labels bold and muted; returns the height used.
    /// Pairs with an empty value are left out.
    @discardableResult
    func keyValues(_ pairs: [(String, String)], x: Double, y: Double, width: Double, labelWidth: Double,
                   size: Double = 8.5) -> Double {
        let label = PDFTextStyle(size: size - 0.5, bold: true, color: .muted)
        let value = PDFTextStyle(size: size)
        var at = y
        for (k, v) in pairs where !v.isEmpty {
            let lh = text(k, x: x, y: at + 0.6, width: labelWidth - 4, style: label)
            let vh = text(v, x: x + labelWidth, y: at, width: width - labelWidth, style: value)
            at += max(lh, vh) + 2
        }
        return at - y
    }

    /// The height `keyValues` would use.
    func keyValuesHeight(_ pairs: [(String, String)], width: Double, labelWidth: Double, size: Double = 8.5) -> Double {
        let label = PDFTextStyle(size: size - 0.5, bold: true, color: .muted)
        let value = PDFTextStyle(size: size)
        var h = 0.0
        for (k, v) in pairs where !v.isEmpty {
            h += max(measure(k, width: labelWidth - 4, style: label), measure(v, width: width - labelWidth, style: value)) + 2
        }
        return h
    }

    /// Signature boxes side by side at the cursor: a line to sign on, then each box's text lines
    /// centred under it (the first bold). Kept together on one page.
    func signatures(_ boxes: [[String]], space: Double = 46) {
        guard !boxes.isEmpty else { return }
        let gap = 40.0
        let width = (contentWidth - gap * Double(boxes.count - 1)) / Double(boxes.count)
        let style = PDFTextStyle(size: 8.5, alignment: .center)
        var textHeight = 0.0
        for box in boxes {
            var h = 0.0
            for (i, line) in box.enumerated() { h += measure(line, width: width, style: style.with(bold: i == 0)) }
            textHeight = max(textHeight, h)
        }
        ensureSpace(space + 4 + textHeight)
        let lineY = cursorY + space
        for (b, box) in boxes.enumerated() {
            let x = contentLeft + Double(b) * (width + gap)
            hline(from: x + 10, to: x + width - 10, y: lineY, width: 0.7, color: .text)
            var at = lineY + 4
            for (i, line) in box.enumerated() where !line.isEmpty {
                at += text(line, x: x, y: at, width: width, style: style.with(bold: i == 0))
            }
        }
        cursorY = lineY + 4 + textHeight
    }
}
