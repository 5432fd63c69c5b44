import BytekModel
import BytekStore
import Foundation

/// Who a deal is for: an existing customer, or a lead (new, or the deal's own, with its name and
/// document as typed).
public enum DealParty: Sendable, Hashable {
    case customer(Int64)
    case lead(Lead)
}

/// Ventas for an actor: leads, deals and their stages, activities, lead conversion and the reads of
/// the board, the list, the forecast and "Mis pendientes", behind permission. Every write is one
/// transaction with its audit entries, which name the actor and its door.
public struct SalesService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// The deals repository acting as this actor, through its door.
    var deals: DealRepository { services.acting(DealRepository.self) }

    /// The pipelines repository acting as this actor, through its door.
    var pipelineRepository: PipelineRepository { services.acting(PipelineRepository.self) }

    /// Lima, where sales dates are days.
    public static let lima = TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: SalesService.lima) }

    // MARK: deals

    /// Saves a new deal in its stage for `party`; a lead is created (or, with an id, updated) in
    /// the same transaction, so a refused deal leaves no lead behind.
    @discardableResult
    public func create(_ deal: Deal, for party: DealParty) throws -> Deal {
        try save(deal, for: party, as: .dealCreate) { try $0.create($1) }
    }

    /// Saves a deal's title, party, owner, value, close date and source (its stage moves only with
    /// `move`). A deal of a converted lead keeps its lead while it stays with that customer.
    @discardableResult
    public func update(_ deal: Deal, for party: DealParty) throws -> Deal {
        try save(deal, for: party, as: .dealEdit) { try $0.update($1) }
    }

    private func save(_ deal: Deal, for party: DealParty, as operation: Operation,
                      _ write: (DealRepository, Deal) throws -> Deal) throws -> Deal {
        try actor.authorize(operation)
        let repository = deals
        return try services.db.write {
            var d = deal
            let kept = try deal.id.flatMap { try repository.get($0) }?.leadId
            try assign(party, to: &d, keepingLeadOf: kept, repository)
            return try write(repository, d)
        }
    }

    private func assign(_ party: DealParty, to deal: inout Deal, keepingLeadOf leadId: Int64?,
                        _ repository: DealRepository) throws {
        switch party {
        case .customer(let customerId):
            deal.customerId = customerId
            deal.leadId = try leadId.flatMap { try repository.lead($0) }?.customerId == customerId ? leadId : nil
        case .lead(let lead):
            let saved = lead.id == nil ? try repository.createLead(lead) : try repository.updateLead(lead)
            deal.customerId = nil
            deal.leadId = saved.id
        }
    }

    /// Moves a deal to another active stage of its unit's pipeline; a lost stage needs the reason.
    @discardableResult
    public func move(_ dealId: Int64, to stageId: Int64, lostReason: String? = nil) throws -> Deal {
        try actor.authorize(.dealMove)
        return try deals.move(dealId, to: stageId, lostReason: lostReason)
    }

    // MARK: reading deals

    /// The board's columns of `unit` with their counts and sums per currency.
    public func columns(unit: BusinessUnit, owner: String? = nil) throws -> [StageColumnSummary] {
        try actor.authorize(.dealList)
        return try deals.columns(unit: unit, owner: owner)
    }

    /// A page of one board column, newest first (see `DealRepository.boardCards`).
    public func boardCards(unit: BusinessUnit, stageId: Int64, owner: String? = nil, olderThan: Int64? = nil,
                           limit: Int) throws -> [DealCard] {
        try actor.authorize(.dealList)
        return try deals.boardCards(unit: unit, stageId: stageId, owner: owner, olderThan: olderThan, limit: limit)
    }

    /// The deal list as a keyset pager (the filters of `query`, optionally only stale deals).
    public func cardPager(_ query: DealQuery, staleOnly: Bool = false,
                          sort: DealListSort = .expectedClose) throws -> KeysetPager<DealCard> {
        try actor.authorize(.dealList)
        return deals.cardPager(query, staleOnly: staleOnly, now: services.now(), sort: sort)
    }

    /// One deal with its party's name; nil when it does not exist.
    public func card(_ dealId: Int64) throws -> DealCard? {
        try actor.authorize(.dealView)
        return try deals.card(dealId)
    }

    /// A lead; nil when it does not exist.
    public func lead(_ leadId: Int64) throws -> Lead? {
        try actor.authorize(.dealView)
        return try deals.lead(leadId)
    }

    /// The weighted forecast of open deals in `currency` (nil when a deal's other currency has no rate).
    public func forecast(currency: Currency, penPerUSD: Decimal?, unit: BusinessUnit? = nil) throws -> [ForecastEntry]? {
        try actor.authorize(.dealForecast)
        return try deals.forecast(currency: currency, penPerUSD: penPerUSD, unit: unit)
    }

    /// Logins that may own a deal (active users), the actor's own first.
    public func owners() throws -> [String] {
        try actor.authorize(.dealList)
        let login = actor.auditName
        let users = try UserRepository(db: services.db, user: login).list().filter(\.active).map(\.login)
        return [login] + users.filter { $0 != login }.sorted()
    }

    /// Customers whose document or name matches `text`, for picking a deal's customer.
    public func customers(matching text: String, limit: Int = 5) throws -> [Customer] {
        try actor.authorize(.dealList)
        return try CustomerRepository(db: services.db, user: actor.auditName).pager(CustomerQuery(search: text))
            .first(limit).map(\.item)
    }

    // MARK: activities

    @discardableResult
    public func addActivity(_ activity: Activity) throws -> Activity {
        try actor.authorize(.activityRecord)
        return try deals.addActivity(activity)
    }

    /// Marks an activity done (or not done again).
    @discardableResult
    public func setActivityDone(_ activityId: Int64, _ done: Bool = true) throws -> Activity {
        try actor.authorize(.activityComplete)
        return try deals.setActivityDone(activityId, done)
    }

    /// A deal's activities in the order they were added.
    public func activities(dealId: Int64) throws -> [Activity] {
        try actor.authorize(.dealView)
        return try deals.activities(dealId: dealId)
    }

    /// The actor's activities not done and due on or before `today`, most overdue first.
    public func pending(today: LocalDate) throws -> [Activity] {
        try actor.authorize(.activityPending)
        return try deals.pending(owner: actor.auditName, today: today)
    }

    // MARK: leads

    /// The lead of deal `dealId` when it can still become a customer (the deal has none), with the
    /// deal's unit; nil otherwise.
    public func leadToConvert(dealId: Int64) throws -> (lead: Lead, unit: BusinessUnit)? {
        try actor.authorize(.dealView)
        let repository = deals
        guard let deal = try repository.get(dealId), deal.customerId == nil, let leadId = deal.leadId,
              let lead = try repository.lead(leadId) else { return nil }
        return (lead, deal.unit)
    }

    /// Turns a lead into `customer` (checked by the customer rules) and points the lead, its deals
    /// and their draft quotes to it, in one transaction.
    @discardableResult
    public func convertLead(_ leadId: Int64, into customer: Customer) throws -> LeadConversion {
        try actor.authorize(.leadConvert)
        return try deals.convertLead(leadId, into: customer)
    }
}

extension Services {
    public var sales: SalesService { SalesService(services: self) }
}
