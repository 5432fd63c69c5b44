/// Reading the queue for screens: jobs newest first as a keyset pager, optionally by state.
extension JobQueue {
    static let listColumns = [
        "id", "kind", "payload", "state", "run_at", "attempts", "max_attempts", "lease_owner", "lease_until",
        "last_error", "result", "idempotency_key", "created_at", "finished_at",
    ]

    public func pager(state: JobState? = nil) -> KeysetPager<Job> {
        KeysetPager(
            db: db, from: "job", where: state == nil ? nil : "state = ?",
            arguments: state.map { [.text($0.rawValue)] } ?? [],
            columns: JobQueue.listColumns, order: [SortKey("id", ascending: false)],
            decode: { Job(row: $0) })
    }
}
