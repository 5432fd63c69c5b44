import BytekModel
import BytekStore
import Foundation

extension ProjectRepository: ActingRepository {}

/// Projects, tasks, boards and templates for an actor (issue 13 §1–2): permission first, then the
/// repository acting as the actor through its door. Moving a card to "en curso" asks the payment gate.
public struct ProjectService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: ProjectRepository { services.acting(ProjectRepository.self) }

    /// Today in Lima by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    // MARK: projects

    /// Creates a project by hand (code from the PRY-YYYY series), with its roles.
    @discardableResult
    public func create(_ project: Project, roles: [ProjectRoleHours] = []) throws -> Project {
        try actor.authorize(.projectCreate)
        return try repository.create(project, roles: roles)
    }

    public func get(_ id: Int64) throws -> Project? {
        try actor.authorize(.projectView)
        return try repository.get(id)
    }

    /// By code ("PRY-2026-00001").
    public func get(code: String) throws -> Project? {
        try actor.authorize(.projectView)
        return try repository.get(code: code)
    }

    /// The project list as a keyset pager (promised date, then id), archived hidden unless asked; health
    /// includes the payment gate, read once for the list (one query for every blocked project, not one per
    /// row; a failed read is thrown, never shown as "not blocked"). The fronts ask for the list again on each
    /// search and reload, so the gate is as fresh as the rows.
    public func list(_ query: ProjectQuery = ProjectQuery()) throws -> KeysetPager<ProjectSummary> {
        try actor.authorize(.projectView)
        let blocked = try services.projectGate.blocked()
        return try repository.pager(query, today: today).map { s in
            guard s.project.kind == .milestones, let block = blocked[s.project.id] else { return s }
            var s = s
            s.health = .blocked
            s.gateMessage = block.message
            return s
        }
    }

    /// The projects made from quote version `quoteId`.
    public func forQuote(_ quoteId: Int64) throws -> [Project] {
        try actor.authorize(.projectView)
        return try repository.forQuote(quoteId)
    }

    public func roles(_ projectId: Int64) throws -> [ProjectRoleHours] {
        try actor.authorize(.projectView)
        return try repository.roles(projectId)
    }

    public func milestones(_ projectId: Int64) throws -> [ProjectMilestone] {
        try actor.authorize(.projectView)
        return try repository.milestones(projectId)
    }

    public func milestone(_ id: Int64) throws -> ProjectMilestone? {
        try actor.authorize(.projectView)
        return try repository.milestone(id)
    }

    @discardableResult
    public func update(_ id: Int64, _ changes: ProjectChanges) throws -> Project {
        try actor.authorize(.projectEdit)
        return try repository.update(id, changes)
    }

    @discardableResult
    public func archive(_ id: Int64, reason: String = "") throws -> Project {
        try actor.authorize(.projectArchive)
        return try repository.archive(id, reason: reason)
    }

    // MARK: tasks

    public func tasks(_ projectId: Int64) throws -> [ProjectTask] {
        try actor.authorize(.projectView)
        return try repository.tasks(projectId)
    }

    public func task(_ id: Int64) throws -> ProjectTask? {
        try actor.authorize(.projectView)
        return try repository.task(id)
    }

    public func checks(_ taskId: Int64) throws -> [TaskCheck] {
        try actor.authorize(.projectView)
        return try repository.checks(taskId)
    }

    @discardableResult
    public func addTask(_ task: ProjectTask, checklist: [String] = []) throws -> ProjectTask {
        try actor.authorize(.taskEdit)
        return try repository.addTask(task, checklist: checklist)
    }

    @discardableResult
    public func editTask(_ id: Int64, _ changes: TaskChanges) throws -> ProjectTask {
        try actor.authorize(.taskEdit)
        return try repository.editTask(id, changes)
    }

    @discardableResult
    public func addCheck(_ taskId: Int64, text: String) throws -> TaskCheck {
        try actor.authorize(.taskEdit)
        return try repository.addCheck(taskId, text: text)
    }

    @discardableResult
    public func toggleCheck(_ checkId: Int64) throws -> TaskCheck {
        try actor.authorize(.taskEdit)
        return try repository.toggleCheck(checkId)
    }

    /// Moves a card (`>` / `<` / a named column). Over a WIP limit only with `override` (a reason, audited);
    /// to "en curso" only when the payment gate lets the work through (`ProjectGateError.blocked`).
    @discardableResult
    public func moveTask(_ id: Int64, _ move: TaskMove, override: String? = nil) throws -> ProjectTask {
        try actor.authorize(.taskMove)
        let gate = services.projectGate
        return try repository.moveTask(id, move, override: override) { projectId, milestoneId in
            try gate.check(projectId: projectId, milestoneId: milestoneId)
        }
    }

    @discardableResult
    public func block(_ id: Int64, reason: String) throws -> ProjectTask {
        try actor.authorize(.taskEdit)
        return try repository.block(id, reason: reason)
    }

    @discardableResult
    public func unblock(_ id: Int64) throws -> ProjectTask {
        try actor.authorize(.taskEdit)
        return try repository.unblock(id)
    }

    @discardableResult
    public func cancelTask(_ id: Int64, reason: String = "") throws -> ProjectTask {
        try actor.authorize(.taskEdit)
        return try repository.cancelTask(id, reason: reason)
    }

    // MARK: boards

    /// A board read once (the TUI keeps it and re-filters in memory with `Board.filtered`).
    public func board(_ scope: BoardScope, filter: String = "", swimlanes: Swimlanes = .none) throws -> Board {
        try actor.authorize(.projectView)
        return try repository.board(scope, filter: filter, swimlanes: swimlanes, today: today)
    }

    public func wipLimits(_ scope: BoardScope) throws -> [TaskState: Int] {
        try actor.authorize(.projectView)
        return try repository.wipLimits(scope)
    }

    /// Sets (nil: removes) a column's WIP limit on a board: operaciones and admin.
    public func setWipLimit(_ scope: BoardScope, state: TaskState, limit: Int?) throws {
        try actor.authorize(.boardWip)
        try repository.setWipLimit(scope, state: state, limit: limit)
    }

    // MARK: templates

    public func templates(includeInactive: Bool = false) throws -> [StoredTemplate] {
        try actor.authorize(.templateView)
        return try repository.templates(includeInactive: includeInactive)
    }

    public func template(_ id: Int64) throws -> StoredTemplate? {
        try actor.authorize(.templateView)
        return try repository.template(id)
    }

    public func template(named name: String) throws -> StoredTemplate? {
        try actor.authorize(.templateView)
        return try repository.template(named: name)
    }

    /// The due dates template `id` would give a project promised on `promised` (counted back over the
    /// holiday table), before the project is made.
    public func schedule(templateId id: Int64, promised: LocalDate) throws -> TemplateSchedule {
        try actor.authorize(.templateView)
        guard let t = try repository.template(id) else { throw ProjectError.templateNotFound("#\(id)") }
        return try repository.schedule(t.template, promised: promised)
    }

    /// The active users a new project may be managed by (the form's picker), by login.
    public func managers() throws -> [User] {
        try actor.authorize(.projectCreate)
        return try services.acting(UserRepository.self).list().filter(\.active)
    }

    @discardableResult
    public func saveTemplate(_ template: ProjectTemplate, id: Int64? = nil) throws -> StoredTemplate {
        try actor.authorize(.templateEdit)
        return try repository.saveTemplate(template, id: id)
    }

    @discardableResult
    public func setTemplateActive(_ id: Int64, _ active: Bool) throws -> StoredTemplate {
        try actor.authorize(.templateEdit)
        return try repository.setTemplateActive(id, active)
    }
}

extension Services {
    public var projects: ProjectService { ProjectService(services: self) }
}
