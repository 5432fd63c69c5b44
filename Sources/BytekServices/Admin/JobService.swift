import BytekModel
import BytekStore
import Foundation

/// The job queue and the schedules, read (Tareas: admin and operaciones), and a failed job re-queued
/// now (admin).
public struct JobService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var queue: JobQueue { JobQueue(db: services.db) }

    /// The jobs, newest first, of one state or all.
    public func pager(state: JobState? = nil) throws -> KeysetPager<Job> {
        try actor.authorize(.jobList)
        return queue.pager(state: state)
    }

    public func countsByState() throws -> [JobState: Int] {
        try actor.authorize(.jobList)
        return try queue.countsByState()
    }

    public func schedules() throws -> [Schedule] {
        try actor.authorize(.jobList)
        return try ScheduleStore(db: services.db).all()
    }

    /// Runs a failed job again now; false when the job is not one that can be retried.
    public func retry(_ id: Int64) throws -> Bool {
        try actor.authorize(.jobRetry)
        return try queue.retryNow(id: id)
    }
}

extension Services {
    public var jobs: JobService { JobService(services: self) }
}
