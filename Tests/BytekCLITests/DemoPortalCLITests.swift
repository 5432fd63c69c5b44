import Foundation
import Testing

@Suite("demo portal contact")
struct DemoPortalCLITests {
    @Test("bytek demo prints a portal contact's login; with it, bytek serve lets the contact in (and not with another password)")
    func demoContactLogsIn() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        let demo = try fx.run("demo", "--no-invoices", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let line = try #require(demo.stdout.split(separator: "\n").first { $0.hasPrefix("Portal: http://127.0.0.1:8080") },
                                "no Portal line: \(demo.stdout)")
        let words = line.split(separator: " ").map(String.init)
        let login = try #require(words.firstIndex(of: "usuario").map { words[$0 + 1] })
        let password = try #require(words.firstIndex(of: "contraseña").map { words[$0 + 1] })
        #expect(login.contains("@") && password.count >= 10)

        let server = try fx.start(["serve", "--listen", "127.0.0.1:0"], extra: ["BYTEK_LOGIN_DELAY_MS": "10"])
        defer { kill(server.pid, SIGTERM); _ = server.wait(timeout: 20) }
        let base = try WebFixture.address(of: server)
        func curl(_ args: [String]) throws -> HTTPResult {
            WebFixture.parse(try runTool("/usr/bin/curl", ["-s", "-i", "--max-time", "20", "-b", fx.file("jar"), "-c", fx.file("jar")] + args).output)
        }
        func logIn(_ password: String) throws -> HTTPResult {
            let form = try curl([base + "/"])
            let csrf = try #require(WebFixture.csrf(in: form.body), "no login form: \(form.body)")
            return try curl(["--data-urlencode", "csrf=\(csrf)", "--data-urlencode", "usuario=\(login)",
                             "--data-urlencode", "clave=\(password)", base + "/login"])
        }
        #expect(try logIn("otra-clave-cualquiera").status != 303, "a wrong password is refused")
        let ok = try logIn(password)
        #expect(ok.status == 303, "\(ok.body)")
        var home = ok
        for _ in 0..<3 where home.status == 303 {
            let location = home.header("Location") ?? "/"
            home = try curl([location.hasPrefix("http") ? location : base + location])
        }
        #expect(home.status == 200 && home.body.contains("Cerrar sesión"), "\(home.body)")
    }
}
