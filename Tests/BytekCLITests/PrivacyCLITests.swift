import BytekStore
import Foundation
import Testing

/// Section 4 (private by default, a mistyped --db creates nothing) and section 3 (restore never swaps the
/// file under another process), through the binary.
@Suite(.serialized) struct PrivacyCLITests {
    static let catalogCSV = """
        sku,nombre,unidad_negocio,tipo,precio,costo,moneda,base_tarifa,periodo,series
        NAS-4B,NAS Synology 4 bahías,U3,producto,2450.00,1800.00,PEN,,,si
        HORA-SOP,Hora de soporte,U3,servicio,85,40,PEN,hora,,

        """

    func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    @Test func everythingBytekWritesIsReadableByItsOwnerOnly() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let db = fx.file("datos/bytek.sqlite")
        #expect(try fx.run("migrate", user: nil, db: db).status == 0)
        #expect(try fx.run("user", "add", "admin", "--name", "A", "--role", "admin", user: nil, db: db).status == 0)
        #expect(mode(fx.file("datos")) == 0o700)
        #expect(mode(db) == 0o600)
        #expect(try fx.run("backup", fx.file("respaldos/copia.sqlite"), db: db).status == 0)
        #expect(mode(fx.file("respaldos")) == 0o700)
        #expect(mode(fx.file("respaldos/copia.sqlite")) == 0o600)
        #expect(try fx.run("export", "customers", fx.file("clientes.csv"), db: db).status == 0)
        #expect(mode(fx.file("clientes.csv")) == 0o600)

        // The -wal and -shm exist while a process has the database open: the worker's.
        let worker = try fx.binary.start(["worker"], environment: fx.environment(db: db), folder: fx.folder)
        defer { kill(worker.pid, SIGTERM); _ = worker.wait(timeout: 10) }
        #expect(waitUntil { FileManager.default.fileExists(atPath: db + "-shm") })
        #expect(mode(db + "-wal") == 0o600)
        #expect(mode(db + "-shm") == 0o600)
    }

    @Test func aDatabaseThatDoesNotExistIsNotCreatedExceptByMigrate() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let missing = fx.file("errata/bytek.sqlite")
        for args in [["user", "list"], ["tui"], ["export", "customers"], ["worker", "--once"], ["invoice", "list"]] {
            let r = try fx.binary.start(args, environment: fx.environment(db: missing), folder: fx.folder).wait(timeout: 30)
            #expect(r.status == 1, "\(args)")
            #expect(r.stderr.contains("no existe la base de datos \(missing); créela con bytek migrate"), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: missing), "\(args)")
            #expect(!FileManager.default.fileExists(atPath: fx.file("errata")), "\(args)")
        }
        #expect(try fx.run("migrate", user: nil, db: missing).status == 0)
        #expect(FileManager.default.fileExists(atPath: missing))
    }

    @Test func restoreRefusesWhileTheWorkerHasTheDatabaseOpenAndNamesIt() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let backup = fx.file("copia.sqlite")
        #expect(try fx.run("backup", backup).status == 0)
        #expect(try fx.run("user", "add", "despues", "--name", "Guardado después", "--role", "ventas").status == 0)

        let worker = try fx.start(["worker"])
        #expect(waitUntil { DatabaseHolders.others(of: fx.dbPath).contains { $0.pid == worker.pid } })
        let refused = try fx.run("restore", backup)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("PID \(worker.pid)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("worker"), "\(refused.stderr)")
        // Nothing was swapped: what was saved after the backup is still there.
        #expect(try fx.run("user", "list").stdout.contains("Guardado después"))

        kill(worker.pid, SIGTERM)
        _ = worker.wait(timeout: 20)
        let restored = try fx.run("restore", backup)
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(!(try fx.run("user", "list").stdout.contains("Guardado después")))
    }

    @Test func catalogCostsAreExportedOnlyToRolesThatMaySeeThem() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        for (login, role) in [("almacen", "almacen"), ("finanzas", "finanzas")] {
            #expect(try fx.run("user", "add", login, "--name", login, "--role", role).status == 0)
        }
        let file = try fx.write("catalogo.csv", Self.catalogCSV)
        let imported = try fx.run("import", "catalog", file)
        #expect(imported.status == 0, "\(imported.stderr)")

        let admin = try fx.run("export", "catalog")
        #expect(admin.stdout.contains(",costo,"))
        #expect(admin.stdout.contains("1800.00"))
        let finanzas = try fx.run("export", "catalog", user: "finanzas")
        #expect(finanzas.status == 0)
        #expect(!finanzas.stdout.contains("1800.00"))
        let almacen = try fx.run("export", "catalog", user: "almacen")
        #expect(almacen.status == 0)
        #expect(!almacen.stdout.contains("costo"))
        #expect(!almacen.stdout.contains("1800.00"))
        #expect(almacen.stdout.contains("2450.00"), "the sale price stays")

        // Almacén may not set sale prices (nor costs) through an import.
        let refused = try fx.run("import", "catalog", file, user: "almacen")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no puede importar el catálogo"))
    }

    @Test func exportedFormulasAreDefusedAndReimportUnchanged() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let csv = try fx.write("clientes.csv", """
            tipo_doc,numero_doc,razon_social,telefono,email
            RUC,\(validRUC("2060123456")),"=HYPERLINK(""http://malo"";""ver"")",+51 999 888 777,a@b.pe

            """)
        let imported = try fx.run("import", "customers", csv)
        #expect(imported.status == 0, "\(imported.stderr)")
        let first = fx.file("uno.csv"), second = fx.file("dos.csv")
        #expect(try fx.run("export", "customers", first).status == 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(\"\"http://malo\"\";\"\"ver\"\")\""), "\(text)")
        #expect(text.contains(",'+51 999 888 777,"), "\(text)")

        let other = fx.file("otra.sqlite")
        try fx.otherDatabaseWithAdmin(other)
        let again = try fx.run("import", "customers", first, db: other)
        #expect(again.status == 0, "\(again.stderr)")
        let listed = try fx.run("export", "customers", second, db: other)
        #expect(listed.status == 0)
        // Same protected file again: the import stored the bare values.
        let a = try String(contentsOfFile: first, encoding: .utf8), b = try String(contentsOfFile: second, encoding: .utf8)
        #expect(a == b)
    }
}

/// Polls `condition` every 50 ms for up to `seconds`.
func waitUntil(_ seconds: Double = 15, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
}
