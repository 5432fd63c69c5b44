/// A virtual table over a `RowSource`: a header with a sort indicator, rows, a selection,
/// a scrollbar and a footer with the exact position ("123/200000").
///
/// Guarantees:
/// - It holds only a window of rows: the visible ones plus about one page each way. A key press
///   that leaves the window makes at most one small fetch (`after`/`before` a held row, or
///   `first`/`last` for Home/End), so a table of a million rows is as fast as one of ten.
/// - The position is counted, not estimated: it stays exact over incremental moves, pages and
///   Home/End. `reload()` keeps the selected record when it still exists.
/// - Every cell goes through `SafeText`, so control characters from the database show as
///   placeholders and never reach the terminal.
///
/// Sorting belongs to the screen: it changes the source's order, sets `sortColumn` and
/// `sortDescending` for the header, and calls `reset()`.
@MainActor
public final class Table {
    public var columns: [TableColumn]
    public private(set) var source: any RowSource
    /// Unfocused tables show the selection in `.selectedInactive` (e.g. while a filter is typed).
    public var isFocused = true
    /// The line shown when the source has no rows ("No hay clientes que coincidan").
    public var emptyMessage: String
    /// The column whose header shows ▲ (ascending) or ▼ (descending); nil for none.
    public var sortColumn: Int?
    public var sortDescending = false
    /// Whether the last row of the rect shows `footerText` and the position.
    public var showsFooter = true
    /// Left part of the footer (e.g. the active filter).
    public var footerText = ""

    /// Rows under the current filter, as of the last `reset()`/`reload()`.
    public private(set) var count = 0
    /// The selected row's 0-based position (meaningless when `count` is 0).
    public private(set) var selectedIndex = 0
    /// The first visible row's position.
    public private(set) var topIndex = 0

    private var window: [TableRow] = []
    private var windowStart = 0
    /// Visible rows, learnt from the last render (a guess before it).
    private(set) var pageSize: Int
    private var lastBody: Rect?
    private var lastLayout: [(index: Int, x: Int, width: Int)] = []
    private var lastHeader: Rect?

    static let gap = 2
    static let farChunk = 500

    public init(columns: [TableColumn], source: any RowSource, emptyMessage: String = "", pageSize: Int = 20) {
        self.columns = columns
        self.source = source
        self.emptyMessage = emptyMessage
        self.pageSize = max(1, pageSize)
        reset()
    }

    // MARK: Data

    /// Uses another source (e.g. a new filter) and goes back to its first row.
    public func setSource(_ source: any RowSource) {
        self.source = source
        reset()
    }

    /// Re-reads the count and the first rows, selecting the first one. Call after the order or filter changed.
    public func reset() {
        count = max(0, source.count())
        selectedIndex = 0
        topIndex = 0
        window = count > 0 ? source.first(pageSize * 2) : []
        windowStart = 0
        if window.count < min(count, pageSize * 2) { count = window.count }
    }

    /// Re-reads the rows after the data changed, keeping the selected record (or the row that took
    /// its place) selected and at the same height on screen.
    public func reload() {
        let kept = selectedRow
        let oldIndex = selectedIndex
        let screenOffset = selectedIndex - topIndex
        count = max(0, source.count())
        guard count > 0 else { window = []; windowStart = 0; selectedIndex = 0; topIndex = 0; return }
        guard let kept else { jump(to: min(oldIndex, count - 1), screenOffset: screenOffset); return }
        let before = source.before(kept, pageSize)
        let rest = before.last.map { source.after($0, pageSize * 2 + 1) } ?? source.first(pageSize * 2 + 1)
        let found = rest.firstIndex { $0.id == kept.id }
        if before.isEmpty, found == nil, oldIndex > 0 {
            // The source could not place the old row (it is gone and the source pages by identity).
            jump(to: min(oldIndex, count - 1), screenOffset: screenOffset)
            return
        }
        let rows = before + rest
        guard !rows.isEmpty else { reset(); return }
        let inWindow = min(before.count + (found ?? 0), rows.count - 1)
        var absolute: Int
        if before.count < pageSize {
            absolute = inWindow  // fewer rows than asked before it: it is this close to the start
        } else {
            absolute = source.position(of: rows[inWindow]) ?? min(oldIndex, count - 1)
        }
        var start = absolute - inWindow
        start = min(max(0, start), max(0, count - rows.count))
        window = rows
        windowStart = start
        absolute = start + inWindow
        count = max(count, windowStart + window.count)
        selectedIndex = absolute
        topIndex = clampTop(absolute - screenOffset)
        keepSelectionVisible()
        ensureLoaded()
    }

    /// The selected row, if any.
    public var selectedRow: TableRow? {
        let i = selectedIndex - windowStart
        guard count > 0, i >= 0, i < window.count else { return nil }
        return window[i]
    }

