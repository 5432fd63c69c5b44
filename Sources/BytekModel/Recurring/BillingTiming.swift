/// When a subscription's period is billed: on its first day (in advance) or the day after its last
/// (in arrears).
public enum BillingTiming: String, CaseIterable, Sendable, Codable, Hashable {
    case advance, arrears

    public var displayName: String {
        switch self {
        case .advance: return "Adelantado"
        case .arrears: return "Vencido"
        }
    }
}
