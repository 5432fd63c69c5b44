import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// What queuing a resumen diario now put in line.
public struct SummaryRequest: Sendable {
    public var job: Job
    /// Boletas (and notes on boletas) not yet informed.
    public var boletas: Int
    /// Bajas of boletas waiting for a resumen.
    public var voids: Int
}

extension InvoiceService {
    /// Puts the send job of document `id` back in line now (as the Tareas screen does), with an audit
    /// entry. Refused when SUNAT already answered, or the job is running.
    @discardableResult
    public func retry(id: Int64) throws -> Job {
        let record = try visible(.invoiceRetry, id: id)
        guard !record.status.isFinal else { throw BillingError.alreadyFinal(record.status) }
        let queue = JobQueue(db: services.db)
        let key = EDocumentRepository.sendJobKey(series: record.series, number: record.number)
        return try services.db.write {
            guard let job = try queue.job(idempotencyKey: key) else { throw BillingError.jobMissing(record.documentID) }
            guard try queue.retryNow(id: job.id) else { throw BillingError.jobNotRetriable }
            try audit.append(entity: AuditEntity.eDocument, entityId: record.id, action: .update,
                             summary: "Envío a SUNAT de \(record.documentID) puesto en cola de nuevo (trabajo \(job.id))")
            return try queue.job(id: job.id) ?? job
        }
    }

    /// Queues the resumen diario now (instead of waiting for its 21:00 schedule) for the boletas, their
    /// notes and their bajas that wait for one (issued on `date` only, when given). Refused with
    /// `nothingToSummarise` when none waits, unless `evenIfEmpty` (the CLI queues it anyway).
    @discardableResult
    public func queueSummary(date: String? = nil, evenIfEmpty: Bool = false) throws -> SummaryRequest {
        try actor.authorize(.invoiceSummary)
        let batches = self.batches
        return try services.db.write {
            let boletas = try batches.unsummarisedBoletas(on: date).count
            let voids = try batches.pendingVoids(family: .boleta, on: date).count
            guard evenIfEmpty || boletas + voids > 0 else { throw BillingError.nothingToSummarise }
            let payload = date.map { "{\"date\":\"\($0)\"}" } ?? "{}"
            let job = try JobQueue(db: services.db).enqueue(kind: EBatchRepository.summaryJobKind, payload: payload, maxAttempts: 20)
            try audit.append(entity: AuditEntity.eBatch, entityId: nil, action: .create,
                             summary: "Resumen diario\(date.map { " del \($0)" } ?? "") encolado (trabajo \(job.id)): "
                                 + "\(boletas) boleta(s), \(voids) baja(s)")
            return SummaryRequest(job: job, boletas: boletas, voids: voids)
        }
    }

    /// The accepted document `id` a baja may be requested for (the question before asking the reason).
    public func voidCandidate(id: Int64) throws -> EDocumentRecord {
        let r = try visible(.invoiceVoid, id: id)
        guard r.status == .aceptado || r.status == .observado else { throw BillingError.voidNotAllowed(r.status) }
        return r
    }

    /// Requests the baja of accepted document `id` (comunicación de baja or resumen diario, sent by the
    /// worker); returns the record as it stands now. Throws `EBatchError` for what the store refuses.
    @discardableResult
    public func requestVoid(id: Int64, reason: String) throws -> EDocumentRecord {
        _ = try visible(.invoiceVoid, id: id)
        try repository.requestVoid(id: id, reason: reason)
        return try record(id: id)
    }

    /// The audit log as this actor, through its door.
    var audit: AuditLog { AuditLog(db: services.db, user: actor.auditName, door: actor.door, now: services.now) }
}
