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
