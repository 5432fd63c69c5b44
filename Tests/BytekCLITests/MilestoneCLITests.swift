import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek hitos` through the binary: attach two files, mark ready, record an approval received by e-mail with
/// its evidence, and the list shows the approval with the hash `sha256sum * | sort | sha256sum` gives over
/// the milestone's folder; bad input refused in Spanish; finanzas' queue with the setting.
@Suite struct MilestoneCLITests {
    static func sh(_ command: String, cwd: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func attachReadyApproveByEmailAndTheHashInTheList() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "gina", "--name", "Gina", "--role", "operaciones").status == 0)
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        var milestone: Int64 = 0
        do {
            let store = try Store(path: fx.dbPath)
            let customer = try CustomerRepository(db: store.db, user: "admin").create(
                Customer(docType: .ruc, docNumber: "20100047218", legalName: "Panadería Lima S.A.C.")).id ?? 0
            try store.db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by,
                created_at, updated_at) VALUES ('PRY-2026-00007', 'Sistema de pedidos', 'U2', 'hitos', ?, 'gina', 'PEN', '2026-12-01',
                '2027-02-26', 'admin', '2026-12-01T15:00:00.000Z', '2026-12-01T15:00:00.000Z')
                """, [.int(customer)])
            let project = store.db.lastInsertRowID
            try store.db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date)
                VALUES (?, 1, 'Análisis', '30', 354000, '2026-12-18'), (?, 2, 'Desarrollo', '70', 826000, '2027-02-26')
                """, [.int(project), .int(project)])
            milestone = try store.db.scalar("SELECT id FROM project_milestone WHERE position = 1").intValue ?? 0
        }
        let env = ["BYTEK_CLOCK_FILE": try fx.write("clock", "2026-12-03T15:00:00Z")]
        let m = "\(milestone)"

        let early = try fx.run("hitos", "listo", m, user: "gina", extra: env)
        #expect(early.status == 1 && early.stderr.contains("no tiene entregables"), "\(early.stderr)")
        let a = try fx.run("hitos", "adjuntar", m, try fx.write("requisitos.pdf", "%PDF requisitos"), user: "gina", extra: env)
        #expect(a.status == 0 && a.stdout.contains("Adjuntado: requisitos.pdf (15 bytes) SHA-256 "), "\(a.stdout)\(a.stderr)")
        #expect(try fx.run("hitos", "adjuntar", m, try fx.write("modelo.sql", "CREATE TABLE pedido(id);"), user: "gina", extra: env).status == 0)
        let bad = try fx.run("hitos", "adjuntar", m, try fx.write("x.txt", "x"), "--nombre", "../../etc/passwd", user: "gina", extra: env)
        #expect(bad.status == 1 && bad.stderr.contains("Nombre del archivo"), "\(bad.stderr)")
        #expect(try fx.run("hitos", "listo", m, user: "gina", extra: env).status == 0)
        let noVia = try fx.run("hitos", "aprobar", m, "--via", "fax", "--evidencia", "x", "--por", "Ana", user: "gina", extra: env)
        #expect(noVia.status != 0 && noVia.stderr.contains("correo, acta u otro"), "\(noVia.stderr)")
        let ok = try fx.run("hitos", "aprobar", m, "--via", "correo", "--evidencia", try fx.write("aprobacion.eml", "Aprobado. Ana"),
                            "--por", "Ana Torres", user: "gina", extra: env)
        #expect(ok.status == 0, "\(ok.stderr)")

        let folder = (fx.dbPath as NSString).deletingLastPathComponent + "/entregables/PRY-2026-00007/1"
        let hash = String(try Self.sh("sha256sum *.pdf *.sql | LC_ALL=C sort | sha256sum", cwd: folder).prefix(64))
        let list = try fx.run("hitos", "list", "PRY-2026-00007", user: "gina", extra: env)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Hito 1 [\(m)] Análisis  Aprobado  S/ 3,540.00"), "\(list.stdout)")
        #expect(list.stdout.contains("aprobado por Ana Torres vía correo") && list.stdout.contains("hash \(hash)"), "\(list.stdout)\n\(hash)")
        // The automatic setting queued the worker's job with the approval.
        let store = try Store(path: fx.dbPath)
        #expect(try store.db.scalar("SELECT count(*) FROM job WHERE kind = 'hitos.facturar'").intValue == 1)
        // Finanzas' queue is empty under the automatic setting; operaciones may not read it.
        #expect(try fx.run("hitos", "por-facturar", user: "fina", extra: env).stdout.contains("No hay hitos por facturar."))
        #expect(try fx.run("hitos", "por-facturar", user: "gina", extra: env).status == 1)
        #expect(try fx.run("hitos", "facturacion", "finanzas", user: "fina", extra: env).status == 1)
    }
}
