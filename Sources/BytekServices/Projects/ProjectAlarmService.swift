import BytekModel
import BytekStore
import Foundation

/// The alarms of projects: what a manager finds in "Mis pendientes" and in the daily e-mail of the
/// worker's job `proyectos.alarmas` (07:45 Lima).
public struct ProjectAlarmService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var repository: GateRepository { services.acting(GateRepository.self) }

    /// The setting holding a member of staff's e-mail address (the alarms go there): `correo.<login>`.
    public static func emailSetting(login: String) -> String { "correo." + login }

    /// The alarms on today (or `day`), of every project or of `manager`'s only.
    public func alarms(on day: LocalDate? = nil, manager: String? = nil) throws -> ProjectAlarms {
        try actor.authorize(.gateView)
        let all = try compute(on: day ?? services.projectGate.today)
        return manager.map { all.of(manager: $0) } ?? all
    }

    func compute(on today: LocalDate) throws -> ProjectAlarms {
        let repo = repository
        let due = try repo.milestonesPlanned(from: today, to: today.adding(days: ProjectAlarms.dueWithinDays)).map {
            ProjectAlarms.MilestoneDue(project: $0.project, position: $0.position, name: $0.name, plannedDate: $0.plannedDate,
                                       state: $0.state, daysLeft: today.days(until: $0.plannedDate))
        }
        let gate = ProjectGateService(services: Services(store: services.store, actor: actor, now: { Self.noon(today) },
                                                         environment: services.environment))
        let blocks = try gate.blocked()
        let refs = try repo.projectRefs(Array(blocks.keys))
        let blocked = blocks.compactMap { id, b in refs[id].map { ProjectAlarms.Blocked(project: $0, block: b) } }
            .sorted { ($0.project.code, $0.project.id) < ($1.project.code, $1.project.id) }
        var waiting: [ProjectAlarms.ApprovalWaiting] = []
        let ready = try repo.milestonesReady(before: today)
        if !ready.isEmpty {
            let first = ready.map { $0.readySince ?? $0.plannedDate }.min() ?? today
            let calendar = try HolidayRepository(db: services.db, user: actor.auditName, now: services.now)
                .calendar(years: first.year...today.year)
            for m in ready {
                let since = m.readySince ?? m.plannedDate
                let days = try calendar.workingDays(between: since.adding(days: 1), and: today)
                if days > ProjectAlarms.approvalWaitWorkingDays {
                    waiting.append(ProjectAlarms.ApprovalWaiting(project: m.project, position: m.position, name: m.name,
                                                                 readySince: since, workingDays: days))
                }
            }
        }
        return ProjectAlarms(date: today, dueSoon: due, blocked: blocked, waiting: waiting)
    }

    /// What one run of the daily job did.
    public struct RunReport: Sendable, Hashable {
        public var alarms: ProjectAlarms
        /// Managers e-mailed, and those with alarms but no address (setting `correo.<login>`).
        public var mailed: [String]
        public var withoutEmail: [String]

        public var json: String {
            func list(_ xs: [String]) -> String { "[" + xs.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
            return "{\"fecha\":\"\(alarms.date)\",\"hitos_proximos\":\(alarms.dueSoon.count),"
                + "\"bloqueados\":\(alarms.blocked.count),\"aprobaciones_en_espera\":\(alarms.waiting.count),"
                + "\"correos\":\(list(mailed)),\"sin_correo\":\(list(withoutEmail))}"
        }
    }

    /// Computes the alarms of `day` (today by default) and sends each manager one e-mail with the lines of
    /// their projects through `send(to, subject, body)` (the worker passes its mail sender).
    public func run(on day: LocalDate? = nil, send: (String, String, String) throws -> Void) throws -> RunReport {
        try actor.authorize(.projectAlarms)
        let alarms = try compute(on: day ?? services.projectGate.today)
        let settings = SettingsRepository(db: services.db)
        var mailed: [String] = [], without: [String] = []
        for manager in alarms.managers {
            guard let to = try settings.value(Self.emailSetting(login: manager)), EmailAddress.isValid(to) else {
                without.append(manager); continue
            }
            let mail = alarms.email(manager: manager)
            try send(to, mail.subject, mail.body)
            mailed.append(manager)
        }
        return RunReport(alarms: alarms, mailed: mailed, withoutEmail: without)
    }

    static func noon(_ day: LocalDate) -> Date { Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400 + 17 * 3_600) }
}

extension Services {
    public var projectAlarms: ProjectAlarmService { ProjectAlarmService(services: self) }
}
