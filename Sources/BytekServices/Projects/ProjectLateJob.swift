import BytekModel
import BytekStore
import Foundation

/// What will miss its date (issue 13 §2, the 7-day promise), as the daily job lists it: the cards late
/// or about to be, grouped by project, each project with its manager.
public struct LateReport: Sendable, Hashable {
    public struct ProjectLine: Sendable, Hashable {
        public var projectId: Int64
        public var code: String
        public var name: String
        public var manager: String
        public var promised: LocalDate
        /// Its cards late (`danger`) or about to be (`warning`), due date first.
        public var cards: [BoardCard]
        public var worst: CardLateness { cards.map(\.lateness).max() ?? .onTime }
    }

    public var date: LocalDate
    public var projects: [ProjectLine]
    public var cardCount: Int { projects.reduce(0) { $0 + $1.cards.count } }
    /// The managers with something to act on, each with their projects' codes.
    public var byManager: [String: [String]] {
        Dictionary(grouping: projects, by: \.manager).mapValues { $0.map(\.code) }
    }
}

extension ProjectService {
    /// The cards and projects that will miss their date today (or `day`), for the daily job and "run now".
    public func lateReport(on day: LocalDate? = nil) throws -> LateReport {
        try actor.authorize(.projectView)
        let date = day ?? today
        let cards = try repository.lateCards(today: date)
        var order: [Int64] = []
        var byProject: [Int64: [BoardCard]] = [:]
        for c in cards {
            if byProject[c.projectId] == nil { order.append(c.projectId) }
            byProject[c.projectId, default: []].append(c)
        }
        let lines = try order.compactMap { id -> LateReport.ProjectLine? in
            guard let p = try repository.get(id), let cards = byProject[id] else { return nil }
            return LateReport.ProjectLine(projectId: id, code: p.code, name: p.name, manager: p.manager, promised: p.promisedDate,
                                          cards: cards)
        }.sorted { ($0.worst, $1.promised) > ($1.worst, $0.promised) }
        return LateReport(date: date, projects: lines)
    }
}

/// The daily job: kind `proyectos.atrasos`, enqueued by the schedule `proyectos-atrasos` at 07:30 Lima,
/// run by the worker as `Actor.worker` through `ProjectService.mailLate`: it e-mails each manager and
/// assignee the cards that will miss their date (the worker's handler passes the mail sender) and its
/// result (JSON) lists, per project, those cards and the manager.
public enum ProjectLateJob {
    public static let kind = "proyectos.atrasos"
    public static let scheduleName = "proyectos-atrasos"
    public static let scheduleRule = "daily 07:30"

    /// Adds the daily schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Runs the job on the worker's connection and clock; the payload may name the day: `{"fecha":"2026-12-01"}`.
    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String] = [:],
                           payload: [String: Any] = [:], send: (String, String, String) throws -> Void) throws -> String {
        let run = try Services.worker(db: db, nowMs: nowMs, environment: environment).projects
            .mailLate(on: Services.payloadDay(payload), send: send)
        return json(run.report, mailed: run.mailed, withoutEmail: run.withoutEmail)
    }

    /// `{"correos":[…],"fecha":…,"proyectos":[{"codigo":…,"responsable":…,"prometida":…,"tarjetas":[{"id":…,"titulo":…,
    /// "vence":…,"estado":"peligro"}]}],"sin_correo":[…],"tarjetas":…}`.
    public static func json(_ r: LateReport, mailed: [String] = [], withoutEmail: [String] = []) -> String {
        let projects: [[String: Any]] = r.projects.map { p in
            ["codigo": p.code, "nombre": p.name, "responsable": p.manager, "prometida": p.promised.description,
             "tarjetas": p.cards.map { c -> [String: Any] in
                 ["id": c.id, "titulo": c.title, "vence": c.due?.description ?? "", "asignado": c.assignee ?? "",
                  "estado": c.lateness.rawValue]
             }]
        }
        let object: [String: Any] = ["fecha": r.date.description, "tarjetas": r.cardCount, "proyectos": projects,
                                     "correos": mailed, "sin_correo": withoutEmail]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
