/// What the matcher proposes for one statement line: the open receivables it most likely pays, how sure it
/// is, and why, in Spanish for the confirmation screen and `bytek banco conciliar`.
public struct StatementSuggestion: Sendable, Hashable {
    public enum Confidence: Int, Sendable, Hashable, Comparable, CaseIterable {
        case baja = 1, media, alta
        public var label: String {
            switch self {
            case .baja: return "baja"
            case .media: return "media"
            case .alta: return "alta"
            }
        }
        public static func < (a: Confidence, b: Confidence) -> Bool { a.rawValue < b.rawValue }
    }

    /// The receivables, oldest due first, the line's amount goes to.
    public var receivableIds: [Int64]
    public var customerId: Int64?
    public var confidence: Confidence
    /// "monto exacto de F001-123; RUC 20100047218 en la descripción".
    public var reason: String
    /// The operation number is already a recorded payment of this account: nothing to record again.
    public var alreadyRecorded: Bool

    public init(receivableIds: [Int64], customerId: Int64?, confidence: Confidence, reason: String,
                alreadyRecorded: Bool = false) {
        self.receivableIds = receivableIds; self.customerId = customerId; self.confidence = confidence
        self.reason = reason; self.alreadyRecorded = alreadyRecorded
    }

    /// An exact match: the amount equals what the suggested receivables owe and the customer is named in the
    /// line (RUC, name or document) — what `--aceptar-todas` accepts without asking.
    public var isExact: Bool { confidence == .alta && !alreadyRecorded }
}
