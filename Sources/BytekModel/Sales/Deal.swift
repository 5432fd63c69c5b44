import Foundation

/// A possible sale to a lead or a customer, moving through its unit's pipeline.
public struct Deal: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var title: String
    public var leadId: Int64?
    public var customerId: Int64?
    public var unit: BusinessUnit
    public private(set) var stageId: Int64
    /// The seller's login.
    public var owner: String
    public var estimatedValue: Money
    public var expectedClose: LocalDate?
    public var source: DealSource
    /// Set when the deal is moved to a lost stage; cleared when it leaves it.
    public private(set) var lostReason: String?
    public private(set) var stageEnteredAt: Date

    public init(id: Int64? = nil, title: String, leadId: Int64? = nil, customerId: Int64? = nil, unit: BusinessUnit,
                stageId: Int64, owner: String, estimatedValue: Money, expectedClose: LocalDate? = nil,
                source: DealSource = .other, lostReason: String? = nil, stageEnteredAt: Date) {
        self.id = id; self.title = title; self.leadId = leadId; self.customerId = customerId; self.unit = unit
        self.stageId = stageId; self.owner = owner; self.estimatedValue = estimatedValue
        self.expectedClose = expectedClose; self.source = source; self.lostReason = lostReason
        self.stageEnteredAt = stageEnteredAt
    }

    /// A title, a lead or customer, and a value of zero or more.
    public func validate() throws(PipelineError) {
        guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .dealTitleMissing }
        guard leadId != nil || customerId != nil else { throw .dealWithoutParty }
        guard !estimatedValue.isNegative else { throw .estimatedValueNegative }
    }

    /// Moves the deal to `stage` of its pipeline at `now`. A lost stage needs a non-empty reason;
    /// a retired stage is refused. Moving to the stage it is in changes nothing.
    public mutating func move(to stage: Stage, at now: Date, lostReason: String? = nil) throws(PipelineError) {
        guard let target = stage.id else { throw .stageNotInPipeline(0) }
        guard stage.active else { throw .stageRetired(target) }
        let reason = lostReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if stage.kind == .lost && reason.isEmpty { throw .lostReasonRequired }
        if target == stageId && stage.kind != .lost { return }
        if target != stageId { stageEnteredAt = now }
        stageId = target
        self.lostReason = stage.kind == .lost ? reason : nil
    }

    /// Whole days since the deal entered its stage (0 on the first day).
    public func daysInStage(now: Date) -> Int {
        max(0, Int((now.timeIntervalSince(stageEnteredAt) / 86_400).rounded(.down)))
    }

    /// True when an open deal has spent more than `stage.expectedDays` in it (stages with 0 days never go stale).
    public func isStale(in stage: Stage, now: Date) -> Bool {
        stage.kind == .open && stage.expectedDays > 0 && daysInStage(now: now) > stage.expectedDays
    }
}
