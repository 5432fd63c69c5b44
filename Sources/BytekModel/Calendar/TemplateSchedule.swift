/// A template's steps placed on the working calendar: each step starts and is due on working days
/// and occupies `workingDays` of them, both ends included; the next step starts on the working day
/// after the previous one is due.
public struct TemplateSchedule: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var step: TemplateStep
        public var start: LocalDate
        public var due: LocalDate

        public init(step: TemplateStep, start: LocalDate, due: LocalDate) { self.step = step; self.start = start; self.due = due }
    }

    public var template: ProjectTemplate
    public var entries: [Entry]

    public init(template: ProjectTemplate, entries: [Entry]) { self.template = template; self.entries = entries }

    /// The first start (the day work must begin to keep the promise).
    public var start: LocalDate? { entries.first?.start }
    /// The last step's due date.
    public var due: LocalDate? { entries.last?.due }

    /// Counted back from the promised date: the last step is due ON `promised` when it is a working
    /// day, else on the last working day before it; each earlier step is due the working day before
    /// the next one starts.
    public static func backwards(_ template: ProjectTemplate, promised: LocalDate,
                                 calendar: WorkingCalendar) throws(CalendarError) -> TemplateSchedule {
        try template.validate()
        var entries: [Entry] = []
        var due = try calendar.lastWorkingDay(onOrBefore: promised)
        for (i, step) in template.steps.enumerated().reversed() {
            let start = try calendar.subtract(workingDays: step.workingDays - 1, from: due)
            entries.append(Entry(step: step, start: start, due: due))
            if i > 0 { due = try calendar.subtract(workingDays: 1, from: start) }
        }
        return TemplateSchedule(template: template, entries: entries.reversed())
    }

    /// Counted forwards from `start`: the first step starts on `start` when it is a working day, else
    /// on the next working day.
    public static func forwards(_ template: ProjectTemplate, from start: LocalDate,
                                calendar: WorkingCalendar) throws(CalendarError) -> TemplateSchedule {
        try template.validate()
        var entries: [Entry] = []
        var begin = try calendar.nextWorkingDay(onOrAfter: start)
        for (i, step) in template.steps.enumerated() {
            let due = try calendar.add(workingDays: step.workingDays - 1, to: begin)
            entries.append(Entry(step: step, start: begin, due: due))
            if i < template.steps.count - 1 { begin = try calendar.add(workingDays: 1, to: due) }
        }
        return TemplateSchedule(template: template, entries: entries)
    }
}
