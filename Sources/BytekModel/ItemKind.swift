/// What a catalog item is: a product (stock, maybe serials), a service (hour or unit rate),
/// or a subscription (a price per period).
public enum ItemKind: String, CaseIterable, Sendable, Codable, Hashable {
    case product, service, subscription

    public var displayName: String {
        switch self {
        case .product: return "Producto"
        case .service: return "Servicio"
        case .subscription: return "Suscripción"
        }
    }
}
