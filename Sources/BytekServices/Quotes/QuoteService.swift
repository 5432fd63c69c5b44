import BytekModel
import BytekStore
import Foundation

/// Quotes for an actor: the builder's and the commands' actions behind permission and scope. A
/// customer's contact reads only its own customer's quotes (another customer's read as not found);
/// costs and margins reach only the roles that may see them (`PermissionMatrix.canSeeCosts`).
public struct QuoteService: Sendable {
    let services: Services
    public var actor: Actor { services.actor }

    /// The repository acting as this actor, through its door.
    var repository: QuoteRepository { services.acting(QuoteRepository.self) }

    /// Today in Lima by the services' clock: the day a quote is sent, accepted or expires.
    public var today: LocalDate { LimaTime.date(services.now()) }

    /// The default rate of a quote in dollars dated `day` (the venta rate of that day or of the 7 before)
    /// and its label ("TC 3.752 del 28/11 (2 días antes)"); throws `ExchangeRateError` when there is none.
    public func defaultExchangeRate(for day: LocalDate) throws -> (rate: Decimal, label: String) {
        try services.exchangeRates.defaultRateLabel(for: day)
    }

    /// Whether this actor sees costs and margins (quote lines, totals); lines come without cost otherwise.
    public var seesCosts: Bool { actor.role.map(PermissionMatrix.canSeeCosts) ?? false }

    // MARK: reading

    /// One version; nil when it does not exist or belongs to another customer than a contact's.
    public func get(_ id: Int64) throws -> Quote? {
        try actor.authorize(.quoteView)
        return try visible(repository.get(id))
    }

    /// Version `version` of `number`, or its highest version; nil when missing or out of scope.
    public func find(number: String, version: Int? = nil) throws -> Quote? {
        try actor.authorize(.quoteView)
        let r = repository
        return try visible(version.map { try r.get(number: number, version: $0) } ?? r.latest(number: number))
    }

    /// Every version of `number` the actor may see, oldest first.
    public func versions(of number: String) throws -> [Quote] {
        try actor.authorize(.quoteView)
        return try repository.versions(of: number).compactMap { try visible($0) }
    }

    /// The milestone plan of a version, with amounts once accepted.
    public func milestones(quoteId: Int64) throws -> [QuoteMilestoneRecord] {
        guard try get(quoteId) != nil else { throw ServiceError.notFound }
        return try repository.milestones(quoteId: quoteId)
    }

    /// The quote list (searched by number or customer when `search` is not empty) as a keyset pager.
    /// A contact's list is its own customer's; asking for another customer's is `notFound`.
    public func pager(_ query: QuoteQuery = QuoteQuery(), search: String = "") throws -> KeysetPager<QuoteSummary> {
        try actor.authorize(.quoteList)
        var q = query
        if let scope = actor.customerScope {
            if let asked = query.customerId, asked != scope { throw ServiceError.notFound }
            q.customerId = scope
        }
        return repository.pager(q, search: search)
    }

    // MARK: drafts

    /// Saves a new quote as version 1 in draft, numbered from its year's series.
    @discardableResult
    public func create(_ quote: Quote) throws -> Quote {
        try actor.authorize(.quoteCreate)
        return try repository.createDraft(quote)
    }

    /// Saves the content of a stored draft (refused once it was sent).
    @discardableResult
    public func update(_ quote: Quote) throws -> Quote {
        try actor.authorize(.quoteEdit)
        return try repository.updateDraft(quote)
    }

    // MARK: the life of a version

    /// Sends a draft, dated today: the version never changes again.
    @discardableResult
    public func send(_ id: Int64) throws -> Quote {
        try actor.authorize(.quoteSend)
        return try repository.send(id, on: today)
    }

    /// Copies a version as the next version of its number, in draft.
    @discardableResult
    public func newVersion(of id: Int64) throws -> Quote {
        try actor.authorize(.quoteNewVersion)
        return try repository.newVersion(of: id)
    }

    /// Accepts a sent version today: its deal is won, its milestones get amounts, its subscription
    /// lines become subscriptions, all in one transaction.
    @discardableResult
    /// Beyond the customer's credit limit it needs `creditOverride` (finanzas' reason; see `CreditLimitService`).
    /// The same transaction makes its project (`project`: a new one by default, or added to an existing
    /// project of the same customer, or none; see `ProjectRepository.createFromQuote`).
    public func accept(_ id: Int64, creditOverride: String? = nil, project: ProjectChoice = .new) throws -> QuoteAcceptance {
        try actor.authorize(.quoteAccept)
        guard let quote = try repository.get(id), let customerId = quote.customerId else {
            return try repository.accept(id, on: today, project: project)
        }
        return try services.credit.accepting(quote, customerId: customerId, override: creditOverride) {
            try repository.accept(id, on: today, project: project)
        }
    }

    @discardableResult
    public func reject(_ id: Int64) throws -> Quote {
        try actor.authorize(.quoteReject)
        return try repository.reject(id)
    }

    /// What keeps accepted version `id` from being reopened; empty when it can be.
    public func reopenBlockers(_ id: Int64) throws -> [QuoteReopenBlocker] {
        try actor.authorize(.quoteReopen)
        return try repository.reopenBlockers(id)
    }

    /// Reopens an accepted version (audited with `reason`), undoing what its acceptance created.
    @discardableResult
    public func reopen(_ id: Int64, reason: String) throws -> Quote {
        try actor.authorize(.quoteReopen)
        return try repository.reopen(id, reason: reason)
    }

    /// Marks the sent versions past their validity as vencida; returns their ids.
    @discardableResult
    public func expireDue() throws -> [Int64] {
        try actor.authorize(.quoteExpire)
        return try repository.expireDue(today: today)
    }

    // MARK: scope

    /// The customer a quote belongs to: its own, or its deal's once the lead became a customer.
    func customer(of quote: Quote) throws -> Int64? {
        try quote.customerId ?? quote.dealId.flatMap { try DealRepository(db: services.db, user: actor.auditName).get($0)?.customerId }
    }

    /// `quote` as this actor may see it: nil outside a contact's customer, without costs for a role
    /// that may not see them.
    func visible(_ quote: Quote?) throws -> Quote? {
        guard let quote else { return nil }
        if actor.customerScope != nil, !actor.sees(customer: try customer(of: quote)) { return nil }
        guard !seesCosts, quote.lines.contains(where: { $0.unitCost != nil }) else { return quote }
        var content = quote.content
        for i in content.lines.indices { content.lines[i].unitCost = nil }
        return Quote(id: quote.id, number: quote.number, version: quote.version, state: quote.state, content: content)
    }
}

extension Services {
    public var quotes: QuoteService { QuoteService(services: self) }
}
