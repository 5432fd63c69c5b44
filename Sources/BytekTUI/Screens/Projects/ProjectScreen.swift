import BytekModel
import Foundation

/// One project: a header (code, name, customer, manager, promised date, health and, when the payment gate
/// holds it, the gate's message in danger style) over five tabs, Tab/Shift-Tab or 1–5: Tareas (the project's
/// board), Hitos, Horas, Documentos and Historial. Each tab reads its data the first time it is shown.
@MainActor
final class ProjectScreen: Screen {
    enum Tab: Int, CaseIterable { case tasks, milestones, hours, documents, history }

    let desk: ProjectsDesk
    let strings: Strings
    let canWrite: Bool
    private(set) var item: ProjectListItem
    private(set) var tab = Tab.tasks
    private(set) lazy var board: TaskBoardController = {
        let b = TaskBoardController(desk: desk, scope: .project(item.project.id), strings: strings, canWrite: canWrite)
        // A refused move (the gate closed since this screen read it): the header says why again.
        b.onRefused = { [weak self] in self?.rereadHeader() }
        return b
    }()
    private var tables: [Tab: Table] = [:]
    private var tabErrors: [Tab: String] = [:]
    private var hoursMissing = false

    init(desk: ProjectsDesk, item: ProjectListItem, strings: Strings, canWrite: Bool) {
        self.desk = desk; self.item = item; self.strings = strings; self.canWrite = canWrite
    }

    var title: String { item.project.code }
    var capturesText: Bool { tab == .tasks && board.filtering }

    var bindings: [KeyBinding] {
        var b = [KeyBinding([.tab, .backTab], strings["proj.key.tabs"], help: strings["proj.help.tabs"]),
                 KeyBinding([.escape], strings["proj.key.back"], help: strings["proj.help.back"], hint: false)]
        if tab == .tasks { b = board.bindings + b }
        if tab == .milestones, desk is ProjectsDeskScreens {
            b.append(KeyBinding([.enter], strings["proj.key.milestone"], help: strings["proj.help.milestone"]))
        }
        if !(tab == .tasks && board.filtering), desk is ProjectsDeskScreens {
            b.append(KeyBinding([.char("R")], strings["proj.key.profit"], help: strings["proj.help.profit"]))
            if item.gateMessage != nil {
                b.append(KeyBinding([.char("L")], strings["proj.key.lift"], help: strings["proj.help.lift"]))
            }
        }
        else { b.append(KeyBinding([.up, .down, .pageUp, .pageDown], strings["key.move"], help: strings["table.help.move"], hint: false)) }
        return b
    }

    func show(_ t: Tab) {
        tab = t
        if t != .tasks && tables[t] == nil { load(t) }
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        guard case .key(let key) = event else { return .ignored }
        if tab == .tasks && board.filtering { _ = board.handle(key, context: context); return .handled }
        switch key {
        case .tab: show(Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!); return .handled
        case .backTab: show(Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!); return .handled
        case .char(let c) where ("1"..."5").contains(c):
            show(Tab(rawValue: (c.wholeNumberValue ?? 1) - 1)!); return .handled
        case .char("R"):
            openProfitability(context); return .handled
        case .char("L") where item.gateMessage != nil:
            liftGate(context); return .handled
        case .enter where tab == .milestones:
            if let id = tables[.milestones]?.selectedRow?.id, let screen = (desk as? ProjectsDeskScreens)?.milestoneScreen(milestoneId: id) {
                context.push(screen)
            }
            return .handled
        default: break
        }
        if tab == .tasks {
            if case .escape = key, board.model.filter.isEmpty { context.pop(); return .handled }
            return board.handle(key, context: context) ? .handled : .ignored
        }
        if case .escape = key { context.pop(); return .handled }
        return tables[tab]?.handle(key) == true ? .handled : .ignored
    }

    private func openProfitability(_ context: AppContext) {
        guard let links = desk as? ProjectsDeskScreens else { return }
        do {
            if let screen = try links.profitabilityScreen(projectId: item.project.id) { context.push(screen) }
        } catch { context.error(desk.describe(error)) }
    }

    private func liftGate(_ context: AppContext) {
        let p = item.project
        guard let dialog = (desk as? ProjectsDeskScreens)?.gateLiftDialog(projectId: p.id, name: p.code + " " + p.name, onLifted: { [weak self] in
            self?.reload(context: context)
        }) else { return }
        context.present(dialog)
    }

    private func rereadHeader() {
        if let fresh = try? desk.item(projectId: item.project.id) { item = fresh }
    }

    func reload(context: AppContext) {
        rereadHeader()
        board.reload()
        tables = [:]
        tabErrors = [:]
        if tab != .tasks { load(tab) }
    }

