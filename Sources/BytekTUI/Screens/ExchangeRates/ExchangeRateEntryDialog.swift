import BytekModel
import Foundation

/// Enters one day's rate: fecha (today by default), compra, venta. Tab / ↑ ↓ move between the fields;
/// Enter saves through `save`. A rate outside 2.5–6 is not refused outright: the dialog says so, and
/// Enter again with the same figures saves it (confirmed). Esc cancels.
@MainActor
final class ExchangeRateEntryDialog: Screen {
    /// Saves (date text, compra, venta, confirmed); returns the status text, or throws to keep the dialog open.
    typealias Save = @MainActor (String, String, String, Bool) throws -> String

    private(set) var fields: [TextInput]
    private(set) var focus = 1
    private(set) var errorText: String?
    /// The figures the user was warned about; Enter with the same ones confirms.
    private var pendingConfirmation: [String]?
    private let strings: Strings
    private let save: Save
    private let describe: @MainActor (Error) -> String

    init(today: LocalDate, strings: Strings, save: @escaping Save, describe: @escaping @MainActor (Error) -> String) {
        fields = [TextInput(ExchangeRateRule.dayMonthYear(today), maxLength: 10), TextInput(maxLength: 8), TextInput(maxLength: 8)]
        self.strings = strings
        self.save = save
        self.describe = describe
    }

    var title: String { strings["rates.entry.title"] }
    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["key.save"]), KeyBinding([.tab], strings["rates.entry.next"], hint: false),
         KeyBinding([.escape], strings["key.cancel"])]
    }

    private var labels: [String] { [strings["rates.entry.date"], strings["rates.col.buy"], strings["rates.col.sell"]] }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape:
            context.dismiss()
        case .tab, .down:
            focus = (focus + 1) % fields.count
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
        case .enter:
            submit(context)
        default:
            if fields[focus].handle(key) { errorText = nil; pendingConfirmation = nil }
        }
        return .handled
    }

    private func submit(_ context: AppContext) {
        let values = fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let confirmed = pendingConfirmation == values
        do {
            let message = try save(values[0], values[1], values[2], confirmed)
            context.dismiss()
            context.ok(message)
        } catch let e as ExchangeRateError where e.needsConfirmation {
            pendingConfirmation = values
            errorText = strings.format("rates.entry.confirm", e.message)
        } catch {
            pendingConfirmation = nil
            errorText = describe(error)
            if let e = error as? ExchangeRateError, case .invalid(let field, _) = e {
                focus = field == "compra" ? 1 : 2
            } else if case ExchangeRateError.invalidDate = error {
                focus = 0
            }
        }
        if let errorText { context.error(errorText) }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let width = min(66, rect.width - 4)
        let box = OverlayFrame.centered(in: rect, width: width, height: 10)
        OverlayFrame.draw(&canvas, box, title: title)
        let labelWidth = labels.map(SafeText.width).max() ?? 6
        for (i, label) in labels.enumerated() {
            let y = box.y + 2 + i
            canvas.text(label + ":", x: box.x + 2, y: y, style: Style(i == focus ? .accent : .overlay, bold: i == focus))
            var field = fields[i]
            field.render(&canvas, in: Rect(x: box.x + 4 + labelWidth, y: y, width: 12, height: 1), focused: i == focus)
            fields[i] = field
        }
        let message = errorText.map { "✗ " + $0 } ?? strings["rates.entry.hint"]
        let lines = OverlayFrame.wrap(message, width: box.width - 4).prefix(3)
        for (i, line) in lines.enumerated() {
            canvas.text(line, x: box.x + 2, y: box.y + 6 + i, style: Style(errorText == nil ? .dim : .error, bold: errorText != nil),
                        maxWidth: box.width - 4)
        }
    }
}
