/// A box listing facts one per paragraph (what accepting a quote recorded), with "[ Aceptar ]".
/// Enter, Esc or Space closes it.
@MainActor
final class QuoteFactsDialog: Screen {
    let title: String
    let facts: [String]
    private let strings: Strings

    init(title: String, facts: [String], strings: Strings) {
        self.title = title
        self.facts = facts
        self.strings = strings
    }

    var capturesText: Bool { true }
    var bindings: [KeyBinding] { [KeyBinding([.enter, .escape], strings["widget.close"])] }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.enter), .key(.escape), .key(.char(" ")):
            context.dismiss()
            return .handled
        case .key, .mouse:
            return .handled
        default:
            return .ignored
        }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let maxInner = max(10, min(rect.width - 8, 70))
        let lines = facts.flatMap { OverlayFrame.wrap(SafeText.sanitize($0), width: maxInner) }
        let inner = max(SafeText.width(title) + 4, lines.map(SafeText.width).max() ?? 0, 30)
        let box = OverlayFrame.centered(in: rect, width: inner + 4, height: min(rect.height, lines.count + 5))
        OverlayFrame.draw(&canvas, box, title: title)
        for (i, line) in lines.enumerated() where box.y + 2 + i < box.maxY - 2 {
            canvas.text(line, x: box.x + 2, y: box.y + 2 + i, style: Style(.overlay), maxWidth: box.width - 4)
        }
        let ok = strings["widget.ok"]
        _ = OverlayFrame.button(&canvas, ok, x: box.x + (box.width - SafeText.width("[ \(ok) ]")) / 2, y: box.maxY - 2,
                                focused: true)
    }
}
