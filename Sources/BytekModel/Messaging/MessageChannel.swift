/// How a message reaches a customer.
public enum MessageChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case correo, whatsapp

    public var displayName: String {
        switch self {
        case .correo: return "Correo"
        case .whatsapp: return "WhatsApp"
        }
    }
}
