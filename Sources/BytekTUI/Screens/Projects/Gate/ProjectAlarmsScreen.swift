import BytekModel
import BytekServices
import BytekStore
import Foundation

/// "Mis pendientes" of a project manager (Proyectos › `!`): the projects the payment gate holds (why and how
/// much is owed), the approvals the customer keeps waiting more than 3 working days, and the milestones due
/// within 7 days. Opens on the user's own projects; `a` shows everyone's. `l` lifts the gate of the blocked
/// project under the cursor (finanzas, admin: the dialog asks the reason and the last day).
@MainActor
final class ProjectAlarmsScreen: Screen {
    private let services: Services
    private let strings: Strings
    let pane: ListPane
    private(set) var alarms = ProjectAlarms(date: LocalDate(daysSinceEpoch: 0))
    private(set) var everyone = false
    private(set) var problem: String?
    /// Row id → the blocked project's id (rows of the other kinds are not in it).
    private var blockedRows: [Int64: ProjectAlarms.Blocked] = [:]

    init(services: Services, strings: Strings) {
        self.services = services
        self.strings = strings
        let s = strings
        let table = Table(columns: [
            TableColumn(s["alarms.col.kind"], width: 17),
            TableColumn(s["alarms.col.project"], width: 22),
            TableColumn(s["alarms.col.manager"], width: 11),
            TableColumn(s["alarms.col.detail"], weight: 1, minWidth: 20),
        ], source: ArrayRowSource([]), emptyMessage: s["alarms.empty"])
        pane = ListPane(title: s["alarms.title"], table: table)
        pane.showsFilter = false
        load()
    }

    var title: String { strings["alarms.title"] }

    var login: String? {
        if case .staff(let login, _) = services.actor.kind { return login }
        return nil
    }

    var canLift: Bool { services.actor.role == .admin || services.actor.role == .finanzas }

    var bindings: [KeyBinding] {
        var b = [KeyBinding([.char("a")], strings[everyone ? "alarms.mine" : "alarms.everyone"], help: strings["alarms.help.toggle"])]
        if canLift { b.append(KeyBinding([.char("l")], strings["gate.lift.key"], help: strings["gate.lift.help"])) }
        b.append(KeyBinding([.escape], strings["app.back"]))
        return b
    }

    func handle(_ event: Event, context: AppContext) -> HandleResult {
        switch event {
        case .key(.char("a")):
            everyone.toggle()
            load()
        case .key(.char("l")):
            guard canLift else { return .ignored }
            guard let id = pane.table.selectedRow?.id, let b = blockedRows[id] else {
                context.info(strings["gate.lift.notBlocked"]); return .handled
            }
            context.present(ProjectGateLiftDialog(services: services, strings: strings, projectId: b.project.id,
                                                  projectName: b.project.code + " " + b.project.name) { [weak self] _ in
                self?.load()
            })
        case .key(.escape):
            context.pop()
        default:
            return pane.handle(event) ? .handled : .ignored
        }
        return .handled
    }

    func load() {
        let s = strings
        do {
            alarms = try services.projectAlarms.alarms(manager: everyone ? nil : login)
            problem = nil
        } catch {
            alarms = ProjectAlarms(date: services.projectGate.today)
            problem = ErrorText(s).describe(error)
        }
        var rows: [TableRow] = []
        blockedRows = [:]
        var id: Int64 = 0
        func project(_ p: ProjectAlarms.ProjectRef) -> String { p.code + " " + p.name }
        for b in alarms.blocked {
            id += 1
            blockedRows[id] = b
            rows.append(TableRow(id: id, cells: [s["alarms.kind.blocked"], project(b.project), b.project.manager,
                                                 b.block.reason + s.format("alarms.milestone", String(b.block.overdueMilestonePosition))],
                                 cursor: [], role: .error))
        }
        for w in alarms.waiting {
            id += 1
            rows.append(TableRow(id: id, cells: [s["alarms.kind.waiting"], project(w.project), w.project.manager,
                                                 s.format("alarms.waiting", String(w.position), w.name, String(w.workingDays),
                                                          ExchangeRateRule.dayMonthYear(w.readySince))],
                                 cursor: [], role: .warning))
        }
        for d in alarms.dueSoon {
            id += 1
            rows.append(TableRow(id: id, cells: [s["alarms.kind.due"], project(d.project), d.project.manager,
                                                 s.format("alarms.due", String(d.position), d.name,
                                                          ExchangeRateRule.dayMonthYear(d.plannedDate), d.state.displayName)],
                                 cursor: []))
        }
        pane.table.setSource(ArrayRowSource(rows))
    }

    func reload(context: AppContext) { load() }

    func render(_ canvas: inout Canvas, in rect: Rect, context: AppContext) {
        let intro = strings.format(everyone ? "alarms.intro.all" : "alarms.intro.mine", ExchangeRateRule.dayMonthYear(alarms.date),
                                   String(alarms.blocked.count), String(alarms.waiting.count), String(alarms.dueSoon.count))
        ServiceOutcome.render(&canvas, in: rect, intro: intro, problem: problem, pane: pane, strings: strings)
    }

    /// The palette's entry ("pendientes de proyectos", "alarmas"…): opens this screen over the current one.
    static func paletteAction(store: Store, strings: Strings) -> PaletteAction {
        PaletteAction(title: strings["alarms.palette"], detail: strings["alarms.palette.detail"]) { ctx in
            ctx.push(ProjectAlarmsScreen(services: ctx.services(store), strings: ctx.strings))
        }
    }

    /// Whether a palette query asks for this screen: "pendientes de proyectos", "alarmas", "bloqueados".
    nonisolated static func paletteMatches(_ query: String) -> Bool {
        ServiceOutcome.paletteMatches(query, ["pendientes de proyectos", "alarmas de proyectos", "bloqueados por pago"])
    }
}
