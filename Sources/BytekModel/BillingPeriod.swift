/// How often a subscription is charged.
public enum BillingPeriod: String, CaseIterable, Sendable, Codable, Hashable {
    case monthly, quarterly, annual

    /// Months per period: 1, 3, 12.
    public var months: Int {
        switch self {
        case .monthly: return 1
        case .quarterly: return 3
        case .annual: return 12
        }
    }

    public var displayName: String {
        switch self {
        case .monthly: return "Mensual"
        case .quarterly: return "Trimestral"
        case .annual: return "Anual"
        }
    }
}
