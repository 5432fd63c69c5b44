import BytekStore
import Foundation
import Testing

/// A local SMTP server (Debian's python3-aiosmtpd) that stores what arrives in a maildir.
final class LocalSMTP {
    let process: Process
    let port: Int
    let maildir: String

    init(folder: String) throws {
        maildir = folder + "/correo"
        let script = """
        import socket, sys, time
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
        c = Controller(Mailbox(sys.argv[1]), hostname="127.0.0.1", port=port)
        c.start()
        print(port, flush=True)
        while True:
            time.sleep(3600)
        """
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, maildir]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let p = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw WebFixture.FixtureError(description: "the local SMTP server did not start (python3-aiosmtpd installed?)")
        }
        port = p
    }

    // SIGKILL: aiosmtpd's threads keep SIGTERM blocked.
    deinit { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }

    /// The messages that arrived, oldest first: headers and the decoded (base64) body.
    func messages() -> [(headers: String, body: String)] {
        let folder = maildir + "/new"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        let files = names.map { folder + "/" + $0 }.sorted {
            let a = (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast
            let b = (try? FileManager.default.attributesOfItem(atPath: $1)[.modificationDate] as? Date) ?? .distantPast
            return a < b
        }
        return files.compactMap { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
            let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            guard let split = normalized.range(of: "\n\n") else { return nil }
            let encoded = String(normalized[split.upperBound...])
            let body = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return (String(normalized[..<split.lowerBound]), body)
        }
    }
}

