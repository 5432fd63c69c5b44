import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek costos` and `bytek rentabilidad` through the binary: operaciones adds costs (soles and dollars),
/// a bad amount is refused naming the field and writes nothing, finanzas reverses one with a reason, the
/// project's figures print with bars, the list and its CSV; ventas is refused.
@Suite struct ProfitabilityCLITests {
    @Test func costsFiguresListAndCSV() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        for (login, role) in [("ope", "operaciones"), ("fin", "finanzas"), ("vent", "ventas")] {
            #expect(try fx.run("user", "add", login, "--name", login, "--role", role).status == 0)
        }
        do {
            let store = try Store(path: fx.dbPath)
            let c = try CustomerRepository(db: store.db, user: "setup").create(
                Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.")).id ?? -1
            try store.db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, sold_cents, start_date, promised_date,
                    created_by, created_at, updated_at)
                VALUES ('PRY-2026-00007', 'Landing Acme', 'U1', 'kanban', ?, 'ope', 'PEN', 300000, '2026-11-01', '2026-11-30',
                    'setup', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')
                """, [.int(c)])
            try store.db.execute("INSERT INTO project_role(project_id, role, quoted_minutes) VALUES (1, 'dev', 1200)")
        }

        let added = try fx.run("costos", "agregar", "PRY-2026-00007", "Licencia de fuentes", "--monto", "1,250.50",
                               "--fecha", "2026-11-05", user: "ope")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Costo 1 agregado: 2026-11-05 «Licencia de fuentes» S/ 1,250.50"), "\(added.stdout)")
        let usd = try fx.run("costos", "agregar", "PRY-2026-00007", "Hosting", "--monto", "100", "--moneda", "USD", "--tc", "3.750",
                             "--fecha", "2026-11-06", user: "ope")
        #expect(usd.stdout.contains("US$ 100.00 (T.C. 3.75)"), "\(usd.stdout)\(usd.stderr)")
        let huge = try fx.run("costos", "agregar", "PRY-2026-00007", "Error", "--monto", "12345678901234567890", user: "ope")
        #expect(huge.status == 1 && huge.stderr.contains("monto:"), "\(huge.stderr)")
        let noRate = try fx.run("costos", "agregar", "PRY-2026-00007", "X", "--monto", "5", "--moneda", "USD", user: "ope")
        #expect(noRate.status == 1 && noRate.stderr.contains("tipo de cambio: es obligatorio"), "\(noRate.stderr)")
        let notMine = try fx.run("costos", "anular", "1", "--motivo", "duplicado", user: "ope")
        #expect(notMine.status == 1 && notMine.stderr.contains("no tiene permiso"), "\(notMine.stderr)")
        let reversed = try fx.run("costos", "anular", "1", "--motivo", "Era de otro proyecto", user: "fin")
        #expect(reversed.status == 0 && reversed.stdout.contains("Costo 1 anulado"), "\(reversed.stderr)")
        let list = try fx.run("costos", "PRY-2026-00007", user: "fin")
        #expect(list.stdout.contains("ANULADO por fin: Era de otro proyecto") && list.stdout.contains("2 costos."), "\(list.stdout)")

        let one = try fx.run("rentabilidad", "PRY-2026-00007", user: "fin")
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.contains("PRY-2026-00007 Landing Acme — Cliente A S.A.C. (Activo)"), "\(one.stdout)")
        func line(_ label: String) -> String { one.stdout.split(separator: "\n").map(String.init).first { $0.hasPrefix(label) } ?? "" }
        #expect(line("Otros costos").hasSuffix(" S/ 375.00" + String(repeating: " ", count: 24)),
                "US$ 100 × 3.75; the reversed cost left out\n\(one.stdout)")
        #expect(line("Vendido").contains("S/ 3,000.00  ████████████████████"), "\(one.stdout)")
        #expect(line("Costo total").contains("S/ 375.00  ██▌ ") && line("Costo total").hasSuffix("12.5 % de lo vendido"), "\(one.stdout)")
        #expect(one.stdout.contains("Pronóstico") && one.stdout.contains("sin datos"), "\(one.stdout)")

        let table = try fx.run("rentabilidad", user: "ope")
        #expect(table.stdout.contains("PRY-2026-00007") && table.stdout.contains("87.5") && table.stdout.contains("1 proyecto,"),
                "\(table.stdout)")
        let csv = try fx.run("rentabilidad", "--csv", "-", user: "fin")
        #expect(csv.stdout.contains("PRY-2026-00007,Landing Acme,Cliente A S.A.C.,ope,Activo,PEN,3000.00,0.00,0.00,0.00,375.00,375.00"),
                "\(csv.stdout)")
        let file = fx.file("r.csv")
        #expect(try fx.run("rentabilidad", "--csv", file, user: "fin").status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).starts(with: [0xEF, 0xBB, 0xBF]))

        let refused = try fx.run("rentabilidad", user: "vent")
        #expect(refused.status == 1 && refused.stderr.contains("no tiene permiso para ver"), "\(refused.stderr)")
        let missing = try fx.run("rentabilidad", "PRY-2026-09999", user: "fin")
        #expect(missing.status == 1 && missing.stderr.contains("no existe"), "\(missing.stderr)")
    }
}
