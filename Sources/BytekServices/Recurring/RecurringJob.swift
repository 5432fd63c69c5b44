import BytekModel
import BytekStore
import Foundation

/// The daily job of recurring billing: kind `recurrentes.facturar`, enqueued by the schedule
/// `facturacion-recurrente` a little after midnight (Lima), run by the worker as `Actor.worker` through
/// `RecurringService.run`. A run killed midway leaves whole documents only; the next run (or the job
/// retried once its lease ends) bills what is left.
public enum RecurringJob {
    public static let kind = "recurrentes.facturar"
    public static let scheduleName = "facturacion-recurrente"
    public static let scheduleRule = "daily 00:20"

    /// Adds the daily schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Runs the job on the worker's connection and clock; returns its result (JSON text). The payload may
    /// name the day: `{"fecha":"2026-12-01"}`.
    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String],
                           payload: [String: Any] = [:], describe: ((any Error) -> String)? = nil,
                           afterDocument: ((Int) -> Void)? = nil) throws -> String {
        let services = Services.worker(db: db, nowMs: nowMs, environment: environment)
        let day = Services.payloadDay(payload)
        let r = try services.recurring.run(on: day, describe: describe, afterDocument: afterDocument)
        return "{\"corrida\":\(r.runId),\"fecha\":\"\(r.date)\",\"comprobantes\":\(r.issued.count),\"lineas\":\(r.lines),"
            + "\"ya_facturados\":\(r.alreadyBilled),\"fallas\":\(r.failures.count)}"
    }
}
