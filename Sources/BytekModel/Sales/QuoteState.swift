/// Where a quote version is in its life. Stored by raw value.
///
/// `draft` → `sent` → `accepted` / `rejected` / `expired`. Only a draft can change; the other
/// states are final for that version (a change is a new version).
public enum QuoteState: String, CaseIterable, Sendable, Codable, Hashable {
    case draft, sent, accepted, rejected, expired

    /// True for accepted, rejected and expired: nothing more happens to this version.
    public var isFinal: Bool { self == .accepted || self == .rejected || self == .expired }
}
