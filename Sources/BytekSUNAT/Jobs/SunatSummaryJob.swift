import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// The "sunat.summary" job: builds the resúmenes diarios (RC) of the boletas and notes on boletas not yet
/// informed, plus lines with status 3 for the boletas whose baja was requested; one RC per issue day of
/// the documents (SUNAT's reference date), up to 500 lines each. Payload `{"date": "YYYY-MM-DD"}` limits it
/// to the documents issued that day; without it every pending day is summarised.
///
/// Guarantees: candidates are read, the RC is numbered (next sequence for today, Lima time), signed,
/// zipped and stored with its links and its send job in ONE transaction, before anything is sent (with
/// SUNAT's rules folder configured, it is first checked against them outside it: `SunatBatchJobs.store`); the
/// "sunat.batch.send" job then sends the stored ZIP. Running it twice (or in two workers) never puts a
/// document in two live summaries.
public enum SunatSummaryJob {
    public static let kind = EBatchRepository.summaryJobKind
    public static let scheduleName = "resumen-diario"
    public static let scheduleRule = "daily 21:00"

    public static func run(_ context: JobContext, signer: SunatBatchSigner.Factory) throws -> String? {
        let date = context.payloadObject["date"] as? String
        let created = try createSummaries(db: context.db, signer: signer, clock: context.now, date: date,
                                          user: SunatWorkerActor.auditName)
        return JobPayload.text(["lotes": created.map(\.identifier)])
    }

    /// Stores the RCs for what is pending (see the type's guarantees); returns them, empty when nothing was.
    @discardableResult
    public static func createSummaries(db: Database, signer makeSigner: SunatBatchSigner.Factory,
                                       clock: @escaping MillisecondClock, date: String? = nil,
                                       user: String = SunatWorkerActor.auditName) throws -> [EBatchRecord] {
        let repo = SunatWorkerActor.batches(db, clock: clock, user: user)
        if try repo.unsummarisedBoletas(on: date, limit: 1).isEmpty,
           try repo.pendingVoids(family: .boleta, on: date).isEmpty { return [] }
        let signer = try makeSigner(db)
        let documents = EDocumentRepository(db: db)
        // What would be stored now: one RC per issue day, numbered from today's next sequence.
        func build() throws -> [(SummaryDocument, [EBatchLine])] {
            let items: [(EDocumentRecord, SummaryStatus)] = try repo.unsummarisedBoletas(on: date).map { ($0, .add) }
                + repo.pendingVoids(family: .boleta, on: date).map { ($0, .void) }
            let today = LimaTime.date(repo.nowDate)
            let first = try repo.nextSequence(kind: .resumen, issueDate: today.description)
            return try SunatBatchJobs.chunksByDay(items, day: { $0.0.issueDate }).enumerated().map { i, chunk in
                var lines: [SummaryLine] = []
                var links: [EBatchLine] = []
                for (r, status) in chunk.items {
                    guard let doc = try documents.document(id: r.id) else {
                        throw SunatJobError("el comprobante \(r.documentID) no tiene su documento guardado")
                    }
                    lines.append(try SummaryLine(doc, status: status))
                    links.append(EBatchLine(documentID: r.id, line: links.count + 1, lineStatus: status.code,
                                            voidReason: status == .void ? r.voidReason : nil))
                }
                return (SummaryDocument(issuer: signer.issuer, referenceDate: min(chunk.reference, today), issueDate: today,
                                        sequence: first + i, lines: lines), links)
            }
        }
        return try SunatBatchJobs.store(db: db, repo: repo, build: build) { try signer.prepare($0, modified: repo.nowDate) }
    }
}
