import BytekDocuments
import BytekModel
import BytekStore
import Foundation

/// Lays out stored quote versions and contracts as documents (no permission checks: the services
/// call this after theirs).
public enum QuoteRendering {
    /// The company printed on documents; `companyProfileMissing` until a profile is stored.
    public static func company(_ store: Store) throws -> CompanyInfo {
        let profile = try CompanyProfileRepository(db: store.db, user: "").load()
        guard !profile.isEmpty else { throw QuotePrintingError.companyProfileMissing }
        return CompanyInfo(profile: profile, dataFolder: DocumentFolders.data(of: store))
    }

    /// Who the quote is for: its customer, or its deal's customer or lead.
    static func party(of quote: Quote, store: Store) throws -> BytekDocuments.DocumentCustomer {
        let customers = CustomerRepository(db: store.db, user: "")
        if let id = quote.customerId, let c = try customers.get(id) { return BytekDocuments.DocumentCustomer(customer: c) }
        let deals = DealRepository(db: store.db, user: "")
        if let dealId = quote.dealId, let deal = try deals.get(dealId) {
            if let id = deal.customerId, let c = try customers.get(id) { return BytekDocuments.DocumentCustomer(customer: c) }
            if let leadId = deal.leadId, let lead = try deals.lead(leadId) { return BytekDocuments.DocumentCustomer(lead: lead) }
        }
        throw QuotePrintingError.partyMissing(quote.number)
    }

    /// The quote document of a stored version, as printed.
    static func quoteDocument(_ quote: Quote, store: Store, preparer login: String) throws -> QuoteDocument {
        let totals = try quote.totals()
        let preparer = try UserRepository(db: store.db, user: login).find(login)
        return QuoteDocument(quote: quote, totals: totals, customer: try party(of: quote, store: store),
                             company: try company(store), preparedBy: preparer?.name ?? login)
    }

    /// Renders a stored version to `path` (default: `documentos/COT-2026-00001-v2.pdf`); returns the path.
    static func renderQuote(_ quote: Quote, store: Store, preparer: String, to path: String?) throws -> String {
        let document = try quoteDocument(quote, store: store, preparer: preparer)
        let target = try DocumentFolders.target(path, store: store, name: "\(quote.number)-v\(quote.version).pdf")
        try QuotePDF.render(document, to: target)
        return target
    }

    /// The contract document of an accepted version (its scope hashed), dated `today` until recorded.
    static func contractDocument(_ quote: Quote, store: Store, today: LocalDate) throws -> (ContractDocument, QuoteTotals) {
        let totals = try quote.totals()
        do {
            return (try ContractDocument(acceptedQuote: quote, totals: totals, customer: try party(of: quote, store: store),
                                         company: try company(store), date: today), totals)
        } catch let error as ContractMappingError {
            throw QuotePrintingError.contract(error)
        }
    }

    /// Renders `contract` with its unit's template (written to `plantillas/` the first time) to
    /// `path` (default: `documentos/CTR-2026-00001.pdf`), printing the recorded number and date.
    static func renderContract(_ contract: Contract, created: Bool, document: ContractDocument, unit: BusinessUnit,
                               store: Store, to path: String?) throws -> ContractOutput {
        let template = try ContractTemplate.load(for: unit, folder: DocumentFolders.templates(of: store))
        var document = document
        document.number = contract.number
        document.date = DocumentDate(contract.date)
        let target = try DocumentFolders.target(path, store: store, name: "\(contract.number).pdf")
        try ContractPDF.render(document, template: template, to: target)
        return ContractOutput(path: target, contract: contract, created: created,
                              templateChanged: contract.templateHash != ScopeHash.sha256Hex(template.text))
    }

    /// The template's name and hash for a new contract of `unit`.
    static func template(for unit: BusinessUnit, store: Store) throws -> (name: String, hash: String) {
        let template = try ContractTemplate.load(for: unit, folder: DocumentFolders.templates(of: store))
        return (ContractTemplate.fileName(for: unit), ScopeHash.sha256Hex(template.text))
    }
}
