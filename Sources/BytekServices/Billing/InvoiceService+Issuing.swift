import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

extension InvoiceService {
    /// The e-invoicing settings documents are built with.
    public func settings() throws -> EInvoicingSettings {
        try actor.authorize(.billingSettingsView)
        return try EInvoicingSettingsRepository(db: services.db).require()
    }

    /// The issuer with the company certificate named by the credentials (secrets file or environment).
    func issuer() throws -> EDocumentIssuer {
        let credentials = try EInvoicingCredentials.load(environment: services.environment())
        let key: SigningKey
        do { key = try SigningKey(credentials: credentials) } catch { throw BillingError.signingKey(error.libraryMessage) }
        return EDocumentIssuer(repository: repository, key: key)
    }

    /// The series for `kind` in the family of the document it belongs to: the configured note series
    /// ("FC01") moved to the boleta family ("BC01") when the note modifies a boleta.
    public static func series(for kind: DocumentKind, family: DocumentFamily, settings: EInvoicingSettings) throws -> Series {
        guard var code = settings.series(for: kind), !code.isEmpty else { throw BillingError.seriesMissing(kind) }
        if let first = code.first, first != family.prefix { code = String(family.prefix) + code.dropFirst() }
        do { return try Series(code, for: kind) } catch { throw BillingError.invalidSeries(code) }
    }

    // MARK: by hand

    /// Issues a document built elsewhere (typed by hand, or read from a JSON file): validated, numbered,
    /// signed and queued. A note needs the note operation (see `noteReference`).
    @discardableResult
    /// Beyond the customer's credit limit it needs `creditOverride` (finanzas' reason; see `CreditLimitService`).
    public func issue(_ document: EDocument, quoteNumber: String? = nil, creditOverride: String? = nil) throws -> EDocumentRecord {
        try actor.authorize(document.kind.isNote ? .invoiceNote : .invoiceIssue)
        let credit = try services.credit.gate(document: document, override: creditOverride)
        return try issuer().issue(document, quoteNumber: quoteNumber, alongside: credit)
    }

    // MARK: notes

    /// The accepted factura or boleta "F001-12" a note typed elsewhere modifies, with its document as issued.
    /// `documentNotFound` when it does not exist; `notAccepted` unless SUNAT accepted it.
    public func noteReference(documentID: String) throws -> (record: EDocumentRecord, document: EDocument?) {
        try actor.authorize(.invoiceNote)
        guard let record = try repository.record(documentID: documentID.uppercased()) else { throw BillingError.documentNotFound }
        guard record.status == .aceptado || record.status == .observado else { throw BillingError.notAccepted(record.status) }
        return (record, try repository.document(id: record.id))
    }

    /// The accepted factura or boleta `id` a note may modify (refused for a note, or before SUNAT accepted it).
    public func noteOriginal(id: Int64) throws -> EDocumentRecord {
        try actor.authorize(.invoiceNote)
        guard let record = try repository.record(id: id) else { throw BillingError.documentNotFound }
        guard !record.kind.isNote else { throw BillingError.noteOnNote }
        guard record.status == .aceptado || record.status == .observado else { throw BillingError.notAccepted(record.status) }
        return record
    }

