import Foundation

/// A package's plan as data (issue 13 §2): its stages in order, each lasting whole working days, with
/// its checklist and the role that does it. A project made from it gets its cards and due dates
/// counted back from the promised date (`TemplateSchedule`).
public struct ProjectTemplate: Sendable, Hashable, Codable {
    public var name: String
    public var unit: BusinessUnit
    public var steps: [TemplateStep]

    public init(name: String, unit: BusinessUnit, steps: [TemplateStep]) {
        self.name = name; self.unit = unit; self.steps = steps
    }

    /// The working days of all its steps.
    public var totalWorkingDays: Int { steps.reduce(0) { $0 + $1.workingDays } }

    /// Checks the template: a name, at least one step, each step named and lasting 1 to
    /// `WorkingCalendar.maxWorkingDays` working days, and all of them together within that limit.
    public func validate() throws(CalendarError) {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw .required(field: "plantilla: nombre") }
        guard !steps.isEmpty else { throw .noSteps(template: name) }
        var total = 0
        for step in steps {
            if step.name.trimmingCharacters(in: .whitespaces).isEmpty { throw .required(field: "plantilla «\(name)»: nombre del paso") }
            guard step.workingDays >= 0 else { throw .negativeDays(field: "plantilla «\(name)», paso «\(step.name)»") }
            guard step.workingDays > 0 else { throw .emptyStep(template: name, step: step.name) }
            guard step.workingDays <= WorkingCalendar.maxWorkingDays else {
                throw .tooManyDays(field: "plantilla «\(name)», paso «\(step.name)»", max: WorkingCalendar.maxWorkingDays)
            }
            total += step.workingDays
        }
        guard total <= WorkingCalendar.maxWorkingDays else {
            throw .tooManyDays(field: "plantilla «\(name)» (suma de los pasos)", max: WorkingCalendar.maxWorkingDays)
        }
    }
}

/// One stage of a template: the board column it becomes, how many working days it takes, its
/// checklist and who does it.
public struct TemplateStep: Sendable, Hashable, Codable {
    /// The column / stage name: "diseño".
    public var name: String
    public var workingDays: Int
    public var checklist: [String]
    public var role: Role

    public init(_ name: String, workingDays: Int, checklist: [String] = [], role: Role) {
        self.name = name; self.workingDays = workingDays; self.checklist = checklist; self.role = role
    }
}