@Suite("portal links by e-mail (SMTP)")
struct PortalMailCLITests {
    static func token(in body: String) -> String? {
        guard let r = body.range(of: #"/clave\?t=[A-Za-z0-9_-]+"#, options: .regularExpression) else { return nil }
        return String(body[r].dropFirst("/clave?t=".count))
    }

    @Test("invite --correo: the worker e-mails the link (made at sending, never queued) with the secrets file's SMTP; forgot password e-mails a reset; a failed send leaves no link; hook secret from the file; no secret in the DB or the access log")
    func invitationAndResetByMail() throws {
        let hookSecret = "gancho-secreto-del-archivo-42"
        let web = try WebFixture(secrets: [("hook_secret_prueba", hookSecret), ("izipay_key", "izp_live_9f8e7d6c5b")])
        let smtp = try LocalSMTP(folder: web.cli.folder)
        // The SMTP server is configured in the secrets file only (the worker reads it for each message).
        try SecretsFile.upsert([("smtp_host", "127.0.0.1"), ("smtp_port", "\(smtp.port)"), ("smtp_starttls", "no"),
                                ("smtp_from", "BYTEK <portal@bytek.pe>")], at: web.cli.file(Secrets.fileName))
        let mailEnv: [String: String] = [:]

        // The hook secret came from the file too.
        let hookBody = web.cli.file("hook.json")
        try #"{"evento":"prueba"}"#.write(toFile: hookBody, atomically: true, encoding: .utf8)
        let signature = String(try runTool("/usr/bin/openssl", ["dgst", "-sha256", "-hmac", hookSecret, "-r", hookBody]).output.prefix { $0 != " " })
        #expect(try web.request("/hooks/prueba", data: hookBody, headers: ["X-Bytek-Signature: sha256=\(signature)"]).status == 200)
        #expect(try web.request("/hooks/prueba", data: hookBody).status == 401)

        let invite = try web.cli.run("portal", "invite", "ana@andina.pe", "--correo", "--public-url", web.base)
        #expect(invite.status == 0 && invite.stdout.contains("saldrá por correo") && !invite.stdout.contains("/clave?t="))
        let db = try Database(path: web.cli.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM portal_invite").intValue == 0, "no link before it is sent")
        let payload = try #require(try db.scalar("SELECT payload FROM job WHERE kind = 'portal.enlace'").stringValue)
        #expect(!payload.contains("clave") && payload.contains(#""proposito":"invitacion""#))

        // SMTP down (BYTEK_SMTP_URL wins over the file): the job fails (to be retried) and leaves no usable link behind.
        let down = try web.cli.run("worker", "--once", extra: ["BYTEK_SMTP_URL": "smtp://127.0.0.1:9", "BYTEK_SMTP_STARTTLS": "no"])
        #expect(down.status == 0)
        #expect(try db.scalar("SELECT count(*) FROM portal_invite").intValue == 0)
        #expect(try db.scalar("SELECT state FROM job WHERE kind = 'portal.enlace'").stringValue == "pending")
        try db.execute("UPDATE job SET run_at = 0 WHERE kind = 'portal.enlace'")

        #expect(try web.cli.run("worker", "--once", extra: mailEnv).status == 0)
        let first = try #require(smtp.messages().first)
        #expect(first.headers.contains("To: <ana@andina.pe>") && first.headers.contains("From: BYTEK <portal@bytek.pe>"))
        #expect(first.body.contains("BYTEK le da acceso a su portal") && first.body.contains("vale 72 horas"))
        #expect(first.body.contains(web.base + "/clave?t="))
        let token = try #require(Self.token(in: first.body))
        #expect(try web.setPassword(token: token, password: "primera-clave-larga", jar: "a").status == 303)
        #expect(try web.login("ana@andina.pe", "primera-clave-larga", jar: "a").status == 303)

        // Forgot password: a reset for the known address, nothing for an unknown one, the same page for both.
        let page = try web.request("/olvide", jar: "f")
        let csrf = try #require(WebFixture.csrf(in: page.body))
        #expect(try web.request("/olvide", jar: "f", form: [("csrf", csrf), ("correo", "Ana@Andina.pe")]).status == 200)
        #expect(try web.request("/olvide", jar: "f", form: [("csrf", csrf), ("correo", "nadie@ejemplo.pe")]).status == 200)
        #expect(try db.scalar("SELECT count(*) FROM job WHERE kind = 'portal.enlace'").intValue == 2)
        #expect(try web.cli.run("worker", "--once", extra: mailEnv).status == 0)
        let messages = smtp.messages()
        #expect(messages.count == 2)
        let reset = try #require(messages.last)
        #expect(reset.body.contains("cambiar la contraseña") && reset.headers.contains("To: <ana@andina.pe>"))
        let resetToken = try #require(Self.token(in: reset.body))
        #expect(resetToken != token)
        #expect(try web.setPassword(token: resetToken, password: "segunda-clave-larga", jar: "f").status == 303)
        #expect(try web.request("/c/\(web.andina)", jar: "a").status == 303, "the old session ended")
        #expect(try web.login("ana@andina.pe", "segunda-clave-larga", jar: "a").status == 303)

        // An admin resets her access (minutes after her own request): her session ends now, a new link goes by mail.
        let staffReset = try web.cli.run("portal", "reset", "Ana@Andina.pe", "--public-url", web.base)
        #expect(staffReset.status == 0 && staffReset.stdout.contains("sesión(es) cerradas"), "\(staffReset.stderr)")
        #expect(try web.request("/c/\(web.andina)", jar: "a").status == 303, "the reset ended her session")
        #expect(try web.cli.run("worker", "--once", extra: mailEnv).status == 0)
        #expect(smtp.messages().count == 3 && smtp.messages().last?.body.contains("cambiar la contraseña") == true)
        #expect(try web.cli.run("user", "add", "alm", "--name", "Almacén", "--role", "almacen").status == 0)
        let refused = try web.cli.run("portal", "reset", "ana@andina.pe", user: "alm")
        #expect(refused.status == 1 && refused.stderr.contains("no tiene permiso"), "\(refused.stderr)")
        _ = web.stop()

        // No secret (nor a password typed in a form) reached the database or the access log.
        let dbBytes = try Data(contentsOf: URL(fileURLWithPath: web.cli.dbPath))
            + ((try? Data(contentsOf: URL(fileURLWithPath: web.cli.dbPath + "-wal"))) ?? Data())
        let log = web.accessLog
        #expect(log.contains("/hooks/prueba"), "the access log was written: \(log)")
        for secret in [hookSecret, "izp_live_9f8e7d6c5b", "segunda-clave-larga", token, resetToken] {
            #expect(dbBytes.range(of: Data(secret.utf8)) == nil, "«\(secret)» is in the database")
            #expect(!log.contains(secret), "«\(secret)» is in the access log")
        }
    }
}
