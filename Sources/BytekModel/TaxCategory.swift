/// How IGV applies to an item (SUNAT catálogo 07, onerous operations).
public enum TaxCategory: String, CaseIterable, Sendable, Codable, Hashable {
    case gravado, exonerado, inafecto

    /// The SUNAT "tipo de afectación del IGV" code: 10, 20, 30.
    public var affectationCode: String {
        switch self {
        case .gravado: return "10"
        case .exonerado: return "20"
        case .inafecto: return "30"
        }
    }

    public var displayName: String {
        switch self {
        case .gravado: return "Gravado"
        case .exonerado: return "Exonerado"
        case .inafecto: return "Inafecto"
        }
    }

    /// True when IGV is charged on the item.
    public var isTaxed: Bool { self == .gravado }
}
