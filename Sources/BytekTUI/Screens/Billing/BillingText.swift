import BytekDocuments
import BytekModel
import BytekStore
import BytekSUNAT
import BytekServices
import Foundation

/// The words of Facturación: status and kind names, their colours, dates, and every error as a sentence.
struct BillingText {
    let s: Strings
    init(_ strings: Strings) { s = strings }

    func status(_ status: EDocumentStatus) -> String { s["billing.status." + status.rawValue] }
    /// The status column: SUNAT's status, or "baja sol." while a requested baja awaits SUNAT.
    func listStatus(_ r: EDocumentRecord) -> String { r.isVoidPending ? s["billing.status.voidPending"] : status(r.status) }
    func kind(_ kind: DocumentKind) -> String { s["billing.kind." + kind.code] }
    func kindShort(_ kind: DocumentKind) -> String { s["billing.kindShort." + kind.code] }

    /// The colour of a status; the status is always written too, so meaning never rests on colour.
    static func role(_ status: EDocumentStatus) -> StyleRole? {
        switch status {
        case .pendiente: return nil
        case .enviado: return .accent
        case .aceptado: return .success
        case .observado: return .warning
        case .rechazado, .error: return .error
        case .anulado: return .dim
        }
    }

    /// "2026-11-18" → "18/11/2026" (left as is when it is not a date).
    static func date(_ iso: String) -> String {
        guard let d = LocalDate(iso) else { return iso }
        return QuoteText.date(d)
    }

    /// "RUC 20100047218", "DNI 45873216", "— (varios)".
    func customerDocument(type code: String, number: String) -> String {
        guard let type = CustomerDocumentType(rawValue: code) else { return s["billing.doc.none"] }
        switch type {
        case .ruc: return "RUC " + number
        case .dni: return "DNI " + number
        case .ce: return "CE " + number
        case .passport: return s["billing.doc.passport"] + " " + number
        case .nonDomiciled: return s["billing.doc.nonDomiciled"] + " " + number
        case .none: return s["billing.doc.none"]
        }
    }

    func reason(_ reason: NoteReason) -> String {
        switch reason {
        case .credit(let r): return r.code + " " + r.displayName
        case .debit(let r): return r.code + " " + r.displayName
        }
    }

    /// Any error met by a Facturación action, in Spanish.
    func describe(_ error: Error) -> String {
        switch error {
        case let e as BillingError: return billing(e)
        case let e as ServiceError: return ServiceErrorText.describe(e, s, notFound: s["billing.err.notFound"])
        case let e as EDocumentError: return e.message
        case let e as EInvoicingSettingsError: return e.message
        case let e as EBatchError: return e.message
        case let e as XMLSigningError: return s.format("billing.err.signing", e.libraryMessage)
        case let e as QuoteInvoicingError: return e.message
        case let e as QuoteError: return QuoteText(s).error(e)
        case let e as InvoicePDFError: return e.message
        case let e as ExchangeRateError: return e.message.prefix(1).uppercased() + e.message.dropFirst()
        case let e as PDFError: return e.message
        default: return ErrorText(s).describe(error)
        }
    }

    func billing(_ e: BillingError) -> String {
        switch e {
        case .documentNotFound: return s["billing.err.notFound"]
        case .noteOnNote: return s["billing.err.noteOnNote"]
        case .notAccepted(let st): return s.format("billing.err.notAccepted", status(st))
        case .seriesMissing(let k): return s.format("billing.err.seriesMissing", kind(k))
        case .invalidSeries(let code): return s.format("billing.err.invalidSeries", code)
        case .documentUnreadable: return s["billing.err.unreadable"]
        case .jobMissing(let id): return s.format("billing.err.jobMissing", id)
        case .alreadyFinal(let st): return s.format("billing.err.alreadyFinal", status(st))
        case .jobNotRetriable: return s["billing.err.jobRunning"]
        case .quoteNotFound, .quoteNumberNotFound, .quoteVersionNotFound: return s["billing.err.quoteNotFound"]
        case .quoteNotAccepted: return s["billing.err.quoteNotAccepted"]
        case .quoteWithoutCustomer: return s["billing.err.quoteWithoutCustomer"]
        case .quoteAlreadyInvoiced(let id): return s.format("billing.err.quoteInvoiced", id)
        case .customerNotFound: return s["billing.err.customerNotFound"]
        case .signingKey(let m): return s.format("billing.err.signing", m)
        case .voidNotAllowed(let st): return s.format("billing.err.voidNotAllowed", status(st))
        case .emptyReason: return s["billing.err.emptyReason"]
        case .nothingToSummarise: return s["billing.err.nothingToSummarise"]
        case .rulesFolderMissing: return s["billing.err.rulesFolderMissing"]
        }
    }
}
