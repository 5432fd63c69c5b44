import Foundation

/// A row of the project list: the project with its progress and health.
public struct ProjectSummary: Sendable, Hashable, Identifiable {
    public var project: Project
    /// Done tasks / all tasks not cancelled.
    public var tasksDone: Int
    public var tasksTotal: Int
    public var health: ProjectHealth
    /// Why it is blocked (the gate's message), when it is.
    public var gateMessage: String?

    public var id: Int64 { project.id }

    /// 0...100, whole percent (0 without tasks).
    public var progressPercent: Int { tasksTotal == 0 ? 0 : tasksDone * 100 / tasksTotal }

    public init(project: Project, tasksDone: Int, tasksTotal: Int, health: ProjectHealth, gateMessage: String? = nil) {
        self.project = project; self.tasksDone = tasksDone; self.tasksTotal = tasksTotal; self.health = health
        self.gateMessage = gateMessage
    }
}

/// What a project's edit may change (nil: unchanged).
public struct ProjectChanges: Sendable, Hashable {
    public var name: String?
    public var manager: String?
    public var promisedDate: LocalDate?
    public var status: ProjectStatus?
    public var notes: String?

    public init(name: String? = nil, manager: String? = nil, promisedDate: LocalDate? = nil, status: ProjectStatus? = nil,
                notes: String? = nil) {
        self.name = name; self.manager = manager; self.promisedDate = promisedDate; self.status = status; self.notes = notes
    }
}

/// What a task's edit may change (nil: unchanged; `.some(nil)` clears an optional field).
public struct TaskChanges: Sendable, Hashable {
    public var title: String?
    public var assignee: String??
    public var dueDate: LocalDate??
    public var role: String?
    public var milestoneId: Int64??

    public init(title: String? = nil, assignee: String?? = nil, dueDate: LocalDate?? = nil, role: String? = nil,
                milestoneId: Int64?? = nil) {
        self.title = title; self.assignee = assignee; self.dueDate = dueDate; self.role = role; self.milestoneId = milestoneId
    }
}

/// A stored template: the package plan with its id and whether it is offered.
public struct StoredTemplate: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var template: ProjectTemplate
    public var active: Bool

    public init(id: Int64, template: ProjectTemplate, active: Bool) {
        self.id = id; self.template = template; self.active = active
    }
}

/// Limits of what users type for projects.
public enum ProjectLimits {
    public static let maxName = 200
    public static let maxNotes = 4_000
    public static let maxReason = 500
    public static let maxRole = 60
    /// Dates typed for projects must fall within these years.
    public static let years = 2000...2100

    /// A trimmed, required text of at most `max` characters.
    public static func text(_ value: String, field: String, max: Int, required: Bool = true) throws(ProjectError) -> String {
        let t = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if required && t.isEmpty { throw .required(field: field) }
        guard t.count <= max else { throw .tooLong(field: field, max: max) }
        return t
    }

    /// A date within `years`.
    public static func date(_ d: LocalDate, field: String) throws(ProjectError) -> LocalDate {
        guard years.contains(d.year) else { throw .dateOutOfRange(field: field, text: d.description) }
        return d
    }

    /// A date typed as AAAA-MM-DD within `years`.
    public static func date(_ text: String, field: String) throws(ProjectError) -> LocalDate {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count == 10, let d = LocalDate(t), years.contains(d.year) else { throw .dateOutOfRange(field: field, text: text) }
        return d
    }
}
