/// A yes/no question in a centered box: "[ Sí ]  [ No ]".
/// Keys: s/y answer yes, n answers no, ←/→/Tab move between the buttons, Enter answers the focused
/// one, Esc answers no. It closes itself (`context.dismiss()`) before calling `onAnswer`, so the
/// answer may present another overlay without it being closed at once.
@MainActor
public final class ConfirmDialog: Screen {
    public let message: String
    private let customTitle: String?
    /// Paints the "Sí" button in `.danger` when focused (for destructive questions).
    public var danger: Bool
    /// Which button has the focus: true for "Sí".
    public private(set) var yesFocused: Bool
    private let onAnswer: @MainActor (Bool) -> Void
    private var strings = Strings(language: .es)
    private var yesRect: Rect?
    private var noRect: Rect?

    /// - Parameters:
    ///   - yesByDefault: whether "Sí" starts focused (default "No", the safe answer).
    ///   - onAnswer: called once with the answer, after the dialog closed itself.
    public init(message: String, title: String? = nil, yesByDefault: Bool = false, danger: Bool = false,
                onAnswer: @escaping @MainActor (Bool) -> Void) {
        self.message = message
        customTitle = title
        self.danger = danger
        yesFocused = yesByDefault
        self.onAnswer = onAnswer
    }

    public var title: String { customTitle ?? strings["widget.confirm"] }
    public var capturesText: Bool { true }

    public var bindings: [KeyBinding] {
        [
            KeyBinding([.char("s"), .char("n")], strings["word.yes"] + "/" + strings["word.no"]),
            KeyBinding([.left, .right, .tab], strings["widget.choose"]),
            KeyBinding([.enter], strings["widget.answer"]),
            KeyBinding([.escape], strings["word.no"]),
        ]
    }

    public func handle(_ event: Event, context: AppContext) -> HandleResult {
        strings = context.strings
        switch event {
        case .key(let key):
            switch key {
            case .char("s"), .char("S"), .char("y"), .char("Y"): answer(true, context)
            case .char("n"), .char("N"), .escape: answer(false, context)
            case .enter, .char(" "): answer(yesFocused, context)
            case .left, .right, .tab, .backTab, .char("h"), .char("l"): yesFocused.toggle()
            default: break
            }
            return .handled
        case .mouse(let m) where m.button == .left:
            if yesRect?.contains(x: m.x, y: m.y) == true { answer(true, context) }
            else if noRect?.contains(x: m.x, y: m.y) == true { answer(false, context) }
            return .handled
        case .mouse:
            return .handled
        default:
            return .ignored
        }
    }

    private func answer(_ yes: Bool, _ context: AppContext) {
        context.dismiss()
        onAnswer(yes)
    }

    public func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let maxInner = max(10, min(rect.width - 8, 60))
        let lines = OverlayFrame.messageLines(message, width: maxInner)
        let yes = strings["word.yes"], no = strings["word.no"]
        let buttonsWidth = SafeText.width("[ \(yes) ]") + 3 + SafeText.width("[ \(no) ]")
        let inner = max(buttonsWidth, SafeText.width(title) + 4, lines.map(SafeText.width).max() ?? 0, 30)
        let box = OverlayFrame.centered(in: rect, width: inner + 4, height: lines.count + 5)
        OverlayFrame.draw(&canvas, box, title: title)
        for (i, line) in lines.enumerated() {
            canvas.text(line, x: box.x + 2, y: box.y + 2 + i, style: Style(.overlay), maxWidth: box.width - 4)
        }
        let y = box.maxY - 2
        let x = box.x + (box.width - buttonsWidth) / 2
        let yr = OverlayFrame.button(&canvas, yes, x: x, y: y, focused: yesFocused, danger: danger)
        noRect = OverlayFrame.button(&canvas, no, x: yr.maxX + 3, y: y, focused: !yesFocused)
        yesRect = yr
    }
}
