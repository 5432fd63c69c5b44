/// Where a message is: queued, handed to the provider, delivered, read (WhatsApp), or failed.
public enum MessageStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pendiente, enviado, entregado, leido, fallido

    public var displayName: String {
        switch self {
        case .pendiente: return "Pendiente"
        case .enviado: return "Enviado"
        case .entregado: return "Entregado"
        case .leido: return "Leído"
        case .fallido: return "Fallido"
        }
    }

    /// The order of the delivery path (pendiente < enviado < entregado < leído).
    var rank: Int {
        switch self {
        case .pendiente: return 0
        case .enviado: return 1
        case .entregado: return 2
        case .leido: return 3
        case .fallido: return 1
        }
    }

    /// Whether a status report may move a message from `self` to `next`: never backwards (a read message stays
    /// read, a late "delivered" changes nothing), never out of a failure, and a failure only before delivery.
    public func canMove(to next: MessageStatus) -> Bool {
        if self == next || self == .fallido { return false }
        if next == .fallido { return self == .pendiente || self == .enviado }
        return next.rank > rank
    }
}
