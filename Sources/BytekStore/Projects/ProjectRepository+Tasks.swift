import BytekModel
import Foundation

/// Tasks (the cards of the boards), their checklists, moves with WIP limits and the blocked flag.
extension ProjectRepository {
    public static let maxChecklist = 100

    public func tasks(_ projectId: Int64) throws -> [ProjectTask] {
        try db.query("SELECT * FROM project_task WHERE project_id = ? ORDER BY position, id", [.int(projectId)]).map(Self.task)
    }

    public func task(_ id: Int64) throws -> ProjectTask? {
        try db.queryOne("SELECT * FROM project_task WHERE id = ?", [.int(id)]).map(Self.task)
    }

    public func checks(_ taskId: Int64) throws -> [TaskCheck] {
        try db.query("SELECT * FROM project_task_check WHERE task_id = ? ORDER BY position", [.int(taskId)]).map {
            TaskCheck(id: $0.int("id"), taskId: $0.int("task_id"), position: Int($0.int("position")),
                      text: $0.string("text"), done: $0.int("done") == 1)
        }
    }

    /// Adds a task (card) to a project, at the end of its list, in "por hacer" unless told otherwise,
    /// with its checklist. Title ≤ 200, assignee an active user, due date in range, milestone of the project.
    @discardableResult
    public func addTask(_ draft: ProjectTask, checklist: [String] = []) throws -> ProjectTask {
        try db.write {
            let t = try insertTask(draft, checklist: checklist)
            try audit.append(entity: Self.taskEntity, entityId: t.id, action: .create,
                             summary: "Tarea «\(t.title)» en \(try code(t.projectId))", after: AuditTask(t))
            return t
        }
    }

    /// Inserts a task with its checklist (inside the caller's transaction, no audit entry).
    func insertTask(_ draft: ProjectTask, checklist: [String]) throws -> ProjectTask {
        var t = draft
        guard let p = try get(t.projectId) else { throw ProjectError.notFound("el proyecto \(t.projectId)") }
        guard p.status != .archived else { throw ProjectError.archived(p.code) }
        t.title = try ProjectLimits.text(t.title, field: "título", max: ProjectLimits.maxName)
        t.role = try ProjectLimits.text(t.role, field: "rol", max: ProjectLimits.maxRole, required: false)
        if let a = t.assignee?.trimmingCharacters(in: .whitespaces), !a.isEmpty { try requireActive(a, manager: false); t.assignee = a }
        else { t.assignee = nil }
        if let d = t.dueDate { t.dueDate = try ProjectLimits.date(d, field: "vence") }
        if let m = t.milestoneId { try checkMilestone(m, of: t.projectId) }
        guard t.state != .cancelled else { throw ProjectError.invalid(field: "estado", reason: "una tarea nueva no puede estar cancelada") }
        let items = try checklist.map { try ProjectLimits.text($0, field: "ítem de la lista", max: ProjectLimits.maxName) }
        guard items.count <= Self.maxChecklist else { throw ProjectError.invalid(field: "lista", reason: "máximo \(Self.maxChecklist) ítems") }
        let position = Int(try db.scalar("SELECT ifnull(max(position), 0) + 1 FROM project_task WHERE project_id = ?",
                                         [.int(t.projectId)]).intValue ?? 1)
        t.position = position
        let at = stamp
        try db.execute("""
            INSERT INTO project_task(project_id, milestone_id, position, title, state, assignee, role, due_date, blocked,
                blocked_reason, checklist_total, checklist_done, state_since, created_at, done_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, 0, ?, ?, ?)
            """, [.int(t.projectId), SalesColumns.id(t.milestoneId), .int(Int64(position)), .text(t.title), .text(t.state.rawValue),
                  t.assignee.map { .text($0) } ?? .null, .text(t.role), SalesColumns.dateValue(t.dueDate),
                  .int(Int64(items.count)), .text(at), .text(at), t.state == .done ? .text(at) : .null])
        t.id = db.lastInsertRowID
        for (i, text) in items.enumerated() {
            try db.execute("INSERT INTO project_task_check(task_id, position, text) VALUES (?, ?, ?)",
                           [.int(t.id), .int(Int64(i + 1)), .text(text)])
        }
        return try task(t.id) ?? t
    }

    func checkMilestone(_ milestoneId: Int64, of projectId: Int64) throws {
        guard try db.queryOne("SELECT id FROM project_milestone WHERE id = ? AND project_id = ?",
                              [.int(milestoneId), .int(projectId)]) != nil else {
            throw ProjectError.invalid(field: "hito", reason: "no es un hito de este proyecto")
        }
    }

