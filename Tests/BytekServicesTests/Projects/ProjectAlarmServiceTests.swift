import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The daily alarms on a fake clock: a project blocked by its overdue milestone 1 (due 28/11/2026), its
/// milestone 2 waiting for approval, its milestone 3 planned within the week; and another manager's project.
@Suite struct ProjectAlarmServiceTests {
    let f: LedgerFixture
    let project: Int64
    let other: Int64
    let milestones: [Int64]

    init() throws {
        f = try LedgerFixture(creditDays: 10)
        let doc = try f.issue(LedgerFixture.factura(price: 1_000))
        project = try ProjectGateServiceTests.insertProject(f.store.db, customer: f.customer, code: "PRY-0001", manager: "oper")
        milestones = try ProjectGateServiceTests.insertMilestones(f.store.db, project: project, documents: [doc.id, nil, nil],
                                                                  planned: ["2026-11-15", "2026-11-27", "2026-12-09"])
        other = try ProjectGateServiceTests.insertProject(f.store.db, customer: f.customer, code: "PRY-0002", manager: "lucia")
        _ = try ProjectGateServiceTests.insertMilestones(f.store.db, project: other, documents: [nil],
                                                         planned: ["2026-12-04"])
        try f.store.db.execute("UPDATE project_milestone SET state = 'listo' WHERE id = ?", [.int(milestones[1])])
    }

    func readySince(_ day: String) throws {
        try f.store.db.execute("UPDATE project_milestone SET ready_since = ? WHERE id = ?", [.text(day), .int(milestones[1])])
    }

    func alarms(_ day: String, manager: String? = nil) throws -> ProjectAlarms {
        try ReminderServiceTests.services(f.store, day, actor: .staff("oper", role: .operaciones, door: .tui))
            .projectAlarms.alarms(manager: manager)
    }

    @Test func withoutReadySinceTheWaitCountsFromThePlannedDate() throws {
        // Set "listo" by SQL: no day stamped (the service stamps it, see MilestoneReadySinceTests); planned 27/11.
        #expect(try f.store.db.scalar("SELECT ready_since FROM project_milestone WHERE id = ?", [.int(milestones[1])]).isNull)
        #expect(try alarms("2026-12-03").waiting.map(\.readySince) == [LocalDate("2026-11-27")!])
    }

    @Test func theThreeKindsOfAlarmOnAFakeClock() throws {
        try readySince("2026-11-27")  // a Friday
        let a = try alarms("2026-12-03")
        #expect(a.blocked.map(\.project.code) == ["PRY-0001"] && a.blocked[0].block.owed == [LedgerFixture.pen("1180.00")])
        #expect(a.waiting.map(\.workingDays) == [4] && a.waiting[0].name == "Desarrollo")
        #expect(a.dueSoon.map { "\($0.project.code) \($0.position) \($0.daysLeft)" } == ["PRY-0002 1 1", "PRY-0001 3 6"])
        #expect(a.lines.contains("PRY-0001 Sistema de ventas: hito 2 «Desarrollo» espera aprobación del cliente hace 4 días "
            + "hábiles (listo desde 27/11/2026)"))
        #expect(a.lines.contains("PRY-0002 Sistema de ventas: hito 1 «Análisis» vence mañana (04/12/2026, pendiente)"))
        // Three working days are not yet "more than three".
        #expect(try alarms("2026-12-02").waiting.isEmpty)
        // A week later milestone 3 is past the window, milestone 1 of PRY-0002 too.
        #expect(try alarms("2026-12-10").dueSoon.isEmpty)
        #expect(try alarms("2026-12-03", manager: "lucia").count == 1)
    }

    @Test func holidaysAreNotWorkingDays() throws {
        // Friday; Tuesday 8 (Inmaculada Concepción) and Wednesday 9 (Batalla de Ayacucho) are holidays.
        try readySince("2026-12-04")
        #expect(try alarms("2026-12-11").waiting.isEmpty)   // Mon 7, Thu 10, Fri 11: three
        #expect(try alarms("2026-12-14").waiting.map(\.workingDays) == [4])
    }

    @Test func theDailyJobMailsEachManagerWithAnAddressOnce() throws {
        try readySince("2026-11-27")
        try SettingsRepository(db: f.store.db).set(ProjectAlarmService.emailSetting(login: "oper"), "oper@bytek.pe")
        var sent: [(String, String, String)] = []
        let at = Date(timeIntervalSince1970: Double(LocalDate("2026-12-03")!.daysSinceEpoch) * 86_400 + 12 * 3_600 + 45 * 60)
        let json = try ProjectAlarmJob.run(db: f.store.db, nowMs: { Int64(at.timeIntervalSince1970 * 1000) }, environment: [:]) {
            sent.append(($0, $1, $2))
        }
        #expect(json == "{\"fecha\":\"2026-12-03\",\"hitos_proximos\":2,\"bloqueados\":1,\"aprobaciones_en_espera\":1,"
            + "\"correos\":[\"oper\"],\"sin_correo\":[\"lucia\"]}")
        #expect(sent.count == 1 && sent[0].0 == "oper@bytek.pe")
        #expect(sent[0].1 == "Alarmas de proyectos del 03/12/2026: 1 bloqueado(s), 1 aprobación(es) en espera, 1 hito(s) por vencer")
        #expect(sent[0].2.contains("Bloqueados por pago:\n  - PRY-0001 Sistema de ventas: Bloqueado por pago: "))
        #expect(sent[0].2.contains("debe S/ 1,180.00"))
        #expect(!sent[0].2.contains("PRY-0002"))
        // Only admin (and the worker) runs it.
        let oper = ReminderServiceTests.services(f.store, "2026-12-03", actor: .staff("oper", role: .operaciones, door: .tui))
        #expect(throws: ServiceError.forbidden(operation: "proyectos.alarmas", role: .operaciones)) {
            try oper.projectAlarms.run { _, _, _ in }
        }
        #expect(try ProjectAlarmJob.ensureSchedule(db: f.store.db))
        #expect(try f.store.db.scalar("SELECT rule FROM schedule WHERE name = 'proyectos-alarmas'").stringValue == "daily 07:45")
    }
}
