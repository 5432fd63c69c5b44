/// The body of every list screen: a title line with the incremental filter, a virtual table,
/// and a detail pane beside it when the terminal is wide enough.
///
/// `/` starts typing the filter; each key calls `onFilter` at once (the screen rebuilds the
/// source: an index or FTS5 query), Enter keeps the filter and goes back to the table,
/// Esc clears it.
@MainActor
final class ListPane {
    let table: Table
    var filter = TextInput()
    private(set) var filtering = false
    var title: String
    /// The width from which the detail pane is shown beside the table.
    var detailMinWidth = 110
    var detailWidth = 42
    /// False for lists without a text filter (the title line then shows no filter field).
    var showsFilter = true
    /// Called on every change of the filter text.
    var onFilterChange: (String) -> Void = { _ in }
    /// Called with the column whose header was clicked (screens sort by it).
    var onHeaderClick: (Int) -> Void = { _ in }

    init(title: String, table: Table) {
        self.title = title
        self.table = table
    }

    private func onFilter(_ text: String) { onFilterChange(text) }

    var filterText: String { filter.text }

    /// Filter typing, `/`, and table navigation. False when the key is not for the pane.
    func handle(_ event: Event) -> Bool {
        if filtering, case .key(let key) = event {
            switch key {
            case .enter, .down, .up, .pageDown, .pageUp:
                filtering = false
                table.isFocused = true
                if key != .enter { _ = table.handle(key) }
            case .escape:
                filtering = false
                table.isFocused = true
                if !filter.isEmpty { filter = TextInput(); onFilter("") }
            default:
                let before = filter.text
                _ = filter.handle(key)
                if filter.text != before { onFilter(filter.text) }
            }
            return true
        }
        if showsFilter, case .key(.char("/")) = event {
            filtering = true
            table.isFocused = false
            return true
        }
        if case .mouse(let m) = event, m.button == .left, let column = table.headerColumn(atX: m.x, y: m.y) {
            onHeaderClick(column)
            return true
        }
        if case .key(.escape) = event, !filter.isEmpty {
            filter = TextInput(); onFilter(""); return true
        }
        return table.handle(event)
    }

    /// Draws title and filter on the first row, the table below, and `detail` on the right when wide.
    func render(_ canvas: inout Canvas, in rect: Rect, strings: Strings,
                detail: ((inout Canvas, Rect) -> Void)? = nil) {
        let (head, body) = rect.splitTop(1)
        var x = canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        if showsFilter {
            let label = " / " + strings["word.filter"] + ": "
            x = canvas.text(label, x: x + 1, y: head.y, style: Style(filtering ? .accent : .dim))
            let fieldWidth = min(40, max(10, head.maxX - x - 18))
            var f = filter
            f.render(&canvas, in: Rect(x: x, y: head.y, width: fieldWidth, height: 1), focused: filtering)
            filter = f
        }
        let countText = strings.format(table.count == 1 ? "word.row" : "word.rows", table.count.formatted(grouping: true)) + " "
        canvas.text(countText, x: head.maxX - SafeText.width(countText), y: head.y, style: Style(.dim))

        if let detail, body.width >= detailMinWidth {
            let (left, right) = body.splitLeft(body.width - detailWidth)
            table.render(&canvas, in: left)
            canvas.clipped(to: right) { c in detail(&c, right) }
        } else {
            table.render(&canvas, in: body)
        }
    }
}

extension Int {
    /// "200,000" with grouping commas, as es-PE writes amounts.
    func formatted(grouping: Bool) -> String {
        let digits = String(abs(self))
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
