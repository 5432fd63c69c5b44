import Foundation

/// The column a task (a card) stands in. `cancelled` leaves the board.
public enum TaskState: String, CaseIterable, Sendable, Codable, Hashable {
    case todo = "por_hacer"
    case inProgress = "en_curso"
    case review = "revision"
    case done = "hecho"
    case cancelled = "cancelada"

    /// The columns of every board, left to right.
    public static let columns: [TaskState] = [.todo, .inProgress, .review, .done]

    public var displayName: String {
        switch self {
        case .todo: return "Por hacer"
        case .inProgress: return "En curso"
        case .review: return "En revisión"
        case .done: return "Hecho"
        case .cancelled: return "Cancelada"
        }
    }

    /// The column to the right (`>`), nil at the last one.
    public var next: TaskState? {
        guard let i = Self.columns.firstIndex(of: self), i + 1 < Self.columns.count else { return nil }
        return Self.columns[i + 1]
    }

    /// The column to the left (`<`), nil at the first one.
    public var previous: TaskState? {
        guard let i = Self.columns.firstIndex(of: self), i > 0 else { return nil }
        return Self.columns[i - 1]
    }
}

/// A task of a project: a card on the boards. Under a milestone in U2 projects; from a template step in U1.
public struct ProjectTask: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    public var milestoneId: Int64?
    public var position: Int
    public var title: String
    public var state: TaskState
    /// The login of the person it is assigned to.
    public var assignee: String?
    /// The role the work needs (from the template step or the quote), for bill rates and hours sold.
    public var role: String
    public var dueDate: LocalDate?
    public var blocked: Bool
    public var blockedReason: String
    public var checklistTotal: Int
    public var checklistDone: Int
    /// When it entered its column (age in column).
    public var stateSince: Date

    public init(id: Int64 = 0, projectId: Int64, milestoneId: Int64? = nil, position: Int = 0, title: String,
                state: TaskState = .todo, assignee: String? = nil, role: String = "", dueDate: LocalDate? = nil,
                blocked: Bool = false, blockedReason: String = "", checklistTotal: Int = 0, checklistDone: Int = 0,
                stateSince: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id; self.projectId = projectId; self.milestoneId = milestoneId; self.position = position
        self.title = title; self.state = state; self.assignee = assignee; self.role = role; self.dueDate = dueDate
        self.blocked = blocked; self.blockedReason = blockedReason; self.checklistTotal = checklistTotal
        self.checklistDone = checklistDone; self.stateSince = stateSince
    }
}

/// One item of a task's checklist.
public struct TaskCheck: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var taskId: Int64
    public var position: Int
    public var text: String
    public var done: Bool

    public init(id: Int64 = 0, taskId: Int64, position: Int, text: String, done: Bool = false) {
        self.id = id; self.taskId = taskId; self.position = position; self.text = text; self.done = done
    }
}
