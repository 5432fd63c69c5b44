/// Where a card charge attempt stands. `pendiente` (stored, never sent) → `enviado` (the gateway may have it)
/// → `aprobado` | `rechazado` | `desconocido` (no answer: resolved by asking the gateway before anything is
/// sent again) | `anulado` (a checkout the customer left, or an attempt cancelled before sending).
public enum ChargeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pendiente, enviado, aprobado, rechazado, desconocido, anulado

    /// Not settled either way: nothing else may be charged for its receivables meanwhile.
    public var isUnresolved: Bool { self == .pendiente || self == .enviado || self == .desconocido }

    public var displayName: String {
        switch self {
        case .pendiente: return "Pendiente"
        case .enviado: return "Enviado"
        case .aprobado: return "Aprobado"
        case .rechazado: return "Rechazado"
        case .desconocido: return "Desconocido"
        case .anulado: return "Anulado"
        }
    }
}

/// Who started a charge.
public enum ChargeSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// The daily job (autopay).
    case automatico
    /// The customer in the portal ("Pagar ahora", "Guardar tarjeta").
    case portal
    /// Finanzas from the TUI or the CLI ("cobrar ahora").
    case manual
}

/// What an attempt is for.
public enum ChargePurpose: String, Sendable, Hashable, Codable {
    case cobro
    /// Saving a card through the gateway's form, with nothing to pay.
    case guardarTarjeta = "guardar_tarjeta"
}
