import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek demo` leaves delivery work in every state: U1 cards in every column (late and blocked ones), U2
/// milestones in every state (a paid one too), a project held by an overdue milestone invoice and one with an
/// active lift, a month of hours (past weeks approved with rates frozen, this week open), other costs (one
/// reversed); all of it made through the operations layer by the people who would do it (the audit log says
/// who), and `bytek rentabilidad` reads them. Run twice, it makes the same delivery rows.
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
        // This week: hours logged by all five, not sent (an open week has no row until it is sent).
        let monday = TimesheetEntry.week(of: LimaTime.date(Date())).description
        #expect(try count("SELECT count(DISTINCT login) FROM timesheet_entry WHERE week = '\(monday)'") == 5)
        #expect(try count("SELECT count(*) FROM timesheet_week WHERE week = '\(monday)' AND state <> 'abierta'") == 0)
        #expect(try count("SELECT count(*) FROM project_cost WHERE reversed_at IS NOT NULL") == 1)
        #expect(try count("""
            SELECT count(*) FROM project_milestone m WHERE m.state = 'facturado'
            AND EXISTS (SELECT 1 FROM receivable r WHERE r.document_id = m.document_id AND r.part = 'detraccion')
            AND NOT EXISTS (SELECT 1 FROM receivable r WHERE r.document_id = m.document_id AND r.is_open = 1)
            """) >= 1, "a milestone invoice paid, its detracción deposited")
        // Through the services, as the people who did it, on the days they did it.
        #expect(try count("SELECT count(*) FROM project_milestone WHERE quote_milestone_id IS NOT NULL") >= 12, "milestones from accepted quotes")
        #expect(try count("SELECT count(*) FROM audit_log WHERE entity = 'proyecto' AND action = 'create' AND user_login = 'operaciones'") >= 5)
        #expect(try count("SELECT count(*) FROM audit_log WHERE entity = 'tarea' AND user_login = 'tecnico' AND summary LIKE '%→ Hecho'") > 0)
        #expect(try count("SELECT count(*) FROM audit_log WHERE user_login = 'admin' AND summary LIKE 'Bloqueo por pago levantado%'") == 1)
        #expect(try count("SELECT count(*) FROM milestone_signoff WHERE recorded_by = 'operaciones' AND evidence_sha256 IS NOT NULL") >= 4)
        #expect(try count("SELECT count(DISTINCT substr(created_at, 1, 10)) FROM project") >= 5, "projects made on their own days")
        #expect(try count("SELECT count(DISTINCT approved_by) FROM timesheet_week WHERE state = 'aprobada'") == 2, "operaciones, and admin for operaciones")
        let folder = URL(fileURLWithPath: fx.dbPath).deletingLastPathComponent()
        for row in try db.query("SELECT stored_path, sha256 FROM project_deliverable") {
            let data = try Data(contentsOf: folder.appendingPathComponent(row.string("stored_path")))
            #expect(SHA256.digest([UInt8](data)).map { String(format: "%02x", $0) }.joined() == row.string("sha256"), "\(row.string("stored_path"))")
        }
        let list = try fx.run("rentabilidad", user: "finanzas")
        #expect(list.status == 0 && list.stdout.contains("11 proyectos"), "\(list.stdout)\(list.stderr)")

        // The same day, another database: the same delivery rows.
        let again = try CLIFixture()
        defer { again.cleanup() }
        #expect(try again.run("demo", user: nil).status == 0)
        #expect(try Self.deliveryRows(db) == Self.deliveryRows(try Database(path: again.dbPath)))
    }

    /// The demo's delivery rows without their clock times (which depend on the second the demo ran).
    static func deliveryRows(_ db: Database) throws -> [String] {
        let queries = [
            "SELECT code, name, unit, kind, customer_id, manager, sold_cents, start_date, promised_date FROM project ORDER BY id",
            "SELECT project_id, milestone_id, position, title, state, assignee, due_date, blocked_reason, checklist_done FROM project_task ORDER BY id",
            "SELECT project_id, position, name, amount_cents, planned_date, state, document_id FROM project_milestone ORDER BY id",
            "SELECT milestone_id, file_name, sha256, released FROM project_deliverable ORDER BY id",
            "SELECT login, day, project_id, minutes, role, cost_rate_cents FROM timesheet_entry ORDER BY id",
            "SELECT login, week, state, approved_by FROM timesheet_week ORDER BY login, week",
            "SELECT project_id, reason, until_date, lifted_by FROM project_gate_lift ORDER BY id",
        ]
        return try queries.flatMap { q in
            try db.query(q).map { row in row.values.map { "\($0)" }.joined(separator: "|") }
        }
    }
}
