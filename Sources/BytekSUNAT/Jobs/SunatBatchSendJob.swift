import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// The "sunat.batch.send" job: sends one stored RC/RA with sendSummary and stores SUNAT's ticket.
///
/// Guarantees: the stored ZIP is sent as is (never rebuilt); a batch with a ticket is never sent again
/// (this job then only makes sure its ticket job exists); a batch with SUNAT's final answer is left alone.
/// The ticket and the ticket job are stored in one transaction. A worker killed after SUNAT received the
/// ZIP but before the ticket was stored sends the same ZIP (same identifier, same bytes) once more when
/// the job is retried: SUNAT has no way to look a ticket up by file name. SUNAT then processes it as the
/// same summary, or answers 2223/2324 ("ya fue presentado") if the first one was accepted, which the
/// ticket job takes as accepted. Network errors, HTTP 500 and SUNAT exceptions throw (retried with
/// backoff); a 2000–3999 fault rejects the batch.
public enum SunatBatchSendJob {
    public static let kind = EBatchRepository.sendJobKind

    public static func run(_ context: JobContext, service makeService: SunatSendJob.ServiceFactory) throws -> String? {
        let repo = SunatWorkerActor.batches(context.db, clock: context.now)
        let b = try SunatTicketJob.batch(context, repo)
        if b.status.isFinal { return SunatTicketJob.result(b) }
        if b.ticket != nil {
            try repo.ensureTicketJob(b)
            return SunatTicketJob.result(b)
        }
        guard let zip = try repo.zip(id: b.id) else { throw SunatJobError("el lote \(b.identifier) no tiene ZIP") }
        let service = try makeService(context.db)
        try repo.markSending(id: b.id)
        let ticket: String
        do {
            ticket = try service.sendSummary(fileName: b.fileName + ".zip", zip: zip)
        } catch {
            if case .fault(let code, let message, _) = error, let n = Int(code), (2000...3999).contains(n) {
                try repo.recordRejected(id: b.id, cdrZip: nil, responseCode: code, description: message)
                return SunatTicketJob.result(try repo.batch(id: b.id) ?? b)
            }
            try repo.recordError(id: b.id, message: error.message,
                                 finalFailure: context.job.attempts >= context.job.maxAttempts)
            throw SunatJobError(error.message)
        }
        try repo.recordTicket(id: b.id, ticket: ticket)
        return SunatTicketJob.result(try repo.batch(id: b.id) ?? b)
    }
}
