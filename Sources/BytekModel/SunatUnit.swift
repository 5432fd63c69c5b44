/// Units of measure from SUNAT catálogo 03 (UN/ECE rec 20) that BYTEK uses.
public enum SunatUnit: String, CaseIterable, Sendable, Codable, Hashable {
    case unit = "NIU"
    case service = "ZZ"
    case hour = "HUR"
    case month = "MON"
    case year = "ANN"
    case box = "BX"
    case meter = "MTR"
    case kilogram = "KGM"
    case kit = "SET"

    /// The code sent to SUNAT.
    public var code: String { rawValue }

    public var displayName: String {
        switch self {
        case .unit: return "unidad"
        case .service: return "servicio"
        case .hour: return "hora"
        case .month: return "mes"
        case .year: return "año"
        case .box: return "caja"
        case .meter: return "metro"
        case .kilogram: return "kilogramo"
        case .kit: return "juego"
        }
    }

    /// The usual unit for an item: NIU for products, HUR or ZZ for services, MON or ANN for subscriptions.
    public static func suggested(kind: ItemKind, rateBasis: RateBasis? = nil, period: BillingPeriod? = nil) -> SunatUnit {
        switch kind {
        case .product: return .unit
        case .service: return rateBasis == .hour ? .hour : .service
        case .subscription: return period == .annual ? .year : (period == .monthly ? .month : .service)
        }
    }
}
