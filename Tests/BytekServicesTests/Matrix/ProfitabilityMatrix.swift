import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Profitability and other costs. The seed writes a project of customer A (SQL: the projects service is
/// another part's) with one cost, so listing and reversing have a row.
enum ProfitabilityMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        try store.db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, sold_cents, start_date,
                promised_date, created_by, created_at, updated_at)
            VALUES ('PRY-2026-90001', 'Landing', 'U1', 'kanban', ?, 'm_operaciones', 'PEN', 500000, '2026-05-01',
                '2026-06-30', 'setup', '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z')
            """, [.int(world.customerA)])
        world.ids["profitProject"] = store.db.lastInsertRowID
        world.ids["projectCost"] = try ProjectCostRepository(db: store.db, user: "setup", now: MatrixWorld.now)
            .add(ProjectCostInput(day: "2026-05-20", description: "Licencia de fuentes", amount: "120"),
                 projectId: store.db.lastInsertRowID).id
    }

    static let expected: [String: String] = [
        "rentabilidad.ver": "admin finanzas operaciones",
        "costo_proyecto.listar": "admin finanzas operaciones",
        "costo_proyecto.agregar": "admin finanzas operaciones",
        "costo_proyecto.anular": "admin finanzas",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.profitabilityView) { s, w, _ in
            let line = try s.profitability.project(w.ids["profitProject"] ?? -1)
            guard line.figures?.otherCostsCents == 12_000, try s.profitability.byMargin().contains(where: { $0.header.projectId == w.ids["profitProject"] }) else {
                throw ServiceError.notFound
            }
        },
        MatrixCase(.projectCostList) { s, w, _ in
            guard try s.projectCosts.list(projectId: w.ids["profitProject"] ?? -1).count == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.projectCostAdd) { s, w, _ in
            try s.projectCosts.add(ProjectCostInput(day: "2026-05-21", description: "Hosting", amount: "30",
                                                    currency: .usd, exchangeRate: "3.75"), projectId: w.ids["profitProject"] ?? -1)
        },
        MatrixCase(.projectCostReverse) { s, w, _ in
            try s.projectCosts.reverse(id: w.ids["projectCost"] ?? -1, reason: "Duplicado")
        },
    ]
}
