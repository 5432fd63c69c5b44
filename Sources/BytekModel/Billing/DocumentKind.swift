/// The electronic documents BYTEK issues (SUNAT catálogo 01 codes as raw values).
public enum DocumentKind: String, CaseIterable, Sendable, Codable, Hashable {
    case factura = "01"
    case boleta = "03"
    case notaCredito = "07"
    case notaDebito = "08"

    /// The catálogo 01 code: "01", "03", "07", "08".
    public var code: String { rawValue }

    /// True for credit and debit notes, which modify another document.
    public var isNote: Bool { self == .notaCredito || self == .notaDebito }

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .factura: return "Factura"
        case .boleta: return "Boleta de venta"
        case .notaCredito: return "Nota de crédito"
        case .notaDebito: return "Nota de débito"
        }
    }
}

/// Which family a series belongs to: facturas (F…) and their notes, or boletas (B…) and their notes.
/// A note must modify a document of its own family; boletas travel in the resumen diario, facturas alone.
public enum DocumentFamily: String, Sendable, Codable, Hashable {
    case factura, boleta

    /// The first letter every series of the family starts with.
    public var prefix: Character { self == .factura ? "F" : "B" }
}
