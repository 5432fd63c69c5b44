/// How a customer paid.
public enum PaymentMethod: String, CaseIterable, Sendable, Codable, Hashable {
    case transferencia, deposito, efectivo, yapePlin = "yape_plin", tarjeta, cheque

    public var displayName: String {
        switch self {
        case .transferencia: return "Transferencia"
        case .deposito: return "Depósito"
        case .efectivo: return "Efectivo"
        case .yapePlin: return "Yape/Plin"
        case .tarjeta: return "Tarjeta"
        case .cheque: return "Cheque"
        }
    }

    /// Cash has no bank account nor operation number; every other method needs both.
    public var needsBankReference: Bool { self != .efectivo }
}
