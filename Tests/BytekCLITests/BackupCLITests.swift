import BytekStore
import Foundation
import Testing

@Suite struct BackupCLITests {
    @Test func backupOfALiveDatabaseRestoresIntoANewFileThatPassesIntegrityCheck() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let demo = try fx.run("demo", "--no-invoices", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = try Database(path: fx.dbPath)
        let customers = try db.scalar("SELECT count(*) FROM customer").intValue ?? 0
        #expect(customers > 0)

        // Another process-like writer keeps committing while the backup runs.
        let path = fx.dbPath
        let stop = Flag()
        let writer = Thread {
            guard let w = try? Database(path: path) else { return }
            var i = 0
            while !stop.isSet {
                try? w.write { try w.execute("INSERT INTO setting(key, value) VALUES (?, ?)", "vivo.\(i)", "x") }
                i += 1
            }
        }
        writer.start()
        let backup = fx.file("copias/respaldo.sqlite")
        let r = try fx.run("backup", backup)
        stop.set()
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("integrity_check: ok"))

        let restoredPath = fx.file("nueva/restaurada.sqlite")
        let restore = try fx.run("restore", backup, db: restoredPath)
        #expect(restore.status == 0, "\(restore.stderr)")
        let restored = try Database(path: restoredPath)
        #expect(try restored.integrityCheck() == "ok")
        #expect(try restored.scalar("SELECT count(*) FROM customer").intValue == Int64(customers))
        // The restored database is usable by the program.
        #expect(try fx.run("user", "list", db: restoredPath).status == 0)
    }

    @Test func restoreRefusesAFileThatIsNotAHealthyDatabase() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let junk = try fx.write("basura.sqlite", String(repeating: "no soy sqlite ", count: 600))
        let r = try fx.run("restore", junk)
        #expect(r.status == 1)
        #expect(r.stderr.contains("basura.sqlite"))
        #expect(try fx.run("user", "list").status == 0, "the target is untouched")
        let missing = try fx.run("restore", fx.file("no-existe.sqlite"))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no existe"))
    }

    @Test func backupNeedsAnAdmin() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "v", "--name", "V", "--role", "ventas").status == 0)
        let r = try fx.run("backup", fx.file("x.sqlite"), user: "v")
        #expect(r.status == 1)
        #expect(!FileManager.default.fileExists(atPath: fx.file("x.sqlite")))
        // Restoring over this database is refused to ventas too, and the database stays.
        #expect(try fx.run("backup", fx.file("y.zip")).status == 0)
        #expect(try fx.run("user", "add", "w", "--name", "W", "--role", "ventas").status == 0)
        let restore = try fx.run("restore", fx.file("y.zip"), user: "v")
        #expect(restore.status == 1 && restore.stderr.contains("requiere el rol admin"), "\(restore.stderr)")
        #expect(try fx.run("user", "list").stdout.contains("W "), "the database was not replaced")
    }
}

final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
