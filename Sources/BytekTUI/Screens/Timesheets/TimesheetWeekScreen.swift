import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The week grid (Operaciones › Horas): rows (project · task) × days Monday…Sunday with totals per day
/// and per row. Fast by keyboard: arrows / Tab move between cells, typing a duration (`1:30`, `1.5`,
/// `90m`, `2h`) and Enter saves the cell (it replaces the cell's hours), Backspace clears it; `a` adds a
/// row (fuzzy picker), `c` copies last week's rows, `[` `]` previous / next week, `e` sends the week, `t`
/// starts the timer on the row, `p` the weeks waiting for the manager's approval. Approved weeks are
/// read-only.
@MainActor
final class TimesheetWeekScreen: Screen {
    let store: Store
    private(set) var week: LocalDate
    private(set) var grid: TimesheetGrid
    private(set) var row = 0
    private(set) var col = 0
    /// The cell being typed into.
    private(set) var editing: TextInput?
    private var problem: String?
    private var strings: Strings
    private let canApprove: Bool

    init(store: Store, context: AppContext) {
        self.store = store
        strings = context.strings
        let today = context.services(store).timesheets.today
        week = TimesheetEntry.week(of: today)
        col = week.days(until: today)
        grid = TimesheetGrid(login: context.session.login, week: week)
        canApprove = Operation.timesheetOperations.first { $0.name == "horas.aprobar" }?.allows(context.session.actor) ?? false
        reload(context: context)
    }

    var timesheets: (AppContext) -> TimesheetService { { [store] ctx in ctx.services(store).timesheets } }

    var title: String { strings["ts.title"] }
    var capturesText: Bool { editing != nil }

    var bindings: [KeyBinding] {
        if editing != nil {
            return [KeyBinding([.enter], strings["key.save"]), KeyBinding([.escape], strings["key.cancel"])]
        }
        var b = [
            KeyBinding([.char("a")], strings["key.ts.add"]),
            KeyBinding([.char("c")], strings["key.ts.copy"]),
            KeyBinding([.char("["), .char("]")], strings["key.ts.week"]),
            KeyBinding([.char("e")], strings["key.ts.send"]),
            KeyBinding([.char("t")], strings["key.ts.timer"]),
            KeyBinding([.backspace], strings["key.ts.clear"], hint: false),
            KeyBinding([.enter], strings["key.ts.edit"], hint: false),
        ]
        if canApprove { b.append(KeyBinding([.char("p")], strings["key.ts.approvals"])) }
        return b
    }

    func reload(context: AppContext) {
        strings = context.strings
        do {
            grid = try timesheets(context).grid(week: week)
            problem = nil
        } catch {
            problem = ErrorText(strings).describe(error)
        }
        row = min(row, max(0, grid.rows.count - 1))
    }

