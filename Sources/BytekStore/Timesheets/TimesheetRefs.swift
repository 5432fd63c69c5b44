import BytekModel
import Foundation

/// What hours are logged against, as the timesheets read it: a project and one of its tasks or milestones.
public struct TimesheetProjectRef: Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String
    public var status: String
    public var manager: String
    public var customerName: String
}

public struct TimesheetTaskRef: Sendable, Hashable {
    public var id: Int64
    public var projectId: Int64
    public var milestoneId: Int64?
    public var title: String
    public var role: String
    public var state: String
    public var assignee: String?
}

/// One thing a person can log on, for pickers: a project (task nil) or one of its open tasks.
public struct TimesheetTarget: Sendable, Hashable {
    public var key: TimesheetRowKey
    public var projectCode: String
    public var projectName: String
    public var customerName: String
    /// The task's title; "" for the project itself.
    public var taskTitle: String

    public var title: String {
        taskTitle.isEmpty ? projectCode + " · " + projectName : projectCode + " · " + taskTitle
    }
}

/// A week sent and waiting for approval.
public struct TimesheetPendingWeek: Sendable, Hashable {
    public var login: String
    public var week: LocalDate
    public var minutes: Int
    public var projectCodes: [String]
    public var submittedAt: String
}

/// A running timer.
public struct TimesheetTimer: Sendable, Hashable {
    public var login: String
    public var key: TimesheetRowKey
    public var projectCode: String
    public var note: String
    public var startedAt: Date
}

/// What the audit log keeps of an entry.
struct TimesheetEntryAudit: Encodable {
    var login: String
    var day: String
    var projectId: Int64
    var taskId: Int64?
    var milestoneId: Int64?
    var minutes: Int
    var note: String
    var billable: Bool
    var role: String

    init(_ e: TimesheetEntry) {
        login = e.login; day = e.day.description; projectId = e.projectId; taskId = e.taskId
        milestoneId = e.milestoneId; minutes = e.minutes; note = e.note; billable = e.billable; role = e.role
    }
}
