import Foundation

/// A source of "now" in Unix milliseconds; injected so tests can move time by hand.
public typealias MillisecondClock = @Sendable () -> Int64

/// The durable job queue over the `job` table.
///
/// Guarantees:
/// - `enqueue` with an idempotency key enqueues at most one job per key, even across processes.
/// - `claim` runs in one IMMEDIATE transaction, so two workers (threads or processes, each with its
///   own connection) never hold the same job at once.
/// - `complete`, `fail` and `extendLease` only act while the caller still holds the lease; a worker whose
///   lease expired and was taken over cannot overwrite the new owner's outcome.
/// - A job whose worker died (its lease expired) is due again; it counts as one more attempt.
public struct JobQueue: Sendable {
    public let db: Database
    public let now: MillisecondClock

    /// The longest wait between two attempts of a failing job.
    public static let maxBackoffMs: Int64 = 3_600_000

    public static let systemClock: MillisecondClock = {
        ProcessClock.milliseconds()
    }

    public init(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) {
        self.db = db
        self.now = clock
    }

    /// The wait before the next attempt after `attempts` failed ones: 2^attempts seconds, capped.
    public static func backoffMs(afterAttempts attempts: Int) -> Int64 {
        let exponent = min(max(attempts, 0), 22)
        return min(Int64(1 << exponent) * 1000, maxBackoffMs)
    }

    private static let columns =
        "id, kind, payload, state, run_at, attempts, max_attempts, lease_owner, lease_until, last_error, result, idempotency_key, created_at, finished_at"

    // MARK: enqueue

    /// Adds a job, due at `runAt` (now when nil). When `idempotencyKey` already names a job, that job is
    /// returned unchanged and nothing is added.
    @discardableResult
    public func enqueue(
        kind: String, payload: String = "{}", runAt: Int64? = nil, maxAttempts: Int = 8,
        idempotencyKey: String? = nil
    ) throws -> Job {
        try db.write {
            if let key = idempotencyKey,
               let existing = try db.queryOne("SELECT \(Self.columns) FROM job WHERE idempotency_key = ?", key) {
                return Job(row: existing)
            }
            let t = now()
            try db.execute(
                """
                INSERT INTO job(kind, payload, state, run_at, attempts, max_attempts, idempotency_key, created_at)
                VALUES (?, ?, 'pending', ?, 0, ?, ?, ?)
                """,
                [.text(kind), .text(payload), .int(runAt ?? t), .int(Int64(max(1, maxAttempts))),
                 idempotencyKey.map(SQLValue.text) ?? .null, .int(t)])
            let id = db.lastInsertRowID
            guard let row = try db.queryOne("SELECT \(Self.columns) FROM job WHERE id = ?", id) else {
                throw DatabaseError(code: 0, message: "job \(id) vanished after insert", sql: nil)
            }
            return Job(row: row)
        }
    }

    // MARK: claim and outcome

    /// Takes one due job (pending with `run_at <= now`, or running with an expired lease), marks it running
    /// under `owner` until now + `leaseSeconds`, and counts the attempt. Nil when nothing is due.
    /// `kinds` limits the claim to the kinds this worker can run.
    public func claim(owner: String, leaseSeconds: Int, kinds: [String]? = nil) throws -> Job? {
        if let kinds, kinds.isEmpty { return nil }
        return try db.write {
            let t = now()
            var kindFilter = ""
            var kindArgs: [SQLValue] = []
            if let kinds {
                kindFilter = " AND kind IN (" + kinds.map { _ in "?" }.joined(separator: ",") + ")"
                kindArgs = kinds.map(SQLValue.text)
            }
            // A job that died under its last allowed attempt would otherwise be retried forever.
            try db.execute(
                """
                UPDATE job SET state = 'failed', finished_at = ?, lease_owner = NULL, lease_until = NULL,
                    last_error = 'el trabajador se detuvo sin terminar (plazo vencido) en el último intento'
                WHERE state = 'running' AND lease_until < ? AND attempts >= max_attempts\(kindFilter)
                """, [.int(t), .int(t)] + kindArgs)
            let pending = try db.queryOne(
                "SELECT id, run_at FROM job WHERE state = 'pending' AND run_at <= ?\(kindFilter) ORDER BY run_at, id LIMIT 1",
                [.int(t)] + kindArgs)
            let expired = try db.queryOne(
                "SELECT id, run_at FROM job WHERE state = 'running' AND lease_until < ?\(kindFilter) ORDER BY run_at, id LIMIT 1",
                [.int(t)] + kindArgs)
            let chosen: Row?
            switch (pending, expired) {
            case let (p?, e?): chosen = e.int("run_at") < p.int("run_at") ? e : p
            case let (p?, nil): chosen = p
            case let (nil, e?): chosen = e
            case (nil, nil): chosen = nil
            }
            guard let id = chosen?.int("id") else { return nil }
            try db.execute(
                """
                UPDATE job SET state = 'running', lease_owner = ?, lease_until = ?, attempts = attempts + 1
                WHERE id = ?
                """, [.text(owner), .int(t + Int64(leaseSeconds) * 1000), .int(id)])
            return try job(id: id)
        }
    }

