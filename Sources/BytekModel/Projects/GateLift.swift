import Foundation

/// The payment gate lifted early by finanzas or admin: who, why, until which day (inclusive). It falls
/// back the day after `until` if the invoice is still unpaid; `endLift` ends it before.
public struct GateLift: Sendable, Hashable, Codable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    public var reason: String
    public var until: LocalDate
    public var liftedBy: String
    /// ISO-8601 UTC.
    public var liftedAt: String
    public var revokedAt: String?

    public init(id: Int64, projectId: Int64, reason: String, until: LocalDate, liftedBy: String, liftedAt: String,
                revokedAt: String? = nil) {
        self.id = id; self.projectId = projectId; self.reason = reason; self.until = until; self.liftedBy = liftedBy
        self.liftedAt = liftedAt; self.revokedAt = revokedAt
    }

    /// Whether it lifts the gate on `today`.
    public func isActive(on today: LocalDate) -> Bool { revokedAt == nil && today <= until }
}

/// What the gate says of one project, for its screens: what is overdue (even while lifted), the lift in
/// force, and what holds work now.
public struct GateStatus: Sendable, Hashable {
    /// The overdue milestone invoice as if no lift were in force.
    public var overdue: GateBlock?
    public var lift: GateLift?
    /// What holds work now (nil while lifted or when nothing is overdue).
    public var block: GateBlock? { lift == nil ? overdue : nil }

    public init(overdue: GateBlock?, lift: GateLift?) { self.overdue = overdue; self.lift = lift }
}

/// Why a lift of the payment gate is refused. `message` is the Spanish sentence every front shows.
public enum GateLiftError: Error, Sendable, Hashable, CustomStringConvertible {
    case projectNotFound(Int64)
    case reasonRequired
    case reasonTooLong(max: Int)
    case invalidDate(String)
    case untilInPast(LocalDate, today: LocalDate)
    case untilTooFar(LocalDate, max: LocalDate)
    case noActiveLift(Int64)

    public var message: String {
        switch self {
        case .projectNotFound(let id): return "proyecto: no existe el proyecto \(id)"
        case .reasonRequired: return "motivo: es obligatorio para levantar el bloqueo por pago"
        case .reasonTooLong(let max): return "motivo: use a lo más \(max) caracteres"
        case .invalidDate(let text): return "hasta: «\(text)» no es una fecha; escríbala como aaaa-mm-dd (p. ej. 2026-12-15)"
        case .untilInPast(let d, let today):
            return "hasta: \(d) ya pasó; use una fecha desde hoy (\(today))"
        case .untilTooFar(let d, let max):
            return "hasta: \(d) es más de \(PaymentGate.maxLiftDays) días; use a lo más \(max)"
        case .noActiveLift(let id): return "el proyecto \(id) no tiene un levantamiento del bloqueo en curso"
        }
    }

    public var description: String { message }
}

extension ProjectGateError {
    /// The Spanish sentence of the refusal: what is overdue and how much is owed.
    public var message: String {
        switch self {
        case .blocked(let b):
            return b.message + " (hito \(b.overdueMilestonePosition) «\(b.overdueMilestoneName)»); "
                + "registre el pago o pida a finanzas que levante el bloqueo"
        }
    }
}
