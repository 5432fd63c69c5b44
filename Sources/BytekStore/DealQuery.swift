import BytekModel

/// Filters for the board and the deal list; nil means "any".
public struct DealQuery: Sendable, Hashable {
    public var unit: BusinessUnit?
    public var stageId: Int64?
    /// Only this seller's deals.
    public var owner: String?
    /// Leave out deals in won and lost stages.
    public var openOnly: Bool

    public init(unit: BusinessUnit? = nil, stageId: Int64? = nil, owner: String? = nil, openOnly: Bool = false) {
        self.unit = unit; self.stageId = stageId; self.owner = owner; self.openOnly = openOnly
    }
}

/// One board column's figures: how many deals and their values per currency.
public struct StageColumnSummary: Sendable, Hashable {
    public var stage: Stage
    public var count: Int
    /// Σ estimated value per currency (soles and dollars are never added together here).
    public var totals: [Currency: Money]
}
