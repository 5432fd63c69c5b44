import BytekStore
import BytekWorker
import Foundation

/// Registers the RC/RA jobs on a worker and ensures their schedules.
public enum SunatBatchJobs {
    /// Every ten minutes: `EBatchRepository.sweep` puts back in line unfinished batches whose send or
    /// ticket job ran out of attempts, and requested bajas nobody collected.
    public static let sweepScheduleName = "sunat-lotes-pendientes"
    public static let sweepScheduleRule = "every 600"

    /// Binds the summary, void, send, ticket and sweep jobs to `service` and `signer`.
    public static func register(on worker: Worker, service: @escaping SunatSendJob.ServiceFactory,
                                signer: @escaping SunatBatchSigner.Factory) {
        worker.register(SunatSummaryJob.kind) { try SunatSummaryJob.run($0, signer: signer) }
        worker.register(SunatVoidJob.kind) { try SunatVoidJob.run($0, signer: signer) }
        worker.register(SunatBatchSendJob.kind) { try SunatBatchSendJob.run($0, service: service) }
        worker.register(SunatTicketJob.kind) { try SunatTicketJob.run($0, service: service) }
        worker.register(EBatchRepository.sweepJobKind) { context in
            let n = try EBatchRepository(db: context.db, user: "trabajador", clock: context.now).sweep()
            return JobPayload.text(["reencolados": n])
        }
    }

    /// Adds the daily summary (21:00 Lima) and the sweep schedules when missing (an administrator's edits
    /// are kept). Returns the names added.
    @discardableResult
    public static func ensureSchedules(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> [String] {
        let store = ScheduleStore(db: db, clock: clock)
        var added: [String] = []
        if try store.ensure(name: SunatSummaryJob.scheduleName, kind: SunatSummaryJob.kind, rule: SunatSummaryJob.scheduleRule) {
            added.append(SunatSummaryJob.scheduleName)
        }
        if try store.ensure(name: sweepScheduleName, kind: EBatchRepository.sweepJobKind, rule: sweepScheduleRule) {
            added.append(sweepScheduleName)
        }
        return added
    }
}
