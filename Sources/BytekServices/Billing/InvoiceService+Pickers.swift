import BytekModel
import BytekStore
import Foundation

/// An accepted quote a factura or boleta can be issued from, with its customer's name.
public struct InvoiceableQuote: Sendable {
    public var quote: QuoteSummary
    public var customerName: String
}

extension InvoiceService {
    /// The accepted quotes (their latest versions) matching `search`, for the question "which quote to invoice".
    public func invoiceableQuotes(search: String, limit: Int = 40) throws -> [InvoiceableQuote] {
        try actor.authorize(.invoiceIssue)
        let quotes = QuoteRepository(db: services.db, user: actor.auditName)
        let customers = CustomerRepository(db: services.db, user: actor.auditName)
        var names: [Int64: String] = [:]
        return try quotes.pager(QuoteQuery(state: .accepted, latestOnly: true), search: search).first(limit).map { page in
            let q = page.item
            guard let id = q.customerId else { return InvoiceableQuote(quote: q, customerName: "—") }
            if names[id] == nil { names[id] = (try customers.get(id))?.legalName ?? "#\(id)" }
            return InvoiceableQuote(quote: q, customerName: names[id] ?? "")
        }
    }

    /// The customers matching `search` a document typed by hand may be issued to.
    public func buyers(search: String, limit: Int = 40) throws -> [Customer] {
        try actor.authorize(.invoiceIssue)
        return try CustomerRepository(db: services.db, user: actor.auditName).pager(CustomerQuery(search: search))
            .first(limit).map(\.item)
    }

    /// The customer `id` a document typed by hand is issued to.
    public func buyer(id: Int64) throws -> Customer {
        try actor.authorize(.invoiceIssue)
        guard let c = try CustomerRepository(db: services.db, user: actor.auditName).get(id) else {
            throw BillingError.customerNotFound
        }
        return c
    }
}