    /// Marks the job done with its result. False (and nothing changed) when `owner` no longer holds it.
    @discardableResult
    public func complete(id: Int64, owner: String, result: String? = nil) throws -> Bool {
        try db.write {
            try db.execute(
                """
                UPDATE job SET state = 'done', result = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL
                WHERE id = ? AND state = 'running' AND lease_owner = ?
                """, [result.map(SQLValue.text) ?? .null, .int(now()), .int(id), .text(owner)])
            return db.changes == 1
        }
    }

    /// Records a failed attempt: the job goes back to pending after a backoff, or to failed once its
    /// attempts reach the maximum. Returns the new state, or nil when `owner` no longer holds it.
    @discardableResult
    public func fail(id: Int64, owner: String, error: String) throws -> JobState? {
        try db.write {
            guard let row = try db.queryOne(
                "SELECT attempts, max_attempts FROM job WHERE id = ? AND state = 'running' AND lease_owner = ?",
                [.int(id), .text(owner)])
            else { return nil }
            let attempts = Int(row.int("attempts"))
            let t = now()
            if attempts >= Int(row.int("max_attempts")) {
                try db.execute(
                    """
                    UPDATE job SET state = 'failed', last_error = ?, finished_at = ?, lease_owner = NULL, lease_until = NULL
                    WHERE id = ?
                    """, [.text(error), .int(t), .int(id)])
                return .failed
            }
            try db.execute(
                """
                UPDATE job SET state = 'pending', last_error = ?, run_at = ?, lease_owner = NULL, lease_until = NULL
                WHERE id = ?
                """, [.text(error), .int(t + Self.backoffMs(afterAttempts: attempts)), .int(id)])
            return .pending
        }
    }

    /// Pushes the lease of a job still held by `owner` to now + `leaseSeconds`. False when it was lost.
    @discardableResult
    public func extendLease(id: Int64, owner: String, leaseSeconds: Int) throws -> Bool {
        try db.write {
            try db.execute(
                "UPDATE job SET lease_until = ? WHERE id = ? AND state = 'running' AND lease_owner = ?",
                [.int(now() + Int64(leaseSeconds) * 1000), .int(id), .text(owner)])
            return db.changes == 1
        }
    }

    /// Puts a failed (or pending) job back in line at once with a fresh count of attempts.
    /// False when the job is running or done.
    @discardableResult
    public func retryNow(id: Int64) throws -> Bool {
        try db.write {
            try db.execute(
                """
                UPDATE job SET state = 'pending', run_at = ?, attempts = 0, finished_at = NULL
                WHERE id = ? AND state IN ('pending', 'failed')
                """, [.int(now()), .int(id)])
            return db.changes == 1
        }
    }

    // MARK: reading

    public func job(id: Int64) throws -> Job? {
        try db.queryOne("SELECT \(Self.columns) FROM job WHERE id = ?", id).map(Job.init(row:))
    }

    public func job(idempotencyKey key: String) throws -> Job? {
        try db.queryOne("SELECT \(Self.columns) FROM job WHERE idempotency_key = ?", key).map(Job.init(row:))
    }

    /// Newest first, one page at a time: pass the last id of the previous page as `beforeID`.
    public func list(state: JobState? = nil, kind: String? = nil, beforeID: Int64? = nil, limit: Int = 100) throws -> [Job] {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let state { conditions.append("state = ?"); args.append(.text(state.rawValue)) }
        if let kind { conditions.append("kind = ?"); args.append(.text(kind)) }
        if let beforeID { conditions.append("id < ?"); args.append(.int(beforeID)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        args.append(.int(Int64(max(0, limit))))
        return try db.query("SELECT \(Self.columns) FROM job\(whereClause) ORDER BY id DESC LIMIT ?", args)
            .map(Job.init(row:))
    }

    public func count(state: JobState? = nil) throws -> Int {
        if let state {
            return Int(try db.scalar("SELECT count(*) FROM job WHERE state = ?", state.rawValue).intValue ?? 0)
        }
        return Int(try db.scalar("SELECT count(*) FROM job").intValue ?? 0)
    }

    /// The number of jobs in each state (states without jobs are absent).
    public func countsByState() throws -> [JobState: Int] {
        var counts: [JobState: Int] = [:]
        try db.forEach("SELECT state, count(*) AS n FROM job GROUP BY state") { row in
            if let s = JobState(rawValue: row.string("state")) { counts[s] = Int(row.int("n")) }
        }
        return counts
    }
}
