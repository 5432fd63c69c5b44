import BytekModel
import Foundation

/// The rules an issued document is held to against the documents already stored, checked inside the
/// issuing transaction (so two users issuing at once cannot both slip past them):
/// - its issue date (a Lima day) is not in the future, not older than SUNAT's window for its kind and
///   not before the last document of its series (`IssueDateRule`);
/// - a note is in the currency of the document it modifies, and credit notes never credit more than
///   what is left of it (`CreditLimit`).
extension EDocumentRepository {
    /// Throws `EDocumentError.issueDate` or `.noteLimit` when `doc` breaks a rule.
    public func checkIssueRules(_ doc: EDocument) throws {
        let last = try db.scalar("SELECT max(issue_date) FROM e_document WHERE series = ?", [.text(doc.series.code)])
            .stringValue.flatMap(LocalDate.init)
        do {
            try IssueDateRule.check(doc.issueDate, kind: doc.kind, today: LimaTime.date(now()), lastInSeries: last,
                                    series: doc.series.code)
        } catch { throw EDocumentError.issueDate(error) }
        try ClosedPeriods(db: db).check(doc.issueDate, action: "emitir")
        guard let ref = doc.note?.reference,
              let original = try record(series: ref.series.code, number: ref.number),
              let originalDoc = try document(id: original.id) else { return }
        var previous: [EDocument] = []
        let ids = try db.query(
            """
            SELECT id FROM e_document WHERE kind = '07' AND status NOT IN ('rechazado', 'anulado')
                AND json_extract(document_json, '$.note.reference.series') = ?
                AND json_extract(document_json, '$.note.reference.number') = ?
            """, [.text(ref.series.code), .int(Int64(ref.number))]).map { $0.int("id") }
        for id in ids { if let d = try document(id: id) { previous.append(d) } }
        do { try CreditLimit.check(note: doc, original: originalDoc, previous: previous) } catch {
            throw EDocumentError.noteLimit(error)
        }
    }
}
