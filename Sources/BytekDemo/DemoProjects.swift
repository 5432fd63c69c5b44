import BytekModel
import BytekStore
import Foundation

/// Delivery in the demo (issue 13), written as minimal rows (the projects, milestones, sign-off, gate and
/// timesheet services are other parts' and land at the merge; see the closing note for what moves onto them):
/// U1 "Landing page 7 días" projects with cards in every column (some late, some blocked with a reason); U2
/// projects with milestones at every state (pendiente, en curso, listo with deliverables, cambios pedidos,
/// aprobado, facturado) — one project held by an overdue milestone invoice and one whose gate the admin lifted
/// until a date; a month of hours for five people with cost rates (past weeks approved with the rate frozen,
/// the current week open); other costs through `ProjectCostRepository` (one reversed). Deterministic: only
/// `now` and the rows already seeded decide it.
public enum DemoProjects {
    public struct Summary: Sendable {
        public var projects = 0
        public var tasks = 0
        public var hours = 0
        public var costs = 0
    }

    static let people: [(login: String, role: String, rateCents: Int64)] = [
        ("operaciones", "jefe de proyecto", 9_500), ("tecnico", "desarrollador", 6_000), ("soporte", "soporte", 4_500),
        ("admin", "diseñador", 7_000), ("ventas", "contenido", 3_800),
    ]
    static let landingSteps = ["Brief", "Diseño", "Contenido", "Desarrollo", "Revisión del cliente", "Publicación"]

