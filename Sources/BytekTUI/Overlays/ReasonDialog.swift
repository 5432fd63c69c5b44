import Foundation

/// Asks for a required line of text: why a deal was lost, why a document is voided. Enter with an empty
/// text says so and keeps the dialog; Esc cancels. Closes itself before calling `onAnswer` (nil when cancelled).
@MainActor
final class ReasonDialog: Screen {
    /// What the dialog shows: its title, the question, a hint under the field, the Enter key's label and
    /// the message for an empty answer.
    struct Texts {
        var title: String
        var prompt: String
        var hint: String
        var confirm: String
        var empty: String
    }

    private let texts: Texts
    private(set) var input: TextInput
    private(set) var errorText: String?
    private let strings: Strings
    private let onAnswer: @MainActor (String?) -> Void

    init(_ texts: Texts, maxLength: Int, initial: String = "", strings: Strings, onAnswer: @escaping @MainActor (String?) -> Void) {
        self.texts = texts
        input = TextInput(initial, maxLength: maxLength)
        self.strings = strings
        self.onAnswer = onAnswer
    }

    var title: String { texts.title }
    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [KeyBinding([.enter], texts.confirm), KeyBinding([.escape], strings["key.cancel"])]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape:
            context.dismiss()
            onAnswer(nil)
        case .enter:
            let text = input.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else {
                errorText = texts.empty
                context.error(texts.empty)
                return .handled
            }
            context.dismiss()
            onAnswer(text)
        default:
            _ = input.handle(key)
            errorText = nil
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let width = min(72, rect.width - 4)
        let box = OverlayFrame.centered(in: rect, width: width, height: 7)
        OverlayFrame.draw(&canvas, box, title: title)
        canvas.text(texts.prompt, x: box.x + 2, y: box.y + 1, style: Style(.overlay), maxWidth: box.width - 4)
        var field = input
        canvas.text("›", x: box.x + 2, y: box.y + 3, style: Style(.accent, bold: true))
        field.render(&canvas, in: Rect(x: box.x + 4, y: box.y + 3, width: box.width - 6, height: 1), focused: true)
        input = field
        if let errorText {
            canvas.text("✗ " + errorText, x: box.x + 2, y: box.y + 5, style: Style(.error, bold: true), maxWidth: box.width - 4)
        } else {
            canvas.text(texts.hint, x: box.x + 2, y: box.y + 5, style: Style(.dim), maxWidth: box.width - 4)
        }
    }
}
