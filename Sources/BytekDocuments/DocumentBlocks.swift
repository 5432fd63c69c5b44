/// Building blocks shared by the quote and the contract: section headings, label/value lists,
/// signature boxes.
extension PDFDocumentWriter {
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
