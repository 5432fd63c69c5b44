import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The Proyectos screens' calls, each one operation of `services.projects` (and the quote, invoice and audit
/// services for the project's documents and history) as the session's user.
@MainActor
final class ServicesProjectsDesk: ProjectsDesk {
    let services: Services
    let strings: Strings

    init(services: Services, strings: Strings) { self.services = services; self.strings = strings }

    var projects: ProjectService { services.projects }
    var today: LocalDate { projects.today }
    var now: Date { services.now() }

    func projectRows(search: String, format: @escaping (ProjectListItem) -> (cells: [String], role: StyleRole?)) throws -> any RowSource {
        let pager = try projects.list(ProjectQuery(text: search, includeArchived: true))
        return PagerRowSource(pager: pager, id: { $0.project.id }, format: format)
    }

    func item(projectId: Int64) throws -> ProjectListItem? {
        guard let p = try projects.get(projectId) else { return nil }
        let pager = try projects.list(ProjectQuery(text: p.code, includeArchived: true))
        return try pager.first(5).map(\.item).first { $0.project.id == projectId }
            ?? ProjectSummary(project: p, tasksDone: 0, tasksTotal: 0, health: .ok)
    }

    /// The customer whose DNI (8 digits) or RUC (11) the form holds.
    private func customerId(document: String) throws -> Int64? {
        try services.customers.find(docType: document.count == 8 ? .dni : .ruc, docNumber: document)?.id
    }

    /// The contracts recorded for a customer.
    private func contracts(of customerId: Int64) throws -> [Contract] {
        try services.contracts.list().filter { $0.customerId == customerId }
    }

    func createProject(_ input: NewProjectInput) throws -> Project {
        guard let customerId = try customerId(document: input.customerDocument) else {
            throw ProjectError.invalid(field: "cliente", reason: "no hay un cliente con el documento \(input.customerDocument)")
        }
        var templateId: Int64?
        if !input.template.isEmpty {
            guard let t = try projects.template(named: input.template) else { throw ProjectError.templateNotFound(input.template) }
            templateId = t.id
        }
        var contractId: Int64?
        if !input.contract.isEmpty {
            guard let c = try contracts(of: customerId).first(where: { $0.number == input.contract }) else {
                throw ProjectError.invalid(field: "contrato", reason: "el cliente no tiene el contrato \(input.contract)")
            }
            contractId = c.id
        }
        return try projects.create(Project(name: input.name, unit: input.unit, kind: input.kind, customerId: customerId,
                                           contractId: contractId, templateId: templateId, manager: input.manager, sold: input.sold,
                                           startDate: input.startDate, promisedDate: input.promisedDate))
    }

    func customerChoices(search: String) throws -> [PickerEntry] {
        try services.customers.pager(CustomerQuery(search: search)).first(40).compactMap { row in
            let c = row.item
            return c.id.map { PickerEntry(id: $0, title: c.legalName, detail: c.docType.shortName + " " + c.docNumber) }
        }
    }

    func templateChoices() throws -> [TemplateChoice] {
        try projects.templates().map { t in
            TemplateChoice(id: t.id, name: t.template.name, unit: t.template.unit, steps: t.template.steps.count,
                           workingDays: t.template.totalWorkingDays)
        }
    }

    func schedule(templateId: Int64, promised: LocalDate) throws -> TemplateSchedule {
        try projects.schedule(templateId: templateId, promised: promised)
    }

    func contractChoices(customerDocument: String) throws -> [PickerEntry] {
        guard let customerId = try customerId(document: customerDocument) else { return [] }
        return try contracts(of: customerId).map { c in
            PickerEntry(id: c.id ?? 0, title: c.number, detail: c.quoteNumber + " v\(c.quoteVersion) · " + c.unit.rawValue)
        }
    }

    func managerChoices() throws -> [(login: String, name: String)] { try projects.managers().map { ($0.login, $0.name) } }

    func archive(projectId: Int64, reason: String) throws { _ = try projects.archive(projectId, reason: reason) }

