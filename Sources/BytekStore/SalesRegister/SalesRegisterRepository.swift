import BytekModel
import Foundation

/// What the sales register (SIRE RVIE) reads from the books: the period's issued documents exactly as they
/// were issued (`e_document.document_json`), and the audit entry of each replacement file generated.
public struct SalesRegisterRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The audit entity of a generated replacement file.
    public static let auditEntity = "sales_register"

    /// The documents issued in `period` (by issue date, through the `(issue_date, id)` index), by type, series
    /// and number. Rejected documents and documents that failed before reaching SUNAT ("rechazado", "error")
    /// do not exist for SUNAT and are left out; pending ones are in (SUNAT's proposal will lack them, and the
    /// comparison says so). One read transaction; a note's modified document's date comes from the same table.
    public func documents(_ period: YearMonth) throws -> [SalesRegisterDocument] {
        let days = SalesRegisterPeriod.days(period)
        return try db.read {
            let decoder = JSONDecoder()
            var out: [SalesRegisterDocument] = []
            try db.forEach("""
                SELECT series, number, status, document_json FROM e_document
                WHERE issue_date BETWEEN ? AND ? AND status NOT IN ('rechazado', 'error')
                ORDER BY kind, series, number
                """, [.text(days.first.description), .text(days.last.description)]) { row in
                let id = row.string("series") + "-" + String(row.int("number"))
                let doc: EDocument
                do {
                    doc = try decoder.decode(EDocument.self, from: Data(row.string("document_json").utf8))
                } catch {
                    throw SalesRegisterError.document(id: id, reason: "su contenido guardado no se puede leer (\(error))")
                }
                let status = row.string("status")
                out.append(SalesRegisterDocument(document: doc, voided: status == EDocumentStatus.anulado.rawValue, status: status))
            }
            for i in out.indices {
                guard let ref = out[i].document.note?.reference else { continue }
                let date = try db.scalar("SELECT issue_date FROM e_document WHERE series = ? AND number = ?",
                                         [.text(ref.series.code), .int(Int64(ref.number))]).stringValue
                out[i].referenceDate = date.flatMap(LocalDate.init)
            }
            return out
        }
    }

    /// Records that SUNAT's proposal of `period` was asked for through the SIRE API (the worker saves it at `path`).
    public func recordProposalRequest(period: YearMonth, path: String) throws {
        try db.write {
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: nil, action: .create,
                summary: "Propuesta RVIE \(period) solicitada al SIRE (se guardará en \(path))")
        }
    }

    /// Records that the replacement file of `period` was generated: its name, document count and totals.
    public func recordGeneration(period: YearMonth, fileName: String, totals: SalesRegisterTotals) throws {
        struct Generated: Encodable { var period: String; var file: String; var documents: Int; var totals: [String] }
        let docs = totals.byCurrency.reduce(0) { $0 + $1.sums.documents }
        try db.write {
            try AuditLog(db: db, user: user, door: door, now: now).append(
                entity: Self.auditEntity, entityId: nil, action: .create,
                summary: "Registro de ventas \(period): \(fileName) (\(docs) documentos)",
                after: Generated(period: period.description, file: fileName, documents: docs, totals: totals.summaryLines))
        }
    }
}
