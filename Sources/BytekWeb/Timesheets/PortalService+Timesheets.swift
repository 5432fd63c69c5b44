import BytekModel
import BytekServices
import BytekStore
import Foundation

/// "Mis horas" on the technician's phone page: today's entries, what they can log on (their assigned
/// tasks), the week's total; logging acts as the technician (Actor.staff, door web) through the timesheets
/// operations.
public struct TechnicianHours: Sendable {
    public var today: [(title: String, minutes: Int, note: String)]
    public var targets: [TimesheetTarget]
    public var todayMinutes: Int
    public var weekMinutes: Int
}

extension PortalService {
    /// The operations layer as the signed-in technician (door web).
    func asTechnician<T>(_ who: SignedIn, _ body: (Services) throws -> T) throws -> T? {
        guard who.account.kind == .tecnico, let login = who.account.userLogin,
              try pool.with({ db in try PortalSignIn(db: db, who: "portal").activeUserName(login: login) }) != nil else { return nil }
        return try pool.with { db in
            try body(Services(store: Store(opened: db), actor: .staff(login, role: .tecnico, door: .web)))
        }
    }

    /// Today's hours of the technician, their assigned tasks (all active projects' when none is assigned) and the week's total.
    public func technicianHours(_ who: SignedIn) throws -> TechnicianHours? {
        try asTechnician(who) { s in
            let t = s.timesheets
            let today = t.today
            let entries = try t.entries(day: today)
            var targets = try t.targets(assignedOnly: true)
            if targets.isEmpty { targets = try t.targets() }
            let names = try t.grid(week: today).rows
            let lines = entries.map { e -> (title: String, minutes: Int, note: String) in
                let key = TimesheetRowKey(projectId: e.projectId, taskId: e.taskId, milestoneId: e.milestoneId)
                return (names.first { $0.key == key }?.title ?? "", e.minutes, e.note)
            }
            return TechnicianHours(today: lines, targets: targets, todayMinutes: entries.reduce(0) { $0 + $1.minutes },
                                   weekMinutes: names.reduce(0) { $0 + $1.total })
        }
    }

    /// Logs the technician's hours today on `target` ("proyecto:tarea" as the form's select sends it).
    public func logTechnicianHours(_ who: SignedIn, target: String, duration: String, note: String) throws {
        _ = try asTechnician(who) { s in
            try s.timesheets.log(day: s.timesheets.today, on: TimesheetPages.key(target), duration: duration, note: note)
        }
    }
}
