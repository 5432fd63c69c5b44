import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek demo` leaves delivery work in every state: U1 cards in every column (late and blocked ones), U2
/// milestones in every state, a project held by an overdue milestone invoice and one with an active lift, a
/// month of hours (past weeks approved with rates frozen, this week open), other costs (one reversed); and
/// `bytek rentabilidad` reads them.
@Suite(.serialized) struct DemoProjectsCLITests {
    @Test func theDemoHasDeliveryWorkInEveryState() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let demo = try fx.run("demo", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = try Database(path: fx.dbPath)
        func count(_ sql: String) throws -> Int64 { try db.scalar(sql).intValue ?? 0 }
        let today = LimaTime.date(Date()).description
        for state in TaskState.allCases where state != .cancelled {
            #expect(try count("SELECT count(*) FROM project_task t JOIN project p ON p.id = t.project_id WHERE p.kind = 'kanban' AND t.state = '\(state.rawValue)'") > 0, "\(state)")
        }
        #expect(try count("SELECT count(*) FROM project_task WHERE blocked = 1 AND blocked_reason <> ''") >= 2)
        #expect(try count("SELECT count(*) FROM project_task WHERE state <> 'hecho' AND due_date < '\(today)'") > 0, "late cards")
        for state in MilestoneState.allCases {
            #expect(try count("SELECT count(*) FROM project_milestone WHERE state = '\(state.rawValue)'") > 0, "\(state)")
        }
        #expect(try count("SELECT count(*) FROM project_deliverable d JOIN project_milestone m ON m.id = d.milestone_id WHERE m.state = 'listo'") > 0)
        #expect(try count("""
            SELECT count(DISTINCT m.project_id) FROM project_milestone m JOIN receivable r ON r.document_id = m.document_id
            WHERE r.is_open = 1 AND r.due_date < '\(today)'
            """) >= 1, "a project held by an overdue milestone invoice")
        #expect(try count("""
            SELECT count(*) FROM project_gate_lift l JOIN project_milestone m ON m.project_id = l.project_id
            JOIN receivable r ON r.document_id = m.document_id WHERE r.is_open = 1
            """) >= 1, "the lifted project's milestone invoice is still unpaid")
        #expect(try count("SELECT count(*) FROM project_gate_lift WHERE revoked_at IS NULL AND until_date >= '\(today)'") == 1)
        #expect(try count("SELECT count(DISTINCT login) FROM timesheet_entry") == 5)
        #expect(try count("SELECT count(*) FROM timesheet_week WHERE state = 'aprobada'") >= 15)
        #expect(try count("SELECT count(*) FROM timesheet_entry e JOIN timesheet_week w USING (login, week) WHERE w.state = 'aprobada' AND e.cost_rate_cents IS NULL") == 0)
        #expect(try count("SELECT count(*) FROM timesheet_week WHERE state = 'abierta'") == 5)
        #expect(try count("SELECT count(*) FROM project_cost WHERE reversed_at IS NOT NULL") == 1)
        let list = try fx.run("rentabilidad", user: "finanzas")
        #expect(list.status == 0 && list.stdout.contains("11 proyectos"), "\(list.stdout)\(list.stderr)")
    }
}
