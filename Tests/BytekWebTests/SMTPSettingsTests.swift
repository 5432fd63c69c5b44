import BytekStore
import BytekWeb
import Testing

@Suite("SMTP settings: the secrets file, the environment over it")
struct SMTPSettingsTests {
    private let base = ["BYTEK_SECRETS": "/nonexistent/bytek-secretos", "BYTEK_SUNAT_CREDENTIALS": "/nonexistent/c"]

    private func settings(secrets: [String: String], environment: [String: String] = [:]) throws -> SMTPSettings? {
        var all = base
        for (k, v) in secrets { all["BYTEK_SECRET_" + k.uppercased()] = v }
        let loaded = try Secrets.load(environment: all)
        return try SMTPSettings(secrets: loaded, environment: base.merging(environment) { $1 })
    }

    @Test func fromTheSecrets() throws {
        #expect(try settings(secrets: [:]) == nil, "nothing configured: no mail")
        let s = try #require(try settings(secrets: ["smtp_host": "smtp.bytek.pe", "smtp_port": "587", "smtp_user": "u",
                                                    "smtp_password": "p4ss", "smtp_from": "BYTEK <portal@bytek.pe>"]))
        #expect(s.url == "smtp://smtp.bytek.pe:587" && s.requireTLS && s.user == "u" && s.password == "p4ss")
        #expect(s.fromAddress == "portal@bytek.pe")
        let tls = try #require(try settings(secrets: ["smtp_host": "::1", "smtp_port": "465", "smtp_starttls": "no"]))
        #expect(tls.url == "smtps://[::1]:465" && !tls.requireTLS && tls.from == SMTPSettings.defaultFrom)
        #expect(throws: SMTPCredentials.Problem.missing("smtp_port")) { try settings(secrets: ["smtp_host": "h"]) }
    }

    @Test func theEnvironmentWins() throws {
        let file = ["smtp_host": "smtp.bytek.pe", "smtp_port": "587", "smtp_user": "u", "smtp_password": "p4ss",
                    "smtp_from": "BYTEK <portal@bytek.pe>"]
        // Another server from the environment: the file's login is not sent to it; its sender stays.
        let other = try #require(try settings(secrets: file, environment: ["BYTEK_SMTP_URL": "smtp://127.0.0.1:2525",
                                                                           "BYTEK_SMTP_STARTTLS": "no"]))
        #expect(other.url == "smtp://127.0.0.1:2525" && !other.requireTLS && other.user.isEmpty && other.password.isEmpty)
        #expect(other.from == "BYTEK <portal@bytek.pe>")
        let login = try #require(try settings(secrets: file, environment: ["BYTEK_SMTP_USER": "v", "BYTEK_SMTP_PASSWORD": "otra",
                                                                           "BYTEK_SMTP_FROM": "Otro <o@bytek.pe>"]))
        #expect(login.url == "smtp://smtp.bytek.pe:587" && login.user == "v" && login.password == "otra" && login.from == "Otro <o@bytek.pe>")
        // The environment alone still works as before.
        #expect(try settings(secrets: [:], environment: ["BYTEK_SMTP_URL": "smtp://h:25"])?.url == "smtp://h:25")
    }
}
