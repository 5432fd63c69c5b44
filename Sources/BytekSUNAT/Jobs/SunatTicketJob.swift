import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// The "sunat.ticket" job: asks getStatus for a batch's ticket and records SUNAT's answer.
///
/// - 98 (en proceso): the attempt throws, so the queue polls again after its backoff.
/// - 0, or a CDR with code 0 / 4000+: the batch is `aceptado`; its boletas become `aceptado`, the
///   documents it voids `anulado`. A CDR 2223 / 2324 ("ya fue presentado anteriormente") also counts as
///   accepted: identifiers are unique in this store, so the earlier one was this very batch, re-sent after
///   a worker died before storing its ticket.
/// - 99 with a CDR 2000–3999: the batch is `rechazado` (see `EBatchRepository.recordRejected`: boletas
///   `rechazado` with SUNAT's reason, void requests cleared with `voidError`).
/// - SOAP errors, unreadable CDRs, other codes: recorded on the batch and thrown (retried).
/// Never sends anything: a batch without a ticket gets its send job back instead.
public enum SunatTicketJob {
    public static let kind = EBatchRepository.ticketJobKind

    public static func run(_ context: JobContext, service makeService: SunatSendJob.ServiceFactory) throws -> String? {
        let repo = SunatWorkerActor.batches(context.db, clock: context.now)
        let b = try batch(context, repo)
        if b.status.isFinal { return result(b) }
        guard let ticket = b.ticket else {
            try repo.ensureSendJob(b)
            return result(b)
        }
        let service = try makeService(context.db)
        let final = context.job.attempts >= context.job.maxAttempts
        let answer: SunatStatusResponse
        do { answer = try service.getStatus(ticket: ticket) } catch {
            try repo.recordError(id: b.id, message: error.message, finalFailure: final)
            throw SunatJobError(error.message)
        }
        switch answer.statusCode {
        case "98":
            let message = "SUNAT aún procesa el ticket \(ticket) de \(b.identifier) (98)"
            try repo.recordError(id: b.id, message: message)
            throw SunatJobError(message)
        case "0", "99":
            guard let content = answer.content else {
                if answer.statusCode == "99" {
                    try repo.recordRejected(id: b.id, cdrZip: nil, responseCode: "99",
                                            description: answer.statusMessage ?? "SUNAT rechazó el lote sin CDR")
                    return result(try repo.batch(id: b.id) ?? b)
                }
                let message = "SUNAT respondió 0 para el ticket \(ticket) sin CDR"
                try repo.recordError(id: b.id, message: message, finalFailure: final)
                throw SunatJobError(message)
            }
            let cdr: CDRResponse
            do { cdr = try CDRReader.read(zip: content) } catch {
                try repo.recordError(id: b.id, message: error.message, finalFailure: final)
                throw SunatJobError(error.message)
            }
            switch cdr.code ?? -1 {
            case 0, 4000...:
                try repo.recordAccepted(id: b.id, cdrZip: content, responseCode: cdr.responseCode, description: cdr.description)
            case 2223, 2324:
                try repo.recordAccepted(id: b.id, cdrZip: content, responseCode: cdr.responseCode,
                                        description: "ya aceptado antes por SUNAT (\(cdr.description))")
            case 2000...3999:
                try repo.recordRejected(id: b.id, cdrZip: content, responseCode: cdr.responseCode, description: cdr.description)
            default:
                let message = "SUNAT respondió \(cdr.responseCode) para \(b.identifier): \(cdr.description)"
                try repo.recordError(id: b.id, message: message, finalFailure: final)
                throw SunatJobError(message)
            }
        default:
            let message = "SUNAT respondió \(answer.statusCode) para el ticket \(ticket): \(answer.statusMessage ?? "")"
            try repo.recordError(id: b.id, message: message, finalFailure: final)
            throw SunatJobError(message)
        }
        return result(try repo.batch(id: b.id) ?? b)
    }

    static func batch(_ context: JobContext, _ repo: EBatchRepository) throws -> EBatchRecord {
        guard let id = (context.payloadObject["batch"] as? NSNumber)?.int64Value else {
            throw SunatJobError("trabajo \(context.job.kind) sin lote: \(context.job.payload)")
        }
        guard let b = try repo.batch(id: id) else { throw SunatJobError("no existe el lote \(id)") }
        return b
    }

    static func result(_ b: EBatchRecord) -> String {
        JobPayload.text(["lote": b.identifier, "estado": b.status.rawValue, "ticket": b.ticket ?? "",
                         "codigo": b.responseCode ?? ""])
    }
}
