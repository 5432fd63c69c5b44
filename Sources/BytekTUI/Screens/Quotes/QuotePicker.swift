/// One choice of a `QuotePicker`.
struct PickerEntry {
    var id: Int64
    var title: String
    var detail: String
}

/// A search box over a list, in a centered box: each key asks `search` again (a fuzzy ranking over
/// the catalog, a store search over customers), ↑/↓ choose, Enter picks, Esc closes. It closes
/// itself before calling `onPick`, so the pick may push a screen.
@MainActor
final class QuotePicker: Screen {
    let title: String
    private let search: (String) -> [PickerEntry]
    private let onPick: @MainActor (PickerEntry) -> Void
    private let strings: Strings
    private(set) var input = TextInput()
    private(set) var results: [PickerEntry] = []
    private(set) var selected = 0
    private var top = 0

    /// `query`: what to search for at first (the letter typed on a form's field that opened the picker).
    init(title: String, strings: Strings, query: String = "", search: @escaping (String) -> [PickerEntry],
         onPick: @escaping @MainActor (PickerEntry) -> Void) {
        self.title = title
        self.strings = strings
        self.search = search
        self.onPick = onPick
        input.text = query
        results = search(query)
    }

    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [
            KeyBinding([.up, .down], strings["widget.choose"]),
            KeyBinding([.enter], strings["quotes.key.pick"]),
            KeyBinding([.escape], strings["widget.close"]),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape: context.dismiss()
        case .enter:
            guard results.indices.contains(selected) else { return .handled }
            let entry = results[selected]
            context.dismiss()
            onPick(entry)
        case .up, .ctrl("p"): selected = max(0, selected - 1)
        case .down, .ctrl("n"), .tab: selected = min(max(0, results.count - 1), selected + 1)
        case .pageUp: selected = max(0, selected - 10)
        case .pageDown: selected = min(max(0, results.count - 1), selected + 10)
        default:
            let before = input.text
            _ = input.handle(key)
            if input.text != before {
                results = search(input.text)
                selected = 0
                top = 0
            }
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let width = min(rect.width - 4, 84)
        let rows = max(3, min(14, rect.height - 8))
        let box = OverlayFrame.centered(in: rect, width: width, height: rows + 4)
        OverlayFrame.draw(&canvas, box, title: title)
        let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
        canvas.text("›", x: inner.x + 1, y: inner.y, style: Style(.accent, bold: true))
        var field = input
        field.render(&canvas, in: Rect(x: inner.x + 3, y: inner.y, width: inner.width - 4, height: 1), focused: true)
        input = field
        canvas.hline(x: inner.x, y: inner.y + 1, width: inner.width)
        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard !results.isEmpty else {
            canvas.text(strings["palette.empty"], x: list.x + 1, y: list.y, style: Style(.dim), maxWidth: list.width - 2)
            return
        }
        if selected < top { top = selected }
        if selected >= top + list.height { top = selected - list.height + 1 }
        for row in 0..<list.height {
            let i = top + row
            guard i < results.count else { break }
            let e = results[i]
            let detailWidth = min(SafeText.width(e.detail), list.width / 2)
            canvas.text(e.title, x: list.x + 1, y: list.y + row, style: Style(.overlay), maxWidth: list.width - detailWidth - 3)
            canvas.text(SafeText.truncate(e.detail, to: detailWidth), x: list.maxX - 1 - detailWidth, y: list.y + row, style: Style(.dim))
            if i == selected {
                canvas.restyle(Rect(x: list.x, y: list.y + row, width: list.width, height: 1), style: Style(.selected))
            }
        }
    }
}
