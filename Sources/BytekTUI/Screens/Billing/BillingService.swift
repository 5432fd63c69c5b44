import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// What the Facturación screens do to the store: issue notes (and invoices from quotes), re-queue
/// sends, read the signed XML. No drawing here, so each action is one call a test can make.
///
/// Issuing always goes through `EDocumentIssuer`: numbered, signed, stored and queued in one
/// transaction, so a refused document leaves nothing behind and consumes no number.
struct BillingService {
    let store: Store
    let user: String
    let now: @Sendable () -> Date
    /// The process environment, read when a document is signed (credentials may come from it).
    let environment: @Sendable () -> [String: String]

    var repository: EDocumentRepository { EDocumentRepository(db: store.db, user: user, now: now) }

    // MARK: issuing

    /// The number `document` would take if issued now ("F001-13"), for the question before issuing; the
    /// number actually taken is decided in the issuing transaction.
    func nextDocumentID(_ document: EDocument) -> String {
        let last = (try? Numbering.last(document.series.code, in: store.db)) ?? 0
        return document.series.code + "-" + String(last + 1)
    }

    func settings() throws -> EInvoicingSettings { try EInvoicingSettingsRepository(db: store.db).require() }

    /// The issuer with the company certificate named by the credentials (file or environment).
    func issuer() throws -> EDocumentIssuer {
        let credentials = try EInvoicingCredentials.load(environment: environment())
        let key: SigningKey
        do { key = try SigningKey(credentials: credentials) } catch { throw BillingError.signingKey(error.libraryMessage) }
        return EDocumentIssuer(repository: repository, key: key)
    }

    /// The series for `kind` in the family of the document it belongs to: the configured note series
    /// ("FC01") moved to the boleta family ("BC01") when the note modifies a boleta.
    func series(for kind: DocumentKind, family: DocumentFamily, settings: EInvoicingSettings) throws -> Series {
        guard var code = settings.series(for: kind), !code.isEmpty else { throw BillingError.seriesMissing(kind) }
        if let first = code.first, first != family.prefix { code = String(family.prefix) + code.dropFirst() }
        do { return try Series(code, for: kind) } catch { throw BillingError.invalidSeries(code) }
    }