    func code(_ projectId: Int64) throws -> String {
        try db.scalar("SELECT code FROM project WHERE id = ?", [.int(projectId)]).stringValue ?? "#\(projectId)"
    }

    /// The task, its project open (not archived) — the common start of every task change.
    func openTask(_ id: Int64) throws -> ProjectTask {
        guard let t = try task(id) else { throw ProjectError.notFound("la tarea \(id)") }
        guard let status = try db.scalar("SELECT status FROM project WHERE id = ?", [.int(t.projectId)]).stringValue,
              status != ProjectStatus.archived.rawValue else { throw ProjectError.archived(try code(t.projectId)) }
        return t
    }

    /// Changes title, assignee, due date, role or milestone.
    @discardableResult
    public func editTask(_ id: Int64, _ changes: TaskChanges) throws -> ProjectTask {
        try db.write {
            let before = try openTask(id)
            var t = before
            if let title = changes.title { t.title = try ProjectLimits.text(title, field: "título", max: ProjectLimits.maxName) }
            if let role = changes.role { t.role = try ProjectLimits.text(role, field: "rol", max: ProjectLimits.maxRole, required: false) }
            if let a = changes.assignee {
                let login = a?.trimmingCharacters(in: .whitespaces) ?? ""
                if login.isEmpty { t.assignee = nil } else { try requireActive(login, manager: false); t.assignee = login }
            }
            if let d = changes.dueDate { t.dueDate = try d.map { d throws in try ProjectLimits.date(d, field: "vence") } }
            if let m = changes.milestoneId {
                if let m { try checkMilestone(m, of: t.projectId) }
                t.milestoneId = m
            }
            try db.execute("UPDATE project_task SET title = ?, role = ?, assignee = ?, due_date = ?, milestone_id = ? WHERE id = ?",
                           [.text(t.title), .text(t.role), t.assignee.map { .text($0) } ?? .null,
                            SalesColumns.dateValue(t.dueDate), SalesColumns.id(t.milestoneId), .int(id)])
            try audit.append(entity: Self.taskEntity, entityId: id, action: .update,
                             summary: "Tarea «\(t.title)» modificada", before: AuditTask(before), after: AuditTask(t))
            return t
        }
    }

    /// Adds an item at the end of a task's checklist (the task's counters kept in the same transaction).
    @discardableResult
    public func addCheck(_ taskId: Int64, text: String) throws -> TaskCheck {
        try db.write {
            let t = try openTask(taskId)
            let text = try ProjectLimits.text(text, field: "ítem de la lista", max: ProjectLimits.maxName)
            guard t.checklistTotal < Self.maxChecklist else {
                throw ProjectError.invalid(field: "lista", reason: "máximo \(Self.maxChecklist) ítems")
            }
            let position = Int(try db.scalar("SELECT ifnull(max(position), 0) + 1 FROM project_task_check WHERE task_id = ?",
                                             [.int(taskId)]).intValue ?? 1)
            try db.execute("INSERT INTO project_task_check(task_id, position, text) VALUES (?, ?, ?)",
                           [.int(taskId), .int(Int64(position)), .text(text)])
            let check = TaskCheck(id: db.lastInsertRowID, taskId: taskId, position: position, text: text)
            try recount(taskId)
            try audit.append(entity: Self.taskEntity, entityId: taskId, action: .update,
                             summary: "Tarea «\(t.title)»: ítem «\(text)» agregado")
            return check
        }
    }

    /// Checks or unchecks an item (the task's counters kept in the same transaction).
    @discardableResult
    public func toggleCheck(_ checkId: Int64) throws -> TaskCheck {
        try db.write {
            guard let row = try db.queryOne("SELECT * FROM project_task_check WHERE id = ?", [.int(checkId)]) else {
                throw ProjectError.notFound("el ítem \(checkId)")
            }
            let t = try openTask(row.int("task_id"))
            let done = row.int("done") == 0
            try db.execute("UPDATE project_task_check SET done = ? WHERE id = ?", [.int(done ? 1 : 0), .int(checkId)])
            try recount(t.id)
            try audit.append(entity: Self.taskEntity, entityId: t.id, action: .update,
                             summary: "Tarea «\(t.title)»: «\(row.string("text"))» \(done ? "hecho" : "pendiente")")
            return TaskCheck(id: checkId, taskId: t.id, position: Int(row.int("position")), text: row.string("text"), done: done)
        }
    }

