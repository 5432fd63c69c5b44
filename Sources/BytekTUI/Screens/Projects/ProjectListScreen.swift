import BytekModel
import BytekStore
import Foundation

/// Operaciones › Proyectos: every project in a virtual list (only the visible rows are read, keyset paging):
/// code, name, status, unit, customer, manager, progress bar, promised date and health (en riesgo in warning,
/// atrasado and bloqueado in danger). `/` filters, Enter opens the project, `b` the team board; `n` a new
/// project and `a` archives (operaciones, admin: read-only roles see no write keys).
@MainActor
final class ProjectListScreen: Screen {
    let desk: ProjectsDesk
    let strings: Strings
    let drafts: DraftRepository?
    let canWrite: Bool
    let pane: ListPane
    private(set) var listError: String?

    init(desk: ProjectsDesk, strings: Strings, drafts: DraftRepository?, canWrite: Bool) {
        self.desk = desk; self.strings = strings; self.drafts = drafts; self.canWrite = canWrite
        let table = Table(columns: ProjectListScreen.columns(strings), source: ArrayRowSource([]),
                          emptyMessage: strings[canWrite ? "proj.list.empty" : "proj.list.emptyRead"])
        pane = ListPane(title: strings["module.projects"], table: table)
        pane.onFilterChange = { [weak self] _ in self?.rebuild() }
        rebuild()
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [
            TableColumn(s["proj.col.code"], width: 14),
            TableColumn(s["proj.col.name"], weight: 3, minWidth: 14),
            TableColumn(s["proj.col.status"], width: 9),
            TableColumn(s["proj.col.unit"], width: 6),
            TableColumn(s["proj.col.customer"], weight: 2, minWidth: 12),
            TableColumn(s["proj.col.manager"], width: 11),
            TableColumn(s["proj.col.progress"], width: 16),
            TableColumn(s["proj.col.promised"], width: 10),
            TableColumn(s["proj.col.health"], width: 9),
        ]
    }

    static func row(_ item: ProjectListItem, strings s: Strings) -> (cells: [String], role: StyleRole?) {
        let p = item.project
        let role: StyleRole? = p.status == .archived ? .dim : item.health == .ok ? nil : item.health.role
        return ([p.code, p.name, p.status.displayName, p.unit.rawValue, p.customerName, p.manager,
                 ProjectsText.progress(done: item.tasksDone, total: item.tasksTotal), ProjectsText.date(p.promisedDate),
                 s["proj.health." + item.health.rawValue]], role)
    }

    func rebuild() {
        let s = strings
        do {
            pane.table.setSource(try desk.projectRows(search: pane.filterText) { ProjectListScreen.row($0, strings: s) })
            listError = nil
        } catch {
            pane.table.setSource(ArrayRowSource([]))
            listError = desk.describe(error)
        }
    }

    var title: String { strings["module.projects"] }
    var capturesText: Bool { pane.filtering }

    var bindings: [KeyBinding] {
        let s = strings
        var b = [KeyBinding([.char("/")], s["key.search"], help: s["proj.help.search"]),
                 KeyBinding([.enter], s["key.open"], help: s["proj.help.open"]),
                 KeyBinding([.char("b")], s["proj.key.team"], help: s["proj.help.team"])]
        if desk is ProjectsDeskScreens { b.append(KeyBinding([.char("!")], s["proj.key.alarms"], help: s["proj.help.alarms"])) }
        if canWrite {
            b += [KeyBinding([.char("n")], s["key.new"], help: s["proj.help.new"]),
                  KeyBinding([.char("a")], s["key.archive"], help: s["proj.help.archive"])]
        }
        return b + [KeyBinding([.up, .down, .pageUp, .pageDown, .home, .end], s["key.move"], help: s["table.help.move"], hint: false)]
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        if pane.filtering { return pane.handle(event) ? .handled : .ignored }
        guard case .key(let key) = event else { return pane.handle(event) ? .handled : .ignored }
        switch key {
        case .enter:
            guard let id = pane.table.selectedRow?.id else { return .handled }
            open(projectId: id, context)
        case .char("b"):
            context.push(TeamBoardScreen(desk: desk, unit: .digital, strings: strings, canWrite: context.can(.write, .projects)))
        case .char("!"):
            if let screen = (desk as? ProjectsDeskScreens)?.alarmsScreen() { context.push(screen) }
        case .char("n"):
            guard context.require(.write, .projects) else { return .handled }
            let editor = NewProjectEditor(desk: desk, strings: strings, manager: context.session.login)
            editor.onSaved = { [weak self] id in self?.rebuild(); _ = self?.pane.table.select(id: id) }
            if let drafts { FormScreen.open(editor, drafts: drafts, strings: strings, context: context) }
        case .char("a"):
            guard context.require(.write, .projects), let row = pane.table.selectedRow else { return .handled }
            archive(row, context)
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func open(projectId: Int64, _ context: AppContext) {
        do {
            guard let item = try desk.item(projectId: projectId) else { context.error(strings["service.notFound"]); return }
            context.push(ProjectScreen(desk: desk, item: item, strings: strings, canWrite: context.can(.write, .projects)))
        } catch { context.error(desk.describe(error)) }
    }

    private func archive(_ row: TableRow, _ context: AppContext) {
        let code = row.cells.first ?? "", name = row.cells.count > 1 ? row.cells[1] : ""
        context.present(ConfirmDialog(message: strings.format("proj.archive.confirm", code, name), danger: true) { [weak self] yes in
            guard let self, yes else { return }
            do {
                try self.desk.archive(projectId: row.id, reason: "")
                self.rebuild()
                context.ok(self.strings.format("proj.archived", code))
            } catch { context.error(self.desk.describe(error)) }
        })
    }

    func reload(context: AppContext) { pane.table.reload() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        if let listError {
            let (head, body) = rect.splitTop(1)
            canvas.text(" " + listError, x: head.x, y: head.y, style: Style(.error, bold: true), maxWidth: head.width)
            pane.render(&canvas, in: body, strings: strings)
            return
        }
        pane.render(&canvas, in: rect, strings: strings)
    }
}
