/// Reads and fires the rows of the `schedule` table.
///
/// Guarantee: a slot is enqueued at most once. `fire` re-reads the schedule inside one IMMEDIATE
/// transaction, enqueues with the idempotency key `schedule:<name>:<slot>` and moves `next_run` past now
/// in that same transaction, so two workers racing on one slot produce one job.
public struct ScheduleStore: Sendable {
    public let db: Database
    public let now: MillisecondClock

    public init(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) {
        self.db = db
        self.now = clock
    }

    private static let columns = "id, name, kind, payload, rule, next_run, last_run, last_job_id, active"

    /// The idempotency key of one slot of a schedule.
    public static func slotKey(name: String, slot: Int64) -> String { "schedule:\(name):\(slot)" }

    /// Adds the schedule when no schedule has that name; an existing one (perhaps edited or paused by an
    /// administrator) is left alone. Returns true when it was added.
    @discardableResult
    public func ensure(name: String, kind: String, payload: String = "{}", rule: String) throws -> Bool {
        let parsed = try ScheduleRule.parse(rule)
        return try db.write {
            if try db.queryOne("SELECT id FROM schedule WHERE name = ?", name) != nil { return false }
            try db.execute(
                "INSERT INTO schedule(name, kind, payload, rule, next_run, active) VALUES (?, ?, ?, ?, ?, 1)",
                [.text(name), .text(kind), .text(payload), .text(parsed.description),
                 .int(parsed.nextRun(after: now()))])
            return true
        }
    }

    /// Creates or replaces a schedule; its next run is recomputed from the new rule.
    public func save(name: String, kind: String, payload: String = "{}", rule: String, active: Bool = true) throws {
        let parsed = try ScheduleRule.parse(rule)
        try db.write {
            try db.execute(
                """
                INSERT INTO schedule(name, kind, payload, rule, next_run, active) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, payload = excluded.payload,
                    rule = excluded.rule, next_run = excluded.next_run, active = excluded.active
                """,
                [.text(name), .text(kind), .text(payload), .text(parsed.description),
                 .int(parsed.nextRun(after: now())), .int(active ? 1 : 0)])
        }
    }

    /// Pauses or resumes a schedule. False when there is no such schedule.
    @discardableResult
    public func setActive(name: String, _ active: Bool) throws -> Bool {
        try db.write {
            try db.execute("UPDATE schedule SET active = ? WHERE name = ?", [.int(active ? 1 : 0), .text(name)])
            return db.changes == 1
        }
    }

    public func all() throws -> [Schedule] {
        try db.query("SELECT \(Self.columns) FROM schedule ORDER BY name").map(Schedule.init(row:))
    }

    public func schedule(named name: String) throws -> Schedule? {
        try db.queryOne("SELECT \(Self.columns) FROM schedule WHERE name = ?", name).map(Schedule.init(row:))
    }

    /// Active schedules whose next run is at or before now.
    public func dueSchedules() throws -> [Schedule] {
        try db.query(
            "SELECT \(Self.columns) FROM schedule WHERE active = 1 AND next_run <= ? ORDER BY next_run, id", now())
            .map(Schedule.init(row:))
    }

    /// Enqueues the due slot of one schedule and moves it to its next slot after now (missed slots are not
    /// replayed one by one: one job stands for them). Nil when the schedule is not due (another worker
    /// fired it first), inactive or missing. A rule that no longer parses pauses the schedule.
    @discardableResult
    public func fire(name: String) throws -> Job? {
        try db.write {
            guard let row = try db.queryOne("SELECT \(Self.columns) FROM schedule WHERE name = ?", name) else { return nil }
            let schedule = Schedule(row: row)
            let t = now()
            guard schedule.active, schedule.nextRun <= t else { return nil }
            guard let rule = try? ScheduleRule.parse(schedule.rule) else {
                try db.execute("UPDATE schedule SET active = 0 WHERE id = ?", schedule.id)
                return nil
            }
            let job = try JobQueue(db: db, clock: now).enqueue(
                kind: schedule.kind, payload: schedule.payload, runAt: schedule.nextRun,
                idempotencyKey: Self.slotKey(name: schedule.name, slot: schedule.nextRun))
            try db.execute(
                "UPDATE schedule SET next_run = ?, last_run = ?, last_job_id = ? WHERE id = ?",
                [.int(rule.nextRun(after: t)), .int(schedule.nextRun), .int(job.id), .int(schedule.id)])
            return job
        }
    }

    /// Fires every due schedule; returns the jobs enqueued.
    @discardableResult
    public func fireDue() throws -> [Job] {
        try dueSchedules().compactMap { try fire(name: $0.name) }
    }
}
