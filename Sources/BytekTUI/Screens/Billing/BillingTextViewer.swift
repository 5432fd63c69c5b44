/// A read-only text (the signed XML) over the screen, scrolled with the arrows; Esc or q closes it.
@MainActor
final class BillingTextViewer: Screen {
    let title: String
    private(set) var text: ScrollingText
    private let strings: Strings

    init(title: String, text: String, strings: Strings) {
        self.title = title
        self.text = ScrollingText(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        self.strings = strings
    }

    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["billing.help.scroll"]),
            KeyBinding([.escape, .char("q")], strings["widget.close"]),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        if key == .escape || key == .char("q") { context.dismiss(); return .handled }
        _ = text.handle(key)
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let box = OverlayFrame.centered(in: rect, width: rect.width - 2, height: rect.height - 2)
        OverlayFrame.draw(&canvas, box, title: title)
        let inner = Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2)
        let position = text.render(&canvas, in: inner, style: Style(.overlay))
        let label = " " + position + " "
        canvas.text(label, x: box.maxX - SafeText.width(label) - 2, y: box.maxY - 1, style: Style(.dim))
    }
}
