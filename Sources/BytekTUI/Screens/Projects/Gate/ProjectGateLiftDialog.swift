import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Lifts the payment gate of a project early (finanzas, admin): the reason and the last day (aaaa-mm-dd,
/// today to today + 90). Tab moves between the two fields; Enter asks the service, which checks both: a
/// refusal stays in the dialog, in red, so the user fixes the field it names. Esc cancels.
@MainActor
final class ProjectGateLiftDialog: Screen {
    private let services: Services
    private let strings: Strings
    let projectId: Int64
    private let projectName: String
    private(set) var reason: TextInput
    private(set) var until: TextInput
    /// 0: the reason, 1: the date.
    private(set) var focus = 0
    private(set) var errorText: String?
    private let onLifted: @MainActor (GateLift) -> Void

    init(services: Services, strings: Strings, projectId: Int64, projectName: String,
         onLifted: @escaping @MainActor (GateLift) -> Void) {
        self.services = services; self.strings = strings; self.projectId = projectId; self.projectName = projectName
        self.onLifted = onLifted
        reason = TextInput("", maxLength: GateRepository.maxReason)
        until = TextInput(services.projectGate.today.adding(days: 7).description, maxLength: 10)
    }

    var title: String { strings["gate.lift.title"] }
    var capturesText: Bool { true }
    var bindings: [KeyBinding] {
        [KeyBinding([.enter], strings["gate.lift.confirm"]), KeyBinding([.tab], strings["gate.lift.next"]),
         KeyBinding([.escape], strings["key.cancel"])]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .handled }
        switch key {
        case .escape:
            context.dismiss()
            context.info(strings["gate.lift.cancelled"])
        case .tab, .backTab, .up, .down:
            focus = 1 - focus
        case .enter:
            do {
                let day = try ProjectGateService.date(until.text)
                let lift = try services.projectGate.lift(projectId: projectId, reason: reason.text, until: day)
                context.dismiss()
                context.ok(strings.format("gate.lift.done", projectName, ExchangeRateRule.dayMonthYear(lift.until)))
                onLifted(lift)
            } catch {
                errorText = ErrorText(strings).describe(error)
                context.error(errorText ?? "")
            }
        default:
            if focus == 0 { _ = reason.handle(key) } else { _ = until.handle(key) }
            errorText = nil
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let width = min(76, rect.width - 4)
        let box = OverlayFrame.centered(in: rect, width: width, height: 9)
        OverlayFrame.draw(&canvas, box, title: title)
        canvas.text(strings.format("gate.lift.prompt", projectName), x: box.x + 2, y: box.y + 1, style: Style(.overlay),
                    maxWidth: box.width - 4)
        let labelWidth = 8
        for (i, label) in [strings["gate.lift.reason"], strings["gate.lift.until"]].enumerated() {
            let y = box.y + 3 + i
            canvas.text(label, x: box.x + 2, y: y, style: Style(focus == i ? .accent : .overlay, bold: focus == i))
            let fieldRect = Rect(x: box.x + 2 + labelWidth + 1, y: y, width: box.width - labelWidth - 5, height: 1)
            if i == 0 {
                var f = reason; f.render(&canvas, in: fieldRect, focused: focus == 0); reason = f
            } else {
                var f = until; f.render(&canvas, in: fieldRect, focused: focus == 1); until = f
            }
        }
        if let errorText {
            canvas.text("✗ " + errorText, x: box.x + 2, y: box.y + 6, style: Style(.error, bold: true), maxWidth: box.width - 4)
        } else {
            canvas.text(strings["gate.lift.hint"], x: box.x + 2, y: box.y + 6, style: Style(.dim), maxWidth: box.width - 4)
        }
    }
}
