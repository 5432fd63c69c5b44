import Foundation
import Testing
@testable import BytekStore

@Suite struct MonthlyScheduleTests {
    @Test func monthlyRuleRunsOnItsDayInLimaTime() throws {
        let rule = try ScheduleRule.parse("monthly 1 03:30")
        #expect(rule == .monthly(day: 1, hour: 3, minute: 30))
        #expect(rule.description == "monthly 1 03:30")
        #expect(rule.nextRun(after: limaMs(2026, 12, 3, 10, 0)) == limaMs(2027, 1, 1, 3, 30))
        #expect(rule.nextRun(after: limaMs(2026, 12, 1, 3, 29)) == limaMs(2026, 12, 1, 3, 30))
        #expect(rule.nextRun(after: limaMs(2026, 12, 1, 3, 30)) == limaMs(2027, 1, 1, 3, 30))
        // 22:00 Lima on the 31st is already the 1st in UTC: still the slot of the next day in Lima.
        #expect(rule.nextRun(after: limaMs(2026, 1, 31, 22, 0)) == limaMs(2026, 2, 1, 3, 30))
        #expect(try ScheduleRule.parse("monthly 28 23:59").nextRun(after: limaMs(2027, 2, 28, 23, 59)) == limaMs(2027, 3, 28, 23, 59))
    }

    @Test(arguments: ["monthly 0 03:00", "monthly 29 03:00", "monthly 31 03:00", "monthly x 03:00", "monthly 1 25:00"])
    func monthlyRefusesDaysSomeMonthsLack(_ text: String) {
        #expect(throws: ScheduleRule.ParseError.self) { try ScheduleRule.parse(text) }
    }
}

@Suite struct SecretsFileTests {
    @Test func parsesKeysCommentsAndPEMBlocks() throws {
        let text = """
            # comentario
            sol_user = MODDATOS
            sol_password=con=igual y espacios
            cert_pem=-----BEGIN CERTIFICATE-----
            QUJDRA==
            -----END CERTIFICATE-----
            smtp_port=587
            """
        let entries = try SecretsFile.parse(text, path: "s")
        let values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
        #expect(values["sol_user"] == "MODDATOS")
        #expect(values["sol_password"] == "con=igual y espacios")
        #expect(values["cert_pem"] == "-----BEGIN CERTIFICATE-----\nQUJDRA==\n-----END CERTIFICATE-----\n")
        #expect(values["smtp_port"] == "587")
        #expect(throws: SecretsError.badLine(path: "s", line: 2, reason: "falta «=» (se espera clave=valor)")) {
            try SecretsFile.parse("a=1\nsin igual\n", path: "s")
        }
        #expect(throws: SecretsError.self) { try SecretsFile.parse("Clave-Mala=1", path: "s") }
        #expect(throws: SecretsError.self) { try SecretsFile.parse("cert_pem=-----BEGIN X-----\nabc\n", path: "s") }
    }

    @Test func environmentWinsAndOpenFilesAreRefused() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let path = tmp.file("bytek-secretos")
        try SecretsFile.upsert([("sol_user", "MODDATOS"), ("smtp_password", "clave-del-correo")], at: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let env = ["BYTEK_SECRETS": path, "BYTEK_SUNAT_CREDENTIALS": tmp.file("no-hay"),
                   "BYTEK_SECRET_SMTP_PASSWORD": "otra-clave", "BYTEK_SOL_PASSWORD": "clave-sol"]
        let secrets = try Secrets.load(environment: env)
        #expect(secrets.value("sol_user") == "MODDATOS")
        #expect(secrets.value("smtp_password") == "otra-clave")
        #expect(secrets.source("smtp_password") == .environment("BYTEK_SECRET_SMTP_PASSWORD"))
        #expect(secrets.value("sol_password") == "clave-sol")
        #expect(secrets.redact("falló: otra-clave y clave-sol; MODDATOS") == "falló: [secreto] y [secreto]; [secreto]")
        // Replacing a key keeps the other lines.
        try SecretsFile.upsert([("sol_user", "OTRO")], at: path)
        let entries = try SecretsFile.read(path)
        #expect(entries.map(\.key) == ["smtp_password", "sol_user"])
        chmod(path, 0o640)
        #expect(throws: SecretsError.fileTooOpen(path: path, mode: "0640")) { try Secrets.load(environment: env) }
        #expect(SecretsError.fileTooOpen(path: path, mode: "0640").message.contains("chmod 600 \(path)"))
    }
}