    /// A credit or debit note on the accepted document `originalID`, with all its lines.
    /// With `amount` (a value without IGV) the note carries one line for that amount, taxed like the
    /// original's first line; without it, every line of the original (a whole anulación or devolución).
    func noteDocument(originalID: Int64, kind: DocumentKind, reason: NoteReason, description: String,
                      amount: Decimal? = nil) throws -> EDocument {
        guard let record = try repository.record(id: originalID) else { throw BillingError.documentNotFound }
        guard !record.kind.isNote else { throw BillingError.noteOnNote }
        guard record.status == .aceptado || record.status == .observado else { throw BillingError.notAccepted(record.status) }
        guard let original = try repository.document(id: originalID) else { throw BillingError.documentUnreadable }
        let settings = try settings()
        let series = try series(for: kind, family: original.series.family, settings: settings)
        let reference = DocumentReference(kind: original.kind, series: original.series, number: original.number)
        var lines = original.lines
        if let amount {
            let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
            lines = [EDocumentLine(description: text.isEmpty ? reason.code : text, quantity: 1, unit: .service,
                                   unitPrice: amount, affectation: original.lines.first?.affectation ?? .onerous(.gravado),
                                   itemKind: .service)]
        }
        return EDocument(kind: kind, series: series, number: 1, issuedAt: now(), issuer: settings.issuer,
                         customer: original.customer, currency: original.currency, lines: lines,
                         exchangeRate: original.exchangeRate,
                         note: NoteDetails(reference: reference, reason: reason,
                                           description: description.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Issues a note on `originalID` (see `noteDocument`).
    @discardableResult
    func issueNote(originalID: Int64, kind: DocumentKind, reason: NoteReason, description: String,
                   amount: Decimal? = nil) throws -> EDocumentRecord {
        let doc = try noteDocument(originalID: originalID, kind: kind, reason: reason, description: description, amount: amount)
        return try issuer().issue(doc)
    }

    /// The factura (customer with RUC) or boleta for the one-time part of accepted quote `quoteId`,
    /// through `QuoteInvoicing`. Refused when the quote was already invoiced and that document stands.
    func invoiceDocument(quoteId: Int64) throws -> (document: EDocument, quote: Quote) {
        guard let quote = try QuoteRepository(db: store.db, user: user).get(quoteId) else { throw BillingError.quoteNotFound }
        guard quote.state == .accepted else { throw BillingError.quoteNotAccepted }
        if let existing = try repository.invoices(forQuote: quote.number).first {
            throw BillingError.quoteAlreadyInvoiced(existing.documentID)
        }
        guard let customerId = quote.customerId else { throw BillingError.quoteWithoutCustomer }
        guard let customer = try CustomerRepository(db: store.db, user: user).get(customerId) else {
            throw BillingError.customerNotFound
        }
        let settings = try settings()
        let kind: DocumentKind = customer.docType == .ruc ? .factura : .boleta
        let series = try series(for: kind, family: kind == .factura ? .factura : .boleta, settings: settings)
        let doc = try QuoteInvoicing.document(quote: quote, customer: DocumentCustomer(customer: customer),
                                              issuer: settings.issuer, series: series, issuedAt: now(),
                                              detraccionAccount: settings.detraccionAccount)
        return (doc, quote)
    }

    /// Issues the factura or boleta of accepted quote `quoteId` (see `invoiceDocument`).
    @discardableResult
    func issueInvoice(quoteId: Int64) throws -> EDocumentRecord {
        let (doc, quote) = try invoiceDocument(quoteId: quoteId)
        return try issuer().issue(doc, quoteNumber: quote.number)
    }

    /// Issues a document built elsewhere (typed by hand): validated, numbered, signed and queued.
    @discardableResult
    func issue(_ document: EDocument) throws -> EDocumentRecord { try issuer().issue(document) }

    // MARK: sending

    /// Puts the send job of document `id` back in line now (as the Tareas screen does). Refused when
    /// SUNAT already answered, or the job is running.
    @discardableResult
    func retry(id: Int64) throws -> Job {
        guard let record = try repository.record(id: id) else { throw BillingError.documentNotFound }
        guard !record.status.isFinal else { throw BillingError.alreadyFinal(record.status) }
        let queue = JobQueue(db: store.db)
        let key = EDocumentRepository.sendJobKey(series: record.series, number: record.number)
        guard let job = try queue.job(idempotencyKey: key) else { throw BillingError.jobMissing(record.documentID) }
        guard try queue.retryNow(id: job.id) else { throw BillingError.jobNotRetriable }
        return try queue.job(id: job.id) ?? job
    }

    /// Queues the resumen diario now (instead of waiting for its 21:00 schedule) for the boletas, their notes
    /// and their bajas that wait for one; returns how many documents it will carry.
    @discardableResult
    func queueSummary() throws -> Int {
        let batches = EBatchRepository(db: store.db, user: user)
        let waiting = try batches.unsummarisedBoletas().count + batches.pendingVoids(family: .boleta).count
        guard waiting > 0 else { throw BillingError.nothingToSummarise }
        _ = try JobQueue(db: store.db).enqueue(kind: SunatSummaryJob.kind, payload: "{}", maxAttempts: 20)
        return waiting
    }

    /// Requests the baja of accepted document `id` (comunicación de baja or resumen diario, sent by the
    /// worker); returns the record as it stands now.
    @discardableResult
    func requestVoid(id: Int64, reason: String) throws -> EDocumentRecord {
        try repository.requestVoid(id: id, reason: reason)
        guard let record = try repository.record(id: id) else { throw BillingError.documentNotFound }
        return record
    }

    /// The signed XML of `id` exactly as stored, as text.
    func signedXML(id: Int64) throws -> String {
        guard let bytes = try repository.signedXML(id: id) else { throw BillingError.documentNotFound }
        return String(decoding: bytes, as: UTF8.self)
    }
}
