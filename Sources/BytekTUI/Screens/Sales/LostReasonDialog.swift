import Foundation

/// Asks why a deal was lost before it is moved to the lost stage. The reason is required: Enter
/// with an empty reason says so and keeps the dialog; Esc cancels the move. Closes itself
/// before calling `onAnswer` (nil when cancelled).
@MainActor
final class LostReasonDialog: Screen {
    private(set) var input = TextInput(maxLength: 200)
    private(set) var errorText: String?
    private let strings: Strings
    private let onAnswer: @MainActor (String?) -> Void

    init(strings: Strings, onAnswer: @escaping @MainActor (String?) -> Void) {
        self.strings = strings
        self.onAnswer = onAnswer
    }

    var title: String { strings["sales.lost.title"] }
    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["sales.lost.confirm"]), KeyBinding([.escape], strings["key.cancel"])]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape:
            context.dismiss()
            onAnswer(nil)
        case .enter:
            let reason = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                errorText = strings["sales.err.lostReason"]
                context.error(strings["sales.err.lostReason"])
                return .handled
            }
            context.dismiss()
            onAnswer(reason)
        default:
            _ = input.handle(key)
            errorText = nil
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let width = min(64, rect.width - 4)
        let box = OverlayFrame.centered(in: rect, width: width, height: 7)
        OverlayFrame.draw(&canvas, box, title: title)
        canvas.text(strings["sales.lost.prompt"], x: box.x + 2, y: box.y + 1, style: Style(.overlay), maxWidth: box.width - 4)
        var field = input
        canvas.text("›", x: box.x + 2, y: box.y + 3, style: Style(.accent, bold: true))
        field.render(&canvas, in: Rect(x: box.x + 4, y: box.y + 3, width: box.width - 6, height: 1), focused: true)
        input = field
        if let errorText {
            canvas.text("✗ " + errorText, x: box.x + 2, y: box.y + 5, style: Style(.error, bold: true), maxWidth: box.width - 4)
        } else {
            canvas.text(strings["sales.lost.hint"], x: box.x + 2, y: box.y + 5, style: Style(.dim), maxWidth: box.width - 4)
        }
    }
}
