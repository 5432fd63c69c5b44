import BytekModel
import Foundation
@testable import BytekTUI

/// A `ProjectsDesk` over arrays, for driving the Proyectos screens apart from the service: it refuses moves
/// of blocked cards and into a full column (unless overridden) as the service does, and counts its reads.
@MainActor
final class MemoryProjectsDesk: ProjectsDesk {
    var today = LocalDate(year: 2026, month: 11, day: 18)!
    var now: Date { ScreenHarness.fixedNow }
    var projects: [ProjectListItem] = []
    var tasks: [BoardTask] = []
    var limits: [TaskState: Int] = [:]
    var checks: [Int64: [TaskCheck]] = [:]
    var milestoneRows: [Int64: [MilestoneRow]] = [:]
    var documentRows: [Int64: [ProjectDocumentRow]] = [:]
    var historyRows: [Int64: [ProjectHistoryRow]] = [:]
    var hoursRows: [Int64: [ProjectHoursRow]]?
    /// When set, every move is refused with this message (as the service refuses a move the gate holds).
    var refuseMoves: String?
    private(set) var boardReads = 0
    private(set) var overrides: [(Int64, String)] = []
    private(set) var archived: [Int64] = []
    private(set) var created: [NewProjectInput] = []

    struct Refusal: Error { var message: String }

    func projectRows(search: String, format: @escaping (ProjectListItem) -> (cells: [String], role: StyleRole?)) throws -> any RowSource {
        let q = search.lowercased()
        let shown = projects.filter { q.isEmpty || ($0.project.code + " " + $0.project.name + " " + $0.project.customerName).lowercased().contains(q) }
        return ArrayRowSource(shown.map { item in
            let f = format(item)
            return TableRow(id: item.project.id, cells: f.cells, cursor: [], role: f.role)
        })
    }

    func item(projectId: Int64) throws -> ProjectListItem? { projects.first { $0.project.id == projectId } }

    func createProject(_ input: NewProjectInput) throws -> Project {
        created.append(input)
        let p = Project(id: Int64(projects.count + 1), code: Project.code(year: 2026, sequence: projects.count + 1), name: input.name,
                        unit: input.unit, kind: .kanban, customerId: 1, customerName: "Cliente " + input.customerDocument,
                        manager: input.manager, sold: Money(minorUnits: 0, .pen), startDate: input.startDate, promisedDate: input.promisedDate)
        projects.append(ProjectListItem(project: p, tasksDone: 0, tasksTotal: 0, health: .ok))
        return p
    }

    /// The customers, templates and users the new-project form picks from.
    var customerRows: [PickerEntry] = [
        PickerEntry(id: 1, title: "Comercial Andina S.A.C.", detail: "RUC 20100047218"),
        PickerEntry(id: 2, title: "Ferretería Ñaña E.I.R.L.", detail: "RUC 20601234567"),
        PickerEntry(id: 3, title: "Rosa Quispe Mamani", detail: "DNI 45678912"),
    ]
    var templateRows = [TemplateChoice(id: 1, name: "Landing page 7 días", unit: .digital, steps: 4, workingDays: 7),
                        TemplateChoice(id: 2, name: "SEO mensual", unit: .digital, steps: 3, workingDays: 20)]
    var managerRows: [(login: String, name: String)] = [("admin", "Admin"), ("operaciones", "Olga Operaciones"), ("tecnico", "Tito Técnico")]

    func customerChoices(search: String) throws -> [PickerEntry] {
        let words = search.lowercased().split(separator: " ")
        return customerRows.filter { e in words.allSatisfy { (e.title + " " + e.detail).lowercased().contains($0) } }
    }

    func templateChoices() throws -> [TemplateChoice] { templateRows }

    /// Each step due one calendar day after the one before, the last on the promised date.
    func schedule(templateId: Int64, promised: LocalDate) throws -> TemplateSchedule {
        guard let t = templateRows.first(where: { $0.id == templateId }) else { throw Refusal(message: "no existe la plantilla") }
        let steps = (1...t.steps).map { TemplateStep("Paso \($0)", workingDays: 1, role: .tecnico) }
        let entries = steps.enumerated().map { i, step in
            let due = promised.adding(days: i - (t.steps - 1))
            return TemplateSchedule.Entry(step: step, start: due, due: due)
        }
        return TemplateSchedule(template: ProjectTemplate(name: t.name, unit: t.unit, steps: steps), entries: entries)
    }

