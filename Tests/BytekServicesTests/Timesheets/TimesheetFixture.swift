import BytekModel
import Foundation
@testable import BytekStore

/// A customer, a project (PRY-2026-80001, managed by `manager`) with a bill rate for "desarrollador", a
/// milestone and two tasks (one under the milestone), written with SQL as the projects part would.
enum TimesheetFixture {
    struct Ids { var project: Int64; var milestone: Int64; var design: Int64; var build: Int64; var other: Int64 }

    static func seed(_ db: Database, manager: String, customerId: Int64? = nil) throws -> Ids {
        let at = "2026-01-01T00:00:00Z"
        var customer = customerId ?? 0
        if customerId == nil {
            try db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', '20100047218', 'Cliente Horas S.A.C.', ?, ?)", [.text(at), .text(at)])
            customer = db.lastInsertRowID
        }
        func project(_ code: String, _ name: String) throws -> Int64 {
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by, created_at, updated_at)
                VALUES (?, ?, 'U2', 'hitos', ?, ?, 'PEN', '2026-01-01', '2027-06-30', 'setup', ?, ?)
                """, [.text(code), .text(name), .int(customer), .text(manager), .text(at), .text(at)])
            return db.lastInsertRowID
        }
        let p = try project("PRY-2026-80001", "Portal web")
        let other = try project("PRY-2026-80002", "Otro proyecto")
        try db.execute("UPDATE project SET manager = 'otro_jefe' WHERE id = ?", [.int(other)])
        try db.execute("INSERT INTO project_role(project_id, role, quoted_minutes, bill_rate_cents) VALUES (?, 'desarrollador', 6000, 9000), (?, 'diseñador', 3000, 0)", [.int(p), .int(p)])
        try db.execute("INSERT INTO project_milestone(project_id, position, name, percent, planned_date) VALUES (?, 1, 'Hito 1', '30', '2026-12-31')", [.int(p)])
        let m = db.lastInsertRowID
        func task(_ title: String, _ role: String, _ milestone: Int64?, _ position: Int) throws -> Int64 {
            try db.execute("""
                INSERT INTO project_task(project_id, milestone_id, position, title, role, assignee, state_since, created_at)
                VALUES (?, ?, ?, ?, ?, 'tecnico', ?, ?)
                """, [.int(p), milestone.map { .int($0) } ?? .null, .int(Int64(position)), .text(title), .text(role), .text(at), .text(at)])
            return db.lastInsertRowID
        }
        let design = try task("Diseño", "diseñador", nil, 1)
        let build = try task("Desarrollo", "desarrollador", m, 2)
        return Ids(project: p, milestone: m, design: design, build: build, other: other)
    }
}
