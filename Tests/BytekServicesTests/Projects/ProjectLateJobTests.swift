import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The daily list of what will miss its date (`proyectos.atrasos`), on a fake clock, and the payment gate
/// asked before a card goes to "en curso".
@Suite struct ProjectLateJobTests {
    typealias W = ProjectWorld

    static func ms(_ day: String, hourUTC: Int = 13) -> Int64 {
        Int64(LocalDate(day)!.daysSinceEpoch) * 86_400_000 + Int64(hourUTC) * 3_600_000
    }

    /// Runs the job on `day` (the worker's clock), keeping what it sends.
    static func run(_ w: W, _ day: String, payload: [String: Any] = [:],
                    sent: inout [(to: String, subject: String, body: String)]) throws -> String {
        var out: [(to: String, subject: String, body: String)] = []
        let json = try ProjectLateJob.run(db: w.store.db, nowMs: { Self.ms(day) }, payload: payload) { out.append(($0, $1, $2)) }
        sent += out
        return json
    }

    static func run(_ w: W, _ day: String, payload: [String: Any] = [:]) throws -> String {
        var ignored: [(to: String, subject: String, body: String)] = []
        return try run(w, day, payload: payload, sent: &ignored)
    }

    @Test func theDailyJobListsLateAndAboutToBeLateCardsPerManager() throws {
        let w = try W()
        let s = w.gestor
        let p = try w.handProject(s)   // promised 17/12
        let brief = try s.projects.addTask(ProjectTask(projectId: p.id, title: "brief", assignee: "tecnico", dueDate: W.day("2026-12-04")))
        let design = try s.projects.addTask(ProjectTask(projectId: p.id, title: "diseño", dueDate: W.day("2026-12-11")))
        let other = try s.projects.create(Project(name: "Campaña", unit: .digital, kind: .kanban, customerId: w.customerB, manager: "tecnico",
                                                  sold: Money(10, .pen), startDate: W.today, promisedDate: W.day("2026-12-31")))
        _ = try s.projects.addTask(ProjectTask(projectId: other.id, title: "piezas", dueDate: W.day("2026-12-30")))
        #expect(try ProjectLateJob.ensureSchedule(db: w.store.db))
        let schedule = try #require(try ScheduleStore(db: w.store.db).schedule(named: "proyectos-atrasos"))
        #expect(schedule.kind == "proyectos.atrasos" && schedule.rule == "daily 07:30")

        // Thursday 03/12: brief is due tomorrow (the next working day) → aviso; nothing is late yet.
        let thursday = try Self.run(w, "2026-12-03")
        #expect(thursday.contains("\"fecha\":\"2026-12-03\"") && thursday.contains("\"tarjetas\":1"), "\(thursday)")
        #expect(thursday.contains("\"id\":\(brief.id)") && thursday.contains("\"estado\":\"aviso\""))
        #expect(thursday.contains("\"responsable\":\"gestor\""))

        // Monday 07/12: brief is past due (peligro); diseño, due Friday 11/12, is 2 working days away after the
        // holidays of 08 and 09/12 → not yet; done cards never appear.
        let monday = try Self.run(w, "2026-12-07")
        #expect(monday.contains("\"estado\":\"peligro\"") && monday.contains("\"tarjetas\":1"), "\(monday)")
        let report = try w.services("worker-less", .operaciones).projects.lateReport(on: W.day("2026-12-10"))
        #expect(report.projects.map(\.code) == [p.code])
        #expect(report.projects.first?.cards.map(\.id) == [brief.id, design.id])
        #expect(report.projects.first?.worst == .danger)
        try s.projects.moveTask(brief.id, .to(.done))
        try s.projects.moveTask(design.id, .to(.done))
        let after = try Self.run(w, "2026-12-10", payload: ["fecha": "2026-12-16"])
        // on 16/12 the project is promised for tomorrow: its remaining cards… none left; the other project is fine
        #expect(after == "{\"correos\":[],\"fecha\":\"2026-12-16\",\"proyectos\":[],\"sin_correo\":[],\"tarjetas\":0}", "\(after)")
        // the second project, promised 31/12, shows up two working days before with its card due 30/12
        let late = try Self.run(w, "2026-12-29")
        #expect(late.contains("\"codigo\":\"\(other.code)\"") && late.contains("\"responsable\":\"tecnico\""), "\(late)")
    }

