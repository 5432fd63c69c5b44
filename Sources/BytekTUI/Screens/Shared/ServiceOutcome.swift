import BytekModel
import BytekServices
import Foundation

/// What the money-in screens (Cierre de períodos, Conciliación bancaria) share: what they say after calling a service
/// (the refusal in the TUI's words, or the error's Spanish sentence, capitalized), their intro line, their palette words.
@MainActor
enum ServiceOutcome {
    /// The error as the status line shows it.
    static func text(_ error: any Error, _ strings: Strings) -> String { ErrorText(strings).describe(error) }

    /// Runs `body` (which returns the message of success), then `reload`, and shows the outcome.
    static func run(_ context: AppContext, _ strings: Strings, reload: () -> Void, _ body: () throws -> String) {
        do {
            let message = try body()
            reload()
            context.ok(message)
        } catch {
            context.error(text(error, strings))
        }
    }

    /// Draws a one-line intro (or the `problem`, in red) above `pane`.
    static func render(_ canvas: inout Canvas, in rect: Rect, intro: String, problem: String?, pane: ListPane, strings: Strings) {
        let (top, body) = rect.splitTop(2)
        canvas.text(" " + (problem ?? intro), x: top.x, y: top.y, style: Style(problem == nil ? .dim : .error, bold: problem != nil),
                    maxWidth: top.width)
        pane.render(&canvas, in: body, strings: strings)
    }

    /// Whether a palette query (three letters at least) starts one of `phrases` (folded) or one of them starts it.
    nonisolated static func paletteMatches(_ query: String, _ phrases: [String]) -> Bool {
        let q = TextFold.fold(query.trimmingCharacters(in: .whitespaces))
        guard q.count >= 3 else { return false }
        return phrases.contains { $0.hasPrefix(q) || q.hasPrefix($0) }
    }
}
