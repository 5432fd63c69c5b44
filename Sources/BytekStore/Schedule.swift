/// One row of the `schedule` table: a recurring job.
public struct Schedule: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// Unique name, e.g. "respaldo-nocturno".
    public var name: String
    public var kind: String
    public var payload: String
    /// The rule text (see `ScheduleRule`).
    public var rule: String
    /// The next slot, Unix ms.
    public var nextRun: Int64
    public var lastRun: Int64?
    public var lastJobID: Int64?
    public var active: Bool

    init(row: Row) {
        id = row.int("id")
        name = row.string("name")
        kind = row.string("kind")
        payload = row.string("payload")
        rule = row.string("rule")
        nextRun = row.int("next_run")
        lastRun = row["last_run"].intValue
        lastJobID = row["last_job_id"].intValue
        active = row.bool("active")
    }
}
