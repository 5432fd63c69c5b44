import BytekModel
import Foundation

/// What the payment gate reads and writes: a project's milestones and the open receivables of their
/// invoices, the overdue milestone invoices of every project in one query (the lock of the lists), and the
/// lifts (`project_gate_lift`), each written in one transaction with its audit entry.
public struct GateRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The audit log's entity of a lift (and of its end).
    public static let auditEntity = "desbloqueo_proyecto"
    public static let maxReason = 500

    /// A project as the gate names it.
    public struct ProjectHeader: Sendable, Hashable {
        public var id: Int64
        public var code: String
        public var name: String
        public var manager: String
        public var status: String
    }

    public func project(_ id: Int64) throws -> ProjectHeader? {
        try db.queryOne("SELECT id, code, name, manager, status FROM project WHERE id = ?", [.int(id)]).map {
            ProjectHeader(id: $0.int("id"), code: $0.string("code"), name: $0.string("name"), manager: $0.string("manager"),
                          status: $0.string("status"))
        }
    }

    /// The project whose code is `code` ("PRY-0007") or whose id is the number typed.
    public func project(code: String) throws -> ProjectHeader? {
        let t = code.trimmingCharacters(in: .whitespaces)
        if let row = try db.queryOne("SELECT id FROM project WHERE code = ? COLLATE NOCASE", [.text(t)]) {
            return try project(row.int("id"))
        }
        if let id = Int64(t) { return try project(id) }
        return nil
    }

    /// The project's milestones, by position.
    public func milestones(projectId: Int64) throws -> [PaymentGate.Milestone] {
        try db.query("SELECT id, position, name, document_id FROM project_milestone WHERE project_id = ? ORDER BY position",
                     [.int(projectId)]).map {
            PaymentGate.Milestone(id: $0.int("id"), position: Int($0.int("position")), name: $0.string("name"),
                                  documentId: $0["document_id"].intValue)
        }
    }

    /// The open (not cancelled) receivables of the milestone invoices of `projectId`.
    public func openReceivables(projectId: Int64) throws -> [Receivable] {
        try db.query("""
            SELECT \(ReceivableRepository.selectColumns) FROM project_milestone m
            JOIN receivable r ON r.document_id = m.document_id
            WHERE m.project_id = ? AND m.document_id IS NOT NULL AND r.is_open = 1 AND r.cancelled = 0
            ORDER BY r.due_date, r.id
            """, [.int(projectId)]).map(ReceivableRepository.decode)
    }

    /// The lift in force on `today` (not ended, `until` not passed), the latest if several.
    public func activeLift(projectId: Int64, today: LocalDate) throws -> GateLift? {
        try db.queryOne("""
            SELECT * FROM project_gate_lift WHERE project_id = ? AND until_date >= ? AND revoked_at IS NULL
            ORDER BY id DESC LIMIT 1
            """, [.int(projectId), .text(today.description)]).map(Self.decodeLift)
    }

    /// Every lift of a project, newest first.
    public func lifts(projectId: Int64) throws -> [GateLift] {
        try db.query("SELECT * FROM project_gate_lift WHERE project_id = ? ORDER BY id DESC", [.int(projectId)]).map(Self.decodeLift)
    }

    /// One overdue receivable of a milestone invoice, with what the rule needs of its project.
    public struct OverdueRow: Sendable {
        public var projectId: Int64
        public var milestone: PaymentGate.Milestone
        /// The last milestone position of the project (a block with nothing after it holds nothing).
        public var lastPosition: Int
        /// The latest lift of the project in force on the day asked.
        public var liftedUntil: LocalDate?
        public var receivable: Receivable
    }

    /// The open receivables of milestone invoices due before `dueBefore` (today − grace days) of active or
    /// paused projects: ONE query walking the open receivables' due-date index and each one's milestone by
    /// the document index, with the project's last position and its lift as indexed subqueries.
    public func overdueMilestoneReceivables(dueBefore: LocalDate, today: LocalDate) throws -> [OverdueRow] {
        var rows: [OverdueRow] = []
        try db.forEach("""
            SELECT \(ReceivableRepository.selectColumns), m.project_id AS m_project, m.id AS m_id, m.position AS m_position,
                   m.name AS m_name,
                   (SELECT max(position) FROM project_milestone l WHERE l.project_id = m.project_id) AS last_position,
                   (SELECT max(until_date) FROM project_gate_lift g
                     WHERE g.project_id = m.project_id AND g.revoked_at IS NULL AND g.until_date >= ?) AS lifted_until
            FROM receivable r
            JOIN project_milestone m ON m.document_id = r.document_id
            JOIN project p ON p.id = m.project_id
            WHERE r.is_open = 1 AND r.due_date < ? AND r.cancelled = 0 AND p.status IN ('activo', 'pausado')
            ORDER BY m.project_id, m.position, r.due_date, r.id
            """, [.text(today.description), .text(dueBefore.description)]) { row in
            rows.append(OverdueRow(
                projectId: row.int("m_project"),
                milestone: PaymentGate.Milestone(id: row.int("m_id"), position: Int(row.int("m_position")),
                                                 name: row.string("m_name"), documentId: row.int("document_id")),
                lastPosition: Int(row.int("last_position")),
                liftedUntil: row.optionalString("lifted_until").flatMap(LocalDate.init),
                receivable: ReceivableRepository.decode(row)))
        }
        return rows
    }

    /// Records a lift until `until` with `reason` (the caller checked the dates); a lift in force is ended
    /// by it. One transaction with its audit entry.
    @discardableResult
    public func lift(projectId: Int64, reason: String, until: LocalDate, today: LocalDate) throws -> GateLift {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw GateLiftError.reasonRequired }
        guard reason.count <= Self.maxReason else { throw GateLiftError.reasonTooLong(max: Self.maxReason) }
        return try db.write {
            guard let p = try project(projectId) else { throw GateLiftError.projectNotFound(projectId) }
            let at = ISOTimestamp.format(now())
            let before = try activeLift(projectId: projectId, today: today)
            if let before {
                try db.execute("UPDATE project_gate_lift SET revoked_at = ? WHERE id = ?", [.text(at), .int(before.id)])
            }
            try db.execute("""
                INSERT INTO project_gate_lift(project_id, reason, until_date, lifted_by, lifted_at) VALUES (?, ?, ?, ?, ?)
                """, [.int(projectId), .text(reason), .text(until.description), .text(user), .text(at)])
            let lift = GateLift(id: db.lastInsertRowID, projectId: projectId, reason: reason, until: until,
                                liftedBy: user, liftedAt: at)
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: projectId, action: before == nil ? .create : .update,
                summary: "Bloqueo por pago levantado en \(p.code) hasta \(until): \(reason)", before: before, after: lift)
            return lift
        }
    }

    /// Ends the lift in force (the gate closes again at once if the invoice is still overdue).
    @discardableResult
    public func endLift(projectId: Int64, today: LocalDate) throws -> GateLift {
        try db.write {
            guard let p = try project(projectId) else { throw GateLiftError.projectNotFound(projectId) }
            guard let before = try activeLift(projectId: projectId, today: today) else {
                throw GateLiftError.noActiveLift(projectId)
            }
            let at = ISOTimestamp.format(now())
            try db.execute("UPDATE project_gate_lift SET revoked_at = ? WHERE id = ?", [.text(at), .int(before.id)])
            var after = before
            after.revokedAt = at
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: projectId, action: .update,
                summary: "Levantamiento del bloqueo por pago terminado en \(p.code)", before: before, after: after)
            return after
        }
    }

    /// One milestone of an active or paused project for the alarms.
    public struct AlarmMilestone: Sendable, Hashable {
        public var project: ProjectAlarms.ProjectRef
        public var position: Int
        public var name: String
        public var plannedDate: LocalDate
        public var state: MilestoneState
        public var readySince: LocalDate?
    }

    /// Milestones not yet approved or invoiced planned from `from` to `to` (the state and date index).
    public func milestonesPlanned(from: LocalDate, to: LocalDate) throws -> [AlarmMilestone] {
        try alarmMilestones("m.state IN ('pendiente','en_curso','listo','cambios') AND m.planned_date BETWEEN ? AND ?",
                            [.text(from.description), .text(to.description)])
    }

    /// Milestones waiting for the customer's approval (state `listo`) since before `before`.
    public func milestonesReady(before: LocalDate) throws -> [AlarmMilestone] {
        try alarmMilestones("m.state = 'listo' AND ifnull(m.ready_since, m.planned_date) < ?", [.text(before.description)])
    }

    /// The projects named by id, for the alarms' lines.
    public func projectRefs(_ ids: [Int64]) throws -> [Int64: ProjectAlarms.ProjectRef] {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        var refs: [Int64: ProjectAlarms.ProjectRef] = [:]
        try db.forEach("SELECT id, code, name, manager FROM project WHERE id IN (\(marks))", ids.map { .int($0) }) { row in
            refs[row.int("id")] = ProjectAlarms.ProjectRef(id: row.int("id"), code: row.string("code"), name: row.string("name"),
                                                          manager: row.string("manager"))
        }
        return refs
    }

    private func alarmMilestones(_ condition: String, _ args: [SQLValue]) throws -> [AlarmMilestone] {
        try db.query("""
            SELECT m.position, m.name, m.planned_date, m.state, m.ready_since, p.id AS p_id, p.code, p.name AS p_name, p.manager
            FROM project_milestone m JOIN project p ON p.id = m.project_id
            WHERE \(condition) AND p.status IN ('activo', 'pausado')
            ORDER BY m.planned_date, p.code, m.position
            """, args).map { row in
            AlarmMilestone(project: ProjectAlarms.ProjectRef(id: row.int("p_id"), code: row.string("code"),
                                                             name: row.string("p_name"), manager: row.string("manager")),
                           position: Int(row.int("position")), name: row.string("name"),
                           plannedDate: LocalDate(row.string("planned_date")) ?? LocalDate(daysSinceEpoch: 0),
                           state: MilestoneState(rawValue: row.string("state")) ?? .pending,
                           readySince: row.optionalString("ready_since").flatMap(LocalDate.init))
        }
    }

    static func decodeLift(_ row: Row) -> GateLift {
        GateLift(id: row.int("id"), projectId: row.int("project_id"), reason: row.string("reason"),
                 until: LocalDate(row.string("until_date")) ?? LocalDate(daysSinceEpoch: 0), liftedBy: row.string("lifted_by"),
                 liftedAt: row.string("lifted_at"), revokedAt: row.optionalString("revoked_at"))
    }
}
