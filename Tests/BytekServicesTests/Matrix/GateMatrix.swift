import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The payment gate. The seed adds a U2 project of customer A with two milestones (the first planned within
/// the alarms' week), so the status, the lift and the alarms have a project to act on.
enum GateMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        try store.db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date,
                                created_by, created_at, updated_at)
            VALUES ('PRY-9001', 'Portal de clientes', 'U2', 'hitos', ?, 'm_operaciones', 'PEN', '2026-05-01', '2026-08-31',
                    'setup', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z')
            """, [.int(world.customerA)])
        let project = store.db.lastInsertRowID
        world.ids["gateProject"] = project
        try store.db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date)
            VALUES (?, 1, 'Análisis', '50', 100000, '2026-06-01'), (?, 2, 'Entrega', '50', 100000, '2026-08-31')
            """, [.int(project), .int(project)])
    }

    static let expected: [String: String] = [
        "compuerta.ver": "admin ventas finanzas operaciones tecnico soporte worker",
        "compuerta.levantar": "admin finanzas",
        "proyectos.alarmas": "admin worker",
        "proyectos.atrasos": "admin worker",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.gateView) { s, w, _ in
            let id = w.ids["gateProject"] ?? -1
            guard try s.projectGate.status(projectId: id).block == nil, try s.projectGate.blockedProjects().isEmpty,
                  try s.projectAlarms.alarms().dueSoon.map(\.name) == ["Análisis"] else {
                throw MatrixGateError.wrong("status")
            }
        },
        MatrixCase(.gateLift) { s, w, _ in
            let id = w.ids["gateProject"] ?? -1
            try s.projectGate.lift(projectId: id, reason: "Pago comprometido", until: s.projectGate.today.adding(days: 7))
            try s.projectGate.endLift(projectId: id)
        },
        MatrixCase(.projectAlarms, audited: false) { s, _, _ in
            let report = try s.projectAlarms.run { _, _, _ in }
            guard report.withoutEmail == ["m_operaciones"] else { throw MatrixGateError.wrong("alarms") }
        },
        MatrixCase(.projectLateMail, audited: false) { s, _, _ in
            let run = try s.projects.mailLate { _, _, _ in }
            guard run.mailed.isEmpty else { throw MatrixGateError.wrong("late") }
        },
    ]
}

enum MatrixGateError: Error { case wrong(String) }
