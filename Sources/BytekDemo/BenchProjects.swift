import BytekModel
import BytekStore
import Foundation

/// Projects and cards for the boards' benchmark (`bytek bench`, issue 13: a keystroke on a board of
/// 2,000 projects / 20,000 cards): U1 kanban projects over the store's customers, each with cards from the
/// "Landing page 7 días" steps spread over the four columns, some blocked, some late, with checklists
/// counted. One transaction, prepared statements (the connection caches them); codes `PRY-BENCH-NNNNN`
/// outside the yearly series.
public enum BenchProjects {
    public struct Result: Sendable, Hashable {
        public var projects: Int
        public var cards: Int
    }

    /// Adds `projects` projects with `cardsPerProject` cards each. Needs customers (creates 50 when there
    /// are none) and the demo users (added when missing).
    @discardableResult
    public static func fill(store: Store, projects: Int, cardsPerProject: Int = 10, now: Date = Date(), seed: UInt64 = 13) throws -> Result {
        let db = store.db
        let users = UserRepository(db: db, user: "admin")
        for u in DemoSeeder.users where try users.find(u.login) == nil { _ = try users.add(u) }
        var customers = try db.query("SELECT id FROM customer WHERE archived = 0 ORDER BY id LIMIT 5000").map { $0.int("id") }
        if customers.isEmpty {
            try BenchData.fill(store: store, customers: 50, auditEntries: 0)
            customers = try db.query("SELECT id FROM customer ORDER BY id LIMIT 5000").map { $0.int("id") }
        }
        var rng = DemoRandom(seed: seed)
        let today = LocalDate(now, in: TimeZone(identifier: "America/Lima")!)
        let stamp = ISOTimestamp.format(now)
        let steps = DefaultTemplates.landingPage.steps
        let assignees = ["operaciones", "tecnico", "admin", "soporte"]
        let states: [TaskState] = [.todo, .todo, .todo, .inProgress, .inProgress, .review, .done, .done, .done, .done]
        let first = Int(try db.scalar("SELECT count(*) FROM project WHERE code LIKE 'PRY-BENCH-%'").intValue ?? 0)
        var cards = 0
        try db.write {
            for i in 0..<projects {
                let start = today.adding(days: -rng.int(0...20))
                let promised = start.adding(days: rng.int(5...30))
                let code = "PRY-BENCH-" + String(format: "%05d", first + i + 1)
                try db.execute("""
                    INSERT INTO project(code, name, unit, kind, customer_id, manager, status, currency, sold_cents, start_date,
                        promised_date, created_by, created_at, updated_at)
                    VALUES (?, ?, 'U1', 'kanban', ?, ?, 'activo', 'PEN', ?, ?, ?, 'bench', ?, ?)
                    """, [.text(code), .text("Landing \(first + i + 1)"), .int(rng.pick(customers)), .text(rng.pick(["operaciones", "admin"])),
                          .int(Int64(rng.int(800...5_000)) * 100), .text(start.description), .text(promised.description),
                          .text(stamp), .text(stamp)])
                let projectId = db.lastInsertRowID
                for c in 0..<cardsPerProject {
                    let step = steps[c % steps.count]
                    let state = rng.pick(states)
                    let due = promised.adding(days: -(cardsPerProject - c) / 2)
                    let blocked = rng.int(1...40) == 1
                    let total = step.checklist.count
                    let since = ISOTimestamp.format(now.addingTimeInterval(-Double(rng.int(0...10 * 86_400))))
                    try db.execute("""
                        INSERT INTO project_task(project_id, position, title, state, assignee, role, due_date, blocked, blocked_reason,
                            checklist_total, checklist_done, state_since, created_at, done_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, [.int(projectId), .int(Int64(c + 1)), .text(c < steps.count ? step.name : "\(step.name) \(c / steps.count + 1)"),
                              .text(state.rawValue), rng.int(1...5) == 1 ? .null : .text(rng.pick(assignees)), .text(step.role.rawValue),
                              .text(due.description), .int(blocked ? 1 : 0), .text(blocked ? "Esperando al cliente" : ""),
                              .int(Int64(total)), .int(Int64(state == .done ? total : rng.int(0...total))), .text(since), .text(stamp),
                              state == .done ? .text(since) : .null])
                    cards += 1
                }
            }
        }
        return Result(projects: projects, cards: cards)
    }
}
