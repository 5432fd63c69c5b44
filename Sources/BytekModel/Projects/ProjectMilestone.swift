import Foundation

/// Where a U2 milestone stands: worked on, ready for the customer's sign-off once its deliverables are
/// attached, sent back with changes asked, approved, and invoiced.
public enum MilestoneState: String, CaseIterable, Sendable, Codable, Hashable {
    case pending = "pendiente"
    case inProgress = "en_curso"
    case ready = "listo"
    case changesRequested = "cambios"
    case approved = "aprobado"
    case invoiced = "facturado"

    public var displayName: String {
        switch self {
        case .pending: return "Pendiente"
        case .inProgress: return "En curso"
        case .ready: return "Listo para aprobación"
        case .changesRequested: return "Cambios pedidos"
        case .approved: return "Aprobado"
        case .invoiced: return "Facturado"
        }
    }
}

/// A milestone of a U2 project, from the accepted quote's milestone terms (30/30/40 or as sold).
public struct ProjectMilestone: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    /// 1-based, in the quote's order.
    public var position: Int
    public var name: String
    /// Share of the quote's one-time total, as sold.
    public var percent: Decimal
    /// The milestone's share of the accepted quote (with IGV), in the project's currency.
    public var amount: Money
    public var plannedDate: LocalDate
    public var state: MilestoneState
    public var quoteMilestoneId: Int64?
    /// The milestone's invoice, once issued.
    public var documentId: Int64?
    /// When the invoice was queued for finanzas to issue (setting), if it was.
    public var invoiceQueuedAt: Date?

    public init(id: Int64 = 0, projectId: Int64, position: Int, name: String, percent: Decimal, amount: Money,
                plannedDate: LocalDate, state: MilestoneState = .pending, quoteMilestoneId: Int64? = nil,
                documentId: Int64? = nil, invoiceQueuedAt: Date? = nil) {
        self.id = id; self.projectId = projectId; self.position = position; self.name = name; self.percent = percent
        self.amount = amount; self.plannedDate = plannedDate; self.state = state; self.quoteMilestoneId = quoteMilestoneId
        self.documentId = documentId; self.invoiceQueuedAt = invoiceQueuedAt
    }
}

/// How a sign-off reached BYTEK.
public enum SignoffChannel: String, CaseIterable, Sendable, Codable, Hashable {
    case portal, email = "correo", signedRecord = "acta", other = "otro"

    public var displayName: String {
        switch self {
        case .portal: return "Portal"
        case .email: return "Correo"
        case .signedRecord: return "Acta firmada"
        case .other: return "Otro medio"
        }
    }
}

/// The customer's decision on a milestone.
public enum SignoffDecision: String, CaseIterable, Sendable, Codable, Hashable {
    case approved = "aprobado"
    case changes = "cambios"
}
