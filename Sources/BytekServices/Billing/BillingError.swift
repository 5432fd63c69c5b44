import BytekModel
import BytekStore
import Foundation

/// Why a Facturación operation was refused before reaching the store (each door words it: the TUI's
/// `BillingText`, the CLI's messages).
public enum BillingError: Error, Equatable, Sendable {
    case documentNotFound
    /// Notes modify a factura or a boleta, never another note.
    case noteOnNote
    /// Notes reference a document SUNAT accepted (aceptado or observado); this one is in `status`.
    case notAccepted(EDocumentStatus)
    /// The settings have no series for this kind of document.
    case seriesMissing(DocumentKind)
    case invalidSeries(String)
    /// The stored document could not be read back (its JSON).
    case documentUnreadable
    /// No send job exists for the document.
    case jobMissing(String)
    /// The document already has SUNAT's final answer: nothing to retry.
    case alreadyFinal(EDocumentStatus)
    /// The job is running (or done) right now.
    case jobNotRetriable
    case quoteNotFound
    /// No quote has this number (`bytek invoice issue --from-quote`).
    case quoteNumberNotFound(String)
    /// The quote has no such version.
    case quoteVersionNotFound(String, version: Int)
    case quoteNotAccepted
    case quoteWithoutCustomer
    /// The quote's one-time part was already invoiced by this document.
    case quoteAlreadyInvoiced(String)
    case customerNotFound
    case signingKey(String)
    /// A factura or boleta can be voided only once SUNAT accepted it.
    case voidNotAllowed(EDocumentStatus)
    case emptyReason
    /// No boleta (or baja of a boleta) waits for a resumen diario.
    case nothingToSummarise
    /// Neither `--rules` nor the settings name SUNAT's rules folder (`invoice check`).
    case rulesFolderMissing
}
