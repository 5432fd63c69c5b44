import Foundation

/// Hours a person logged on a day: against a task, a milestone, or the project itself.
public struct TimesheetEntry: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var login: String
    public var day: LocalDate
    public var projectId: Int64
    public var taskId: Int64?
    public var milestoneId: Int64?
    /// 1...1440.
    public var minutes: Int
    public var note: String
    public var billable: Bool
    /// From the task or the project (staff never type it).
    public var role: String
    /// Per hour, PEN; frozen when the week is approved (nil while open: the rate in force that day applies).
    public var costRate: Money?

    public init(id: Int64 = 0, login: String, day: LocalDate, projectId: Int64, taskId: Int64? = nil,
                milestoneId: Int64? = nil, minutes: Int, note: String = "", billable: Bool = true, role: String = "",
                costRate: Money? = nil) {
        self.id = id; self.login = login; self.day = day; self.projectId = projectId; self.taskId = taskId
        self.milestoneId = milestoneId; self.minutes = minutes; self.note = note; self.billable = billable
        self.role = role; self.costRate = costRate
    }

    /// The Monday of the week `day` falls in.
    public static func week(of day: LocalDate) -> LocalDate { day.adding(days: 1 - day.isoWeekday) }
}

/// A person's week of hours.
public enum TimesheetWeekState: String, CaseIterable, Sendable, Codable, Hashable {
    case open = "abierta"
    case submitted = "enviada"
    case approved = "aprobada"

    public var displayName: String {
        switch self {
        case .open: return "Abierta"
        case .submitted: return "Enviada"
        case .approved: return "Aprobada"
        }
    }
}
