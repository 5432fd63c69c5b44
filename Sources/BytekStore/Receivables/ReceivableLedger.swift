import BytekModel
import Foundation

/// Turns every issued document into what the customer owes, inside the issuing transaction (so no
/// document is ever stored without its receivables, whoever issued it: a user, the CLI, the worker).
/// Called by `EDocumentRepository.issue`.
enum ReceivableLedger {
    /// `id` is the new e_document row of `document` (numbered), `amounts` its figures.
    static func documentIssued(db: Database, id: Int64, document: EDocument, amounts: EDocumentAmounts,
                               user: String, now: Date) throws {
        // Filled in by the receivables ledger (issue 11 §1).
    }
}
