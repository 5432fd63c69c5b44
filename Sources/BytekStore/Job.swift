/// The life of a job: `pending` (waiting for its run time), `running` (claimed under a lease),
/// then `done` or `failed` (attempts exhausted). A running job whose lease expired is due again.
public enum JobState: String, Sendable, CaseIterable, Codable {
    case pending, running, done, failed
}

/// One row of the durable job queue. Times are Unix milliseconds.
public struct Job: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var kind: String
    /// JSON text given at enqueue time; the worker does not interpret it.
    public var payload: String
    public var state: JobState
    public var runAt: Int64
    public var attempts: Int
    public var maxAttempts: Int
    public var leaseOwner: String?
    public var leaseUntil: Int64?
    public var lastError: String?
    public var result: String?
    public var idempotencyKey: String?
    public var createdAt: Int64
    public var finishedAt: Int64?

    init(row: Row) {
        id = row.int("id")
        kind = row.string("kind")
        payload = row.string("payload")
        state = JobState(rawValue: row.string("state")) ?? .pending
        runAt = row.int("run_at")
        attempts = Int(row.int("attempts"))
        maxAttempts = Int(row.int("max_attempts"))
        leaseOwner = row.optionalString("lease_owner")
        leaseUntil = row["lease_until"].intValue
        lastError = row.optionalString("last_error")
        result = row.optionalString("result")
        idempotencyKey = row.optionalString("idempotency_key")
        createdAt = row.int("created_at")
        finishedAt = row["finished_at"].intValue
    }
}
