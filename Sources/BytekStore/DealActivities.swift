import BytekModel
import Foundation

extension DealRepository {
    /// Saves a new activity on a deal.
    @discardableResult
    public func addActivity(_ activity: Activity) throws -> Activity {
        try db.write {
            guard try get(activity.dealId) != nil else {
                throw SalesRepositoryError.notFound(SalesAuditEntity.deal, activity.dealId)
            }
            let stamp = now()
            var a = activity
            try db.execute(
                "INSERT INTO deal_activity(deal_id, kind, subject, due_date, owner, done, done_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.int(a.dealId), .text(a.kind.rawValue), .text(a.subject), SalesColumns.dateValue(a.dueDate),
                 .text(a.owner), .int(a.done ? 1 : 0), a.done ? .text(ISOTimestamp.format(stamp)) : .null,
                 .text(ISOTimestamp.format(stamp))])
            a.id = db.lastInsertRowID
            try audit.append(entity: SalesAuditEntity.dealActivity, entityId: a.id, action: .create,
                             summary: "\(a.kind.rawValue) \(a.subject)", after: a, at: stamp)
            return a
        }
    }

    /// Marks an activity done (or not done again).
    @discardableResult
    public func setActivityDone(_ id: Int64, _ done: Bool = true) throws -> Activity {
        try db.write {
            guard let before = try activity(id) else {
                throw SalesRepositoryError.notFound(SalesAuditEntity.dealActivity, id)
            }
            guard before.done != done else { return before }
            let stamp = now()
            var after = before
            after.done = done
            try db.execute("UPDATE deal_activity SET done = ?, done_at = ? WHERE id = ?",
                           [.int(done ? 1 : 0), done ? .text(ISOTimestamp.format(stamp)) : .null, .int(id)])
            try audit.append(entity: SalesAuditEntity.dealActivity, entityId: id, action: .update,
                             summary: "\(after.kind.rawValue) \(after.subject)", before: before, after: after, at: stamp)
            return after
        }
    }

    public func activity(_ id: Int64) throws -> Activity? {
        try db.queryOne("SELECT * FROM deal_activity WHERE id = ?", [.int(id)]).map(DealRepository.decodeActivity)
    }

    /// A deal's activities in the order they were added.
    public func activities(dealId: Int64) throws -> [Activity] {
        try db.query("SELECT * FROM deal_activity WHERE deal_id = ? ORDER BY id", [.int(dealId)])
            .map(DealRepository.decodeActivity)
    }

    /// "Mis pendientes": `owner`'s activities not done and due on or before `today`, most overdue first.
    public func pending(owner: String, today: LocalDate) throws -> [Activity] {
        try db.query(
            "SELECT * FROM deal_activity WHERE owner = ? AND done = 0 AND due_date IS NOT NULL AND due_date <= ? ORDER BY due_date, id",
            [.text(owner), .text(today.description)]).map(DealRepository.decodeActivity)
    }

    @Sendable static func decodeActivity(_ row: Row) -> Activity {
        Activity(id: row.int("id"), dealId: row.int("deal_id"), kind: ActivityKind(rawValue: row.string("kind")) ?? .task,
                 subject: row.string("subject"), dueDate: SalesColumns.date(row["due_date"]), owner: row.string("owner"),
                 done: row.bool("done"))
    }
}
