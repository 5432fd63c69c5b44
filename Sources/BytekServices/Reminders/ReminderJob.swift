import BytekModel
import BytekStore
import Foundation

/// The daily job of reminders: kind `recordatorios.enviar`, enqueued by the schedule `recordatorios` at
/// 08:00 Lima, run by the worker as `Actor.worker` through `ReminderService.run`.
public enum ReminderJob {
    public static let kind = "recordatorios.enviar"
    public static let scheduleName = "recordatorios"
    public static let scheduleRule = "daily 08:00"

    /// Adds the daily schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Runs the job on the worker's connection and clock; returns its result (JSON text). The payload may
    /// name the day: `{"fecha":"2026-12-01"}`.
    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String],
                           payload: [String: Any] = [:]) throws -> String {
        let services = Services.worker(db: db, nowMs: nowMs, environment: environment)
        let day = Services.payloadDay(payload)
        let r = try services.reminders.run(on: day)
        return "{\"fecha\":\"\(r.date)\",\"enviados\":\(r.sent.count),\"retenidos\":\(r.held.count),"
            + "\"sin_contacto\":\(r.skipped.count),\"ya_enviados\":\(r.alreadySent)}"
    }
}