    func recount(_ taskId: Int64) throws {
        try db.execute("""
            UPDATE project_task SET
                checklist_total = (SELECT count(*) FROM project_task_check WHERE task_id = ?1),
                checklist_done = (SELECT count(*) FROM project_task_check WHERE task_id = ?1 AND done = 1)
            WHERE id = ?1
            """, [.int(taskId)])
    }

    /// Moves a card one column right/left or to a named one. Refused when blocked or cancelled, and
    /// when the target column is at its WIP limit on the project's board or on its unit's team board,
    /// unless `override` gives a reason (audited). Moving to "en curso" asks `gate` first (the payment
    /// gate: it throws when the work is held). `state_since` is set on each move, `done_at` on "hecho".
    @discardableResult
    public func moveTask(_ id: Int64, _ move: TaskMove, override: String? = nil,
                         gate: (_ projectId: Int64, _ milestoneId: Int64?) throws -> Void = { _, _ in }) throws -> ProjectTask {
        try db.write {
            let before = try openTask(id)
            guard before.state != .cancelled else { throw ProjectError.taskCancelled }
            guard !before.blocked else { throw ProjectError.taskBlocked(reason: before.blockedReason) }
            guard let target = move.target(from: before.state), target != .cancelled else {
                throw ProjectError.invalid(field: "columna", reason: "la tarea ya está en «\(before.state.displayName)»")
            }
            guard target != before.state else { return before }
            if target == .inProgress { try gate(before.projectId, before.milestoneId) }
            let reason = try override.map { try ProjectLimits.text($0, field: "motivo para forzar el límite WIP", max: ProjectLimits.maxReason) }
            var forced: [String] = []
            for (board, count) in try columnCounts(projectId: before.projectId, state: target) {
                guard let limit = try wipLimit(board: board, state: target), count + 1 > limit else { continue }
                guard reason != nil else { throw ProjectError.wipLimit(board: board, column: target, limit: limit, count: count) }
                forced.append("\(board) \(count + 1)/\(limit)")
            }
            let at = stamp
            try db.execute("UPDATE project_task SET state = ?, state_since = ?, done_at = ? WHERE id = ?",
                           [.text(target.rawValue), .text(at), target == .done ? .text(at) : .null, .int(id)])
            var after = before
            after.state = target
            after.stateSince = ISOTimestamp.parse(at) ?? now()
            var summary = "Tarea «\(before.title)»: \(before.state.displayName) → \(target.displayName)"
            if let reason, !forced.isEmpty { summary += " (límite WIP forzado en \(forced.joined(separator: ", ")): \(reason))" }
            try audit.append(entity: Self.taskEntity, entityId: id, action: .update, summary: summary,
                             before: AuditTask(before), after: AuditTask(after))
            return after
        }
    }

    /// The cards in column `state` of the project's board and of its unit's team board.
    func columnCounts(projectId: Int64, state: TaskState) throws -> [(String, Int)] {
        guard let unit = try db.scalar("SELECT unit FROM project WHERE id = ?", [.int(projectId)]).stringValue else { return [] }
        let own = Int(try db.scalar("SELECT count(*) FROM project_task WHERE project_id = ? AND state = ?",
                                    [.int(projectId), .text(state.rawValue)]).intValue ?? 0)
        let team = Int(try db.scalar("""
            SELECT count(*) FROM project_task JOIN project ON project.id = project_task.project_id
            WHERE project_task.state = ? AND project.unit = ? AND project.status IN ('activo','pausado')
            """, [.text(state.rawValue), .text(unit)]).intValue ?? 0)
        return [(BoardScope.project(projectId).key, own), ("equipo:\(unit)", team)]
    }

    func wipLimit(board: String, state: TaskState) throws -> Int? {
        try db.scalar("SELECT wip_limit FROM board_wip_limit WHERE board = ? AND state = ?",
                      [.text(board), .text(state.rawValue)]).intValue.map(Int.init)
    }

    /// The WIP limits of a board, per column.
    public func wipLimits(_ scope: BoardScope) throws -> [TaskState: Int] {
        var limits: [TaskState: Int] = [:]
        for row in try db.query("SELECT state, wip_limit FROM board_wip_limit WHERE board = ?", [.text(scope.key)]) {
            if let s = TaskState(rawValue: row.string("state")) { limits[s] = Int(row.int("wip_limit")) }
        }
        return limits
    }

