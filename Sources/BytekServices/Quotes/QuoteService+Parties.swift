import BytekModel
import BytekStore

// What the quote screens read of other areas (customers, deals, the catalog), read here through
// those areas' repositories behind the quote operations' permissions and scope.
extension QuoteService {
    /// Customers to pick for a quote: up to `limit` found by `search` (name, document).
    public func pickableCustomers(_ search: String, limit: Int = 50) throws -> [Customer] {
        try actor.authorize(.quoteCreate)
        return try CustomerRepository(db: services.db, user: actor.auditName).pager(CustomerQuery(search: search))
            .first(limit).map(\.item)
    }

    /// Open deals to link a quote to.
    public func pickableDeals(limit: Int = 5000) throws -> [DealCard] {
        try actor.authorize(.quoteCreate)
        return try DealRepository(db: services.db, user: actor.auditName).cardPager(DealQuery(openOnly: true))
            .first(limit).map(\.item)
    }

    /// Active catalog items to quote (without cost for a role that may not see costs).
    public func pickableItems(limit: Int = 5000) throws -> [CatalogItem] {
        try actor.authorize(.quoteCreate)
        let items = try CatalogRepository(db: services.db, user: actor.auditName).pager(CatalogQuery(activeOnly: true))
            .first(limit).map(\.item)
        guard !seesCosts else { return items }
        return items.map { var i = $0; i.cost = Money(0, i.cost.currency); return i }
    }

    /// The customer of a quote row, for its label; nil when missing or out of a contact's scope.
    public func customer(_ id: Int64) throws -> Customer? {
        try actor.authorize(.quoteView)
        guard actor.sees(customer: id) else { return nil }
        return try CustomerRepository(db: services.db, user: actor.auditName).get(id)
    }

    /// The deal a quote is linked to, with its party (customer or lead name), for staff.
    public func deal(_ id: Int64) throws -> DealCard? {
        try actor.authorize(.quoteView)
        guard actor.customerScope == nil else { return nil }
        return try DealRepository(db: services.db, user: actor.auditName).card(id)
    }
}

/// Who a quote or contract is for, as a list prints it: the customer's (or the lead's) name and
/// document ("6 20100047218"); empty when there is none or it is outside a contact's scope.
public struct QuoteParty: Sendable, Hashable {
    public var name: String
    public var document: String
    public init(name: String = "", document: String = "") { self.name = name; self.document = document }
}

extension QuoteService {
    /// The party of a row with `customerId`, else of its deal `dealId` (its customer, or its lead).
    public func party(customerId: Int64?, dealId: Int64?) throws -> QuoteParty {
        try actor.authorize(.quoteView)
        if let customerId {
            guard let c = try customer(customerId) else { return QuoteParty() }
            return QuoteParty(name: c.legalName, document: c.docType.rawValue + " " + c.docNumber)
        }
        guard let dealId, actor.customerScope == nil else { return QuoteParty() }
        let deals = DealRepository(db: services.db, user: actor.auditName)
        guard let deal = try deals.get(dealId) else { return QuoteParty() }
        if let c = deal.customerId { return try party(customerId: c, dealId: nil) }
        guard let leadId = deal.leadId, let lead = try deals.lead(leadId) else { return QuoteParty() }
        return QuoteParty(name: lead.name,
                          document: lead.docNumber.isEmpty ? "" : "\(lead.docType?.rawValue ?? "") \(lead.docNumber)")
    }
}
