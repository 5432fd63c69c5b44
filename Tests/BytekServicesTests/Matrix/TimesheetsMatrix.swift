import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Timesheets. The seed adds the fixture's project (managed by m_tecnico) on customer A, a sent week of
/// m_ventas (to approve) and an approved week of m_soporte (to reopen). The clock is Thursday 2026-05-28.
enum TimesheetsMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let ids = try TimesheetFixture.seed(store.db, manager: MatrixWorld.login(.tecnico), customerId: world.customerA)
        world.ids["tsProject"] = ids.project
        world.ids["tsTask"] = ids.design
        let at = "2026-05-01T00:00:00Z"
        for (login, day, week, state) in [("m_ventas", "2026-05-19", "2026-05-18", "enviada"),
                                          ("m_soporte", "2026-05-12", "2026-05-11", "aprobada")] {
            try store.db.execute("""
                INSERT INTO timesheet_entry(login, day, week, project_id, task_id, minutes, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 60, ?, ?)
                """, [.text(login), .text(day), .text(week), .int(ids.project), .int(ids.design), .text(at), .text(at)])
            try store.db.execute("INSERT INTO timesheet_week(login, week, state, submitted_at) VALUES (?, ?, ?, ?)",
                                 [.text(login), .text(week), .text(state), .text(at)])
        }
    }

    static let expected: [String: String] = [
        "horas.ver": "admin ventas finanzas operaciones tecnico soporte",
        "horas.registrar": "admin ventas finanzas operaciones tecnico soporte",
        "horas.aprobar": "admin operaciones tecnico",
        "horas.reabrir": "admin",
        "horas.tarifas": "admin finanzas",
    ]

    static func key(_ w: MatrixWorld) -> TimesheetRowKey {
        TimesheetRowKey(projectId: w.ids["tsProject"] ?? -1, taskId: w.ids["tsTask"])
    }

    static let cases: [MatrixCase] = [
        MatrixCase(.timesheetView) { s, w, _ in
            _ = try s.timesheets.grid(week: LocalDate("2026-05-28")!)
            guard try s.timesheets.targets().contains(where: { $0.key == key(w) }) else { throw ServiceError.notFound }
        },
        MatrixCase(.timesheetLog) { s, w, _ in
            try s.timesheets.log(day: LocalDate("2026-05-27")!, on: key(w), duration: "1:30", note: "matriz")
        },
        MatrixCase(.timesheetApprove) { s, _, _ in
            try s.timesheets.approve(login: "m_ventas", week: LocalDate("2026-05-18")!)
        },
        MatrixCase(.timesheetReopen) { s, _, _ in
            try s.timesheets.reopen(login: "m_soporte", week: LocalDate("2026-05-11")!)
        },
        MatrixCase(.timesheetRates) { s, _, _ in
            try s.timesheets.setRate(login: "m_tecnico", rate: "45.50", from: LocalDate("2026-05-01")!)
            guard try s.timesheets.rates(login: "m_tecnico").count == 1 else { throw ServiceError.notFound }
        },
    ]
}
