import Foundation
import Testing
@testable import BytekStore

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

    @Test func smtpEntriesAreChecked() throws {
        func secrets(_ env: [String: String]) throws -> Secrets {
            var all = ["BYTEK_SECRETS": "/nonexistent/bytek-secretos", "BYTEK_SUNAT_CREDENTIALS": "/nonexistent/c"]
            for (k, v) in env { all["BYTEK_SECRET_" + k] = v }
            return try Secrets.load(environment: all)
        }
        let ok = try SMTPCredentials(secrets: secrets(["SMTP_HOST": "smtp.bytek.pe", "SMTP_PORT": "587", "SMTP_USER": "u", "SMTP_PASSWORD": "p4ss"]))
        #expect(ok.host == "smtp.bytek.pe" && ok.port == 587 && ok.startTLS && ok.user == "u" && ok.password == "p4ss")
        #expect(try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "25", "SMTP_STARTTLS": "no"])).startTLS == false)
        #expect(throws: SMTPCredentials.Problem.notConfigured) { try SMTPCredentials(secrets: secrets([:])) }
        #expect(throws: SMTPCredentials.Problem.missing("smtp_port")) { try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h"])) }
        #expect(throws: SMTPCredentials.Problem.invalidPort("65536")) {
            try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "65536"]))
        }
        #expect(throws: SMTPCredentials.Problem.invalidStartTLS) {
            try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "1", "SMTP_STARTTLS": "quizás"]))
        }
        #expect(throws: SMTPCredentials.Problem.incompleteLogin(missing: "smtp_password")) {
            try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "587", "SMTP_USER": "u"]))
        }
        #expect(ok.from == nil)
        let from = try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "25", "SMTP_FROM": "BYTEK <portal@bytek.pe>"]))
        #expect(from.from == "BYTEK <portal@bytek.pe>")
        #expect(throws: SMTPCredentials.Problem.invalidFrom) {
            try SMTPCredentials(secrets: secrets(["SMTP_HOST": "h", "SMTP_PORT": "25", "SMTP_FROM": "sin arroba"]))
        }
    }
}
