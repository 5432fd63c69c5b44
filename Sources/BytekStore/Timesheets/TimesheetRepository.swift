import BytekModel
import Foundation

/// Hours logged by staff (`timesheet_entry`), their weeks and the pinned rows of the grid. Every change is
/// one transaction with its audit entry; the rules that need the stored rows (a locked week, 24 h per
/// person and day, the project active, the task of the project) are checked inside that transaction.
public struct TimesheetRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let entryEntity = "horas"
    public static let weekEntity = "semana_horas"
    public static let rateEntity = "tarifa_costo"
    public static let maxNote = 500

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var stamp: String { ISOTimestamp.format(now()) }

    // MARK: reading

    public func project(_ id: Int64) throws -> TimesheetProjectRef? {
        try db.queryOne("""
            SELECT p.id, p.code, p.name, p.status, p.manager, c.legal_name FROM project p
            JOIN customer c ON c.id = p.customer_id WHERE p.id = ?
            """, [.int(id)]).map(Self.projectRef)
    }

    public func project(code: String) throws -> TimesheetProjectRef? {
        try db.queryOne("""
            SELECT p.id, p.code, p.name, p.status, p.manager, c.legal_name FROM project p
            JOIN customer c ON c.id = p.customer_id WHERE p.code = ? COLLATE NOCASE
            """, [.text(code.trimmingCharacters(in: .whitespaces))]).map(Self.projectRef)
    }

    public func task(_ id: Int64) throws -> TimesheetTaskRef? {
        try db.queryOne("SELECT * FROM project_task WHERE id = ?", [.int(id)]).map { r in
            TimesheetTaskRef(id: r.int("id"), projectId: r.int("project_id"), milestoneId: r["milestone_id"].intValue,
                             title: r.string("title"), role: r.string("role"), state: r.string("state"),
                             assignee: r.optionalString("assignee"))
        }
    }

    /// What `login` may log on: active projects and their open tasks (only the tasks assigned to them when
    /// `assignedOnly`), in project code then task order.
    public func targets(login: String, assignedOnly: Bool = false) throws -> [TimesheetTarget] {
        var result: [TimesheetTarget] = []
        let projects = try db.query("""
            SELECT p.id, p.code, p.name, c.legal_name FROM project p JOIN customer c ON c.id = p.customer_id
            WHERE p.status = 'activo' ORDER BY p.code
            """)
        var tasks: [Int64: [Row]] = [:]
        for r in try db.query("""
            SELECT t.id, t.project_id, t.milestone_id, t.title FROM project_task t JOIN project p ON p.id = t.project_id
            WHERE p.status = 'activo' AND t.state IN ('por_hacer','en_curso','revision')
              AND (? = 0 OR t.assignee = ?) ORDER BY t.project_id, t.position, t.id
            """, [.int(assignedOnly ? 1 : 0), .text(login)]) {
            tasks[r.int("project_id"), default: []].append(r)
        }
        for p in projects {
            let id = p.int("id")
            let own = tasks[id] ?? []
            if assignedOnly && own.isEmpty { continue }
            let base = TimesheetTarget(key: TimesheetRowKey(projectId: id), projectCode: p.string("code"),
                                       projectName: p.string("name"), customerName: p.string("legal_name"), taskTitle: "")
            if !assignedOnly { result.append(base) }
            for t in own {
                var target = base
                target.key = TimesheetRowKey(projectId: id, taskId: t.int("id"), milestoneId: t["milestone_id"].intValue)
                target.taskTitle = t.string("title")
                result.append(target)
            }
        }
        return result
    }

    public func entry(_ id: Int64) throws -> TimesheetEntry? {
        try db.queryOne("SELECT * FROM timesheet_entry WHERE id = ?", [.int(id)]).flatMap(Self.entry)
    }

    /// A person's entries of the week starting `week` (its Monday), by day then id.
    public func entries(login: String, week: LocalDate) throws -> [TimesheetEntry] {
        try db.query("SELECT * FROM timesheet_entry WHERE login = ? AND week = ? ORDER BY day, id",
                     [.text(login), .text(week.description)]).compactMap(Self.entry)
    }

    public func entries(login: String, day: LocalDate) throws -> [TimesheetEntry] {
        try db.query("SELECT * FROM timesheet_entry WHERE login = ? AND day = ? ORDER BY id",
                     [.text(login), .text(day.description)]).compactMap(Self.entry)
    }

    public func weekState(login: String, week: LocalDate) throws -> TimesheetWeekState {
        let s = try db.queryOne("SELECT state FROM timesheet_week WHERE login = ? AND week = ?",
                                [.text(login), .text(week.description)])?.string("state")
        return s.flatMap(TimesheetWeekState.init(rawValue:)) ?? .open
    }

    /// The week as a grid: its entries and pinned rows, named by project code and task or milestone.
    public func grid(login: String, week: LocalDate) throws -> TimesheetGrid {
        try db.read {
            let entries = try entries(login: login, week: week)
            let pinned = try db.query("SELECT * FROM timesheet_row WHERE login = ? AND week = ?",
                                      [.text(login), .text(week.description)]).map(Self.rowKey)
            var names: [TimesheetRowKey: (code: String, label: String)] = [:]
            for key in Set(pinned + entries.map { TimesheetRowKey(projectId: $0.projectId, taskId: $0.taskId, milestoneId: $0.milestoneId) }) {
                names[key] = try describe(key)
            }
            return TimesheetGrid.build(login: login, week: week, state: try weekState(login: login, week: week),
                                       entries: entries, pinned: pinned, describe: { names[$0] ?? ("?", "") })
        }
    }

    func describe(_ key: TimesheetRowKey) throws -> (code: String, label: String) {
        let code = try project(key.projectId)?.code ?? "#\(key.projectId)"
        if let t = key.taskId { return (code, try task(t)?.title ?? "tarea \(t)") }
        if let m = key.milestoneId {
            return (code, try db.queryOne("SELECT name FROM project_milestone WHERE id = ?", [.int(m)])?.string("name") ?? "hito \(m)")
        }
        return (code, "")
    }

    /// Minutes `login` logged on `day`, leaving out the entries `excluding`.
    func minutes(login: String, day: LocalDate, excluding: [Int64] = []) throws -> Int {
        let rows = try db.query("SELECT id, minutes FROM timesheet_entry WHERE login = ? AND day = ?",
                                [.text(login), .text(day.description)])
        return rows.filter { !excluding.contains($0.int("id")) }.reduce(0) { $0 + Int($1.int("minutes")) }
    }

    // MARK: writing entries

    /// Resolves what an entry is logged against: the project active, the task open and of the project (its
    /// milestone taken from it), the role from the task (or the project's only role), billable when the
    /// project sells that role by the hour (a bill rate above zero).
    public func resolve(_ key: TimesheetRowKey) throws -> (key: TimesheetRowKey, role: String, billable: Bool, project: TimesheetProjectRef) {
        guard let p = try project(key.projectId) else { throw TimesheetError.projectNotFound(String(key.projectId)) }
        guard p.status == "activo" else { throw TimesheetError.projectClosed(code: p.code, status: p.status) }
        var resolved = key
        var role = ""
        if let t = key.taskId {
            guard let task = try task(t), task.projectId == p.id, task.state != "cancelada" else {
                throw TimesheetError.taskNotFound(String(t))
            }
            resolved.milestoneId = task.milestoneId
            role = task.role
        } else if let m = key.milestoneId {
            guard try db.queryOne("SELECT 1 FROM project_milestone WHERE id = ? AND project_id = ?", [.int(m), .int(p.id)]) != nil else {
                throw TimesheetError.milestoneNotFound(String(m))
            }
        }
        let roles = try db.query("SELECT role, bill_rate_cents FROM project_role WHERE project_id = ?", [.int(p.id)])
        if role.isEmpty, roles.count == 1 { role = roles[0].string("role") }
        let billable = roles.contains { $0.string("role") == role && $0.int("bill_rate_cents") > 0 }
        return (resolved, role, billable, p)
    }

    /// Refuses a change to hours of an approved week.
    func ensureOpen(login: String, day: LocalDate) throws {
        let week = TimesheetEntry.week(of: day)
        if try weekState(login: login, week: week) == .approved { throw TimesheetError.weekLocked(week: week) }
    }

    func ensureDayLimit(login: String, day: LocalDate, adding: Int, excluding: [Int64] = []) throws {
        let logged = try minutes(login: login, day: day, excluding: excluding)
        if logged + adding > TimesheetDuration.maxMinutes {
            throw TimesheetError.dayOverLimit(day: day, logged: logged, adding: adding)
        }
    }

    static func checkNote(_ note: String) throws -> String {
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard n.count <= maxNote else { throw TimesheetError.noteTooLong(max: maxNote) }
        return n
    }

    /// Logs `minutes` for `login` on `day` (already checked: 1…1440, not a future day).
    @discardableResult
    public func log(login: String, day: LocalDate, key: TimesheetRowKey, minutes: Int, note: String) throws -> TimesheetEntry {
        let note = try Self.checkNote(note)
        return try db.write { try insert(login: login, day: day, key: key, minutes: minutes, note: note, summaryPrefix: "") }
    }

    func insert(login: String, day: LocalDate, key: TimesheetRowKey, minutes: Int, note: String,
                summaryPrefix: String) throws -> TimesheetEntry {
        let r = try resolve(key)
        try ensureOpen(login: login, day: day)
        try ensureDayLimit(login: login, day: day, adding: minutes)
        let at = stamp
        try db.execute("""
            INSERT INTO timesheet_entry(login, day, week, project_id, task_id, milestone_id, minutes, note, billable, role,
                                        created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(login), .text(day.description), .text(TimesheetEntry.week(of: day).description), .int(r.key.projectId),
                  r.key.taskId.map { .int($0) } ?? .null, r.key.milestoneId.map { .int($0) } ?? .null, .int(Int64(minutes)),
                  .text(note), .int(r.billable ? 1 : 0), .text(r.role), .text(at), .text(at)])
        let entry = TimesheetEntry(id: db.lastInsertRowID, login: login, day: day, projectId: r.key.projectId,
                                   taskId: r.key.taskId, milestoneId: r.key.milestoneId, minutes: minutes, note: note,
                                   billable: r.billable, role: r.role)
        try audit.append(entity: Self.entryEntity, entityId: entry.id, action: .create,
                         summary: summaryPrefix + "\(login): \(TimesheetDuration.text(minutes)) el \(day) en \(r.project.code)",
                         after: TimesheetEntryAudit(entry))
        return entry
    }

    /// Changes the minutes and note of one of `login`'s entries while its week is not approved.
    @discardableResult
    public func update(id: Int64, login: String, minutes: Int, note: String) throws -> TimesheetEntry {
        let note = try Self.checkNote(note)
        return try db.write {
            guard let before = try entry(id), before.login == login else { throw TimesheetError.entryNotFound(id) }
            try ensureOpen(login: login, day: before.day)
            try ensureDayLimit(login: login, day: before.day, adding: minutes, excluding: [id])
            try db.execute("UPDATE timesheet_entry SET minutes = ?, note = ?, updated_at = ? WHERE id = ?",
                           [.int(Int64(minutes)), .text(note), .text(stamp), .int(id)])
            var after = before
            after.minutes = minutes; after.note = note
            try audit.append(entity: Self.entryEntity, entityId: id, action: .update,
                             summary: "\(login): \(TimesheetDuration.text(before.minutes)) → \(TimesheetDuration.text(minutes)) el \(before.day)",
                             before: TimesheetEntryAudit(before), after: TimesheetEntryAudit(after))
            return after
        }
    }

    /// Deletes one of `login`'s entries while its week is not approved.
    @discardableResult
    public func delete(id: Int64, login: String) throws -> TimesheetEntry {
        try db.write {
            guard let before = try entry(id), before.login == login else { throw TimesheetError.entryNotFound(id) }
            try ensureOpen(login: login, day: before.day)
            try db.execute("DELETE FROM timesheet_entry WHERE id = ?", [.int(id)])
            try audit.append(entity: Self.entryEntity, entityId: id, action: .delete,
                             summary: "\(login): borradas \(TimesheetDuration.text(before.minutes)) del \(before.day)",
                             before: TimesheetEntryAudit(before))
            return before
        }
    }

    /// Sets a cell of the grid (a row on a day) to `minutes`: its entries are replaced by one entry of that
    /// duration (keeping the first one's note); 0 clears the cell. One transaction.
    public func setCell(login: String, key: TimesheetRowKey, day: LocalDate, minutes: Int) throws {
        try db.write {
            let r = try resolve(key)
            try ensureOpen(login: login, day: day)
            let cell = try entries(login: login, day: day).filter {
                $0.projectId == r.key.projectId && $0.taskId == r.key.taskId && ($0.taskId != nil || $0.milestoneId == r.key.milestoneId)
            }
            if cell.count == 1, minutes > 0 {
                _ = try update(id: cell[0].id, login: login, minutes: minutes, note: cell[0].note)
                return
            }
            for e in cell { try delete(id: e.id, login: login) }
            if minutes > 0 {
                _ = try insert(login: login, day: day, key: r.key, minutes: minutes, note: cell.first?.note ?? "", summaryPrefix: "")
            } else {
                try pin(login: login, week: TimesheetEntry.week(of: day), key: r.key, audited: false)
            }
        }
    }

    // MARK: rows

    /// Pins a row to a week of the grid (idempotent); returns whether it was new.
    @discardableResult
    public func pinRow(login: String, week: LocalDate, key: TimesheetRowKey) throws -> Bool {
        try db.write {
            let r = try resolve(key)
            try ensureOpen(login: login, day: week)
            return try pin(login: login, week: week, key: r.key, audited: true)
        }
    }

    @discardableResult
    func pin(login: String, week: LocalDate, key: TimesheetRowKey, audited: Bool) throws -> Bool {
        try db.execute("""
            INSERT INTO timesheet_row(login, week, project_id, task_id, milestone_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """, [.text(login), .text(week.description), .int(key.projectId), key.taskId.map { .int($0) } ?? .null,
                  key.milestoneId.map { .int($0) } ?? .null, .text(stamp)])
        let added = db.changes > 0
        if added && audited {
            try audit.append(entity: Self.weekEntity, entityId: Self.weekId(week), action: .update,
                             summary: "\(login): fila agregada a la semana \(TimesheetGrid.weekName(week)) (\(try describe(key).code))")
        }
        return added
    }

    /// Copies the ROWS of the week before `week` (its pinned rows and the rows it logged hours on) to
    /// `week`, without hours; rows of projects no longer active, or tasks closed, are left out. Returns how
    /// many rows were added.
    @discardableResult
    public func copyLastWeek(login: String, week: LocalDate) throws -> Int {
        try db.write {
            try ensureOpen(login: login, day: week)
            let last = try grid(login: login, week: week.adding(days: -7))
            var added = 0
            for row in last.rows {
                guard let r = try? resolve(row.key) else { continue }
                if let t = r.key.taskId, let task = try task(t), task.state == "hecho" { continue }
                if try pin(login: login, week: week, key: r.key, audited: false) { added += 1 }
            }
            try audit.append(entity: Self.weekEntity, entityId: Self.weekId(week), action: .update,
                             summary: "\(login): \(added) filas copiadas de la semana \(TimesheetGrid.weekName(week.adding(days: -7))) a la \(TimesheetGrid.weekName(week))")
            return added
        }
    }

    // MARK: weeks

    /// The audit log's id of a week: its Monday as 20261130.
    public static func weekId(_ week: LocalDate) -> Int64 { Int64(week.year * 10_000 + week.month * 100 + week.day) }

    /// Sends an open week with hours for approval.
    public func submit(login: String, week: LocalDate) throws {
        try db.write {
            let state = try weekState(login: login, week: week)
            guard state == .open else { throw TimesheetError.weekNotOpen(week: week, state: state) }
            let total = try entries(login: login, week: week).reduce(0) { $0 + $1.minutes }
            guard total > 0 else { throw TimesheetError.weekEmpty(week: week) }
            try db.execute("""
                INSERT INTO timesheet_week(login, week, state, submitted_at) VALUES (?, ?, 'enviada', ?)
                ON CONFLICT(login, week) DO UPDATE SET state = 'enviada', submitted_at = excluded.submitted_at,
                    approved_by = NULL, approved_at = NULL
                """, [.text(login), .text(week.description), .text(stamp)])
            try audit.append(entity: Self.weekEntity, entityId: Self.weekId(week), action: .update,
                             summary: "\(login): semana \(TimesheetGrid.weekName(week)) enviada (\(TimesheetDuration.text(total)))")
        }
    }

    /// Approves a sent week: state aprobada and each entry's cost rate FROZEN from the rate in force on its
    /// day (0 when the person has none). `onlyManagedBy`: a manager approving must manage every project
    /// of the week.
    public func approve(login: String, week: LocalDate, onlyManagedBy manager: String?) throws {
        try db.write {
            let state = try weekState(login: login, week: week)
            guard state == .submitted else { throw TimesheetError.weekNotSubmitted(week: week, state: state) }
            let entries = try entries(login: login, week: week)
            if let manager {
                var others = Set<String>()
                for pid in Set(entries.map(\.projectId)) {
                    if let p = try project(pid), p.manager != manager { others.insert(p.code) }
                }
                guard others.isEmpty else { throw TimesheetError.notManager(projects: others.sorted()) }
            }
            let rates = try CostRateStore(db: db).rates(login: login)
            var missing = false
            for e in entries {
                let rate = CostRate.inForce(on: e.day, rates)
                if rate == nil { missing = true }
                try db.execute("UPDATE timesheet_entry SET cost_rate_cents = ? WHERE id = ?",
                               [.int(rate?.rate.minorUnits ?? 0), .int(e.id)])
            }
            try db.execute("UPDATE timesheet_week SET state = 'aprobada', approved_by = ?, approved_at = ? WHERE login = ? AND week = ?",
                           [.text(user), .text(stamp), .text(login), .text(week.description)])
            try audit.append(entity: Self.weekEntity, entityId: Self.weekId(week), action: .update,
                             summary: "\(login): semana \(TimesheetGrid.weekName(week)) aprobada (\(entries.count) registros"
                                + (missing ? "; sin tarifa de costo en algún día: costo 0)" : ")"))
        }
    }

    /// Reopens an approved week (admin): open again, its frozen rates cleared.
    public func reopen(login: String, week: LocalDate) throws {
        try db.write {
            guard try weekState(login: login, week: week) == .approved else { throw TimesheetError.weekNotApproved(week: week) }
            try db.execute("UPDATE timesheet_entry SET cost_rate_cents = NULL WHERE login = ? AND week = ?",
                           [.text(login), .text(week.description)])
            try db.execute("UPDATE timesheet_week SET state = 'abierta', submitted_at = NULL, approved_by = NULL, approved_at = NULL WHERE login = ? AND week = ?",
                           [.text(login), .text(week.description)])
            try audit.append(entity: Self.weekEntity, entityId: Self.weekId(week), action: .update,
                             summary: "\(login): semana \(TimesheetGrid.weekName(week)) reabierta")
        }
    }

    /// Weeks sent and waiting for approval (those whose every project `manager` runs, when given), oldest first.
    public func pendingWeeks(manager: String?) throws -> [TimesheetPendingWeek] {
        var result: [TimesheetPendingWeek] = []
        for w in try db.query("SELECT * FROM timesheet_week WHERE state = 'enviada' ORDER BY week, login") {
            guard let week = LocalDate(w.string("week")) else { continue }
            let login = w.string("login")
            let rows = try db.query("""
                SELECT p.code, p.manager, sum(e.minutes) AS m FROM timesheet_entry e JOIN project p ON p.id = e.project_id
                WHERE e.login = ? AND e.week = ? GROUP BY p.id ORDER BY p.code
                """, [.text(login), .text(week.description)])
            if let manager, rows.contains(where: { $0.string("manager") != manager }) { continue }
            result.append(TimesheetPendingWeek(login: login, week: week, minutes: rows.reduce(0) { $0 + Int($1.int("m")) },
                                               projectCodes: rows.map { $0.string("code") }, submittedAt: w.string("submitted_at")))
        }
        return result
    }

    // MARK: rows → values

    static func projectRef(_ r: Row) -> TimesheetProjectRef {
        TimesheetProjectRef(id: r.int("id"), code: r.string("code"), name: r.string("name"), status: r.string("status"),
                            manager: r.string("manager"), customerName: r.string("legal_name"))
    }

    static func rowKey(_ r: Row) -> TimesheetRowKey {
        TimesheetRowKey(projectId: r.int("project_id"), taskId: r["task_id"].intValue, milestoneId: r["milestone_id"].intValue)
    }

    static func entry(_ r: Row) -> TimesheetEntry? {
        guard let day = LocalDate(r.string("day")) else { return nil }
        return TimesheetEntry(id: r.int("id"), login: r.string("login"), day: day, projectId: r.int("project_id"),
                              taskId: r["task_id"].intValue, milestoneId: r["milestone_id"].intValue,
                              minutes: Int(r.int("minutes")), note: r.string("note"), billable: r.bool("billable"),
                              role: r.string("role"), costRate: r["cost_rate_cents"].intValue.map { Money(minorUnits: $0, .pen) })
    }
}
