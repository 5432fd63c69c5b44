import BytekModel
import BytekStore
import BytekWorker
import Foundation

/// The "sunat.void" job: builds the comunicaciones de baja (RA) for the facturas and notes on facturas
/// whose baja was requested (`EDocumentRepository.requestVoid`); one RA per issue day of the voided
/// documents (SUNAT's reference date), up to 500 lines each.
///
/// Guarantees as `SunatSummaryJob`: read, numbered, signed, zipped and stored with links and send job in
/// ONE transaction before anything is sent; a request is never in two live RAs.
public enum SunatVoidJob {
    public static let kind = EBatchRepository.voidJobKind

    public static func run(_ context: JobContext, signer: SunatBatchSigner.Factory) throws -> String? {
        let created = try createVoids(db: context.db, signer: signer, clock: context.now, user: SunatWorkerActor.auditName)
        return JobPayload.text(["lotes": created.map(\.identifier)])
    }

    /// Stores the RAs for the pending requests; returns them, empty when there was none.
    @discardableResult
    public static func createVoids(db: Database, signer makeSigner: SunatBatchSigner.Factory,
                                   clock: @escaping MillisecondClock, user: String = SunatWorkerActor.auditName) throws -> [EBatchRecord] {
        let repo = SunatWorkerActor.batches(db, clock: clock, user: user)
        if try repo.pendingVoids(family: .factura).isEmpty { return [] }
        let signer = try makeSigner(db)
        func build() throws -> [(VoidedDocuments, [EBatchLine])] {
            let today = LimaTime.date(repo.nowDate)
            let first = try repo.nextSequence(kind: .baja, issueDate: today.description)
            return try SunatBatchJobs.chunksByDay(try repo.pendingVoids(family: .factura), day: \.issueDate).enumerated()
                .map { i, chunk in
                    var lines: [VoidedLine] = []
                    var links: [EBatchLine] = []
                    for r in chunk.items {
                        let reason = r.voidReason ?? ""
                        lines.append(VoidedLine(kind: r.kind, series: try Series(r.series), number: r.number, reason: reason))
                        links.append(EBatchLine(documentID: r.id, line: links.count + 1, lineStatus: SummaryStatus.void.code,
                                                voidReason: reason))
                    }
                    return (VoidedDocuments(issuer: signer.issuer, referenceDate: min(chunk.reference, today), issueDate: today,
                                            sequence: first + i, lines: lines), links)
                }
        }
        return try SunatBatchJobs.store(db: db, repo: repo, build: build) { try signer.prepare($0, modified: repo.nowDate) }
    }
}