    // MARK: events

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        if editing != nil { return handleEditing(key, context) }
        switch key {
        case .up: row = max(0, row - 1)
        case .down: row = min(max(0, grid.rows.count - 1), row + 1)
        case .left, .backTab: move(-1)
        case .right, .tab: move(1)
        case .home: col = 0
        case .end: col = 6
        case .char("["): changeWeek(-7, context)
        case .char("]"): changeWeek(7, context)
        case .char("a"): addRow(context)
        case .char("c"): copyLastWeek(context)
        case .char("e"): send(context)
        case .char("t"): startTimer(context)
        case .char("p") where canApprove: context.push(TimesheetApprovalsScreen(store: store, context: context))
        case .backspace, .delete: commit("", context)
        case .enter:
            guard let r = currentRow else { return .handled }
            guard !grid.isLocked else { context.error(strings["ts.locked"]); return .handled }
            let m = r.minutes[col]
            var input = TextInput(m == 0 ? "" : TimesheetDuration.text(m), maxLength: 24)
            input.replacesOnType = true
            editing = input
        case .char(let c) where Self.startsDuration(c):
            guard currentRow != nil else { return .handled }
            guard !grid.isLocked else { context.error(strings["ts.locked"]); return .handled }
            var input = TextInput(maxLength: 24)
            _ = input.handle(key)
            editing = input
        default:
            return .ignored
        }
        return .handled
    }

    static func startsDuration(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ":" || c == "." || c == ",") }

    private func handleEditing(_ key: Key, _ context: AppContext) -> HandleResult {
        switch key {
        case .escape: editing = nil
        case .enter:
            commit(editing?.text ?? "", context)
        case .tab, .right where editing?.text.isEmpty ?? true:
            commit(editing?.text ?? "", context); if editing == nil { move(1) }
        default:
            _ = editing?.handle(key)
        }
        return .handled
    }

    private func move(_ step: Int) {
        col += step
        if col > 6 { if row + 1 < grid.rows.count { row += 1; col = 0 } else { col = 6 } }
        if col < 0 { if row > 0 { row -= 1; col = 6 } else { col = 0 } }
    }

    var currentRow: TimesheetRow? { grid.rows.indices.contains(row) ? grid.rows[row] : nil }

    private func commit(_ text: String, _ context: AppContext) {
        guard let r = currentRow else { editing = nil; return }
        if grid.isLocked { editing = nil; context.error(strings["ts.locked"]); return }
        let day = week.adding(days: col)
        do {
            try timesheets(context).setCell(r.key, day: day, duration: text)
            editing = nil
            reload(context: context)
            row = grid.rows.firstIndex { $0.key == r.key } ?? row
            let t = text.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t == "0" {
                context.ok(strings.format("ts.cleared", Self.dayLabel(day, strings)))
            } else {
                context.ok(strings.format("ts.saved", TimesheetDuration.text(grid.rows[row].minutes[col]), Self.dayLabel(day, strings)))
            }
        } catch {
            context.error(ErrorText(strings).describe(error))
        }
    }

    private func changeWeek(_ days: Int, _ context: AppContext) {
        week = week.adding(days: days)
        row = 0
        reload(context: context)
    }

    private func addRow(_ context: AppContext) {
        if grid.isLocked { context.error(strings["ts.locked"]); return }
        do {
            let targets = try timesheets(context).targets()
            context.present(TimesheetTargetPicker(targets: targets, initial: currentRow?.key, strings: strings) { [weak self] t, ctx in
                guard let self else { return }
                do {
                    try self.timesheets(ctx).addRow(t.key, week: self.week)
                    self.reload(context: ctx)
                    self.row = self.grid.rows.firstIndex { $0.key == t.key } ?? self.row
                    ctx.ok(self.strings.format("ts.added", t.title))
                } catch {
                    ctx.error(ErrorText(self.strings).describe(error))
                }
            })
        } catch {
            context.error(ErrorText(strings).describe(error))
        }
    }

    private func copyLastWeek(_ context: AppContext) {
        ServiceOutcome.run(context, strings, reload: { reload(context: context) }) {
            let n = try timesheets(context).copyLastWeek(into: week)
            return strings.format("ts.copied", String(n))
        }
    }

    private func send(_ context: AppContext) {
        let name = TimesheetGrid.weekName(week)
        context.present(ConfirmDialog(message: strings.format("ts.sendConfirm", name, TimesheetDuration.text(grid.total)), yesByDefault: true) { [weak self] yes in
            guard let self, yes else { return }
            ServiceOutcome.run(context, self.strings, reload: { self.reload(context: context) }) {
                try self.timesheets(context).submit(week: self.week)
                return self.strings.format("ts.sent", name)
            }
        })
    }

    private func startTimer(_ context: AppContext) {
        guard let r = currentRow else { return }
        TimerBar(store: store).start(r.key, title: r.title, context)
    }

    // MARK: drawing

    static func dayLabel(_ d: LocalDate, _ s: Strings) -> String {
        let names = s["ts.days"].split(separator: ",").map(String.init)
        return names[d.isoWeekday - 1] + " " + TimesheetDuration.pad(d.day) + "/" + TimesheetDuration.pad(d.month)
    }

    static let cellWidth = 7

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        strings = context.strings
        let s = strings
        let end = week.adding(days: 6)
        let head = s.format("ts.head", TimesheetGrid.weekName(week), Self.dayLabel(week, s), Self.dayLabel(end, s),
                            grid.state.displayName, TimesheetDuration.text(grid.total))
        canvas.text(" " + head, x: rect.x, y: rect.y, style: Style(.title, bold: true), maxWidth: rect.width)
        let info = problem ?? (grid.isLocked ? s["ts.locked"] : s["ts.hint"])
        canvas.text(" " + info, x: rect.x, y: rect.y + 1, style: Style(problem == nil ? .dim : .error, bold: problem != nil), maxWidth: rect.width)
        let cw = Self.cellWidth
        let labelWidth = max(12, rect.width - 2 - cw * 7 - cw - 1)
        let x0 = rect.x + 1
        let dayX = x0 + labelWidth + 1
        var y = rect.y + 3
        canvas.text(s["ts.row"], x: x0, y: y, style: Style(.header, bold: true), maxWidth: labelWidth)
        let names = s["ts.days"].split(separator: ",").map(String.init)
        for d in 0..<7 {
            let label = names[d] + " " + TimesheetDuration.pad(week.adding(days: d).day)
            canvas.text(Self.right(label, cw), x: dayX + d * cw, y: y, style: Style(.header, bold: true))
        }
        canvas.text(Self.right(s["ts.total"], cw + 1), x: dayX + 7 * cw, y: y, style: Style(.header, bold: true))
        y += 1
        if grid.rows.isEmpty {
            canvas.text(s["ts.empty"], x: x0, y: y, style: Style(.dim), maxWidth: rect.width - 2)
            y += 2
        }
        let room = max(1, rect.maxY - y - 2)
        let first = max(0, row - room + 1)
        for (i, r) in grid.rows.enumerated().dropFirst(first).prefix(room) {
            let isRow = i == row
            canvas.text(r.title, x: x0, y: y, style: Style(isRow ? .accent : .normal, bold: isRow), maxWidth: labelWidth)
            for d in 0..<7 {
                let isCell = isRow && d == col
                let cx = dayX + d * cw
                if isCell, var input = editing {
                    canvas.fill(Rect(x: cx, y: y, width: cw, height: 1), style: Style(.inputFocused))
                    input.render(&canvas, in: Rect(x: cx + 1, y: y, width: cw - 1, height: 1), focused: true)
                    continue
                }
                let text = r.minutes[d] == 0 ? "·" : TimesheetDuration.text(r.minutes[d])
                let style = isCell ? Style(.selected, bold: true) : Style(r.minutes[d] == 0 ? .dim : .normal)
                canvas.text(Self.right(text, cw), x: cx, y: y, style: style)
            }
            canvas.text(Self.right(TimesheetDuration.text(r.total), cw + 1), x: dayX + 7 * cw, y: y, style: Style(.normal, bold: true))
            y += 1
        }
        canvas.text(s["ts.total"], x: x0, y: y, style: Style(.header, bold: true), maxWidth: labelWidth)
        for (d, m) in grid.dayTotals.enumerated() {
            canvas.text(Self.right(TimesheetDuration.text(m), cw), x: dayX + d * cw, y: y,
                        style: Style(m > TimesheetDuration.maxMinutes ? .error : .header, bold: true))
        }
        canvas.text(Self.right(TimesheetDuration.text(grid.total), cw + 1), x: dayX + 7 * cw, y: y, style: Style(.header, bold: true))
    }

    static func right(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}
