/// What a cell means; the theme decides how it looks (colours, bold, reverse).
/// Meaning never rests on colour alone: the monochrome theme maps focus and danger to attributes.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case dim
    case title
    case border
    case tab
    case tabActive
    case status
    case statusError
    case statusOk
    case header
    case selected
    case selectedInactive
    case label
    case input
    case inputFocused
    case error
    case warning
    case success
    case accent
    case overlay
    case overlayTitle
    case danger
    case card
    case cardSelected
    case placeholder
}

public struct Style: Hashable, Sendable {
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, underline: Bool = false) {
        self.role = role; self.bold = bold; self.underline = underline
    }
    public static let normal = Style(.normal)
}
