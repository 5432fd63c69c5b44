import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Tareas: the schedules (what runs when) above the job queue (newest first) with each job's
/// state, attempts and last error. `f` filters by state; `r` retries a failed job now.
@MainActor
final class JobsScreen: Screen {
    let jobs: JobService
    private var state: JobState?
    private let pane: ListPane
    private let strings: Strings
    private let formats: Formats
    private var scheduleRows: [Schedule] = []
    private var counts: [JobState: Int] = [:]

    init(jobs: JobService, strings: Strings) {
        self.jobs = jobs
        self.strings = strings
        formats = Formats(language: strings.language)
        let table = Table(columns: JobsScreen.columns(strings), source: ArrayRowSource([]), emptyMessage: strings["jobs.empty"])
        pane = ListPane(title: strings["jobs.queue"], table: table)
        pane.showsFilter = false
        applyState()
        loadSchedules()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn("#", width: 6, alignment: .right),
            TableColumn(s["jobs.col.kind"], width: 18),
            .words(s["jobs.col.state"], width: 10),
            TableColumn(s["jobs.col.attempts"], width: 8, alignment: .right),
            TableColumn(s["jobs.col.lastError"], weight: 1, minWidth: 14),
            TableColumn(s["jobs.col.runAt"], width: 16),
        ]
    }

    var title: String { strings["module.jobs"] }

    var bindings: [KeyBinding] {
        [
            KeyBinding([.char("f")], strings["jobs.col.state"], help: strings["jobs.help.filter"]),
            KeyBinding([.char("r")], strings["jobs.retry"], help: strings["jobs.help.retry"]),
            KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], strings["key.move"], help: strings["table.help.move"], hint: false),
        ]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("f")):
            let all: [JobState?] = [nil] + JobState.allCases.map { Optional($0) }
            let i = all.firstIndex { $0 == state } ?? 0
            state = all[(i + 1) % all.count]
            applyState()
        case .key(.char("r")):
            retry(context)
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    private func retry(_ context: AppContext) {
        guard context.require(.write, .jobs), let id = pane.table.selectedID else { return }
        do {
            if try jobs.retry(id) {
                context.ok(strings.format("jobs.retried", String(id)))
                pane.table.reload()
            } else {
                context.error(strings["jobs.notRetriable"])
            }
        } catch {
            context.error(ErrorText(strings).describe(error))
        }
    }

    private func applyState() {
        let s = strings, f = formats
        guard let pager = try? jobs.pager(state: state) else { return }
        let source = PagerRowSource(pager: pager, id: { $0.id }) { j in
            let role: StyleRole? = j.state == .failed ? .error : (j.state == .running ? .accent : (j.state == .done ? .dim : nil))
            return ([String(j.id), j.kind, s["jobs.state." + j.state.rawValue], "\(j.attempts)/\(j.maxAttempts)",
                     j.lastError ?? "", f.dateTime(Date(timeIntervalSince1970: Double(j.runAt) / 1000))], role)
        }
        pane.table.setSource(source)
        pane.table.footerText = state.map { s["jobs.col.state"] + ": " + s["jobs.state." + $0.rawValue] } ?? ""
        counts = (try? jobs.countsByState()) ?? [:]
    }

    private func loadSchedules() { scheduleRows = (try? jobs.schedules()) ?? [] }

    func reload(context: AppContext) {
        pane.table.reload()
        counts = (try? jobs.countsByState()) ?? [:]
        loadSchedules()
    }

    /// The stored rule in the user's words: "daily 02:00" → "diario 02:00".
    func ruleText(_ rule: String) -> String {
        let parts = rule.split(separator: " ").map(String.init)
        switch parts.first {
        case "daily": return strings.format("jobs.rule.daily", parts.dropFirst().joined(separator: " "))
        case "weekly": return strings.format("jobs.rule.weekly", parts.dropFirst().joined(separator: " "))
        case "monthly": return strings.format("jobs.rule.monthly", parts.dropFirst().joined(separator: " "))
        case "hourly": return strings["jobs.rule.hourly"]
        case "every": return strings.format("jobs.rule.every", parts.dropFirst().joined(separator: " "))
        default: return rule
        }
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let scheduleHeight = min(max(3, scheduleRows.count + 2), 8)
        let (top, bottom) = rect.splitTop(scheduleHeight)
        canvas.box(top, title: strings["jobs.schedules"])
        var y = top.y + 1
        if scheduleRows.isEmpty {
            canvas.text(strings["jobs.noSchedules"], x: top.x + 2, y: y, style: Style(.dim))
        }
        for sc in scheduleRows where y < top.maxY - 1 {
            let next = formats.dateTime(Date(timeIntervalSince1970: Double(sc.nextRun) / 1000))
            let last = sc.lastRun.map { formats.dateTime(Date(timeIntervalSince1970: Double($0) / 1000)) } ?? "—"
            let line = "\(SafeText.fit(sc.name, 22)) \(SafeText.fit(ruleText(sc.rule), 16)) "
                + strings.format("jobs.nextLast", next, last) + (sc.active ? "" : "  (" + strings["jobs.inactive"] + ")")
            canvas.text(line, x: top.x + 2, y: y, style: Style(sc.active ? .normal : .dim), maxWidth: top.width - 4)
            y += 1
        }
        let summary = JobState.allCases.map { s in "\(strings["jobs.state." + s.rawValue]): \(counts[s] ?? 0)" }.joined(separator: "  ")
        pane.title = strings["jobs.queue"] + " · " + summary
        pane.render(&canvas, in: bottom, strings: strings)
    }
}
