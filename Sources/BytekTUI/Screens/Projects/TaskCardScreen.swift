import BytekModel
import Foundation

/// One card opened from a board: its project, assignee, due date, blocked reason and checklist; ↑/↓ pick an
/// item and Space toggles it (each toggle one operation of the service).
@MainActor
final class TaskCardScreen: Screen {
    let desk: ProjectsDesk
    private(set) var card: BoardTask
    let strings: Strings
    let canWrite: Bool
    private(set) var checks: [TaskCheck] = []
    private(set) var selected = 0
    private var loadError: String?
    /// Called with the task after a change (checklist counts), for the board to show it.
    var onChange: ((ProjectTask) -> Void)?

    init(desk: ProjectsDesk, card: BoardTask, strings: Strings, canWrite: Bool) {
        self.desk = desk; self.card = card; self.strings = strings; self.canWrite = canWrite
        do { checks = try desk.checklist(taskId: card.task.id) } catch { loadError = desk.describe(error) }
    }

    var title: String { card.task.title }

    var bindings: [KeyBinding] {
        var b = [KeyBinding([.up, .down], strings["key.move"], help: strings["proj.help.checkMove"], hint: false)]
        if canWrite { b.append(KeyBinding([.char(" ")], strings["proj.key.toggle"], help: strings["proj.help.toggle"])) }
        return b + [KeyBinding([.escape], strings["proj.key.back"], help: strings["proj.help.back"])]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        switch key {
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(max(0, checks.count - 1), selected + 1)
        case .char(" "):
            guard context.require(.write, .projects), checks.indices.contains(selected) else { return .handled }
            do {
                checks = try desk.toggleCheck(taskId: card.task.id, checkId: checks[selected].id)
                card.task.checklistTotal = checks.count
                card.task.checklistDone = checks.filter(\.done).count
                onChange?(card.task)
            } catch { context.error(desk.describe(error)) }
        case .escape: context.pop()
        default: return .ignored
        }
        return .handled
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let t = card.task
        var y = rect.y
        canvas.text(" " + SafeText.sanitize(t.title), x: rect.x, y: y, style: Style(.title, bold: true), maxWidth: rect.width)
        y += 2
        let fields: [(String, String)] = [
            (strings["proj.col.code"], card.projectCode + " · " + card.customerName),
            (strings["proj.card.state"], t.state.displayName),
            (strings["proj.card.assignee"], t.assignee ?? strings["proj.noAssignee"]),
            (strings["proj.card.dueLabel"], t.dueDate.map(ProjectsText.date) ?? "—"),
            (strings["proj.card.role"], t.role.isEmpty ? "—" : t.role),
        ]
        for (label, value) in fields {
            let x = canvas.text(" " + label + ": ", x: rect.x, y: y, style: Style(.label))
            canvas.text(SafeText.sanitize(value), x: x, y: y, maxWidth: rect.maxX - x)
            y += 1
        }
        if t.blocked {
            canvas.text(" ✖ " + SafeText.sanitize(t.blockedReason), x: rect.x, y: y, style: Style(.danger, bold: true), maxWidth: rect.width)
            y += 1
        }
        y += 1
        let done = checks.filter(\.done).count
        canvas.text(" " + strings.format("proj.card.checklist", String(done), String(checks.count)), x: rect.x, y: y,
                    style: Style(.header, bold: true))
        y += 1
        if let loadError { canvas.text(" " + loadError, x: rect.x, y: y, style: Style(.error)); return }
        if checks.isEmpty { canvas.text(" " + strings["proj.card.noChecks"], x: rect.x, y: y, style: Style(.dim)) }
        for (i, c) in checks.enumerated() where y < rect.maxY {
            let line = "  " + (c.done ? "[x] " : "[ ] ") + SafeText.sanitize(c.text)
            let style = i == selected ? Style(.selected) : Style(c.done ? .dim : .normal)
            if i == selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            canvas.text(line, x: rect.x, y: y, style: style, maxWidth: rect.width)
            y += 1
        }
    }
}
