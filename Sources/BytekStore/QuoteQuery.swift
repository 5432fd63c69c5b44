import BytekModel
import Foundation

/// Filters for the quote list; nil means "any".
public struct QuoteQuery: Sendable, Hashable {
    public var state: QuoteState?
    public var customerId: Int64?
    public var dealId: Int64?
    public var unit: BusinessUnit?
    /// Only the highest version of each number.
    public var latestOnly: Bool

    public init(state: QuoteState? = nil, customerId: Int64? = nil, dealId: Int64? = nil, unit: BusinessUnit? = nil,
                latestOnly: Bool = false) {
        self.state = state; self.customerId = customerId; self.dealId = dealId; self.unit = unit
        self.latestOnly = latestOnly
    }
}

/// One row of the quote list: the version's header and its stored totals (no lines).
public struct QuoteSummary: Sendable, Hashable {
    public var id: Int64
    public var number: String
    public var version: Int
    public var customerId: Int64?
    public var dealId: Int64?
    public var unit: BusinessUnit
    public var state: QuoteState
    public var issueDate: LocalDate?
    public var validUntil: LocalDate?
    public var owner: String
    /// Total with IGV, one-time part and recurring part, in the quote currency.
    public var total: Money
    public var oneTime: Money
    public var recurring: Money
}

/// A milestone of an accepted version with its amount (nil before acceptance).
public struct QuoteMilestoneRecord: Sendable, Hashable {
    public var position: Int
    public var name: String
    public var percent: Decimal
    public var amount: Money?
}

/// What accepting a quote recorded.
public struct QuoteAcceptance: Sendable, Hashable {
    public var quote: Quote
    /// The deal, now in its won stage, when the quote had one.
    public var deal: Deal?
    /// The milestone plan with amounts (empty unless paid by milestones).
    public var milestones: [QuoteMilestoneRecord]
    /// One per subscription line.
    public var subscriptions: [Subscription]
    /// The project made (or added to) for it; nil without a customer or when told not to.
    public var project: Project? = nil
}
