import BytekModel
import Foundation

extension ProjectHealth {
    /// The theme style of the health's cell.
    var role: StyleRole? {
        switch self {
        case .ok: return .success
        case .atRisk: return .warning
        case .late, .blocked: return .danger
        }
    }
}

/// One row of the project list: the project, its cards done of all, its health and the gate's message.
typealias ProjectListItem = ProjectSummary

/// A card of a board: the task and what the board shows beside it.
struct BoardTask: Sendable, Hashable {
    var task: ProjectTask
    var projectCode: String
    var customerName: String
    /// The service's judgement against the 7-day promise (working days), when it gave one.
    var lateness: CardLateness? = nil
}

/// What one board holds, read once when it opens (and on reload).
struct BoardData: Sendable {
    var tasks: [BoardTask]
    /// WIP limit per column (none when absent).
    var limits: [TaskState: Int]
}

/// A milestone row of the Hitos tab.
struct MilestoneRow: Sendable, Hashable {
    var milestone: ProjectMilestone
    var deliverables: Int
}

/// A document of the project (quote, contract, invoices).
struct ProjectDocumentRow: Sendable, Hashable {
    /// "Cotización", "Contrato", "Factura".
    var kind: String
    var number: String
    var date: LocalDate?
    var amount: Money?
    var status: String
}

/// One audit entry of the project (Historial).
struct ProjectHistoryRow: Sendable, Hashable {
    var at: Date
    var user: String
    var action: String
    var detail: String
}

/// Hours logged on the project by one person.
struct ProjectHoursRow: Sendable, Hashable {
    var login: String
    var minutes: Int
}

/// A new project typed by hand.
struct NewProjectInput: Sendable, Hashable {
    var name: String
    var customerDocument: String
    var unit: BusinessUnit
    var kind: ProjectKind = .kanban
    var manager: String
    var startDate: LocalDate
    var promisedDate: LocalDate
    var template: String
    /// What was sold, without IGV (zero when not given).
    var sold = Money.zero(.pen)
    /// The number of a recorded contract of the customer ("CTR-2026-00001"), or empty.
    var contract = ""
}

/// An active template as the new-project form offers it.
struct TemplateChoice: Sendable, Hashable {
    var id: Int64
    var name: String
    var unit: BusinessUnit
    var steps: Int
    var workingDays: Int
}

/// A move refused because the target column is at its WIP limit (an override with a reason may pass it).
struct WIPLimitRefusal: Error, Sendable, Hashable {
    var state: TaskState
    var limit: Int
}

/// What the Proyectos screens read and do, each call one operation of `services.projects` as the session's
/// user (the operation authorizes, validates and writes with its audit entry); `ServicesProjectsDesk` is the
/// real one. The screens hold no repository.
@MainActor
protocol ProjectsDesk: AnyObject {
    /// Today and now by the injected clock.
    var today: LocalDate { get }
    var now: Date { get }
    /// The project list under the `/` text: a virtual row source (only the visible rows are read).
    func projectRows(search: String, format: @escaping (ProjectListItem) -> (cells: [String], role: StyleRole?)) throws -> any RowSource
    func item(projectId: Int64) throws -> ProjectListItem?
    func createProject(_ input: NewProjectInput) throws -> Project
    /// Customers whose name or document holds `search` (the customers' index), for the form's picker:
    /// id, legal name and "RUC 20…".
    func customerChoices(search: String) throws -> [PickerEntry]
    /// The active templates with their steps and working days.
    func templateChoices() throws -> [TemplateChoice]
    /// The due dates template `templateId` gives a project promised on `promised`.
    func schedule(templateId: Int64, promised: LocalDate) throws -> TemplateSchedule
    /// The active users who may manage a project: login and name.
    func managerChoices() throws -> [(login: String, name: String)]
    /// The recorded contracts of the customer with document `customerDocument`: number, quote and unit.
    func contractChoices(customerDocument: String) throws -> [PickerEntry]
    func archive(projectId: Int64, reason: String) throws
    func board(_ scope: BoardScope) throws -> BoardData
    /// Moves a card; throws `WIPLimitRefusal` at a full column unless `overrideReason` is given.
    func move(taskId: Int64, to state: TaskState, overrideReason: String?) throws -> ProjectTask
    func setBlocked(taskId: Int64, blocked: Bool, reason: String) throws -> ProjectTask
    func checklist(taskId: Int64) throws -> [TaskCheck]
    func toggleCheck(taskId: Int64, checkId: Int64) throws -> [TaskCheck]
    func milestones(projectId: Int64) throws -> [MilestoneRow]
    func documents(projectId: Int64) throws -> [ProjectDocumentRow]
    func history(projectId: Int64) throws -> [ProjectHistoryRow]
    /// Hours logged per person, nil while timesheets are not there.
    func hours(projectId: Int64) throws -> [ProjectHoursRow]?
    /// Turns an error of these calls into one Spanish sentence.
    func describe(_ error: Error) -> String
}
