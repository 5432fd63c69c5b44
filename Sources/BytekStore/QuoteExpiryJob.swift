import BytekModel
import Foundation

/// The daily job that marks sent quote versions past their validity as `vencida`, so the list, the
/// board and the CLI agree even when nobody opened them that day. Kind `quotes.expire`; the schedule
/// `cotizaciones-vencidas` enqueues it a few minutes after midnight, Lima time.
public enum QuoteExpiryJob {
    public static let kind = "quotes.expire"
    public static let scheduleName = "cotizaciones-vencidas"
    public static let scheduleRule = "daily 00:10"

    /// Adds the daily schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Expires what is due on the Lima date of `nowMs`; returns the job result (JSON text).
    public static func run(db: Database, nowMs: Int64) throws -> String {
        let today = LimaTime.date(Date(timeIntervalSince1970: Double(nowMs) / 1000))
        // The worker's door in the audit log, as the operations layer's `cotizacion.vencer` records it.
        var quotes = QuoteRepository(db: db, user: "trabajador")
        quotes.door = .worker
        let expired = try quotes.expireDue(today: today)
        return "{\"vencidas\":\(expired.count)}"
    }
}
