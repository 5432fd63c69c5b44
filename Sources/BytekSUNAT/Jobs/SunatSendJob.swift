import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// Why a send attempt did not finish; the worker retries it with the queue's backoff.
public struct SunatJobError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The "sunat.send" job: sends one stored document with sendBill and records SUNAT's answer.
///
/// Guarantees: the stored ZIP is sent as is (never rebuilt); a document that already has SUNAT's final
/// answer is never sent again; "already registered" (1033) fetches the CDR with getStatusCdr instead of
/// resending, so a worker killed between SUNAT's answer and the commit ends with the document answered
/// exactly once. 0 → aceptado (observado with 4xxx notes); 2000–3999 → rechazado (the number stays
/// spent); exceptions, network errors, HTTP 500 and timeouts throw, so the job is retried.
public enum SunatSendJob {
    public static let kind = EDocumentRepository.sendJobKind

    /// What the handler needs besides the job: how to reach SUNAT.
    public typealias ServiceFactory = (Database) throws -> any SunatService

    /// Runs one attempt; returns the job result (JSON text).
    public static func run(_ context: JobContext, service makeService: ServiceFactory) throws -> String? {
        let payload = context.payloadObject
        guard let series = payload["series"] as? String, let number = (payload["number"] as? NSNumber)?.intValue else {
            throw SunatJobError("trabajo sunat.send sin serie o número: \(context.job.payload)")
        }
        let repo = SunatWorkerActor.documents(context.db)
        guard let record = try repo.record(series: series, number: number) else {
            throw SunatJobError("no existe el comprobante \(series)-\(number)")
        }
        if record.status.isFinal { return result(record) }
        guard let zip = try repo.zip(id: record.id) else { throw SunatJobError("el comprobante \(record.documentID) no tiene ZIP") }
        let service = try makeService(context.db)
        try repo.markSending(id: record.id)
        do {
            let cdr = try service.sendBill(fileName: record.fileName + ".zip", zip: zip)
            try recordCDR(cdr, for: record, repo: repo)
        } catch let error as SunatSOAPError {
            if error.isAlreadyRegistered {
                try fetchCDR(record, service: service, repo: repo)
            } else if case .fault(let code, let message, _) = error, let n = Int(code), (2000...3999).contains(n) {
                // Rejections answered as a fault (--rejections-as-faults, or SUNAT's own habit for some codes).
                try repo.recordAnswer(id: record.id, status: .rechazado, cdrZip: nil, responseCode: code,
                                      description: message, observations: [])
            } else {
                try repo.recordError(id: record.id, message: error.sunatText,
                                     finalFailure: context.job.attempts >= context.job.maxAttempts)
                throw SunatJobError(error.sunatText)
            }
        }
        guard let updated = try repo.record(id: record.id) else { return nil }
        return result(updated)
    }

    /// getStatusCdr for a document SUNAT already has (1033), and records its CDR.
    static func fetchCDR(_ record: EDocumentRecord, service: any SunatService, repo: EDocumentRepository) throws {
        let answer: SunatStatusResponse
        do {
            answer = try service.getStatusCdr(ruc: record.issuerRUC, kind: record.kind.code, series: record.series,
                                              number: record.number)
        } catch {
            try repo.recordError(id: record.id, message: error.sunatText)
            throw SunatJobError(error.sunatText)
        }
        guard let content = answer.content else {
            let message = "SUNAT indica que el comprobante ya fue registrado, pero no entrega su CDR "
                + "(\(answer.statusCode) \(answer.statusMessage ?? ""))"
            try repo.recordError(id: record.id, message: message)
            throw SunatJobError(message)
        }
        try recordCDR(content, for: record, repo: repo)
    }

    /// Reads a CDR ZIP and stores it with the status it means.
    static func recordCDR(_ zip: Data, for record: EDocumentRecord, repo: EDocumentRepository) throws {
        let cdr: CDRResponse
        do { cdr = try CDRReader.read(zip: zip) } catch {
            try repo.recordError(id: record.id, message: error.sunatText)
            throw SunatJobError(error.sunatText)
        }
        let status: EDocumentStatus
        switch cdr.code ?? -1 {
        case 0: status = cdr.observations.isEmpty ? .aceptado : .observado
        case 2000...3999: status = .rechazado
        case 4000...: status = .observado
        default:
            let message = "SUNAT respondió \(cdr.responseCode): \(cdr.description)"
            try repo.recordError(id: record.id, message: message)
            throw SunatJobError(message)
        }
        try repo.recordAnswer(id: record.id, status: status, cdrZip: zip, responseCode: cdr.responseCode,
                              description: cdr.description, observations: cdr.observations)
    }

    private static func result(_ r: EDocumentRecord) -> String {
        JobPayload.text(["document": r.documentID, "status": r.status.rawValue, "code": r.responseCode ?? ""])
    }

    /// The usual factory: the saved settings' endpoints and the credentials from file or environment.
    public static func serviceFactory(environment: [String: String]) -> ServiceFactory {
        { db in
            let settings = try EInvoicingSettingsRepository(db: db).require()
            let credentials = try EInvoicingCredentials.load(environment: environment)
            let endpoints = settings.activeEndpoints
            guard let bill = URL(string: endpoints.billService), let consult = URL(string: endpoints.consultService) else {
                throw SunatJobError("las direcciones de SUNAT configuradas no son válidas")
            }
            return SunatSOAPClient(billService: bill, consultService: consult,
                                   username: credentials.username(ruc: settings.issuer.ruc),
                                   password: credentials.solPassword, timeout: TimeInterval(settings.timeoutSeconds))
        }
    }
}

extension Error {
    /// Spanish text for the SUNAT layer's own errors, else the error's description.
    var sunatText: String {
        switch self {
        case let e as SunatSOAPError: return e.message
        case let e as CDRError: return e.message
        case let e as SunatJobError: return e.message
        case let e as EInvoicingSettingsError: return e.message
        default: return String(describing: self)
        }
    }
}
