import BytekModel
import BytekServices
import BytekStore

/// The weeks waiting for the manager's approval (Horas › p): all of them for operaciones and admin,
/// those whose every hour is on projects the técnico manages. `A` approves the highlighted week (its
/// hours lock and their cost is frozen); Esc goes back.
@MainActor
final class TimesheetApprovalsScreen: Screen {
    let store: Store
    private(set) var weeks: [TimesheetPendingWeek] = []
    private(set) var selected = 0
    private var problem: String?
    private var strings: Strings

    init(store: Store, context: AppContext) {
        self.store = store
        strings = context.strings
        reload(context: context)
    }

    var title: String { strings["ts.approvals.title"] }
    var bindings: [KeyBinding] {
        [KeyBinding([.char("A")], strings["key.ts.approve"]), KeyBinding([.escape], strings["app.back"])]
    }

    func reload(context: AppContext) {
        strings = context.strings
        do {
            weeks = try context.services(store).timesheets.pendingWeeks()
            problem = nil
        } catch {
            problem = ErrorText(strings).describe(error)
        }
        selected = min(selected, max(0, weeks.count - 1))
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        switch key {
        case .escape: context.pop()
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, weeks.count - 1), selected + 1)
        case .char("A"):
            guard weeks.indices.contains(selected) else { return .handled }
            let w = weeks[selected]
            ServiceOutcome.run(context, strings, reload: { reload(context: context) }) {
                try context.services(store).timesheets.approve(login: w.login, week: w.week)
                return strings.format("ts.approved", TimesheetGrid.weekName(w.week), w.login)
            }
        default: return .ignored
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        canvas.text(" " + title, x: rect.x, y: rect.y, style: Style(.title, bold: true), maxWidth: rect.width)
        if let problem { canvas.text(" " + problem, x: rect.x, y: rect.y + 1, style: Style(.error, bold: true), maxWidth: rect.width) }
        guard !weeks.isEmpty else {
            canvas.text(" " + strings["ts.approvals.none"], x: rect.x, y: rect.y + 3, style: Style(.dim), maxWidth: rect.width)
            return
        }
        canvas.text(" " + strings["ts.approvals.head"], x: rect.x, y: rect.y + 2, style: Style(.header, bold: true), maxWidth: rect.width)
        for (i, w) in weeks.enumerated().prefix(max(0, rect.height - 4)) {
            let line = " " + TimesheetCommandText.pad(w.login, 15) + " " + TimesheetGrid.weekName(w.week) + "  "
                + TimesheetCommandText.pad(TimesheetDuration.text(w.minutes), 7) + " " + w.projectCodes.joined(separator: ", ")
            let style = Style(i == selected ? .selected : .normal, bold: i == selected)
            canvas.fill(Rect(x: rect.x, y: rect.y + 3 + i, width: rect.width, height: 1), style: style)
            canvas.text(line, x: rect.x, y: rect.y + 3 + i, style: style, maxWidth: rect.width)
        }
    }
}

enum TimesheetCommandText {
    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
