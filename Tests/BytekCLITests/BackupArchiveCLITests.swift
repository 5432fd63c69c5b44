import BytekStore
import Foundation
import Testing

/// Backups as one archive with the files beside the database, the off-site copy and the restore drill,
/// driven through `bytek` and the worker.
@Suite(.serialized) struct BackupArchiveCLITests {
    @Test func backupCarriesTheDocumentsAndRestorePutsThemBack() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        #expect(try fx.run("demo", "--no-invoices", user: nil).status == 0)
        let pdf = try fx.run("quote", "pdf", "COT-2026-00001")
        #expect(pdf.status == 0, "\(pdf.stderr)")
        let pdfPath = pdf.stdout.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " ").last ?? ""
        let documents = try FileManager.default.contentsOfDirectory(atPath: fx.file("documentos"))
        let pdfName = try #require(documents.first { $0.hasSuffix(".pdf") }, "\(pdf.stdout)")
        let original = try Data(contentsOf: URL(fileURLWithPath: fx.file("documentos/" + pdfName)))
        try FileManager.default.createDirectory(atPath: fx.file("adjuntos"), withIntermediateDirectories: true)
        _ = try fx.write("adjuntos/acta firmada ñ.txt", "firmado")
        try SecretsFile.upsert([("sol_password", "clave-que-no-viaja")], at: fx.file("bytek-secretos"))

        let backup = try fx.run("backup", fx.file("copia.zip"))
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.contains("2 archivos") && backup.stdout.contains("Los secretos no se incluyen"), "\(backup.stdout) \(pdfPath)")
        let listing = try runTool("/usr/bin/unzip", ["-l", fx.file("copia.zip")]).output
        #expect(listing.contains("archivos/documentos/" + pdfName))
        #expect(listing.contains("archivos/adjuntos/acta firmada ñ.txt"))
        #expect(listing.contains("bytek.sqlite") && listing.contains("manifiesto.json"))
        #expect(!listing.contains("secretos"))

        // Later changes: the PDF is lost, a customer and a stray file appear; the restore goes back.
        try FileManager.default.removeItem(atPath: fx.file("documentos/" + pdfName))
        _ = try fx.write("documentos/posterior.pdf", "x")
        // (Connections of this test are closed before each restore: restore refuses while a process holds the file.)
        let customers = try change(fx, "CAMBIADO")
        let restore = try fx.run("restore", fx.file("copia.zip"))
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("2 archivos"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: fx.file("documentos/" + pdfName))) == original)
        #expect(!FileManager.default.fileExists(atPath: fx.file("documentos/posterior.pdf")))
        #expect(try String(contentsOfFile: fx.file("adjuntos/acta firmada ñ.txt"), encoding: .utf8) == "firmado")
        #expect(try count(fx, "CAMBIADO") == 0)
        #expect(try count(fx, nil) == customers)
        #expect(FileManager.default.fileExists(atPath: fx.file("bytek-secretos")), "secrets are left alone")

        // An archive whose PDF was swapped (the manifest kept) is refused and nothing changes.
        let swap = """
            import sys, zipfile
            src, dst, name = sys.argv[1], sys.argv[2], sys.argv[3]
            with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
                for i in a.infolist():
                    b.writestr(i, b"%PDF falso" if i.filename == name else a.read(i.filename))
            """
        let tool = try runTool("/usr/bin/python3", ["-c", swap, fx.file("copia.zip"), fx.file("trucada.zip"), "archivos/documentos/" + pdfName])
        #expect(tool.status == 0)
        _ = try change(fx, "DESPUÉS")
        let refused = try fx.run("restore", fx.file("trucada.zip"))
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no coincide con su manifiesto"), "\(refused.stderr)")
        #expect(try count(fx, "DESPUÉS") == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: fx.file("documentos/" + pdfName))) == original)
    }

    /// Renames customer 1 and returns the number of customers.
    private func change(_ fx: CLIFixture, _ name: String) throws -> Int64 {
        let db = try Database(path: fx.dbPath)
        try db.write { try db.execute("UPDATE customer SET legal_name = ? WHERE id = 1", name) }
        return try count(fx, nil)
    }

    private func count(_ fx: CLIFixture, _ name: String?) throws -> Int64 {
        let db = try Database(path: fx.dbPath)
        if let name { return try db.scalar("SELECT count(*) FROM customer WHERE legal_name = ?", name).intValue ?? -1 }
        return try db.scalar("SELECT count(*) FROM customer").intValue ?? -1
    }

    @Test func nightlyJobRunsTheOffsiteCopyAndTheDrillChecksTheLatestArchive() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let db = try Database(path: fx.dbPath)
        let remote = fx.file("otro-host")
        try FileManager.default.createDirectory(atPath: remote, withIntermediateDirectories: true)
        #expect(try fx.run("backup", "offsite", "set", "cp", "{archivo}", remote + "/").status == 0)
        #expect(try fx.run("backup", "offsite", "show").stdout.contains("cp {archivo} \(remote)/"))
        _ = try JobQueue(db: db).enqueue(kind: BackupJob.kind)
        #expect(try fx.run("worker", "--once").status == 0)
        let local = try FileManager.default.contentsOfDirectory(atPath: fx.file("backups")).filter { $0.hasSuffix(".zip") }
        #expect(local.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: remote) == local, "the copy reached the other folder")
        var status = try fx.run("backup", "status").stdout
        #expect(status.contains("correcta (código de salida 0"), "\(status)")
        #expect(status.contains("no forman parte de los respaldos"))
        // The worker scheduled the monthly drill when it started.
        #expect(try ScheduleStore(db: db).schedule(named: RestoreDrill.scheduleName)?.rule == "monthly 1 03:30")

        // A copy that fails is recorded with its exit status and the end of its error output.
        #expect(try fx.run("backup", "offsite", "set", "/bin/sh", "-c", "echo 'ssh: conexión rechazada' >&2; exit 23").status == 0)
        _ = try JobQueue(db: db).enqueue(kind: BackupJob.kind)
        let failing = try fx.run("worker", "--once")
        #expect(failing.status == 0)
        status = try fx.run("backup", "status").stdout
        #expect(status.contains("FALLÓ (código de salida 23"), "\(status)")
        #expect(status.contains("| ssh: conexión rechazada"))
        // A program that does not exist is a failure too, without an exit status.
        #expect(try fx.run("backup", "offsite", "set", "rsync-que-no-existe", "{archivo}", "x:").stderr.contains("aviso"))
        _ = try JobQueue(db: db).enqueue(kind: BackupJob.kind)
        #expect(try fx.run("worker", "--once").status == 0)
        status = try fx.run("backup", "status").stdout
        #expect(status.contains("FALLÓ (sin código de salida"), "\(status)")
        #expect(try fx.run("backup", "offsite", "clear").status == 0)

        // The drill, from the worker and by hand.
        let job = try JobQueue(db: db).enqueue(kind: RestoreDrill.kind)
        #expect(try fx.run("worker", "--once").status == 0)
        #expect(try JobQueue(db: db).job(id: job.id)?.state == .done)
        let drill = try fx.run("backup", "drill")
        #expect(drill.status == 0, "\(drill.stderr)")
        #expect(drill.stdout.contains("coincide con su manifiesto"))
        status = try fx.run("backup", "status").stdout
        #expect(status.contains("correcto: \(fx.file("backups"))/"), "\(status)")

        // A damaged latest archive fails the drill, and the status says so.
        let latest = try #require(RestoreDrill.latestArchive(in: fx.file("backups")))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: latest))
        bytes = bytes.prefix(bytes.count - 200)
        try bytes.write(to: URL(fileURLWithPath: latest))
        let failed = try fx.run("backup", "drill")
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("no es un respaldo válido"), "\(failed.stderr)")
        status = try fx.run("backup", "status").stdout
        #expect(status.contains("FALLÓ: \(latest)"), "\(status)")
        #expect(try fx.run("backup", "drill", user: "nadie").status == 1, "an unknown user may not")
    }

    @Test func anOffsiteCommandHoldingASecretIsRefused() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        try SecretsFile.upsert([("smtp_password", "clave-del-correo")], at: fx.file("bytek-secretos"))
        let r = try fx.run("backup", "offsite", "set", "restic", "--password", "clave-del-correo", "backup", "{archivo}")
        #expect(r.status == 1)
        #expect(r.stderr.contains("contiene un secreto"))
        #expect(!r.stderr.contains("clave-del-correo"))
        #expect(try fx.run("backup", "offsite", "show").stdout.contains("Sin copia externa"))
    }
}
