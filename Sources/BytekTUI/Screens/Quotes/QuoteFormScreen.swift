/// A small form pushed over the quote builder (header, a line, the global discount): Ctrl-S, or
/// Enter on the last field, applies it; Esc goes back without changing anything. `apply` checks
/// the values and returns the errors by field id: an error stays beside its field and nothing
/// changes until the values are right.
@MainActor
final class QuoteFormScreen: Screen {
    let title: String
    let form: Form
    private let strings: Strings
    private let apply: ([String: String]) -> [String: String]
    /// Called after each edit with the values as typed (the builder keeps them in its draft).
    var onChange: (([String: String]) -> Void)?
    /// Called when the user leaves with Esc, nothing applied.
    var onCancel: (() -> Void)?
    /// Lines shown under the form, recomputed after each edit (the line's and the quote's totals).
    var preview: (([String: String]) -> [String])? {
        didSet { previewLines = preview?(form.values) ?? [] }
    }
    private(set) var previewLines: [String] = []

    init(title: String, fields: [FormField], strings: Strings, apply: @escaping ([String: String]) -> [String: String]) {
        self.title = title
        self.strings = strings
        self.apply = apply
        form = Form(fields: fields)
    }

    var capturesText: Bool { form.capturesText }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.ctrl("s")], strings["quotes.key.apply"], help: strings["quotes.help.apply"]),
            KeyBinding([.escape], strings["key.cancel"], help: strings["quotes.help.formCancel"]),
            KeyBinding([.tab, .backTab, .enter], strings["form.fields"], help: strings["form.help.fields"]),
            KeyBinding([.left, .right, .char(" ")], strings["form.option"], help: strings["form.help.options"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.ctrl("s")):
            submit(context)
        case .key(.escape):
            onCancel?()
            context.pop()
        case .key(.enter):
            let before = form.focusedField
            form.focusNext(wrap: false)
            if form.focusedField == before { submit(context) }
        default:
            let revision = form.revision
            guard form.handle(event) else { return .ignored }
            if form.revision != revision {
                onChange?(form.values)
                if let preview { previewLines = preview(form.values) }
            }
        }
        return .handled
    }

    private func submit(_ context: AppContext) {
        form.clearErrors()
        let errors = apply(form.values)
        if errors.isEmpty {
            context.pop()
            return
        }
        for (id, message) in errors { form.setError(message, for: id) }
        _ = form.focusFirstError()
        context.error(errors.count == 1 ? (errors.values.first ?? "") : strings.format("form.fixErrors", form.errorLabels.joined(separator: ", ")))
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let (head, body) = rect.splitTop(2)
        canvas.text(" " + title + " ", x: head.x, y: head.y, style: Style(.title, bold: true))
        canvas.hline(x: head.x, y: head.y + 1, width: head.width)
        let extra = previewLines.isEmpty ? 0 : previewLines.count + 1
        form.render(&canvas, in: Rect(x: body.x + 1, y: body.y, width: body.width - 2, height: body.height - extra))
        guard extra > 0 else { return }
        let y = body.maxY - extra
        canvas.hline(x: body.x, y: y, width: body.width)
        for (i, line) in previewLines.enumerated() {
            canvas.text(line, x: body.x + 2, y: y + 1 + i, style: Style(.accent), maxWidth: body.width - 4)
        }
    }
}
