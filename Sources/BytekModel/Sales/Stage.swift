/// What reaching a stage means: the deal is still open, won, or lost.
public enum StageKind: String, CaseIterable, Sendable, Codable, Hashable {
    case open, won, lost
}

/// One column of a pipeline.
public struct Stage: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var name: String
    /// Chance (0...100) that a deal in this stage is won; weighs the forecast.
    public var probability: Int
    /// Days a deal is expected to stay here; a deal idle longer is stale. 0 = never stale.
    public var expectedDays: Int
    public var kind: StageKind
    /// A retired stage takes no new deals but keeps the ones it has.
    public var active: Bool

    public init(id: Int64? = nil, name: String, probability: Int, expectedDays: Int, kind: StageKind = .open,
                active: Bool = true) {
        self.id = id; self.name = name; self.probability = probability; self.expectedDays = expectedDays
        self.kind = kind; self.active = active
    }

    /// Checks the figures: a name, probability in 0...100, expected days ≥ 0.
    public func validate() throws(PipelineError) {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .stageNameMissing }
        guard (0...100).contains(probability) else { throw .probabilityOutOfRange(probability) }
        guard expectedDays >= 0 else { throw .expectedDaysNegative(expectedDays) }
    }
}
