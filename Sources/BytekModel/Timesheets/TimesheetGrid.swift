import Foundation

/// What a row of the week grid logs against: a project, and a task or a milestone of it (or neither).
public struct TimesheetRowKey: Sendable, Hashable, Comparable {
    public var projectId: Int64
    public var taskId: Int64?
    public var milestoneId: Int64?

    public init(projectId: Int64, taskId: Int64? = nil, milestoneId: Int64? = nil) {
        self.projectId = projectId; self.taskId = taskId; self.milestoneId = milestoneId
    }

    public static func < (a: TimesheetRowKey, b: TimesheetRowKey) -> Bool {
        (a.projectId, a.taskId ?? 0, a.milestoneId ?? 0) < (b.projectId, b.taskId ?? 0, b.milestoneId ?? 0)
    }
}

/// One row of the week grid: its key, how it reads ("PRY-2026-00012 · Diseño"), and minutes per day
/// (Monday first).
public struct TimesheetRow: Sendable, Hashable {
    public var key: TimesheetRowKey
    public var projectCode: String
    /// The task's title or the milestone's name; "" for the project itself.
    public var label: String
    public var minutes: [Int]

    public init(key: TimesheetRowKey, projectCode: String, label: String, minutes: [Int] = Array(repeating: 0, count: 7)) {
        self.key = key; self.projectCode = projectCode; self.label = label; self.minutes = minutes
    }

    public var total: Int { minutes.reduce(0, +) }
    public var title: String { label.isEmpty ? projectCode : projectCode + " · " + label }
}

/// A person's week as a grid: days (Monday…Sunday) × rows, with totals per day and per row.
public struct TimesheetGrid: Sendable, Hashable {
    public var login: String
    /// The Monday.
    public var week: LocalDate
    public var state: TimesheetWeekState
    public var rows: [TimesheetRow]

    public init(login: String, week: LocalDate, state: TimesheetWeekState = .open, rows: [TimesheetRow] = []) {
        self.login = login; self.week = week; self.state = state; self.rows = rows
    }

    /// The seven days, Monday first.
    public var days: [LocalDate] { (0..<7).map { week.adding(days: $0) } }
    public var dayTotals: [Int] { (0..<7).map { d in rows.reduce(0) { $0 + $1.minutes[d] } } }
    public var total: Int { rows.reduce(0) { $0 + $1.total } }
    /// Approved weeks are read-only.
    public var isLocked: Bool { state == .approved }

    /// The grid of `entries` (all of `week`) and `pinned` rows (added or copied without hours yet);
    /// `describe` names a row. Rows in project code then label order.
    public static func build(login: String, week: LocalDate, state: TimesheetWeekState, entries: [TimesheetEntry],
                             pinned: [TimesheetRowKey], describe: (TimesheetRowKey) -> (code: String, label: String))
        -> TimesheetGrid {
        var byKey: [TimesheetRowKey: [Int]] = [:]
        for key in pinned { byKey[key] = byKey[key] ?? Array(repeating: 0, count: 7) }
        for e in entries {
            let key = TimesheetRowKey(projectId: e.projectId, taskId: e.taskId, milestoneId: e.milestoneId)
            let d = week.days(until: e.day)
            guard (0..<7).contains(d) else { continue }
            byKey[key, default: Array(repeating: 0, count: 7)][d] += e.minutes
        }
        let rows = byKey.map { key, minutes -> TimesheetRow in
            let name = describe(key)
            return TimesheetRow(key: key, projectCode: name.code, label: name.label, minutes: minutes)
        }.sorted { ($0.projectCode, $0.label, $0.key) < ($1.projectCode, $1.label, $1.key) }
        return TimesheetGrid(login: login, week: week, state: state, rows: rows)
    }

    /// A week typed by a user: any day of it (`2026-12-02`) or ISO `2026-W49`; its Monday.
    public static func week(_ text: String) throws(TimesheetError) -> LocalDate {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let d = LocalDate(t) { return TimesheetEntry.week(of: d) }
        let parts = t.split(separator: "-")
        guard parts.count == 2, parts[1].hasPrefix("W"), let y = Int(parts[0]), (2000...2200).contains(y),
              let w = Int(parts[1].dropFirst()), (1...53).contains(w), let jan4 = LocalDate(year: y, month: 1, day: 4) else {
            throw .invalidWeek(text)
        }
        let monday = TimesheetEntry.week(of: jan4).adding(days: (w - 1) * 7)
        guard w < 53 || isoWeekNumber(monday).week == 53 else { throw .invalidWeek(text) }
        return monday
    }

    /// ISO year and week number of a day.
    public static func isoWeekNumber(_ day: LocalDate) -> (year: Int, week: Int) {
        let thursday = day.adding(days: 4 - day.isoWeekday)
        let jan1 = LocalDate(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, jan1.days(until: thursday) / 7 + 1)
    }

    /// "2026-W49".
    public static func weekName(_ monday: LocalDate) -> String {
        let (y, w) = isoWeekNumber(monday)
        return "\(y)-W" + TimesheetDuration.pad(w)
    }
}
