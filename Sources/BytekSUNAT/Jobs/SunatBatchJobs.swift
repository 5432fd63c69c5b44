import BytekModel
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
            let n = try SunatWorkerActor.batches(context.db, clock: context.now).sweep()
            return JobPayload.text(["reencolados": n])
        }
    }

    /// `items` grouped by the day their documents were issued (oldest first, order kept within a day) and
    /// cut into chunks of at most `SummaryDocument.maximumLines`: one RC or RA per chunk, with that day as
    /// its reference date. Days that are not dates are left out.
    static func chunksByDay<T>(_ items: [T], day: (T) -> String) -> [(reference: LocalDate, items: ArraySlice<T>)] {
        let byDay = Dictionary(grouping: items, by: day)
        return byDay.keys.sorted().flatMap { key -> [(reference: LocalDate, items: ArraySlice<T>)] in
            guard let reference = LocalDate(key), let all = byDay[key] else { return [] }
            return stride(from: 0, to: all.count, by: SummaryDocument.maximumLines).map { start in
                (reference, all[start..<min(start + SummaryDocument.maximumLines, all.count)])
            }
        }
    }

    /// Stores what `build` returns (each batch with its links), in ONE write transaction. With SUNAT's rules
    /// folder in the settings, `build` first runs outside the transaction and each batch is signed and checked
    /// against the rules (the pre-flight, never under the write lock): a rejection stores nothing and fails the
    /// job with SUNAT's code and text. Inside the transaction `build` runs again and only batches that were
    /// checked are stored; if what is pending changed meanwhile, the job fails and is retried.
    static func store<Batch: Hashable>(db: Database, repo: EBatchRepository, build: () throws -> [(Batch, [EBatchLine])],
                                       prepare: (Batch) throws -> PreparedBatch) throws -> [EBatchRecord] {
        let preflight: SunatPreflight?
        var checked: [Batch: PreparedBatch] = [:]
        do {
            preflight = try SunatPreflight.configured(in: db)
            if let preflight {
                for (batch, _) in try build() {
                    let prepared = try prepare(batch)
                    try preflight.check(prepared)
                    checked[batch] = prepared
                }
            }
        } catch let e as EDocumentError {
            throw SunatJobError(e.message)
        }
        return try db.write {
            try build().map { batch, links in
                guard preflight != nil else { return try repo.store(try prepare(batch), lines: links) }
                guard let prepared = checked[batch] else {
                    throw SunatJobError("Los comprobantes pendientes cambiaron mientras se revisaban con las reglas de SUNAT; "
                                        + "se reintentará.")
                }
                return try repo.store(prepared, lines: links)
            }
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