    @discardableResult
    public static func seed(store: Store, now: Date) throws -> Summary {
        let db = store.db
        let today = LimaTime.date(now)
        let at = ISOTimestamp.format(now)
        let customers = try db.query("SELECT id FROM customer ORDER BY id LIMIT 12").map { $0.int("id") }
        guard customers.count >= 8 else { return Summary() }
        var s = Summary()
        var projectIds: [Int64] = []
        try db.write {
            func project(_ name: String, unit: String, kind: String, customer: Int64, currency: String, sold: Int64,
                         rate: String?, start: LocalDate, promised: LocalDate, quoted: [(String, Int64)]) throws -> Int64 {
                let seq = try Numbering.next(Project.series(year: today.year), in: db)
                try db.execute("""
                    INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, sold_cents, exchange_rate,
                        start_date, promised_date, created_by, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'operaciones', ?, ?, ?, ?, ?, 'operaciones', ?, ?)
                    """, [.text(Project.code(year: today.year, sequence: seq)), .text(name), .text(unit), .text(kind),
                          .int(customer), .text(currency), .int(sold), rate.map { .text($0) } ?? .null,
                          .text(start.description), .text(promised.description), .text(at), .text(at)])
                let id = db.lastInsertRowID
                for (role, minutes) in quoted {
                    try db.execute("INSERT INTO project_role(project_id, role, quoted_minutes) VALUES (?, ?, ?)",
                                   [.int(id), .text(role), .int(minutes)])
                }
                projectIds.append(id)
                s.projects += 1
                return id
            }
            func task(_ project: Int64, milestone: Int64? = nil, _ position: Int, _ title: String, _ state: String,
                      assignee: String, due: LocalDate, blocked: String = "", checks: (Int, Int) = (0, 0)) throws {
                try db.execute("""
                    INSERT INTO project_task(project_id, milestone_id, position, title, state, assignee, due_date, blocked,
                        blocked_reason, checklist_total, checklist_done, state_since, created_at, done_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.int(project), milestone.map { .int($0) } ?? .null, .int(Int64(position)), .text(title), .text(state),
                          .text(assignee), .text(due.description), .int(blocked.isEmpty ? 0 : 1), .text(blocked),
                          .int(Int64(checks.0)), .int(Int64(checks.1)),
                          .text(ISOTimestamp.format(now.addingTimeInterval(-86_400 * Double(position)))), .text(at),
                          state == "hecho" ? .text(at) : .null])
                s.tasks += 1
            }

            // U1: five landings at different points of their 7 days (cards in every column; late and blocked ones).
            let u1: [(String, Int, Int)] = [  // name, days since start, done steps
                ("Landing Black Friday", 6, 4), ("Landing Clínica Sonrisas", 3, 2), ("Landing Colegio San Martín", 1, 0),
                ("Landing Inmobiliaria Sol", 9, 3), ("Landing Restaurante Ñaña", 5, 5),
            ]
            for (i, (name, started, done)) in u1.enumerated() {
                let start = today.adding(days: -started)
                let p = try project(name, unit: "U1", kind: "kanban", customer: customers[i], currency: "PEN",
                                    sold: 250_000 + Int64(i) * 30_000, rate: nil, start: start, promised: start.adding(days: 9),
                                    quoted: [("diseñador", 600), ("desarrollador", 900), ("contenido", 300)])
                for (k, step) in landingSteps.enumerated() {
                    let state = k < done ? "hecho" : k == done ? "en_curso" : k == done + 1 ? "revision" : "por_hacer"
                    let blocked = (i == 1 && k == done) ? "Falta el logo en alta resolución del cliente"
                        : (i == 3 && k == done) ? "El cliente no envía los textos" : ""
                    try task(p, k + 1, step, k == done + 1 && i % 2 == 0 ? "revision" : state,
                             assignee: people[(k + i) % people.count].login, due: start.adding(days: k + 2),
                             blocked: blocked, checks: (3, k < done ? 3 : 1))
                }
            }

            // U2: milestone projects at every state.
            // The overdue invoices first (the demo has one), then the open ones due soonest: the lifted project's.
            let overdue = try db.query("""
                SELECT document_id, min(due_date) AS due FROM receivable WHERE is_open = 1 AND part = 'neto' AND currency = 'PEN'
                GROUP BY document_id ORDER BY due < ? DESC, due, document_id LIMIT 2
                """, [.text(today.description)]).map { $0.int("document_id") }
            let paid = try db.query("""
                SELECT document_id FROM receivable WHERE is_open = 0 AND part = 'neto' AND cancelled = 0 AND currency = 'PEN'
                GROUP BY document_id ORDER BY document_id LIMIT 1
                """).map { $0.int("document_id") }
            let u2: [(String, [String], Int64?)] = [
                ("Portal de proveedores", ["facturado", "listo", "pendiente"], paid.first),
                ("App de reservas", ["aprobado", "cambios", "pendiente"], nil),
                ("ERP de almacén (bloqueado)", ["facturado", "en_curso", "pendiente"], overdue.first),
                ("Intranet (desbloqueada por admin)", ["facturado", "en_curso", "pendiente"], overdue.dropFirst().first),
            ]
            for (i, (name, states, doc)) in u2.enumerated() {
                let start = today.adding(days: -40 + i * 3)
                let p = try project(name, unit: "U2", kind: "hitos", customer: customers[5 + i % 3], currency: i == 1 ? "USD" : "PEN",
                                    sold: i == 1 ? 1_200_000 : 3_600_000, rate: i == 1 ? "3.750" : nil, start: start,
                                    promised: start.adding(days: 120),
                                    quoted: [("jefe de proyecto", 2_400), ("desarrollador", 12_000), ("diseñador", 3_000)])
                for (k, state) in states.enumerated() {
                    let percent = [30, 30, 40][k]
                    let amount = (i == 1 ? Int64(1_416_000) : 4_248_000) * Int64(percent) / 100
                    try db.execute("""
                        INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, [.int(p), .int(Int64(k + 1)), .text(["Análisis y diseño", "Desarrollo", "Puesta en producción"][k]),
                              .text(String(percent)), .int(amount), .text(start.adding(days: 30 * (k + 1)).description), .text(state),
                              state == "facturado" ? (doc.map { .int($0) } ?? .null) : .null])
                    let m = db.lastInsertRowID
                    for t in 0..<3 {
                        let tState = state == "facturado" || state == "aprobado" ? "hecho"
                            : state == "pendiente" ? "por_hacer" : ["hecho", "en_curso", "revision"][t]
                        try task(p, milestone: m, k * 3 + t + 1, "\(["Requisitos", "Módulo", "Pruebas"][t]) \(k + 1)", tState,
                                 assignee: people[(t + k) % people.count].login, due: start.adding(days: 30 * (k + 1) - 3 + t))
                    }
                    if state == "listo" || state == "cambios" || state == "aprobado" || state == "facturado" {
                        let hash = SHA256.hex("\(name)-\(k)")
                        try db.execute("""
                            INSERT INTO project_deliverable(project_id, milestone_id, file_name, stored_path, sha256, bytes, released,
                                uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, 2048, ?, 'operaciones', ?)
                            """, [.int(p), .int(m), .text("entregable-hito-\(k + 1).pdf"), .text("entregables/\(p)/\(m).pdf"),
                                  .text(hash), .int(state == "listo" ? 0 : 1), .text(at)])
                        if state != "listo" {
                            try db.execute("""
                                INSERT INTO milestone_signoff(milestone_id, decision, how, who, comment, approved_hash, decided_at, recorded_by)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                                """, [.int(m), .text(state == "cambios" ? "cambios" : "aprobado"), .text(state == "cambios" ? "portal" : "acta"),
                                      .text("Contacto del cliente"), .text(state == "cambios" ? "Cambiar la paleta de colores del panel" : ""),
                                      .text(hash), .text(at), .text(state == "cambios" ? "portal" : "operaciones")])
                        }
                    }
                }
                if i == 3 {
                    try db.execute("""
                        INSERT INTO project_gate_lift(project_id, reason, until_date, lifted_by, lifted_at)
                        VALUES (?, 'El cliente envió la constancia de pago; se espera el abono', ?, 'admin', ?)
                        """, [.int(p), .text(today.adding(days: 7).description), .text(at)])
                }
            }

            // A month of hours: five people, weekdays of the last four weeks and this one (past weeks approved with
            // the cost rate frozen; this week open).
            let monday = TimesheetEntry.week(of: today)
            let firstDay = monday.adding(days: -28)
            for (n, person) in people.enumerated() {
                try db.execute("INSERT OR IGNORE INTO cost_rate(login, from_date, rate_cents, set_by, set_at) VALUES (?, ?, ?, 'finanzas', ?)",
                               [.text(person.login), .text(firstDay.adding(days: -60).description), .int(person.rateCents), .text(at)])
                var day = firstDay
                var k = 0
                while day <= today {
                    defer { day = day.adding(days: 1) }
                    guard day.isoWeekday <= 5 else { continue }
                    let week = TimesheetEntry.week(of: day)
                    let approved = week < monday
                    for slot in 0..<2 {
                        k += 1
                        // Most hours go to the milestone projects; a landing gets a few every third day.
                        guard slot == 0 || k % 3 == 0, projectIds.count > 5 else { continue }
                        let p = slot == 0 ? projectIds[5 + (n + k) % (projectIds.count - 5)] : projectIds[(n + k) % 5]
                        let minutes = Int64(120 + ((n * 37 + k * 53) % 5) * 30)
                        try db.execute("""
                            INSERT INTO timesheet_entry(login, day, week, project_id, minutes, note, role, cost_rate_cents, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, [.text(person.login), .text(day.description), .text(week.description), .int(p), .int(minutes),
                                  .text(slot == 0 ? "Avance del día" : "Reunión y revisión"), .text(person.role),
                                  approved ? .int(person.rateCents) : .null, .text(at), .text(at)])
                        s.hours += 1
                    }
                    try db.execute("""
                        INSERT INTO timesheet_week(login, week, state, submitted_at, approved_by, approved_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(login, week) DO NOTHING
                        """, [.text(person.login), .text(week.description), .text(approved ? "aprobada" : "abierta"),
                              approved ? .text(at) : .null, approved ? .text("operaciones") : .null, approved ? .text(at) : .null])
                }
            }
        }

        // Other costs, through the repository (audited); one entered twice and reversed by finanzas.
        let clock: @Sendable () -> Date = { now }
        let ops = ProjectCostRepository(db: db, user: "operaciones", now: clock)
        let plans: [(Int, String, String, Currency, String)] = [
            (0, "Plantilla premium de WordPress", "59", .usd, "3.750"), (0, "Fotos de stock", "180", .pen, ""),
            (5, "Servidor de pruebas (3 meses)", "420", .usd, "3.760"), (7, "Licencia de librería de reportes", "1250", .pen, ""),
            (8, "Subcontrato de pruebas de seguridad", "3800", .pen, ""),
        ]
        for (i, desc, amount, currency, rate) in plans where i < projectIds.count {
            try ops.add(ProjectCostInput(day: today.adding(days: -10 + i).description, description: desc, amount: amount,
                                         currency: currency, exchangeRate: rate), projectId: projectIds[i])
            s.costs += 1
        }
        if projectIds.count > 7 {
            let twice = try ops.add(ProjectCostInput(day: today.adding(days: -2).description, description: "Licencia de librería de reportes",
                                                     amount: "1250"), projectId: projectIds[7])
            try ProjectCostRepository(db: db, user: "finanzas", now: clock).reverse(id: twice.id, reason: "Ingresado dos veces")
            s.costs += 1
        }
        return s
    }
}