    func board(_ scope: BoardScope) throws -> BoardData {
        let board = try projects.board(scope)
        let now = services.now()
        var tasks: [BoardTask] = []
        var limits: [TaskState: Int] = [:]
        for column in board.columns {
            if let l = column.wipLimit { limits[column.state] = l }
            for c in column.cards {
                let task = ProjectTask(id: c.id, projectId: c.projectId, milestoneId: c.milestoneId, title: c.title, state: c.state,
                                       assignee: c.assignee, role: c.role, dueDate: c.due, blocked: c.blocked,
                                       blockedReason: c.blockedReason, checklistTotal: c.checklistTotal, checklistDone: c.checklistDone,
                                       stateSince: now.addingTimeInterval(-Double(c.ageDays) * 86_400))
                tasks.append(BoardTask(task: task, projectCode: c.projectCode, customerName: c.customerShortName, lateness: c.lateness))
            }
        }
        return BoardData(tasks: tasks, limits: limits)
    }

    func move(taskId: Int64, to state: TaskState, overrideReason: String?) throws -> ProjectTask {
        do {
            return try projects.moveTask(taskId, .to(state), override: overrideReason)
        } catch ProjectError.wipLimit(_, let column, let limit, _) where overrideReason == nil {
            throw WIPLimitRefusal(state: column, limit: limit)
        }
    }

    func setBlocked(taskId: Int64, blocked: Bool, reason: String) throws -> ProjectTask {
        blocked ? try projects.block(taskId, reason: reason) : try projects.unblock(taskId)
    }

    func checklist(taskId: Int64) throws -> [TaskCheck] { try projects.checks(taskId) }

    func toggleCheck(taskId: Int64, checkId: Int64) throws -> [TaskCheck] {
        _ = try projects.toggleCheck(checkId)
        return try projects.checks(taskId)
    }

    func milestones(projectId: Int64) throws -> [MilestoneRow] {
        let byMilestone = try projects.deliverableCounts(projectId)
        return try projects.milestones(projectId).map { MilestoneRow(milestone: $0, deliverables: byMilestone[$0.id] ?? 0) }
    }

    func documents(projectId: Int64) throws -> [ProjectDocumentRow] {
        guard let p = try projects.get(projectId) else { return [] }
        var rows: [ProjectDocumentRow] = []
        if let qid = p.quoteId, let q = try services.quotes.get(qid) {
            rows.append(ProjectDocumentRow(kind: strings["proj.doc.quote"], number: q.number + " v\(q.version)", date: p.startDate,
                                           amount: p.sold, status: "\(q.state)"))
        }
        if let cid = p.contractId {
            rows.append(ProjectDocumentRow(kind: strings["proj.doc.contract"], number: "#\(cid)", date: nil, amount: nil, status: ""))
        }
        for m in try projects.milestones(projectId) {
            guard let did = m.documentId, let d = try? services.invoices.document(id: did) else { continue }
            rows.append(ProjectDocumentRow(kind: strings["proj.doc.invoice"], number: d.id, date: d.issueDate, amount: m.amount, status: m.name))
        }
        return rows
    }

    func history(projectId: Int64) throws -> [ProjectHistoryRow] {
        let pager = try services.audit.pager(AuditFilter(entity: ProjectRepository.projectEntity, entityId: projectId))
        return try pager.first(200).map { ProjectHistoryRow(at: $0.item.at, user: $0.item.user, action: $0.item.action.rawValue, detail: $0.item.summary) }
    }

    /// Part E's timesheets are not there yet: nil says so on the Horas tab.
    func hours(projectId: Int64) throws -> [ProjectHoursRow]? {
        try services.timesheets.projectHours(projectId: projectId).map { ProjectHoursRow(login: $0.login, minutes: $0.minutes) }
    }

    func describe(_ error: Error) -> String {
        if let e = error as? ProjectError { return e.message }
        if case ProjectGateError.blocked(let block) = error { return block.message }
        return ErrorText(strings).describe(error)
    }
}