    @Test func theDailyJobMailsEachManagerAndAssigneeTheirCardsOnceADay() throws {
        let w = try W()
        let s = w.gestor
        let p = try w.handProject(s)   // manager gestor, promised 17/12
        _ = try s.projects.addTask(ProjectTask(projectId: p.id, title: "brief", assignee: "tecnico", dueDate: W.day("2026-12-04")))
        _ = try s.projects.addTask(ProjectTask(projectId: p.id, title: "diseño", dueDate: W.day("2026-12-11")))
        _ = try s.projects.addTask(ProjectTask(projectId: p.id, title: "textos", assignee: "admin", dueDate: W.day("2026-12-11")))
        let settings = SettingsRepository(db: w.store.db)
        try settings.set(ProjectAlarmService.emailSetting(login: "gestor"), "gestor@bytek.pe")
        try settings.set(ProjectAlarmService.emailSetting(login: "tecnico"), "tecnico@bytek.pe")

        // Thursday 10/12: brief is 6 days late, diseño and textos are due tomorrow.
        var sent: [(to: String, subject: String, body: String)] = []
        let json = try Self.run(w, "2026-12-10", sent: &sent)
        #expect(json.contains("\"correos\":[\"gestor\",\"tecnico\"]") && json.contains("\"sin_correo\":[\"admin\"]"), "\(json)")
        #expect(sent.map(\.to) == ["gestor@bytek.pe", "tecnico@bytek.pe"])
        #expect(sent[0].subject == "Tarjetas que no llegarán a su fecha (10/12/2026): 1 atrasada(s), 2 por vencer")
        #expect(sent[0].body.hasPrefix("Hola gestor:\n"))
        #expect(sent[0].body.contains("  - \(p.code) «brief» vence 04/12/2026: atrasada 6 día(s)\n"), "\(sent[0].body)")
        #expect(sent[0].body.contains("  - \(p.code) «diseño» vence 11/12/2026: vence mañana\n"))
        #expect(sent[0].body.contains("«textos»"))
        #expect(sent[1].subject == "Tarjetas que no llegarán a su fecha (10/12/2026): 1 atrasada(s), 0 por vencer")
        #expect(sent[1].body.contains("«brief»") && !sent[1].body.contains("«diseño»"))

        // Run again the same day: nothing new, nothing sent.
        let again = try Self.run(w, "2026-12-10", sent: &sent)
        #expect(sent.count == 2 && again.contains("\"correos\":[]"), "\(again)")
        // A card late the same day goes out alone; the next day everything goes out again.
        _ = try s.projects.addTask(ProjectTask(projectId: p.id, title: "logo", dueDate: W.day("2026-12-07")))
        _ = try Self.run(w, "2026-12-10", sent: &sent)
        #expect(sent.count == 3 && sent[2].to == "gestor@bytek.pe")
        #expect(sent[2].body.contains("«logo» vence 07/12/2026: atrasada 3 día(s)") && !sent[2].body.contains("«brief»"))
        _ = try Self.run(w, "2026-12-11", sent: &sent)
        #expect(sent.count == 5 && sent[3].body.contains("«brief» vence 04/12/2026: atrasada 7 día(s)"))
        #expect(sent[3].body.contains("«diseño» vence 11/12/2026: vence hoy"))

        // Only admin (and the worker) runs it.
        #expect(throws: ServiceError.forbidden(operation: "proyectos.atrasos", role: .operaciones)) {
            try s.projects.mailLate { _, _, _ in }
        }
    }

    @Test func theGateIsAskedBeforeEnCursoAndItsRefusalWritesNothing() throws {
        let w = try W()
        let p = try w.handProject(w.gestor)
        let t = try w.gestor.projects.addTask(ProjectTask(projectId: p.id, title: "desarrollo"))
        let repo = ProjectRepository(db: w.store.db, user: "gestor", now: W.now)
        let block = GateBlock(projectId: p.id, overdueMilestonePosition: 1, overdueMilestoneName: "Anticipo", documents: ["F001-7"],
                              owed: [Money(5900, .pen)], dueSince: W.day("2026-11-20"), daysOverdue: 13)
        var asked: [(Int64, Int64?)] = []
        let audit = try w.count("SELECT count(*) FROM audit_log")
        #expect(throws: ProjectGateError.blocked(block)) {
            try repo.moveTask(t.id, .next) { projectId, milestoneId in
                asked.append((projectId, milestoneId))
                throw ProjectGateError.blocked(block)
            }
        }
        #expect(asked.count == 1 && asked.first?.0 == p.id && asked.first?.1 == nil)
        #expect(try repo.task(t.id)?.state == .todo)
        #expect(try w.count("SELECT count(*) FROM audit_log") == audit)
        // moving within other columns does not ask the gate
        asked = []
        try repo.moveTask(t.id, .to(.review)) { p, m in asked.append((p, m)) }
        #expect(asked.isEmpty)
        #expect(try w.gestor.projects.moveTask(t.id, .previous).state == .inProgress)
    }
}
