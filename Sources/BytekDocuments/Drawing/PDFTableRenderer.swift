/// Drawing a `PDFTable` at the writer's cursor.
extension PDFDocumentWriter {
    /// Draws `table` across the content width from the cursor, breaking pages where
    /// `PDFTablePagination` says and repeating the header row on each page. The cursor ends below
    /// the last row.
    public func draw(_ table: PDFTable) {
        let widths = PDFTableLayout.columnWidths(table.columns.map(\.width), total: contentWidth)
        let xs = PDFTableLayout.columnOffsets(widths, x: contentLeft)
        let px = table.paddingX
        let py = table.paddingY
        var headerHeight = 0.0
        for (c, col) in table.columns.enumerated() {
            let style = table.headerStyle.with(alignment: col.alignment)
            headerHeight = max(headerHeight, measure(col.title, width: widths[c] - 2 * px, style: style))
        }
        headerHeight += 2 * py
        let heights = table.rows.map { rowHeight($0, table: table, widths: widths) }
        let plan = PDFTablePagination.paginate(
            rowHeights: heights, keepWithNext: keepWithNext(table.rows), headerHeight: headerHeight,
            firstPageSpace: remainingHeight, pageSpace: freshPageHeight)
        if plan.startsOnNewPage { newPage() }
        var stripe = false
        for (p, range) in plan.pages.enumerated() {
            if p > 0 { newPage() }
            fill(PDFRect(x: contentLeft, y: cursorY, width: contentWidth, height: headerHeight), color: table.headerFill)
            for (c, col) in table.columns.enumerated() {
                text(col.title, x: xs[c] + px, y: cursorY + py, width: widths[c] - 2 * px,
                     style: table.headerStyle.with(alignment: col.alignment))
            }
            cursorY += headerHeight
            for r in range {
                let row = table.rows[r]
                let h = heights[r]
                switch row.kind {
                case .strong(let cells):
                    hline(from: contentLeft, to: contentRight, y: cursorY, width: 0.6, color: .muted)
                    for (c, col) in table.columns.enumerated() where c < cells.count && !cells[c].isEmpty {
                        text(cells[c], x: xs[c] + px, y: cursorY + py, width: widths[c] - 2 * px,
                             style: table.bodyStyle.with(bold: true, alignment: col.alignment))
                    }
                    hline(from: contentLeft, to: contentRight, y: cursorY + h, width: 0.6, color: .muted)
                    stripe = false
                case .cells(let cells):
                    if table.striped && stripe {
                        fill(PDFRect(x: contentLeft, y: cursorY, width: contentWidth, height: h), color: .shade)
                    }
                    stripe.toggle()
                    for (c, col) in table.columns.enumerated() where c < cells.count && !cells[c].isEmpty {
                        text(cells[c], x: xs[c] + px, y: cursorY + py, width: widths[c] - 2 * px,
                             style: table.bodyStyle.with(alignment: col.alignment))
                    }
                    hline(from: contentLeft, to: contentRight, y: cursorY + h, width: 0.3, color: .rule)
                case .banner(let title):
                    stripe = false
                    fill(PDFRect(x: contentLeft, y: cursorY, width: contentWidth, height: h), color: .shade)
                    text(title, x: contentLeft + px, y: cursorY + py, width: contentWidth - 2 * px,
                         style: table.bodyStyle.with(bold: true, color: .accent))
                    hline(from: contentLeft, to: contentRight, y: cursorY + h, width: 0.5, color: .accent)
                case .summary(let label, let value):
                    let valueWidth = widths.last ?? 0
                    let bold = table.bodyStyle.with(bold: true)
                    text(label, x: contentLeft + px, y: cursorY + py, width: contentWidth - valueWidth - 2 * px,
                         style: bold.with(alignment: .right))
                    text(value, x: contentRight - valueWidth + px, y: cursorY + py, width: valueWidth - 2 * px,
                         style: bold.with(alignment: .right))
                    hline(from: contentLeft, to: contentRight, y: cursorY + h, width: 0.6, color: .muted)
                    stripe = false
                }
                cursorY += h
            }
        }
    }

    /// Banners stay with the row after them, and a subtotal or totals row is never alone at the
    /// top of a page: the row before it comes along.
    private func keepWithNext(_ rows: [PDFTableRow]) -> [Bool] {
        rows.indices.map { i in
            if rows[i].keepWithNext { return true }
            guard i + 1 < rows.count else { return false }
            switch rows[i + 1].kind {
            case .summary, .strong: return true
            case .cells, .banner: return false
            }
        }
    }

    private func rowHeight(_ row: PDFTableRow, table: PDFTable, widths: [Double]) -> Double {
        let px = table.paddingX
        var h = 0.0
        switch row.kind {
        case .cells(let cells), .strong(let cells):
            let style = row.kind == .cells(cells) ? table.bodyStyle : table.bodyStyle.with(bold: true)
            for (c, col) in table.columns.enumerated() where c < cells.count && !cells[c].isEmpty {
                h = max(h, measure(cells[c], width: widths[c] - 2 * px, style: style.with(alignment: col.alignment)))
            }
            if h == 0 { h = measure(" ", width: 100, style: table.bodyStyle) }
        case .banner(let title):
            h = measure(title, width: contentWidth - 2 * px, style: table.bodyStyle.with(bold: true))
        case .summary(let label, let value):
            let valueWidth = widths.last ?? 0
            let bold = table.bodyStyle.with(bold: true)
            h = max(measure(label, width: contentWidth - valueWidth - 2 * px, style: bold),
                    measure(value, width: valueWidth - 2 * px, style: bold))
        }
        return h + 2 * table.paddingY
    }
}