    private func load(_ t: Tab) {
        let s = strings, id = item.project.id
        var columns: [TableColumn] = []
        var rows: [TableRow] = []
        do {
            switch t {
            case .tasks: return
            case .milestones:
                columns = [TableColumn("#", width: 3, alignment: .right), TableColumn(s["proj.ms.name"], weight: 3, minWidth: 14),
                           TableColumn(s["proj.ms.state"], width: 22), .amount(s["proj.ms.amount"], width: 16),
                           TableColumn(s["proj.ms.planned"], width: 10), TableColumn(s["proj.ms.deliverables"], width: 12, alignment: .right)]
                rows = try desk.milestones(projectId: id).map { r in
                    let m = r.milestone
                    let late = m.plannedDate < desk.today && m.state != .approved && m.state != .invoiced
                    return TableRow(id: m.id, cells: [String(m.position), m.name, m.state.displayName, m.amount.formatted,
                                                      ProjectsText.date(m.plannedDate), String(r.deliverables)],
                                    cursor: [], role: late ? .warning : nil)
                }
            case .hours:
                columns = [TableColumn(s["proj.hours.person"], weight: 2, minWidth: 14), TableColumn(s["proj.hours.hours"], width: 10, alignment: .right)]
                if let hours = try desk.hours(projectId: id) {
                    hoursMissing = false
                    rows = hours.enumerated().map { TableRow(id: Int64($0.offset + 1), cells: [$0.element.login, ProjectsText.hours($0.element.minutes)], cursor: []) }
                } else { hoursMissing = true }
            case .documents:
                columns = [TableColumn(s["proj.doc.kind"], width: 12), TableColumn(s["proj.doc.number"], width: 16),
                           TableColumn(s["proj.doc.date"], width: 10), .amount(s["proj.doc.amount"], width: 16),
                           TableColumn(s["proj.doc.status"], weight: 1, minWidth: 10)]
                rows = try desk.documents(projectId: id).enumerated().map { k, d in
                    TableRow(id: Int64(k + 1), cells: [d.kind, d.number, d.date.map(ProjectsText.date) ?? "", d.amount?.formatted ?? "", d.status], cursor: [])
                }
            case .history:
                let f = Formats(language: s.language)
                columns = [TableColumn(s["proj.hist.at"], width: 16), TableColumn(s["proj.hist.user"], width: 12),
                           TableColumn(s["proj.hist.action"], width: 16), TableColumn(s["proj.hist.detail"], weight: 3, minWidth: 20)]
                rows = try desk.history(projectId: id).enumerated().map { k, h in
                    TableRow(id: Int64(k + 1), cells: [f.dateTime(h.at), h.user, h.action, h.detail], cursor: [])
                }
            }
        } catch {
            tabErrors[t] = desk.describe(error)
        }
        tables[t] = Table(columns: columns, source: ArrayRowSource(rows), emptyMessage: s["proj.tab.empty." + String(t.rawValue)])
    }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let p = item.project
        var y = rect.y
        var x = canvas.text(" " + p.code + " · ", x: rect.x, y: y, style: Style(.title, bold: true))
        x = canvas.text(SafeText.sanitize(p.name), x: x, y: y, style: Style(.title, bold: true), maxWidth: rect.maxX - x - 16)
        let health = strings["proj.health." + item.health.rawValue]
        canvas.text(health + " ", x: rect.maxX - SafeText.width(health) - 1, y: y, style: Style(item.health.role ?? .normal, bold: true))
        y += 1
        let facts = [strings["proj.col.customer"] + ": " + p.customerName, strings["proj.col.manager"] + ": " + p.manager,
                     strings["proj.col.promised"] + ": " + ProjectsText.date(p.promisedDate),
                     strings["proj.col.progress"] + ": " + ProjectsText.progress(done: item.tasksDone, total: item.tasksTotal)]
        canvas.text(" " + SafeText.sanitize(facts.joined(separator: "  ·  ")), x: rect.x, y: y, style: Style(.dim), maxWidth: rect.width)
        y += 1
        if let gate = item.gateMessage {
            canvas.text(" ✖ " + SafeText.sanitize(gate), x: rect.x, y: y, style: Style(.danger, bold: true), maxWidth: rect.width)
            y += 1
        }
        // Tabs.
        var tx = rect.x + 1
        for t in Tab.allCases {
            let label = " \(t.rawValue + 1) " + strings["proj.tab." + String(t.rawValue)] + " "
            tx = canvas.text(label, x: tx, y: y, style: Style(t == tab ? .tabActive : .tab, bold: t == tab)) + 1
        }
        y += 1
        let body = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
        switch tab {
        case .tasks:
            board.render(&canvas, in: body, today: desk.today, now: desk.now)
        default:
            if let e = tabErrors[tab] {
                canvas.text(" " + e, x: body.x, y: body.y, style: Style(.error, bold: true), maxWidth: body.width)
                return
            }
            var area = body
            if tab == .hours {
                canvas.text(" " + strings["proj.hours.title"], x: body.x, y: body.y, style: Style(.header, bold: true))
                area = Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1)
                if hoursMissing {
                    canvas.text(" " + strings["proj.hours.missing"], x: area.x, y: area.y, style: Style(.dim), maxWidth: area.width)
                    return
                }
            }
            tables[tab]?.render(&canvas, in: area)
        }
    }
}
