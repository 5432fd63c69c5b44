/// Where a deal came from.
public enum DealSource: String, CaseIterable, Sendable, Codable, Hashable {
    case web, referral, whatsapp, facebook, call, other
}