@Suite struct BackupArchiveTests {
    /// A store with a few rows and a documents folder beside it.
    func setUp(_ tmp: TempFolder) throws -> Store {
        let store = try tmp.store()
        try store.db.write {
            for i in 0..<50 { try store.db.execute("INSERT INTO setting(key, value) VALUES (?, ?)", "k\(i)", "v") }
        }
        try FileManager.default.createDirectory(atPath: tmp.file("documentos/2026"), withIntermediateDirectories: true)
        try Data("%PDF factura".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/2026/F001-1.pdf")))
        try Data("plantilla".utf8).write(to: URL(fileURLWithPath: tmp.file("documentos/.oculto")))
        try Data("sol_password=x\n".utf8).write(to: URL(fileURLWithPath: tmp.file("bytek-secretos")))
        return store
    }

    @Test func archiveHoldsDatabaseFilesAndManifestButNoSecrets() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try setUp(tmp)
        let summary = try BackupArchive.create(db: store.db, dataFolder: tmp.path, to: tmp.file("copias/a.zip"), nowMs: 1_000)
        #expect(summary.manifest.files.map(\.path) == ["documentos/2026/F001-1.pdf"])
        #expect(summary.manifest.tables["setting"] == 50)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.file("copias"))
        #expect(leftovers == ["a.zip"], "no temp files or scratch folders stay behind")
        let out = tmp.file("x")
        let manifest = try BackupArchive.extract(summary.path, into: out)
        #expect(manifest == summary.manifest)
        #expect(try String(contentsOfFile: out + "/archivos/documentos/2026/F001-1.pdf", encoding: .utf8) == "%PDF factura")
        #expect(!FileManager.default.fileExists(atPath: out + "/archivos/bytek-secretos"))
        let checked = try BackupCheck.compare(extracted: out, manifest: manifest)
        #expect(checked.files == 1 && checked.rows == manifest.totalRows)
        // A file removed from the extracted copy, or a row more, no longer matches.
        try FileManager.default.removeItem(atPath: out + "/archivos/documentos/2026/F001-1.pdf")
        #expect(throws: BackupError.countsDiffer(what: "la carpeta de archivos", expected: 1, found: 0)) {
            try BackupCheck.compare(extracted: out, manifest: manifest)
        }
        var more = manifest
        more.tables["setting"] = 51
        #expect(throws: BackupError.self) { try BackupCheck.compare(extracted: out, manifest: more) }
    }

    @Test func tamperedArchivesAreRefusedBeforeAnythingIsRestored() throws {
        let tmp = try TempFolder(); defer { tmp.cleanup() }
        let store = try setUp(tmp)
        let archive = try BackupArchive.create(db: store.db, dataFolder: tmp.path, to: tmp.file("a.zip"), nowMs: 1_000).path
        // Flip one byte in the middle of the compressed data: the ZIP CRC or the SHA-256 catches it.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: archive))
        bytes[bytes.count / 2] ^= 0xff
        let damaged = tmp.file("danado.zip")
        try bytes.write(to: URL(fileURLWithPath: damaged))
        let target = tmp.file("otra/bytek.sqlite")
        #expect(throws: BackupError.self) { _ = try BackupRestore.restore(from: damaged, into: target) }
        #expect(!FileManager.default.fileExists(atPath: target))
        // A truncated archive too.
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: damaged))
        #expect(throws: BackupError.self) { _ = try BackupRestore.restore(from: damaged, into: target) }
        // The intact one restores the database and its files.
        let outcome = try BackupRestore.restore(from: archive, into: target)
        #expect(outcome.files == 1)
        #expect(try String(contentsOfFile: tmp.file("otra/documentos/2026/F001-1.pdf"), encoding: .utf8) == "%PDF factura")
        #expect(try Database(path: target).scalar("SELECT count(*) FROM setting").intValue == 50)
        #expect(!FileManager.default.fileExists(atPath: tmp.file("otra/bytek-secretos")))
    }
}
