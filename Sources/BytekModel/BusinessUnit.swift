/// BYTEK's three business units; every deal, item, project and invoice belongs to one.
public enum BusinessUnit: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case digital = "U1"
    case software = "U2"
    case infrastructure = "U3"

    /// "U1", "U2", "U3".
    public var code: String { rawValue }

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .digital: return "Digital"
        case .software: return "Software"
        case .infrastructure: return "Infraestructura"
        }
    }

    /// "U1 Digital".
    public var label: String { code + " " + displayName }

    public static func < (lhs: BusinessUnit, rhs: BusinessUnit) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Stores a set as text: `"U1,U3"` (sorted, so equal sets give equal text).
    public static func encode(_ units: Set<BusinessUnit>) -> String {
        units.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Reads `"U1,U3"` (also `"U1 U3"`, `"u1;u3"`); unknown codes are ignored.
    public static func decode(_ text: String) -> Set<BusinessUnit> {
        let parts = text.uppercased().split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "|" })
        return Set(parts.compactMap { BusinessUnit(rawValue: String($0)) })
    }
}
