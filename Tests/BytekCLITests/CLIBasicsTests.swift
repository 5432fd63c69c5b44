import Foundation
import Testing

@Suite struct CLIBasicsTests {
    @Test func versionAndHelp() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let version = try fx.run("--version", user: nil)
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("bytek "))
        let help = try fx.run("--help", user: nil)
        #expect(help.status == 0)
        #expect(help.stdout.contains("Uso: bytek"))
        for command in ["tui", "demo", "migrate", "worker", "user", "import", "export", "backup", "restore", "bench"] {
            let r = try fx.run(command, "--help", user: nil)
            #expect(r.status == 0, "\(command) --help")
            #expect(r.stdout.contains("Uso: bytek \(command)"), "\(command): \(r.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: fx.dbPath), "help never creates the database")
    }

    @Test func usageErrorsExitWithTwoAndTheUsageLine() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let unknown = try fx.run("frobnicar")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("comando desconocido"))
        #expect(unknown.stderr.contains("Uso: bytek"))
        let missing = try fx.run("import")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Uso: bytek import customers|catalog ARCHIVO"))
        let badLease = try fx.run("worker", "--lease", "nunca")
        #expect(badLease.status == 2)
        #expect(badLease.stderr.contains("Uso: bytek worker"))
        let extra = try fx.run("migrate", "sobrante")
        #expect(extra.status == 2)
        let badRole = try fx.run("user", "add", "x", "--name", "X", "--role", "rey")
        #expect(badRole.status == 2)
        #expect(badRole.stderr.contains("rol desconocido"))
    }

    @Test func userMustExistBeActiveAndAllowed() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        #expect(try fx.run("migrate", user: nil).status == 0)
        let nobody = try fx.run("user", "list", user: "nadie")
        #expect(nobody.status == 1)
        #expect(nobody.stderr.contains("«nadie» no existe"))

        // The first user of an empty database needs no session, but must be an admin.
        let notAdmin = try fx.run("user", "add", "ana", "--name", "Ana", "--role", "ventas", user: nil)
        #expect(notAdmin.status == 1)
        try fx.withAdmin()
        // Once there are users, adding one needs an admin session.
        let anonymous = try fx.run("user", "add", "ana", "--name", "Ana", "--role", "ventas", user: "nadie")
        #expect(anonymous.status == 1)
        #expect(try fx.run("user", "add", "ana", "--name", "Ana Núñez", "--role", "ventas").status == 0)
        #expect(try fx.run("user", "add", "tec", "--name", "Técnico", "--role", "técnico").status == 0)

        let list = try fx.run("user", "list")
        #expect(list.status == 0)
        #expect(list.stdout.contains("Ana Núñez"))
        #expect(list.stdout.contains("técnico"))

        let forbidden = try fx.run("user", "list", user: "ana")
        #expect(forbidden.status == 1)
        #expect(forbidden.stderr.contains("no tiene permiso"))
        let csv = try fx.write("c.csv", "tipo_doc,numero_doc,razon_social\nDNI,12345678,Pepe\n")
        let techImport = try fx.run("import", "customers", csv, user: "tec")
        #expect(techImport.status == 1)
        #expect(techImport.stderr.contains("no tiene permiso para modificar Clientes"))

        #expect(try fx.run("user", "disable", "ana").status == 0)
        let disabled = try fx.run("export", "customers", user: "ana")
        #expect(disabled.status == 1)
        #expect(disabled.stderr.contains("deshabilitado"))
        #expect(try fx.run("user", "enable", "ana").status == 0)
        #expect(try fx.run("export", "customers", user: "ana").status == 0)

        let lastAdmin = try fx.run("user", "disable", "admin")
        #expect(lastAdmin.status == 1)
        #expect(lastAdmin.stderr.contains("último admin"))
    }

    @Test func migrateRegistersTheNightlyBackupSchedule() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let r = try fx.run("migrate", user: nil)
        #expect(r.status == 0)
        #expect(r.stdout.contains("respaldo-nocturno"))
        let again = try fx.run("migrate", user: nil)
        #expect(again.stdout.contains("al día"))
        #expect(!again.stdout.contains("respaldo-nocturno"))
    }
}