    /// Sets (1…9999) or removes (nil) the WIP limit of a column of a board.
    public func setWipLimit(_ scope: BoardScope, state: TaskState, limit: Int?) throws {
        guard TaskState.columns.contains(state) else { throw ProjectError.noColumn(state.rawValue) }
        if let limit, !(1...9999).contains(limit) {
            throw ProjectError.invalid(field: "límite WIP", reason: "entre 1 y 9999 (o vacío para quitarlo)")
        }
        if case .project(let id) = scope, try get(id) == nil { throw ProjectError.notFound("el proyecto \(id)") }
        try db.write {
            let before = try wipLimit(board: scope.key, state: state)
            if let limit {
                try db.execute("""
                    INSERT INTO board_wip_limit(board, state, wip_limit) VALUES (?, ?, ?)
                    ON CONFLICT(board, state) DO UPDATE SET wip_limit = excluded.wip_limit
                    """, [.text(scope.key), .text(state.rawValue), .int(Int64(limit))])
            } else {
                try db.execute("DELETE FROM board_wip_limit WHERE board = ? AND state = ?", [.text(scope.key), .text(state.rawValue)])
            }
            let projectId: Int64? = { if case .project(let id) = scope { return id } else { return nil } }()
            try audit.append(entity: Self.projectEntity, entityId: projectId, action: .update,
                             summary: "Límite WIP de «\(state.displayName)» en \(scope.key): "
                                + "\(before.map(String.init) ?? "sin límite") → \(limit.map(String.init) ?? "sin límite")")
        }
    }

    /// Marks a card blocked, with its reason (required).
    @discardableResult
    public func block(_ id: Int64, reason: String) throws -> ProjectTask {
        let reason = try ProjectLimits.text(reason, field: "motivo del bloqueo", max: ProjectLimits.maxReason)
        return try setBlocked(id, true, reason: reason)
    }

    @discardableResult
    public func unblock(_ id: Int64) throws -> ProjectTask { try setBlocked(id, false, reason: "") }

    func setBlocked(_ id: Int64, _ blocked: Bool, reason: String) throws -> ProjectTask {
        try db.write {
            let before = try openTask(id)
            try db.execute("UPDATE project_task SET blocked = ?, blocked_reason = ? WHERE id = ?",
                           [.int(blocked ? 1 : 0), .text(reason), .int(id)])
            var after = before
            after.blocked = blocked; after.blockedReason = reason
            try audit.append(entity: Self.taskEntity, entityId: id, action: .update,
                             summary: "Tarea «\(before.title)» " + (blocked ? "bloqueada: \(reason)" : "desbloqueada"),
                             before: AuditTask(before), after: AuditTask(after))
            return after
        }
    }

    /// Cancels a task (it leaves the boards; never deleted).
    @discardableResult
    public func cancelTask(_ id: Int64, reason: String = "") throws -> ProjectTask {
        try db.write {
            let before = try openTask(id)
            guard before.state != .cancelled else { throw ProjectError.taskCancelled }
            let at = stamp
            try db.execute("UPDATE project_task SET state = 'cancelada', state_since = ? WHERE id = ?", [.text(at), .int(id)])
            var after = before
            after.state = .cancelled
            let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            try audit.append(entity: Self.taskEntity, entityId: id, action: .update,
                             summary: "Tarea «\(before.title)» cancelada" + (why.isEmpty ? "" : ": \(why)"),
                             before: AuditTask(before), after: AuditTask(after))
            return after
        }
    }

    static func task(_ row: Row) -> ProjectTask {
        ProjectTask(id: row.int("id"), projectId: row.int("project_id"), milestoneId: SalesColumns.optionalInt(row["milestone_id"]),
                    position: Int(row.int("position")), title: row.string("title"),
                    state: TaskState(rawValue: row.string("state")) ?? .todo, assignee: row["assignee"].stringValue,
                    role: row.string("role"), dueDate: SalesColumns.date(row["due_date"]), blocked: row.int("blocked") == 1,
                    blockedReason: row.string("blocked_reason"), checklistTotal: Int(row.int("checklist_total")),
                    checklistDone: Int(row.int("checklist_done")),
                    stateSince: ISOTimestamp.parse(row.string("state_since")) ?? Date(timeIntervalSince1970: 0))
    }
}

/// A task as the audit log records it.
struct AuditTask: Encodable {
    var projectId: Int64, milestoneId: Int64?, title: String, state: String, assignee: String?, role: String
    var due: String?, blocked: Bool, blockedReason: String
    init(_ t: ProjectTask) {
        projectId = t.projectId; milestoneId = t.milestoneId; title = t.title; state = t.state.rawValue
        assignee = t.assignee; role = t.role; due = t.dueDate?.description; blocked = t.blocked; blockedReason = t.blockedReason
    }
}
