/// A message in a centered box with one "[ Aceptar ]" button. Enter, Esc or Space closes it
/// (`context.dismiss()`), then `onClose` runs.
@MainActor
public final class MessageDialog: Screen {
    public let message: String
    private let customTitle: String?
    /// Shows the message in the `.error` role and titles the box "Error".
    public let isError: Bool
    private let onClose: (@MainActor () -> Void)?
    private var strings = Strings(language: .es)
    private var okRect: Rect?

    public init(message: String, title: String? = nil, isError: Bool = false, onClose: (@MainActor () -> Void)? = nil) {
        self.message = message
        customTitle = title
        self.isError = isError
        self.onClose = onClose
    }

    public var title: String { customTitle ?? strings[isError ? "widget.error" : "widget.notice"] }
    public var capturesText: Bool { true }
    public var bindings: [KeyBinding] { [KeyBinding([.enter, .escape], strings["widget.close"])] }

    public func handle(_ event: Event, context: AppContext) -> HandleResult {
        strings = context.strings
        switch event {
        case .key(.enter), .key(.escape), .key(.char(" ")):
            close(context)
            return .handled
        case .key:
            return .handled
        case .mouse(let m):
            if m.button == .left, okRect?.contains(x: m.x, y: m.y) == true { close(context) }
            return .handled
        default:
            return .ignored
        }
    }

    private func close(_ context: AppContext) {
        context.dismiss()
        onClose?()
    }

    public func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let maxInner = max(10, min(rect.width - 8, 60))
        let lines = OverlayFrame.messageLines(message, width: maxInner)
        let ok = strings["widget.ok"]
        let inner = max(SafeText.width(title) + 4, lines.map(SafeText.width).max() ?? 0, 30)
        let box = OverlayFrame.centered(in: rect, width: inner + 4, height: lines.count + 5)
        OverlayFrame.draw(&canvas, box, title: title)
        for (i, line) in lines.enumerated() {
            canvas.text(line, x: box.x + 2, y: box.y + 2 + i, style: Style(isError ? .error : .overlay), maxWidth: box.width - 4)
        }
        let label = "[ \(ok) ]"
        okRect = OverlayFrame.button(&canvas, ok, x: box.x + (box.width - SafeText.width(label)) / 2, y: box.maxY - 2, focused: true)
    }
}
