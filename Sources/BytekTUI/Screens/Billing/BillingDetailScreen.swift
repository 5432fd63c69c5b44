import BytekModel
import BytekStore

/// One document in full screen: the same detail as the list's pane, scrollable, with the actions
/// of the list (notes, retry, XML, PDF). It re-reads the document on every refresh, so its status
/// changes by itself while the worker sends it. Esc goes back.
@MainActor
final class BillingDetailScreen: Screen {
    let id: Int64
    let actions: BillingActions
    private let strings: Strings
    private var scroll = ScrollingText(lines: [])
    private var paneTitle = ""
    private var loaded = false

    init(id: Int64, actions: BillingActions, strings: Strings) {
        self.id = id
        self.actions = actions
        self.strings = strings
    }

    var title: String { paneTitle.isEmpty ? strings["module.billing"] : paneTitle }

    var bindings: [KeyBinding] {
        [KeyBinding([.escape], strings["app.back"])] + BillingListScreen.actionBindings(strings) + [
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["billing.help.scroll"],
                       hint: false),
        ]
    }

    private func load() {
        loaded = true
        guard let d = BillingDetail.load(id, service: actions.service) else {
            paneTitle = ""
            scroll.lines = [strings["billing.err.notFound"]]
            return
        }
        let pane = d.pane(actions.text)
        paneTitle = pane.title
        let labelWidth = min(18, pane.lines.map { SafeText.width($0.label) }.max() ?? 0)
        var lines = pane.lines.map { l in
            SafeText.fit(l.label, labelWidth) + "  " + (l.value.isEmpty ? "—" : l.value)
        }
        for section in pane.sections {
            lines.append("")
            lines.append("── " + section.title + " ──")
            lines += section.lines
        }
        let top = scroll.top
        scroll = ScrollingText(lines: lines)
        for _ in 0..<top { _ = scroll.handle(.down) }
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        if key == .escape { context.pop(); return .handled }
        if scroll.handle(key) { return .handled }
        if BillingListScreen.runAction(key, id: id, actions: actions, context: context) { return .handled }
        return .ignored
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        if !loaded { load() }
        let (head, body) = rect.splitTop(2)
        canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        let inner = Rect(x: body.x + 1, y: body.y, width: max(1, body.width - 2), height: body.height)
        let position = scroll.render(&canvas, in: inner)
        canvas.text(position + " ", x: head.maxX - SafeText.width(position) - 1, y: head.y, style: Style(.dim))
    }
}
