import BytekModel
import Foundation

/// What converting a lead into a customer changed.
public struct LeadConversion: Sendable, Hashable {
    public var customer: Customer
    public var lead: Lead
    /// The deals of the lead, now pointing to the customer.
    public var dealIds: [Int64]
    /// The draft quotes of those deals that had no customer and now have it.
    public var quoteIds: [Int64]
}

extension DealRepository {
    /// Turns lead `leadId` into the customer `customer` (validated and normalized by
    /// `CustomerRepository`: RUC/DNI check digits, unique document; its errors are thrown as they
    /// are) and, in the same transaction, points the lead, every deal of the lead without a customer
    /// and their draft quotes without a customer to it. Sent versions are never touched (they are
    /// frozen); accepting one uses its deal's customer. Each change has its audit entry.
    @discardableResult
    public func convertLead(_ leadId: Int64, into customer: Customer) throws -> LeadConversion {
        try db.write {
            guard var lead = try self.lead(leadId) else { throw SalesRepositoryError.notFound(SalesAuditEntity.lead, leadId) }
            if let existing = lead.customerId { throw SalesRepositoryError.leadAlreadyConverted(customerId: existing) }
            var customers = CustomerRepository(db: db, user: user, now: now)
            customers.door = door
            let saved = try customers.create(customer)
            guard let customerId = saved.id else { throw SalesRepositoryError.notFound(AuditEntity.customer, 0) }
            lead.customerId = customerId
            lead.docType = saved.docType
            lead.docNumber = saved.docNumber
            lead = try updateLead(lead)
            var dealIds: [Int64] = []
            for row in try db.query("SELECT id FROM deal WHERE lead_id = ? AND customer_id IS NULL ORDER BY id", [.int(leadId)]) {
                guard var deal = try get(row.int("id")) else { continue }
                deal.customerId = customerId
                try update(deal)
                dealIds.append(row.int("id"))
            }
            var quoteIds: [Int64] = []
            var quotes = QuoteRepository(db: db, user: user, now: now)
            quotes.door = door
            for dealId in dealIds {
                for row in try db.query("SELECT id FROM quote WHERE deal_id = ? AND customer_id IS NULL AND state = 'draft' ORDER BY id",
                                        [.int(dealId)]) {
                    guard var quote = try quotes.get(row.int("id")) else { continue }
                    do { try quote.edit { $0.customerId = customerId } }
                    catch let error as QuoteError { throw SalesRepositoryError.quote(error) }
                    try quotes.updateDraft(quote)
                    quoteIds.append(row.int("id"))
                }
            }
            return LeadConversion(customer: saved, lead: lead, dealIds: dealIds, quoteIds: quoteIds)
        }
    }
}
