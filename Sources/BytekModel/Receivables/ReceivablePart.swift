/// What part of a document a receivable is: the net owed to BYTEK, the detracción the customer deposits
/// in BYTEK's Banco de la Nación account (always in soles), or the 3 % a retention agent keeps and
/// settles with a comprobante de retención.
public enum ReceivablePart: String, CaseIterable, Sendable, Codable, Hashable {
    case neto, detraccion, retencion

    public var displayName: String {
        switch self {
        case .neto: return "Neto"
        case .detraccion: return "Detracción"
        case .retencion: return "Retención"
        }
    }
}