    func managerChoices() throws -> [(login: String, name: String)] { managerRows }

    /// Customer 20100047218 has one recorded contract.
    func contractChoices(customerDocument: String) throws -> [PickerEntry] {
        customerDocument == "20100047218" ? [PickerEntry(id: 7, title: "CTR-2026-00007", detail: "COT-2026-00042 v2 · U1")] : []
    }

    func archive(projectId: Int64, reason: String) throws {
        archived.append(projectId)
        if let i = projects.firstIndex(where: { $0.project.id == projectId }) { projects[i].project.status = .archived }
    }

    func board(_ scope: BoardScope) throws -> BoardData {
        boardReads += 1
        switch scope {
        case .team: return BoardData(tasks: tasks, limits: limits)
        case .project(let id): return BoardData(tasks: tasks.filter { $0.task.projectId == id }, limits: limits)
        }
    }

    func move(taskId: Int64, to state: TaskState, overrideReason: String?) throws -> ProjectTask {
        guard let i = tasks.firstIndex(where: { $0.task.id == taskId }) else { throw Refusal(message: "no existe") }
        if let refuseMoves { throw Refusal(message: refuseMoves) }
        if tasks[i].task.blocked {
            throw Refusal(message: "La tarjeta «\(tasks[i].task.title)» está bloqueada: \(tasks[i].task.blockedReason). Desbloquéela antes de moverla.")
        }
        if let limit = limits[state], tasks.filter({ $0.task.state == state }).count >= limit {
            guard let reason = overrideReason, !reason.isEmpty else { throw WIPLimitRefusal(state: state, limit: limit) }
            overrides.append((taskId, reason))
        }
        tasks[i].task.state = state
        tasks[i].task.stateSince = now
        return tasks[i].task
    }

    func setBlocked(taskId: Int64, blocked: Bool, reason: String) throws -> ProjectTask {
        guard let i = tasks.firstIndex(where: { $0.task.id == taskId }) else { throw Refusal(message: "no existe") }
        tasks[i].task.blocked = blocked
        tasks[i].task.blockedReason = reason
        return tasks[i].task
    }

    func checklist(taskId: Int64) throws -> [TaskCheck] { checks[taskId] ?? [] }

    func toggleCheck(taskId: Int64, checkId: Int64) throws -> [TaskCheck] {
        guard var list = checks[taskId], let k = list.firstIndex(where: { $0.id == checkId }) else { return [] }
        list[k].done.toggle()
        checks[taskId] = list
        if let i = tasks.firstIndex(where: { $0.task.id == taskId }) {
            tasks[i].task.checklistTotal = list.count
            tasks[i].task.checklistDone = list.filter(\.done).count
        }
        return list
    }

    func milestones(projectId: Int64) throws -> [MilestoneRow] { milestoneRows[projectId] ?? [] }
    func documents(projectId: Int64) throws -> [ProjectDocumentRow] { documentRows[projectId] ?? [] }
    func history(projectId: Int64) throws -> [ProjectHistoryRow] { historyRows[projectId] ?? [] }
    func hours(projectId: Int64) throws -> [ProjectHoursRow]? { hoursRows?[projectId] }

    func describe(_ error: Error) -> String {
        if let r = error as? Refusal { return r.message }
        return String(describing: error)
    }

    // MARK: fixtures

