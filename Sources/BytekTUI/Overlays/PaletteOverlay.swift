/// The command palette (`:` or Ctrl-P): a query line over a list of actions and records ranked by
/// `FuzzyMatcher`, with the matched letters highlighted. ↑/↓ (or Ctrl-P/Ctrl-N) choose, Enter runs
/// the chosen entry, Esc closes. The palette closes itself (`context.dismiss()`) *before* running
/// the action, so an action that opens another overlay (a dialog, the help) keeps it open.
@MainActor
public final class PaletteOverlay: Screen {
    /// The fixed actions (modules, "Nuevo cliente"…).
    public let actions: [PaletteAction]
    /// Records matching a query (e.g. customers), asked again on each change of a non-empty query.
    /// Its results are listed even if their title does not fuzzy-match (the source may match a RUC).
    public let records: ((String) -> [PaletteAction])?
    /// Most entries listed.
    public var limit = 50
    public private(set) var input: TextInput
    public private(set) var results: [(action: PaletteAction, match: FuzzyMatch?)] = []
    public private(set) var selected = 0
    private var listTop = 0
    private var pageSize = 10
    private var listRect: Rect?
    private var strings = Strings(language: .es)

    public init(actions: [PaletteAction], records: ((String) -> [PaletteAction])? = nil, query: String = "") {
        self.actions = actions
        self.records = records
        input = TextInput(query)
        refilter()
    }

    public var title: String { strings["palette.title"] }
    public var capturesText: Bool { true }
    public var query: String { input.text }

    public var bindings: [KeyBinding] {
        [
            KeyBinding([.up, .down], strings["widget.choose"]),
            KeyBinding([.enter], strings["widget.run"]),
            KeyBinding([.escape], strings["widget.close"]),
        ]
    }

    /// The titles of the listed entries, best first (for tests and the bench).
    public var resultTitles: [String] { results.map(\.action.title) }

    private func refilter() {
        let q = input.text
        var entries: [(action: PaletteAction, match: FuzzyMatch?, score: Int, order: Int)] = []
        for (i, ranked) in FuzzyMatcher.rank(q, actions, key: { $0.title + " " + $0.detail }).enumerated() {
            // Re-match on the title alone for highlighting; the detail only helps finding.
            let m = FuzzyMatcher.match(q, ranked.item.title)
            entries.append((ranked.item, m, ranked.match.score, i))
        }
        if let records, !q.allSatisfy(\.isWhitespace) {
            for (i, r) in records(q).enumerated() {
                let m = FuzzyMatcher.match(q, r.title)
                entries.append((r, m, m?.score ?? Int.min / 2, actions.count + i))
            }
        }
        entries.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        results = entries.prefix(limit).map { ($0.action, $0.match) }
        selected = 0
        listTop = 0
    }

    public func handle(_ event: Event, context: AppContext) -> HandleResult {
        strings = context.strings
        switch event {
        case .key(let key):
            switch key {
            case .escape: context.dismiss()
            case .enter: run(selected, context)
            case .up, .ctrl("p"): move(-1)
            case .down, .ctrl("n"), .tab: move(1)
            case .pageUp: move(-pageSize)
            case .pageDown: move(pageSize)
            default:
                let before = input.text
                input.handle(key)
                if input.text != before { refilter() }
            }
            return .handled
        case .mouse(let m):
            guard let list = listRect else { return .handled }
            switch m.button {
            case .left where list.contains(x: m.x, y: m.y):
                let i = listTop + m.y - list.y
                if i < results.count { run(i, context) }
            case .wheelUp: move(-3)
            case .wheelDown: move(3)
            default: break
            }
            return .handled
        default:
            return .ignored
        }
    }

    private func move(_ delta: Int) {
        guard !results.isEmpty else { return }
        selected = min(max(0, selected + delta), results.count - 1)
    }

    private func run(_ index: Int, _ context: AppContext) {
        guard index >= 0, index < results.count else { return }
        let action = results[index].action
        context.dismiss()
        action.run(context)
    }

    public func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let width = min(rect.width - 4, 76)
        let listRows = max(3, min(14, rect.height - 8))
        let box = OverlayFrame.centered(in: rect, width: width, height: listRows + 4)
        OverlayFrame.draw(&canvas, box, title: title)
        let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
        canvas.text("›", x: inner.x + 1, y: inner.y, style: Style(.accent, bold: true))
        input.placeholder = strings["palette.prompt"]
        input.render(&canvas, in: Rect(x: inner.x + 3, y: inner.y, width: inner.width - 4, height: 1), focused: true)
        if input.isEmpty {
            // The prompt shows even while focused: an empty palette otherwise gives no hint.
            canvas.text(strings["palette.prompt"], x: inner.x + 4, y: inner.y, style: Style(.placeholder),
                        maxWidth: inner.width - 5)
        }
        canvas.hline(x: inner.x, y: inner.y + 1, width: inner.width)
        canvas.put("├", x: box.x, y: inner.y + 1, style: Style(.border))
        canvas.put("┤", x: box.maxX - 1, y: inner.y + 1, style: Style(.border))
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        listRect = list
        pageSize = max(1, list.height)
        if results.isEmpty {
            canvas.text(strings["palette.empty"], x: list.x + 1, y: list.y, style: Style(.dim), maxWidth: list.width - 2)
            return
        }
        if selected < listTop { listTop = selected }
        if selected >= listTop + list.height { listTop = selected - list.height + 1 }
        for row in 0..<list.height {
            let i = listTop + row
            guard i < results.count else { break }
            renderEntry(&canvas, results[i], y: list.y + row, list: list)
            if i == selected { canvas.restyle(Rect(x: list.x, y: list.y + row, width: list.width, height: 1), style: Style(.selected)) }
        }
        if results.count > list.height {
            let more = (listTop > 0 ? "▲" : " ") + (listTop + list.height < results.count ? "▼" : " ")
            canvas.text(more, x: box.maxX - 4, y: box.maxY - 1, style: Style(.border))
        }
    }

    private func renderEntry(_ canvas: inout Canvas, _ entry: (action: PaletteAction, match: FuzzyMatch?), y: Int, list: Rect) {
        let detail = SafeText.sanitize(entry.action.detail)
        let detailWidth = detail.isEmpty ? 0 : min(SafeText.width(detail), list.width / 3)
        let titleRoom = list.width - 2 - (detailWidth > 0 ? detailWidth + 2 : 0)
        let title = SafeText.sanitize(entry.action.title)
        let cut = SafeText.width(title) > titleRoom
        let marked = Set(entry.match?.positions ?? [])
        var x = list.x + 1
        let limit = list.x + 1 + titleRoom - (cut ? 1 : 0)
        for (i, c) in title.enumerated() {
            let w = SafeText.width(c)
            if x + w > limit { break }
            let style = marked.contains(i) ? Style(.accent, bold: true, underline: true) : Style(.overlay)
            x = canvas.text(String(c), x: x, y: y, style: style)
        }
        if cut { canvas.put("…", x: x, y: y, style: Style(.overlay)) }
        if detailWidth > 0 {
            canvas.text(SafeText.truncate(detail, to: detailWidth), x: list.maxX - 1 - detailWidth, y: y, style: Style(.dim))
        }
    }
}
