/// How a project stands against its promise, as the list shows it:
/// - `blocked` when the payment gate holds it;
/// - `late` when the promised date passed and it is not finished, or a card is past its due date;
/// - `atRisk` when a card is `warning` (due within a working day, or the promise within 2);
/// - `ok` otherwise.
public enum ProjectHealth: String, Sendable, Hashable, CaseIterable {
    case ok
    case atRisk = "en_riesgo"
    case late = "atrasado"
    case blocked = "bloqueado"

    public var displayName: String {
        switch self {
        case .ok: return "OK"
        case .atRisk: return "En riesgo"
        case .late: return "Atrasado"
        case .blocked: return "Bloqueado"
        }
    }

    /// From the worst card's lateness, the promise and the gate.
    public static func of(status: ProjectStatus, promised: LocalDate, today: LocalDate, worstCard: CardLateness,
                          gateBlocked: Bool) -> ProjectHealth {
        if gateBlocked { return .blocked }
        guard status == .active || status == .paused else { return .ok }
        if promised < today || worstCard == .danger { return .late }
        if worstCard == .warning { return .atRisk }
        return .ok
    }
}