    public var selectedID: Int64? { selectedRow?.id }

    /// "123/200000": the selected row's 1-based position and the count ("0/0" when empty).
    public var positionText: String { count == 0 ? "0/0" : "\(selectedIndex + 1)/\(count)" }

    /// Selects the row with `id` if it is among the held rows; returns whether it was.
    @discardableResult
    public func select(id: Int64) -> Bool {
        guard let i = window.firstIndex(where: { $0.id == id }) else { return false }
        move(to: windowStart + i)
        return true
    }

    /// The rows held now (for tests: proves the table does not read everything).
    var heldRows: Int { window.count }

    // MARK: Events

    /// Handles navigation keys and mouse clicks/wheel on the table; false for anything else.
    public func handle(_ event: Event) -> Bool {
        switch event {
        case .key(let key): return handle(key)
        case .mouse(let m): return handle(mouse: m)
        default: return false
        }
    }

    /// ↑/↓/k/j, PgUp/PgDn, Home/End/g/G. Returns false for other keys.
    public func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): move(to: selectedIndex - 1)
        case .down, .char("j"): move(to: selectedIndex + 1)
        case .pageUp: page(by: -pageSize)
        case .pageDown: page(by: pageSize)
        case .home, .char("g"): move(to: 0)
        case .end, .char("G"): move(to: count - 1)
        default: return false
        }
        return true
    }

    private func handle(mouse m: MouseEvent) -> Bool {
        guard let body = lastBody, body.contains(x: m.x, y: m.y) || (lastHeader?.contains(x: m.x, y: m.y) ?? false)
        else { return false }
        switch m.button {
        case .left:
            guard body.contains(x: m.x, y: m.y) else { return false }
            let i = topIndex + (m.y - body.y)
            if i < count { move(to: i) }
        case .wheelUp: scroll(by: -3)
        case .wheelDown: scroll(by: 3)
        case .other: return false
        }
        return true
    }

    /// The column whose header is at (x, y) in the last render, for screens that sort on click.
    public func headerColumn(atX x: Int, y: Int) -> Int? {
        guard let header = lastHeader, header.contains(x: x, y: y) else { return nil }
        return lastLayout.first { x >= header.x + 1 + $0.x && x < header.x + 1 + $0.x + $0.width }?.index
    }

    // MARK: Movement

    /// Selects the row at `target` (clamped), scrolling just enough to show it.
    public func move(to target: Int) {
        guard count > 0 else { return }
        selectedIndex = min(max(0, target), count - 1)
        keepSelectionVisible()
        ensureLoaded()
    }

    private func page(by delta: Int) {
        guard count > 0 else { return }
        selectedIndex = min(max(0, selectedIndex + delta), count - 1)
        topIndex = clampTop(topIndex + delta)
        keepSelectionVisible()
        ensureLoaded()
    }

    /// Scrolls the view (mouse wheel), dragging the selection along only when it would leave the view.
    public func scroll(by delta: Int) {
        guard count > 0 else { return }
        topIndex = clampTop(topIndex + delta)
        selectedIndex = min(max(selectedIndex, topIndex), min(count - 1, topIndex + pageSize - 1))
        ensureLoaded()
    }

    private func jump(to target: Int, screenOffset: Int) {
        selectedIndex = min(max(0, target), max(0, count - 1))
        topIndex = clampTop(selectedIndex - screenOffset)
        keepSelectionVisible()
        window = []
        windowStart = 0
        ensureLoaded()
    }

    private func clampTop(_ t: Int) -> Int { min(max(0, t), max(0, count - pageSize)) }

    private func keepSelectionVisible() {
        if selectedIndex < topIndex { topIndex = selectedIndex }
        if selectedIndex >= topIndex + pageSize { topIndex = selectedIndex - pageSize + 1 }
        topIndex = clampTop(topIndex)
    }

    // MARK: Window

    /// Makes sure the visible rows are held, with one fetch when they are near the window
    /// (the usual case), then trims the window to about one page beyond each side.
    private func ensureLoaded() {
        let lo = topIndex, hi = min(count, topIndex + pageSize)
        guard hi > lo else { return }
        let margin = pageSize
        let end = windowStart + window.count
        if !window.isEmpty, lo >= windowStart, hi <= end { return }
        if let last = window.last, hi > end, lo >= windowStart, hi - end <= 2 * pageSize {
            let want = hi - end + margin
            let more = source.after(last, want)
            window += more
            if more.count < want, end + want <= count { count = windowStart + window.count }
        } else if let first = window.first, lo < windowStart, hi <= end, windowStart - lo <= 2 * pageSize {
            let want = windowStart - lo + margin
            let more = source.before(first, want)
            window = more + window
            windowStart -= more.count
            if windowStart < 0 || (more.count < want && windowStart > 0) {
                // The source had fewer rows before than counted: re-anchor at the start.
                let shift = windowStart
                selectedIndex = max(0, selectedIndex - shift); topIndex = max(0, topIndex - shift)
                count = max(window.count, count - shift)
                windowStart = 0
            }
        } else if lo <= 3 * pageSize {
            window = source.first(hi + margin)
            windowStart = 0
            if window.count < min(count, hi + margin) { count = window.count }
        } else if count - hi <= 3 * pageSize {
            window = source.last(count - lo + margin)
            windowStart = max(0, count - window.count)
        } else {
            walk(to: lo, hi, margin: margin)
        }
        clampAfterShrink()
        trim(lo: lo, hi: hi, margin: margin)
    }

    /// A far jump in the middle (only after a reload the source could not place): pages from the
    /// nearer end in large steps, keeping only what is needed.
    private func walk(to lo: Int, _ hi: Int, margin: Int) {
        let chunk = max(Table.farChunk, pageSize * 3)
        if lo <= count - hi {
            var buf = source.first(chunk)
            var start = 0
            while start + buf.count < hi + margin, let last = buf.last {
                let more = source.after(last, chunk)
                if more.isEmpty { break }
                let keepFrom = min(buf.count, max(0, lo - margin - start))
                buf = Array(buf[keepFrom...]) + more
                start += keepFrom
            }
            window = buf; windowStart = start
        } else {
            var buf = source.last(chunk)
            var start = max(0, count - buf.count)
            while start > max(0, lo - margin), let first = buf.first {
                let more = source.before(first, chunk)
                if more.isEmpty { break }
                let keep = min(buf.count, max(0, hi + margin - start))
                buf = more + Array(buf[..<keep])
                start -= more.count
            }
            window = buf; windowStart = max(0, start)
        }
    }

    private func clampAfterShrink() {
        if window.isEmpty { count = 0; selectedIndex = 0; topIndex = 0; windowStart = 0; return }
        count = max(count, windowStart + window.count)
        selectedIndex = min(selectedIndex, count - 1)
        keepSelectionVisible()
    }

    private func trim(lo: Int, hi: Int, margin: Int) {
        let keepFrom = max(0, lo - margin - windowStart)
        if keepFrom > 0, keepFrom < window.count {
            window.removeFirst(keepFrom)
            windowStart += keepFrom
        }
        let keepTo = hi + margin - windowStart
        if keepTo < window.count, keepTo > 0 { window.removeLast(window.count - keepTo) }
    }

    // MARK: Render

    /// Draws the header, the visible rows, the scrollbar and (if `showsFooter`) the footer into `rect`.
    /// The rect's height decides the page size.
    public func render(_ canvas: inout Canvas, in rect: Rect) {
        guard rect.width > 2, rect.height > 1 else { return }
        canvas.fill(rect)
        let footerHeight = showsFooter && rect.height > 2 ? 1 : 0
        let (header, rest) = rect.splitTop(1)
        let body = Rect(x: rest.x, y: rest.y, width: rest.width, height: rest.height - footerHeight)
        lastHeader = header
        lastBody = body
        if body.height != pageSize, body.height > 0 {
            pageSize = body.height
            keepSelectionVisible()
            ensureLoaded()
        }
        // One cell of padding on the left, and one plus the scrollbar on the right.
        let layout = fittingContent(TableColumn.layout(columns, width: rect.width - 3, gap: Table.gap))
        lastLayout = layout
        renderHeader(&canvas, header, layout)
        if count == 0 {
            canvas.text(emptyMessage, x: body.x + 1, y: body.y, style: Style(.dim), maxWidth: body.width - 2)
        } else {
            for row in 0..<body.height {
                let i = topIndex + row
                guard i < count else { break }
                let w = i - windowStart
                guard w >= 0, w < window.count else { continue }
                renderRow(&canvas, window[w], y: body.y + row, body: body, layout: layout, selected: i == selectedIndex)
            }
            renderScrollbar(&canvas, body)
        }
        if footerHeight > 0 {
            let y = rect.maxY - 1
            let pos = positionText
            let posX = rect.maxX - 1 - SafeText.width(pos)
            canvas.text(footerText, x: rect.x + 1, y: y, style: Style(.dim), maxWidth: max(0, posX - rect.x - 2))
            canvas.text(pos, x: posX, y: y, style: Style(.dim))
        }
    }

    /// Widens amount and word columns to their title and widest visible cell, taking the room from
    /// the flexible columns (down to their minimum width), then from fixed columns wider than their
    /// own title and visible cells (an empty "Mensual" column on product lines); what cannot be
    /// given is left to `cut`.
    private func fittingContent(_ layout: [(index: Int, x: Int, width: Int)]) -> [(index: Int, x: Int, width: Int)] {
        var widths = layout.map(\.width)
        let visible = max(0, topIndex - windowStart)..<max(0, min(window.count, topIndex + pageSize - windowStart))
        /// The column's title and widest visible cell (`compact`: amounts without their grouping).
        func wanted(_ col: Int, compact: Bool = false) -> Int {
            var w = SafeText.width(columns[col].title) + (sortColumn == col ? 2 : 0)
            for row in window[visible] where col < row.cells.count {
                let cell = SafeText.sanitize(row.cells[col])
                w = max(w, SafeText.width(compact ? cell.filter { $0 != "," } : cell))
            }
            return w
        }
        var need = Array(repeating: 0, count: layout.count)
        var compactNeed = need
        for (k, col) in layout.enumerated() where columns[col.index].content != .text {
            need[k] = max(0, wanted(col.index) - widths[k])
            compactNeed[k] = columns[col.index].content == .amount ? max(0, wanted(col.index, compact: true) - widths[k]) : need[k]
        }
        var missing = need.reduce(0, +)
        guard missing > 0 else { return layout }
        // What each other column can spare: a flexible one down to its minimum, a fixed one down to
        // what it shows. Flexible columns give first, the one with the most to spare first.
        var slack = Array(repeating: 0, count: layout.count)
        for k in layout.indices where need[k] == 0 {
            let c = columns[layout[k].index]
            slack[k] = c.width == nil ? widths[k] - c.minWidth : widths[k] - wanted(layout[k].index)
            slack[k] = max(0, slack[k])
        }
        let donors = layout.indices.filter { slack[$0] > 0 }.sorted { a, b in
            let fa = columns[layout[a].index].width == nil, fb = columns[layout[b].index].width == nil
            return fa != fb ? fa : slack[a] > slack[b]
        }
        var given = 0
        for d in donors where missing > 0 {
            let take = min(missing, slack[d])
            widths[d] -= take; given += take; missing -= take
        }
        // Every amount whole first (without grouping if need be), then the grouping, left to right.
        var added = Array(repeating: 0, count: layout.count)
        for wants in [compactNeed, need] {
            for k in layout.indices where given > 0 && wants[k] > added[k] {
                let add = min(wants[k] - added[k], given)
                added[k] += add; given -= add
            }
        }
        for k in layout.indices { widths[k] += added[k] }
        var x = 0
        return layout.indices.map { k in
            defer { x += widths[k] + Table.gap }
            return (layout[k].index, x, widths[k])
        }
    }

    private func renderHeader(_ canvas: inout Canvas, _ header: Rect, _ layout: [(index: Int, x: Int, width: Int)]) {
        let style = Style(.header)
        canvas.fill(header, style: style)
        for col in layout {
            let c = columns[col.index]
            var title = SafeText.sanitize(c.title)
            if sortColumn == col.index {
                let mark = sortDescending ? " ▼" : " ▲"
                title = SafeText.truncate(title, to: max(0, col.width - 2)) + mark
            }
            canvas.text(c.fit(title, col.width), x: header.x + 1 + col.x, y: header.y, style: style)
        }
    }

    private func renderRow(_ canvas: inout Canvas, _ row: TableRow, y: Int, body: Rect,
                           layout: [(index: Int, x: Int, width: Int)], selected: Bool) {
        let style = Style(row.role ?? .normal)
        for col in layout where col.index < row.cells.count {
            // The row was cleared by the caller: draw the text at its aligned offset, no padding needed.
            var text = SafeText.sanitize(row.cells[col.index])
            var w = SafeText.width(text)
            if w > col.width { text = columns[col.index].cut(text, col.width); w = SafeText.width(text) }
            let room = col.width - w
            let offset: Int
            switch columns[col.index].alignment {
            case .left: offset = 0
            case .right: offset = room
            case .center: offset = room / 2
            }
            canvas.text(text, x: body.x + 1 + col.x + offset, y: y, style: style)
        }
        if selected {
            canvas.restyle(Rect(x: body.x, y: y, width: body.width - 1, height: 1),
                           style: Style(isFocused ? .selected : .selectedInactive))
        }
    }

    private func renderScrollbar(_ canvas: inout Canvas, _ body: Rect) {
        let h = body.height
        guard count > h, h > 0 else { return }
        let x = body.maxX - 1
        let thumb = max(1, h * h / count)
        let top = (h - thumb) * topIndex / max(1, count - h)
        for r in 0..<h {
            let on = r >= top && r < top + thumb
            canvas.put(on ? "█" : "│", x: x, y: body.y + r, style: Style(on ? .accent : .border))
        }
    }
}
