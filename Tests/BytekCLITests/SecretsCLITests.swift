import BytekStore
import Foundation
import Testing

/// `bytek secrets check|migrate`, today's `sunat-credenciales` and `BYTEK_SUNAT_CREDENTIALS`, and the
/// secrets never reaching the database, a log, an export, a PDF or a backup.
@Suite(.serialized) struct SecretsCLITests {
    @Test func checkSaysWhatIsMissingOrTooOpenAndMigrateMovesTheOldFile() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let demo = try fx.run("demo", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let secrets = fx.file("bytek-secretos"), legacy = fx.file("sunat-credenciales")
        #expect(try fileMode(secrets) == 0o600)

        // Today's file beside the database still works when it is the only one.
        try FileManager.default.moveItem(atPath: secrets, toPath: legacy)
        let old = try fx.run("secrets", "check")
        #expect(old.status == 0, "\(old.stdout)\(old.stderr)")
        #expect(old.stdout.contains("sol_password: en \(legacy) (formato anterior)"), "\(old.stdout)")
        #expect(old.stdout.contains("se abre con su clave"))
        #expect(old.stdout.contains("bytek secrets migrate"))
        for value in ["moddatos", "demo-bytek"] { #expect(!old.stdout.contains(value) && !old.stderr.contains(value)) }

        chmod(legacy, 0o644)
        let open = try fx.run("secrets", "check")
        #expect(open.status == 1)
        #expect(open.stdout.contains("permisos 0644") && open.stdout.contains("chmod 600 \(legacy)"), "\(open.stdout)")
        chmod(legacy, 0o600)

        let moved = try fx.run("secrets", "migrate")
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("Se movieron 4 claves (cert_password, cert_pfx_base64, sol_password, sol_user)"), "\(moved.stdout)")
        #expect(!FileManager.default.fileExists(atPath: legacy))
        #expect(try fileMode(secrets) == 0o600)
        let after = try fx.run("secrets", "check")
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stdout.contains("sol_password: en el archivo de secretos"))
        #expect(try fx.run("secrets", "migrate").stdout.contains("No hay nada que mover"))

        // An environment variable wins over the file, and says so.
        let env = try fx.run("secrets", "check", extra: ["BYTEK_SECRET_SOL_PASSWORD": "otra-clave"])
        #expect(env.stdout.contains("sol_password: variable de entorno BYTEK_SECRET_SOL_PASSWORD"))
        #expect(!env.stdout.contains("otra-clave"))

        // A wrong certificate password and half an SMTP configuration are problems (exit 1).
        let bad = try fx.run("secrets", "check", extra: ["BYTEK_SECRET_CERT_PASSWORD": "equivocada", "BYTEK_SECRET_SMTP_HOST": "smtp.example.pe"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("el certificado no se puede abrir con cert_password"), "\(bad.stdout)")
        #expect(bad.stdout.contains("✗ smtp_port: falta"))
        #expect(bad.stderr.contains("2 problemas"))

        // --secrets points elsewhere; $BYTEK_SUNAT_CREDENTIALS still names today's file.
        try FileManager.default.moveItem(atPath: secrets, toPath: fx.file("cred-env"))
        let viaEnv = try fx.run("secrets", "check", extra: ["BYTEK_SUNAT_CREDENTIALS": fx.file("cred-env")])
        #expect(viaEnv.status == 0, "\(viaEnv.stdout)")
        #expect(viaEnv.stdout.contains("en \(fx.file("cred-env")) (formato anterior)"))
        let viaOption = try fx.run("--secrets", fx.file("cred-env"), "secrets", "check")
        #expect(viaOption.status == 0, "\(viaOption.stdout)")
        #expect(viaOption.stdout.contains("Archivo de secretos: \(fx.file("cred-env"))"))
        let none = try fx.run("secrets", "check")
        #expect(none.status == 1, "e-invoicing is configured and nothing says the SOL user")
        #expect(none.stdout.contains("✗ sol_user: falta"))
    }

    @Test func secretsNeverReachTheDatabaseLogsExportsPDFsOrBackups() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let secretsPath = fx.file("bytek-secretos")
        try SecretsFile.upsert([("smtp_host", "smtp.bytek.pe"), ("smtp_port", "587"), ("smtp_user", "facturas@bytek.pe"),
                                ("smtp_password", "Zq9-correo-secreto-77"), ("izipay_key", "izp_live_9f8e7d6c5b")], at: secretsPath)
        // The demo signs with the secrets file's certificate and sends with its SOL password.
        let demo = try fx.run("demo", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let stored = Dictionary(try SecretsFile.read(secretsPath).map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        #expect(stored["smtp_password"] == "Zq9-correo-secreto-77", "the demo kept the other entries")
        let pfx = try #require(stored["cert_pfx_base64"])
        let values = ["Zq9-correo-secreto-77", "izp_live_9f8e7d6c5b", "moddatos", "demo-bytek", String(pfx.prefix(48)), String(pfx.suffix(48))]

        // An off-site command that fails after printing the whole secrets file on its error output.
        let set = try fx.run("backup", "offsite", "set", "/bin/sh", "-c", "cat \"$1\" >&2; exit 3", "copia", secretsPath)
        #expect(set.status == 0, "\(set.stderr)")
        let db = try Database(path: fx.dbPath)
        _ = try JobQueue(db: db).enqueue(kind: BackupJob.kind)
        let worker = try fx.run("worker", "--once")
        #expect(worker.status == 0, "\(worker.stderr)")
        let status = try fx.run("backup", "status")
        #expect(status.stdout.contains("FALLÓ (código de salida 3"), "\(status.stdout)")
        #expect(status.stdout.contains("[secreto]"), "the tail was recorded with the values taken out: \(status.stdout)")
        #expect(try fx.run("invoice", "pdf", "F001-1", "-o", fx.file("f.pdf")).status == 0)
        #expect(try fx.run("export", "customers", fx.file("clientes.csv")).status == 0)

        let archive = try #require(try FileManager.default.contentsOfDirectory(atPath: fx.file("backups")).first { $0.hasSuffix(".zip") })
        let extracted = fx.file("extraido")
        _ = try BackupArchive.extract(fx.file("backups/" + archive), into: extracted)
        var texts: [(String, String)] = [("worker", worker.stdout + worker.stderr), ("status", status.stdout + status.stderr)]
        for file in [fx.dbPath, fx.dbPath + "-wal", fx.file("clientes.csv")] where FileManager.default.fileExists(atPath: file) {
            texts.append((file, String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)))
        }
        texts.append(("pdf", try runTool("/usr/bin/pdftotext", [fx.file("f.pdf"), "-"]).output))
        let walker = try #require(FileManager.default.enumerator(atPath: extracted))
        while let relative = walker.nextObject() as? String {
            let path = extracted + "/" + relative
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                texts.append((relative, String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)))
            }
        }
        #expect(texts.count >= 8)
        for (name, text) in texts {
            for value in values { #expect(!text.contains(value), "«\(value.prefix(12))…» found in \(name)") }
        }
    }
}
