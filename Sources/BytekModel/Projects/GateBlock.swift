import Foundation

/// Why the payment gate holds a U2 project: a milestone invoice with a receivable (the net or the
/// detracción) unpaid more than the grace days after its due date. Work on the milestones after that one
/// is held: no task of them moves to "en curso", no hours are logged on them, no deliverable is released.
public struct GateBlock: Sendable, Hashable {
    public var projectId: Int64
    /// The position of the milestone whose invoice is overdue; milestones after it are held.
    public var overdueMilestonePosition: Int
    public var overdueMilestoneName: String
    /// The overdue documents ("F001-123"), oldest first.
    public var documents: [String]
    /// What is owed on them, per currency.
    public var owed: [Money]
    /// The oldest due date among the overdue receivables.
    public var dueSince: LocalDate
    public var daysOverdue: Int

    public init(projectId: Int64, overdueMilestonePosition: Int, overdueMilestoneName: String, documents: [String],
                owed: [Money], dueSince: LocalDate, daysOverdue: Int) {
        self.projectId = projectId; self.overdueMilestonePosition = overdueMilestonePosition
        self.overdueMilestoneName = overdueMilestoneName; self.documents = documents; self.owed = owed
        self.dueSince = dueSince; self.daysOverdue = daysOverdue
    }

    /// Whether work on the milestone at `position` is held (those after the overdue one).
    public func holds(milestonePosition position: Int) -> Bool { position > overdueMilestonePosition }

    /// "Bloqueado por pago: F001-123 vencida hace 12 días, debe S/ 5,900.00".
    public var message: String { "Bloqueado por pago: " + reason }

    /// "F001-123 vencida hace 12 días, debe S/ 5,900.00" (where a column already says "bloqueado").
    public var reason: String {
        let docs = documents.joined(separator: ", ")
        let amounts = owed.map(\.formatted).joined(separator: " + ")
        let days = daysOverdue == 1 ? "1 día" : "\(daysOverdue) días"
        return "\(docs) vencida hace \(days), debe \(amounts)"
    }
}

/// The refusal of an action the payment gate holds.
public enum ProjectGateError: Error, Sendable, Hashable {
    case blocked(GateBlock)
}
