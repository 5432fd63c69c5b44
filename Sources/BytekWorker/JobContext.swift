import BytekStore

/// What a job handler gets: the claimed job and the worker's own connection.
/// Handlers run on the worker's thread, one at a time, so they may use `db` freely.
public struct JobContext {
    public let job: Job
    /// The worker's connection (not shared with other threads while the handler runs).
    public let db: Database
    /// The worker's owner id, holder of the job's lease.
    public let owner: String
    public let now: MillisecondClock
    let stopFlag: StopFlag
    let heartbeat: LeaseHeartbeat?

    /// True once the worker was asked to stop; a long handler may finish early and throw to be retried.
    public var isStopping: Bool { stopFlag.isRaised }

    /// True when the lease could not be extended (another worker may have taken the job over):
    /// the handler should stop, its outcome will not be recorded.
    public var leaseLost: Bool { heartbeat?.lost ?? false }

    /// The payload decoded as a JSON object (empty when it is not one).
    public var payloadObject: [String: Any] { JobPayload.object(job.payload) }
}
