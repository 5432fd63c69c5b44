import BytekModel
import BytekStore
import Foundation

/// The daily job of project alarms: kind `proyectos.alarmas`, enqueued by the schedule `proyectos-alarmas` at
/// 07:45 Lima, run by the worker as `Actor.worker` through `ProjectAlarmService.run`; the worker's handler
/// passes the mail sender, so this stays free of SMTP.
public enum ProjectAlarmJob {
    public static let kind = "proyectos.alarmas"
    public static let scheduleName = "proyectos-alarmas"
    public static let scheduleRule = "daily 07:45"

    /// Adds the daily schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Runs the job on the worker's connection and clock; returns its result (JSON text). The payload may
    /// name the day: `{"fecha":"2026-12-01"}`.
    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String],
                           payload: [String: Any] = [:], send: (String, String, String) throws -> Void) throws -> String {
        let services = Services.worker(db: db, nowMs: nowMs, environment: environment)
        let day = Services.payloadDay(payload)
        return try services.projectAlarms.run(on: day, send: send).json
    }
}
