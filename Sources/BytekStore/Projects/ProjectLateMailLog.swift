import BytekModel
import Foundation

/// What the daily `proyectos.atrasos` job already e-mailed on a day (table `project_late_mail`).
public struct ProjectLateMailLog: Sendable {
    public let db: Database
    public let now: @Sendable () -> Date

    public init(db: Database, now: @escaping @Sendable () -> Date) { self.db = db; self.now = now }

    /// The cards already sent to `login` on `day`.
    public func sent(day: LocalDate, login: String) throws -> Set<Int64> {
        Set(try db.query("SELECT task_id FROM project_late_mail WHERE day = ? AND login = ?",
                         [.text(day.description), .text(login)]).map { $0.int("task_id") })
    }

    /// Records that `taskIds` went to `login` on `day` (one transaction).
    public func record(day: LocalDate, login: String, taskIds: [Int64]) throws {
        let stamp = ISOTimestamp.format(now())
        try db.write {
            for id in taskIds {
                try db.execute("INSERT OR IGNORE INTO project_late_mail(day, login, task_id, sent_at) VALUES (?, ?, ?, ?)",
                               [.text(day.description), .text(login), .int(id), .text(stamp)])
            }
        }
    }
}
