import Foundation

/// The currencies BYTEK invoices in (SUNAT catálogo 02 codes as raw values).
public enum Currency: String, CaseIterable, Sendable, Codable, Hashable {
    case pen = "PEN"
    case usd = "USD"

    /// The symbol printed before amounts: `S/` or `US$`.
    public var symbol: String {
        switch self {
        case .pen: return "S/"
        case .usd: return "US$"
        }
    }

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .pen: return "Soles"
        case .usd: return "Dólares"
        }
    }

    /// Accepts the ISO code ("PEN", "usd") or the symbol ("S/", "US$", "$").
    public init?(input: String) {
        let s = input.trimmingCharacters(in: .whitespaces).uppercased()
        switch s {
        case "PEN", "S/", "S/.", "SOLES": self = .pen
        case "USD", "US$", "$", "DOLARES", "DÓLARES": self = .usd
        default: return nil
        }
    }
}
