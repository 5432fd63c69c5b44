import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Rentabilidad as finanzas uses it: the palette opens the list by margin (worst first), Enter shows the
/// project's figures with bars, Escape goes back, `x` exports the CSV to the path typed; ventas never gets it.
@MainActor
@Suite struct ProfitabilityScreenTests {
    static func seed(_ h: ScreenHarness) throws {
        try h.addCustomers([("20100047218", "Cliente A S.A.C.", "Miraflores")])
        let db = h.store.db
        for (code, sold, minutes) in [("PRY-2026-00001", 1_000_000, 600), ("PRY-2026-00002", 200_000, 1_500)] as [(String, Int64, Int64)] {
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, sold_cents, start_date, promised_date,
                    created_by, created_at, updated_at)
                VALUES (?, ?, 'U1', 'kanban', 1, 'ana', 'PEN', ?, '2026-11-01', '2026-11-30', 'setup', '2026-11-01T00:00:00Z',
                    '2026-11-01T00:00:00Z')
                """, [.text(code), .text("Landing " + code), .int(sold)])
            let id = db.lastInsertRowID
            try db.execute("INSERT INTO project_role(project_id, role, quoted_minutes) VALUES (?, 'dev', 1200)", [.int(id)])
            for day in ["2026-11-02", "2026-11-03"] {
                try db.execute("""
                    INSERT INTO timesheet_entry(login, day, week, project_id, minutes, cost_rate_cents, created_at, updated_at)
                    VALUES ('ana', ?, '2026-11-02', ?, ?, 6000, '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')
                    """, [.text(day), .int(id), .int(minutes / 2)])
            }
            for (i, state) in ["hecho", "por_hacer"].enumerated() {
                try db.execute("""
                    INSERT INTO project_task(project_id, position, title, state, state_since, created_at)
                    VALUES (?, ?, 'Tarea', ?, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')
                    """, [.int(id), .int(Int64(i + 1)), .text(state)])
            }
        }
        try db.execute("INSERT INTO timesheet_week(login, week, state) VALUES ('ana', '2026-11-02', 'aprobada')")
    }

    func open(_ h: ScreenHarness) {
        h.keys(.char(":"))
        h.type("rentabilidad")
        h.keys(.enter)
    }

    @Test func finanzasSeesTheWorstMarginFirstOpensFiguresWithBarsAndExports() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fin", width: 120, height: 30)
        try Self.seed(h)
        open(h)
        let list = h.screen
        #expect(list.contains("Rentabilidad por proyecto"))
        let worst = try #require(list.range(of: "PRY-2026-00002")), best = try #require(list.range(of: "PRY-2026-00001"))
        #expect(worst.lowerBound < best.lowerBound, "S/ 1,500 of cost on S/ 2,000 sold comes first")
        #expect(list.contains("S/ 1,500.00") && list.contains("25.0") && list.contains("125.0"))

        h.keys(.enter)
        let figures = h.screen
        #expect(figures.contains("PRY-2026-00002 Landing PRY-2026-00002 — Cliente A S.A.C."))
        #expect(figures.contains("Horas usadas") && figures.contains("25.00 h") && figures.contains("de 20.00 h cotizadas (125.0 %)"))
        #expect(figures.contains("██████"), "hours over quoted: a full bar")
        #expect(figures.contains("Avance") && figures.contains("50.0 %"))
        #expect(figures.contains("Margen pronosticado") && figures.contains("-S/ 1,000.00"))
        h.keys(.escape)
        #expect(h.screen.contains("Marg.%"))

        let path = h.dir.appendingPathComponent("r.csv").path
        h.keys(.char("x"))
        #expect(h.screen.contains("Ruta del archivo CSV"))
        for _ in 0..<200 { h.keys(.backspace) }
        h.type(path)
        h.keys(.enter)
        #expect(h.screen.contains("Exportados 2 proyectos"))
        let csv = try String(contentsOfFile: path, encoding: .utf8)
        #expect(csv.contains("PRY-2026-00002,Landing PRY-2026-00002,Cliente A S.A.C.,ana,Activo,PEN,2000.00"))

        h.keys(.char("x"))
        for _ in 0..<200 { h.keys(.backspace) }
        h.type("/no/such/folder/r.csv")
        h.keys(.enter)
        #expect(h.screen.contains("No se pudo escribir el CSV"))
    }

    @Test func ventasDoesNotGetTheScreen() throws {
        let h = try ScreenHarness(role: .ventas, login: "ven")
        try Self.seed(h)
        open(h)
        #expect(!h.screen.contains("Rentabilidad por proyecto"))
    }
}
