import BytekModel
import Foundation

/// The project list (keyset pages) and the boards (one query per open/reload; filtered in memory).
extension ProjectRepository {
    /// The working days lateness is judged by, from the holiday table.
    public func horizon(today: LocalDate) throws -> CardLateness.Horizon {
        let calendar = try holidayTable.calendar(years: today.year...(today.year + 1))
        return try CardLateness.Horizon(today: today, calendar: calendar)
    }

    /// The project list in promised-date order (then id), with progress and a health without the gate
    /// (the service adds the gate's). Lateness counts cards past due and due within a working day.
    public func pager(_ query: ProjectQuery = ProjectQuery(), today: LocalDate) throws -> KeysetPager<ProjectSummary> {
        let h = try horizon(today: today)
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let s = query.status { conditions.append("project.status = ?"); args.append(.text(s.rawValue)) }
        else if !query.includeArchived { conditions.append("project.status <> 'archivado'") }
        if let u = query.unit { conditions.append("project.unit = ?"); args.append(.text(u.rawValue)) }
        if let c = query.customerId { conditions.append("project.customer_id = ?"); args.append(.int(c)) }
        if let m = query.manager { conditions.append("project.manager = ?"); args.append(.text(m)) }
        for word in query.text.split(separator: " ") where !word.isEmpty {
            conditions.append("(project.code LIKE ? OR project.name LIKE ? OR customer.legal_name LIKE ? OR customer.trade_name LIKE ?)")
            let like = SQLValue.text("%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%")
            args += [like, like, like, like]
        }
        let open = "project_task.project_id = project.id AND project_task.state NOT IN ('hecho','cancelada')"
        let columns = ["id", "code", "name", "unit", "kind", "customer_id", "quote_id", "contract_id", "template_id", "manager",
                       "status", "currency", "sold_cents", "exchange_rate", "start_date", "promised_date", "notes"].map { "project.\($0)" } + [
            "customer.legal_name AS customer_name",
            "(SELECT count(*) FROM project_task WHERE project_task.project_id = project.id AND project_task.state = 'hecho') AS done_n",
            "(SELECT count(*) FROM project_task WHERE project_task.project_id = project.id AND project_task.state <> 'cancelada') AS all_n",
            "(SELECT count(*) FROM project_task WHERE \(open) AND project_task.due_date < '\(h.today)') AS late_n",
            "(SELECT count(*) FROM project_task WHERE \(open) AND project_task.due_date <= '\(h.oneWorkingDay)') AS warn_n",
        ]
        return KeysetPager(db: db, from: "project JOIN customer ON customer.id = project.customer_id",
                           where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "), arguments: args,
                           columns: columns, order: [SortKey("project.promised_date"), SortKey("project.id")]) { row in
            let p = Self.project(row)
            var worst: CardLateness = row.int("late_n") > 0 ? .danger : row.int("warn_n") > 0 ? .warning : .onTime
            if worst == .onTime && p.promisedDate <= h.twoWorkingDays && row.int("done_n") < row.int("all_n") { worst = .warning }
            let health = ProjectHealth.of(status: p.status, promised: p.promisedDate, today: h.today, worstCard: worst, gateBlocked: false)
            return ProjectSummary(project: p, tasksDone: Int(row.int("done_n")), tasksTotal: Int(row.int("all_n")), health: health)
        }
    }

    /// A board: the team's (every card of the unit's active and paused projects) or one project's, with
    /// its WIP limits. Cards are read in one query; `filter` is applied in memory (as the TUI does per
    /// keystroke with `Board.filtered`).
    public func board(_ scope: BoardScope, filter: String = "", swimlanes: Swimlanes = .none, today: LocalDate) throws -> Board {
        let h = try horizon(today: today)
        let condition: String
        let arg: SQLValue
        switch scope {
        case .team(let unit):
            condition = "project.unit = ? AND project.status IN ('activo','pausado')"
            arg = .text(unit.rawValue)
        case .project(let id):
            condition = "project_task.project_id = ?"
            arg = .int(id)
        }
        var byState: [TaskState: [BoardCard]] = [:]
        for card in try cards(where: condition, [arg], horizon: h) { byState[card.state, default: []].append(card) }
        let limits = try wipLimits(scope)
        let board = Board(scope: scope, columns: TaskState.columns.map {
            BoardColumn(state: $0, cards: byState[$0] ?? [], wipLimit: limits[$0])
        }, swimlanes: swimlanes, today: h.today)
        return board.filtered(filter)
    }
}

extension ProjectRepository {
    /// The cards (not cancelled) matching `condition` over project_task, project and customer, due date
    /// first, with their lateness against `horizon`.
    func cards(where condition: String, _ args: [SQLValue], horizon h: CardLateness.Horizon) throws -> [BoardCard] {
        let nowDate = now()
        let dates = DateCache()
        var cards: [BoardCard] = []
        try db.forEach("""
            SELECT project_task.id, project_task.project_id, project_task.milestone_id, project_task.title, project_task.state,
                project_task.assignee, project_task.role, project_task.due_date, project_task.checklist_total,
                project_task.checklist_done, project_task.blocked, project_task.blocked_reason, project_task.state_since,
                project.code, project.name, project.promised_date,
                CASE WHEN customer.trade_name <> '' THEN customer.trade_name ELSE customer.legal_name END AS short_name
            FROM project_task JOIN project ON project.id = project_task.project_id
                JOIN customer ON customer.id = project.customer_id
            WHERE \(condition) AND project_task.state <> 'cancelada'
            ORDER BY project_task.due_date IS NULL, project_task.due_date, project_task.id
            """, args) { row in
            guard let state = TaskState(rawValue: row.string("state")) else { return }
            let due = dates.date(row["due_date"].stringValue)
            let promised = dates.date(row["promised_date"].stringValue) ?? h.today
            let since = ISOTimestamp.parse(row.string("state_since")) ?? nowDate
            cards.append(BoardCard(
                id: row.int("id"), projectId: row.int("project_id"), milestoneId: SalesColumns.optionalInt(row["milestone_id"]),
                title: row.string("title"), projectCode: row.string("code"), projectName: row.string("name"),
                customerShortName: row.string("short_name"), assignee: row["assignee"].stringValue, role: row.string("role"),
                state: state, due: due, promised: promised, checklistDone: Int(row.int("checklist_done")),
                checklistTotal: Int(row.int("checklist_total")), blocked: row.int("blocked") == 1,
                blockedReason: row.string("blocked_reason"),
                ageDays: max(0, Int(nowDate.timeIntervalSince(since) / 86_400)),
                lateness: CardLateness.of(state: state, due: due, promised: promised, horizon: h)))
        }
        return cards
    }

    /// The cards of active and paused projects that are late or about to be (`warning` or `danger`), for
    /// the daily job: past due, due by the next working day, or of a project promised within 2 working days.
    public func lateCards(today: LocalDate) throws -> [BoardCard] {
        let h = try horizon(today: today)
        return try cards(where: """
            project.status IN ('activo','pausado') AND project_task.state <> 'hecho'
            AND (project_task.due_date <= ? OR project.promised_date <= ?)
            """, [.text(h.oneWorkingDay.description), .text(h.twoWorkingDays.description)], horizon: h)
            .filter { $0.lateness != .onTime }
    }
}

/// Parses each distinct date text once (a board repeats few dates over thousands of cards).
final class DateCache {
    private var cache: [String: LocalDate] = [:]
    func date(_ text: String?) -> LocalDate? {
        guard let text else { return nil }
        if let d = cache[text] { return d }
        let d = LocalDate(text)
        if let d { cache[text] = d }
        return d
    }
}
