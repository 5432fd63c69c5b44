import Foundation

/// The daily alarms of projects (issue 13 §3) on `date`: milestones planned within 7 days and not yet
/// approved or invoiced, projects the payment gate holds (why and how much is owed), and approvals the
/// customer has kept waiting more than 3 working days. Each line names the project and its manager.
public struct ProjectAlarms: Sendable, Hashable {
    public static let dueWithinDays = 7
    public static let approvalWaitWorkingDays = 3

    public struct ProjectRef: Sendable, Hashable {
        public var id: Int64
        public var code: String
        public var name: String
        public var manager: String
        public init(id: Int64, code: String, name: String, manager: String) {
            self.id = id; self.code = code; self.name = name; self.manager = manager
        }
    }

    public struct MilestoneDue: Sendable, Hashable {
        public var project: ProjectRef
        public var position: Int
        public var name: String
        public var plannedDate: LocalDate
        public var state: MilestoneState
        /// Days from the alarm's date to the planned date (0 = today; negative = already late).
        public var daysLeft: Int
        public init(project: ProjectRef, position: Int, name: String, plannedDate: LocalDate, state: MilestoneState,
                    daysLeft: Int) {
            self.project = project; self.position = position; self.name = name; self.plannedDate = plannedDate
            self.state = state; self.daysLeft = daysLeft
        }
    }

    public struct Blocked: Sendable, Hashable {
        public var project: ProjectRef
        public var block: GateBlock
        public init(project: ProjectRef, block: GateBlock) { self.project = project; self.block = block }
    }

    public struct ApprovalWaiting: Sendable, Hashable {
        public var project: ProjectRef
        public var position: Int
        public var name: String
        public var readySince: LocalDate
        /// Working days waited after the day it became ready.
        public var workingDays: Int
        public init(project: ProjectRef, position: Int, name: String, readySince: LocalDate, workingDays: Int) {
            self.project = project; self.position = position; self.name = name; self.readySince = readySince
            self.workingDays = workingDays
        }
    }

    public var date: LocalDate
    public var dueSoon: [MilestoneDue]
    public var blocked: [Blocked]
    public var waiting: [ApprovalWaiting]

    public init(date: LocalDate, dueSoon: [MilestoneDue] = [], blocked: [Blocked] = [], waiting: [ApprovalWaiting] = []) {
        self.date = date; self.dueSoon = dueSoon; self.blocked = blocked; self.waiting = waiting
    }

    public var isEmpty: Bool { dueSoon.isEmpty && blocked.isEmpty && waiting.isEmpty }
    public var count: Int { dueSoon.count + blocked.count + waiting.count }

    /// The managers named, sorted.
    public var managers: [String] {
        Array(Set(dueSoon.map(\.project.manager) + blocked.map(\.project.manager) + waiting.map(\.project.manager))).sorted()
    }

    /// Only the lines of `manager`'s projects.
    public func of(manager: String) -> ProjectAlarms {
        ProjectAlarms(date: date, dueSoon: dueSoon.filter { $0.project.manager == manager },
                      blocked: blocked.filter { $0.project.manager == manager },
                      waiting: waiting.filter { $0.project.manager == manager })
    }

    /// The lines as read in "Mis pendientes" and in the e-mail, section by section.
    public var lines: [String] {
        var out: [String] = []
        for b in blocked {
            out.append("\(b.project.code) \(b.project.name): \(b.block.message) (hito \(b.block.overdueMilestonePosition))")
        }
        for w in waiting {
            out.append("\(w.project.code) \(w.project.name): hito \(w.position) «\(w.name)» espera aprobación del cliente "
                + "hace \(w.workingDays) días hábiles (listo desde \(Self.dmy(w.readySince)))")
        }
        for d in dueSoon {
            let when = d.daysLeft == 0 ? "hoy" : d.daysLeft == 1 ? "mañana" : d.daysLeft < 0 ? "hace \(-d.daysLeft) días"
                : "en \(d.daysLeft) días"
            out.append("\(d.project.code) \(d.project.name): hito \(d.position) «\(d.name)» vence \(when) "
                + "(\(Self.dmy(d.plannedDate)), \(d.state.displayName.lowercased()))")
        }
        return out
    }

    /// The e-mail to a manager: subject and plain-text body.
    public func email(manager: String) -> (subject: String, body: String) {
        let mine = of(manager: manager)
        let subject = "Alarmas de proyectos del \(Self.dmy(date)): \(mine.blocked.count) bloqueado(s), "
            + "\(mine.waiting.count) aprobación(es) en espera, \(mine.dueSoon.count) hito(s) por vencer"
        var body = "Hola \(manager):\n\n"
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            body += title + "\n" + items.map { "  - " + $0 }.joined(separator: "\n") + "\n\n"
        }
        let l = mine.lines
        section("Bloqueados por pago:", Array(l.prefix(mine.blocked.count)))
        section("Aprobaciones en espera (más de \(Self.approvalWaitWorkingDays) días hábiles):",
                Array(l.dropFirst(mine.blocked.count).prefix(mine.waiting.count)))
        section("Hitos en los próximos \(Self.dueWithinDays) días:", Array(l.suffix(mine.dueSoon.count)))
        body += "Véalos en BYTEK Core › Proyectos › Mis pendientes (!).\n"
        return (subject, body)
    }

    static func dmy(_ d: LocalDate) -> String {
        let s = d.description
        return String(s.suffix(2)) + "/" + String(s.dropFirst(5).prefix(2)) + "/" + String(s.prefix(4))
    }
}
