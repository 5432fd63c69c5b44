import BytekDocuments
import BytekModel
import BytekStore
import Foundation

/// Contracts of accepted quote versions, for an actor. Recording is idempotent per version: the
/// first call numbers it (`CTR-2026-00001`), later calls find the same row. A contact may print its
/// own customer's recorded contracts; another customer's read as not found.
public struct ContractService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: ContractRepository { services.acting(ContractRepository.self) }

    /// Recorded contracts, oldest first, optionally those of one quote number.
    public func list(quoteNumber: String? = nil) throws -> [Contract] {
        try actor.authorize(.contractList)
        return try repository.list(quoteNumber: quoteNumber)
    }

    /// Records the contract of accepted version `quoteId` (or finds the one recorded before).
    @discardableResult
    public func record(quoteId: Int64) throws -> (contract: Contract, created: Bool) {
        let (quote, _) = try stored(quoteId, .contractRecord)
        let (document, totals) = try QuoteRendering.contractDocument(quote, store: services.store, today: services.quotes.today)
        return try record(quote, document: document, totals: totals)
    }

    /// The PDF of the contract of version `quoteId`, to `path` (default `documentos/CTR-….pdf`). A
    /// version without a contract gets one recorded now when the actor may record contracts;
    /// otherwise `QuotePrintingError.contractNotRecorded`.
    public func pdf(quoteId: Int64, to path: String? = nil) throws -> ContractOutput {
        let (quote, _) = try stored(quoteId, .contractPDF)
        let (document, totals) = try QuoteRendering.contractDocument(quote, store: services.store, today: services.quotes.today)
        let recorded: (contract: Contract, created: Bool)
        if let existing = try repository.forQuote(quoteId) {
            recorded = (existing, false)
        } else {
            guard Operation.contractRecord.allows(actor) else {
                throw QuotePrintingError.contractNotRecorded(quote.number, quote.version)
            }
            try actor.authorize(.contractRecord)
            recorded = try record(quote, document: document, totals: totals)
        }
        return try QuoteRendering.renderContract(recorded.contract, created: recorded.created, document: document,
                                                 unit: quote.unit, store: services.store, to: path)
    }

    private func record(_ quote: Quote, document: ContractDocument, totals: QuoteTotals) throws -> (contract: Contract, created: Bool) {
        guard let quoteId = quote.id else { throw QuotePrintingError.quoteNotFound(quote.number) }
        let template = try QuoteRendering.template(for: quote.unit, store: services.store)
        return try repository.record(Contract(
            quoteId: quoteId, quoteNumber: quote.number, quoteVersion: quote.version,
            customerId: try services.quotes.customer(of: quote), unit: quote.unit, scopeHash: document.scopeHash,
            templateName: template.name, templateHash: template.hash, total: totals.tax.total, date: services.quotes.today))
    }

    /// The stored version `quoteId` (with costs: the document needs its figures), after checking
    /// `operation` on its customer.
    private func stored(_ quoteId: Int64, _ operation: Operation) throws -> (Quote, Int64?) {
        try actor.authorize(operation)
        guard let quote = try services.quotes.repository.get(quoteId) else { throw ServiceError.notFound }
        let customer = try services.quotes.customer(of: quote)
        try actor.authorize(operation, customer: customer)
        return (quote, customer)
    }
}

extension Services {
    public var contracts: ContractService { ContractService(services: self) }
}
