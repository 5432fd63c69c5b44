/// What a service's rate is charged by.
public enum RateBasis: String, CaseIterable, Sendable, Codable, Hashable {
    case hour, unit

    public var displayName: String {
        switch self {
        case .hour: return "Por hora"
        case .unit: return "Por unidad"
        }
    }
}