    /// A credit or debit note on the accepted document `originalID`, with all its lines.
    /// With `amount` (a value without IGV) the note carries one line for that amount, taxed like the
    /// original's first line; without it, every line of the original (a whole anulación or devolución).
    public func noteDocument(originalID: Int64, kind: DocumentKind, reason: NoteReason, description: String,
                             amount: Decimal? = nil) throws -> EDocument {
        _ = try noteOriginal(id: originalID)
        guard let original = try repository.document(id: originalID) else { throw BillingError.documentUnreadable }
        let settings = try EInvoicingSettingsRepository(db: services.db).require()
        let series = try Self.series(for: kind, family: original.series.family, settings: settings)
        let reference = DocumentReference(kind: original.kind, series: original.series, number: original.number)
        var lines = original.lines
        if let amount {
            let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
            lines = [EDocumentLine(description: text.isEmpty ? reason.code : text, quantity: 1, unit: .service,
                                   unitPrice: amount, affectation: original.lines.first?.affectation ?? .onerous(.gravado),
                                   itemKind: .service)]
        }
        return EDocument(kind: kind, series: series, number: 1, issuedAt: services.now(), issuer: settings.issuer,
                         customer: original.customer, currency: original.currency, lines: lines,
                         exchangeRate: original.exchangeRate,
                         note: NoteDetails(reference: reference, reason: reason,
                                           description: description.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Issues a note on `originalID` (see `noteDocument`).
    @discardableResult
    public func issueNote(originalID: Int64, kind: DocumentKind, reason: NoteReason, description: String,
                          amount: Decimal? = nil) throws -> EDocumentRecord {
        let doc = try noteDocument(originalID: originalID, kind: kind, reason: reason, description: description, amount: amount)
        return try issuer().issue(doc)
    }

    // MARK: from a quote

    /// Quote `number`'s version `version`, or its newest accepted version (its newest one when none was
    /// accepted, which `invoiceDocument` then refuses in words).
    public func quote(number: String, version: Int? = nil) throws -> Quote {
        try actor.authorize(.invoiceIssue)
        let quotes = QuoteRepository(db: services.db, user: actor.auditName)
        if let version {
            guard let q = try quotes.get(number: number, version: version) else {
                throw BillingError.quoteVersionNotFound(number, version: version)
            }
            return q
        }
        let all = try quotes.versions(of: number)
        guard let q = all.last(where: { $0.state == .accepted }) ?? all.last else { throw BillingError.quoteNumberNotFound(number) }
        return q
    }

    /// The factura (customer with RUC) or boleta for the one-time part of `quote`, to the quote's customer
    /// (or its deal's, once a lead was converted), in the settings' series or `seriesCode`. Refused when
    /// the quote was already invoiced and that document stands (neither rejected nor voided), so doing it
    /// twice never bills twice.
    public func invoiceDocument(quote: Quote, series seriesCode: String? = nil) throws -> EDocument {
        try actor.authorize(.invoiceIssue)
        let customerId = try quote.customerId ?? quote.dealId.flatMap {
            try DealRepository(db: services.db, user: actor.auditName).get($0)?.customerId
        }
        guard let customerId else { throw BillingError.quoteWithoutCustomer }
        guard let customer = try CustomerRepository(db: services.db, user: actor.auditName).get(customerId) else {
            throw BillingError.customerNotFound
        }
        let settings = try EInvoicingSettingsRepository(db: services.db).require()
        let buyer = DocumentCustomer(customer: customer)
        let kind: DocumentKind = buyer.documentType == .ruc ? .factura : .boleta
        let series: Series
        if let seriesCode {
            do { series = try Series(seriesCode) } catch { throw BillingError.invalidSeries(seriesCode) }
        } else {
            series = try Self.series(for: kind, family: kind == .factura ? .factura : .boleta, settings: settings)
        }
        if let existing = try repository.invoices(forQuote: quote.number).first {
            throw BillingError.quoteAlreadyInvoiced(existing.documentID)
        }
        var source = quote
        if quote.currency == .usd, quote.exchangeRate == nil {
            // A quote in dollars without a rate: the invoice takes the issue day's venta rate (or the latest
            // of the 7 days before); none, `ExchangeRateError.missing` says where to enter one — never a guess.
            var content = quote.content
            content.exchangeRate = try defaultExchangeRate(for: LimaTime.date(services.now())).rate
            source = Quote(id: quote.id, number: quote.number, version: quote.version, state: quote.state, content: content)
        }
        return try QuoteInvoicing.document(quote: source, customer: buyer, issuer: settings.issuer, series: series,
                                           issuedAt: services.now(), detraccionAccount: settings.detraccionAccount)
    }

    /// The document of accepted quote `quoteId` (see `invoiceDocument(quote:)`), for the question before issuing.
    public func invoiceDocument(quoteId: Int64) throws -> (document: EDocument, quote: Quote) {
        try actor.authorize(.invoiceIssue)
        guard let quote = try QuoteRepository(db: services.db, user: actor.auditName).get(quoteId) else {
            throw BillingError.quoteNotFound
        }
        guard quote.state == .accepted else { throw BillingError.quoteNotAccepted }
        return (try invoiceDocument(quote: quote), quote)
    }

    /// Issues the factura or boleta of accepted quote `quoteId`.
    @discardableResult
    public func issueInvoice(quoteId: Int64, creditOverride: String? = nil) throws -> EDocumentRecord {
        let (doc, quote) = try invoiceDocument(quoteId: quoteId)
        let credit = try services.credit.gate(document: doc, override: creditOverride)
        return try issuer().issue(doc, quoteNumber: quote.number, alongside: credit)
    }
}