    static func sample() -> MemoryProjectsDesk {
        let desk = MemoryProjectsDesk()
        let today = desk.today
        func project(_ id: Int64, _ name: String, _ customer: String, promised: Int, health: ProjectHealth, done: Int, total: Int,
                     gate: String? = nil) -> ProjectListItem {
            let p = Project(id: id, code: Project.code(year: 2026, sequence: Int(id)), name: name, unit: .digital, kind: .kanban,
                            customerId: id, customerName: customer, manager: "operaciones",
                            sold: Money(minorUnits: 350_000, .pen), startDate: today.adding(days: -5),
                            promisedDate: today.adding(days: promised))
            return ProjectListItem(project: p, tasksDone: done, tasksTotal: total, health: health, gateMessage: gate)
        }
        desk.projects = [
            project(1, "Landing Ñaña", "Ferretería Ñaña E.I.R.L.", promised: 2, health: .atRisk, done: 1, total: 6),
            project(2, "SEO mensual Andina", "Comercial Andina S.A.C.", promised: 20, health: .ok, done: 3, total: 4),
            project(3, "Campaña Titicaca", "Inversiones Titicaca E.I.R.L.", promised: -3, health: .late, done: 2, total: 5),
            project(4, "ERP a medida Peña", "Peña & Ñahui Ingenieros S.A.C.", promised: 60, health: .blocked, done: 1, total: 8,
                    gate: "Bloqueado por pago: F001-123 vencida hace 12 días, debe S/ 5,900.00"),
        ]
        func task(_ id: Int64, _ p: Int64, _ title: String, _ state: TaskState, _ who: String?, due: Int, blocked: String? = nil,
                  checks: (Int, Int) = (0, 0)) -> BoardTask {
            let item = desk.projects[Int(p) - 1]
            return BoardTask(task: ProjectTask(id: id, projectId: p, position: Int(id), title: title, state: state, assignee: who,
                                               dueDate: today.adding(days: due), blocked: blocked != nil, blockedReason: blocked ?? "",
                                               checklistTotal: checks.1, checklistDone: checks.0,
                                               stateSince: ScreenHarness.fixedNow.addingTimeInterval(-3 * 86_400)),
                             projectCode: item.project.code, customerName: item.project.customerName)
        }
        desk.tasks = [
            task(1, 1, "Brief del cliente", .done, "ana", due: -4),
            task(2, 1, "Diseño de la landing", .inProgress, "ana", due: -1, checks: (1, 3)),
            task(3, 1, "Contenido", .todo, "luis", due: 0),
            task(4, 2, "Informe de palabras clave", .todo, "luis", due: 1),
            task(5, 2, "Optimizar fichas", .inProgress, "carla", due: 6),
            task(6, 3, "Piezas para Facebook", .todo, nil, due: 4, blocked: "Falta el logo del cliente"),
            task(7, 3, "Revisión de copys", .review, "carla", due: 2),
        ]
        desk.limits = [.inProgress: 2, .review: 3]
        desk.checks[2] = [TaskCheck(id: 21, taskId: 2, position: 1, text: "Boceto móvil", done: true),
                          TaskCheck(id: 22, taskId: 2, position: 2, text: "Boceto escritorio"),
                          TaskCheck(id: 23, taskId: 2, position: 3, text: "Paleta aprobada")]
        desk.milestoneRows[4] = [
            MilestoneRow(milestone: ProjectMilestone(id: 41, projectId: 4, position: 1, name: "Análisis", percent: 30,
                                                     amount: Money(minorUnits: 590_000, .pen), plannedDate: today.adding(days: -20),
                                                     state: .invoiced), deliverables: 2),
            MilestoneRow(milestone: ProjectMilestone(id: 42, projectId: 4, position: 2, name: "Desarrollo", percent: 30,
                                                     amount: Money(minorUnits: 590_000, .pen), plannedDate: today.adding(days: 25)),
                         deliverables: 0),
        ]
        desk.documentRows[4] = [ProjectDocumentRow(kind: "Cotización", number: "COT-2026-00042", date: today.adding(days: -40),
                                                   amount: Money(minorUnits: 1_966_667, .pen), status: "Aceptada"),
                                ProjectDocumentRow(kind: "Factura", number: "F001-123", date: today.adding(days: -30),
                                                   amount: Money(minorUnits: 590_000, .pen), status: "Vencida")]
        desk.historyRows[4] = [ProjectHistoryRow(at: ScreenHarness.fixedNow.addingTimeInterval(-86_400), user: "operaciones",
                                                 action: "crear", detail: "Desde la cotización COT-2026-00042")]
        return desk
    }
}
