import Foundation
import Testing

/// `bytek serve` driven over HTTP with curl, the way a browser or a gateway meets it.
@Suite("bytek serve: the web door")
struct WebServeCLITests {
    static let password = "cóndor-andino-2026"

    @Test("GET /health answers JSON with the database reachable; every response carries the security headers")
    func healthAndHeaders() throws {
        let web = try WebFixture()
        let health = try web.request("/health")
        #expect(health.status == 200)
        #expect(health.body == #"{"ok":true,"db":true}"#)
        #expect(health.header("Content-Type") == "application/json")
        for r in [health, try web.request("/no-existe"), try web.request("/static/app.css")] {
            let csp = r.header("Content-Security-Policy") ?? ""
            #expect(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline") && csp.contains("default-src 'none'"))
            #expect(r.header("X-Content-Type-Options") == "nosniff")
            #expect(r.header("Referrer-Policy") == "no-referrer")
        }
        #expect(try web.request("/no-existe").status == 404)
        #expect(web.stop().status == 0)
    }

    @Test("invitation link → password → login → the contact's home → logout; cookies HttpOnly, SameSite=Lax, not Secure over http; the link works once")
    func invitationLoginLogout() throws {
        let web = try WebFixture()
        let token = try web.invite("bruno@beta.pe")
        let set = try web.setPassword(token: token, password: Self.password, jar: "bruno")
        #expect(set.status == 303 && set.header("Location") == "/?clave=lista")
        // Single use: the same link again is refused.
        #expect(try web.request("/clave?t=\(token)").status == 404)

        let wrong = try web.login("bruno@beta.pe", "otra-clave-cualquiera", jar: "bruno")
        #expect(wrong.status == 401)
        #expect(wrong.body.contains("Correo/usuario o contraseña incorrectos."))
        #expect(wrong.all("Set-Cookie").allSatisfy { !$0.hasPrefix("bytek_sesion=") })

        let ok = try web.login("Bruno@Beta.pe", Self.password, jar: "bruno")
        #expect(ok.status == 303)
        let cookie = try #require(ok.all("Set-Cookie").first { $0.hasPrefix("bytek_sesion=") })
        #expect(cookie.contains("; HttpOnly") && cookie.contains("; SameSite=Lax") && !cookie.contains("Secure"))
        let sessionId = String(cookie.dropFirst("bytek_sesion=".count).prefix { $0 != ";" })
        #expect(sessionId.count == 43, "a 256-bit id in base64url")

        let home = try web.request("/", jar: "bruno")
        #expect(home.status == 303 && home.header("Location") == "/c/\(web.beta)")
        let page = try web.request("/c/\(web.beta)", jar: "bruno")
        #expect(page.status == 200)
        for text in ["Beta Ingeniería S.A.", "Bruno Ríos", "Jefe de TI", "bruno@beta.pe", "Sus documentos", "Cerrar sesión"] {
            #expect(page.body.contains(text), "\(text) missing")
        }
        #expect(!page.body.contains("Andina"), "one customer only: no switcher to another company")

        let csrf = try #require(WebFixture.csrf(in: page.body))
        let out = try web.request("/salir", jar: "bruno", form: [("csrf", csrf)])
        #expect(out.status == 303)
        #expect(out.all("Set-Cookie").contains { $0.hasPrefix("bytek_sesion=;") && $0.contains("Max-Age=0") })
        // The session is gone from the store, not only from the browser.
        let replay = try web.request("/c/\(web.beta)", headers: ["Cookie: bytek_sesion=\(sessionId)"])
        #expect(replay.status == 303 && replay.header("Location") == "/")

        // The access log names paths and statuses, never the token, the password or the session id.
        let log = web.accessLog
        #expect(log.contains("POST /login 401") && log.contains("GET /clave 200"))
        for secret in [token, Self.password, sessionId, "cóndor"] { #expect(!log.contains(secret)) }
        #expect(web.stop().status == 0)
    }

    @Test("--public-url https:// makes the cookies Secure")
    func secureCookiesBehindTLS() throws {
        let web = try WebFixture(serveArguments: ["--public-url", "https://portal.bytek.pe"])
        let token = try web.invite("bruno@beta.pe")
        let page = try web.request("/clave?t=\(token)", jar: "b")
        #expect(page.all("Set-Cookie").contains { $0.hasPrefix("bytek_csrf=") && $0.hasSuffix("; Secure") })
        #expect(try web.setPassword(token: token, password: Self.password, jar: "b").status == 303)
        let ok = try web.login("bruno@beta.pe", Self.password, jar: "b")
        let cookie = try #require(ok.all("Set-Cookie").first { $0.hasPrefix("bytek_sesion=") })
        #expect(cookie.hasSuffix("; HttpOnly; SameSite=Lax; Secure"))
        _ = web.stop()
    }

    @Test("one e-mail, two customers: pick one, switch in one click; contact B cannot open contact A's company by id (404 no encontrado)")
    func scopeByCustomer() throws {
        let web = try WebFixture()
        let ana = try web.invite("ana@andina.pe")
        #expect(try web.setPassword(token: ana, password: Self.password, jar: "ana").status == 303)
        #expect(try web.login("ana@andina.pe", Self.password, jar: "ana").status == 303)
        let pick = try web.request("/", jar: "ana")
        #expect(pick.status == 200 && pick.body.contains("Elija la empresa"))
        #expect(pick.body.contains("href=\"/c/\(web.andina)\"") && pick.body.contains("href=\"/c/\(web.beta)\""))
        // Names are HTML-escaped.
        #expect(pick.body.contains("Andina de Servicios &lt;S.A.C.&gt;") && !pick.body.contains("<S.A.C.>"))
        let andina = try web.request("/c/\(web.andina)", jar: "ana")
        #expect(andina.body.contains("Gerente") && andina.body.contains("aria-current=\"page\">Andina"))
        let beta = try web.request("/c/\(web.beta)", jar: "ana")
        #expect(beta.body.contains("Contadora externa") && !beta.body.contains("Gerente"))

        let bruno = try web.invite("bruno@beta.pe")
        #expect(try web.setPassword(token: bruno, password: Self.password, jar: "bruno").status == 303)
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "bruno").status == 303)
        for path in ["/c/\(web.andina)", "/c/999999", "/c/abc", "/c/\(web.andina)0"] {
            let r = try web.request(path, jar: "bruno")
            #expect(r.status == 404, "\(path)")
            #expect(r.body.contains("No encontrado") && !r.body.contains("Andina"), "\(path)")
        }
        _ = web.stop()
    }

    @Test("a POST without its CSRF token is refused with 403 (login, logout, set password), and changes nothing")
    func csrfRequired() throws {
        let web = try WebFixture()
        let token = try web.invite("bruno@beta.pe")
        _ = try web.request("/", jar: "b")  // gets the CSRF cookie
        let noField = try web.request("/clave", jar: "b", form: [("t", token), ("clave", Self.password), ("repetir", Self.password)])
        #expect(noField.status == 403 && noField.body.contains("Solicitud rechazada"))
        let forged = try web.request("/clave", jar: "b", form: [("csrf", String(repeating: "x", count: 43)), ("t", token),
                                                                ("clave", Self.password), ("repetir", Self.password)])
        #expect(forged.status == 403)
        // The link was not used by the refused posts.
        #expect(try web.setPassword(token: token, password: Self.password, jar: "b").status == 303)
        #expect(try web.request("/login", form: [("usuario", "bruno@beta.pe"), ("clave", Self.password)]).status == 403)
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "b").status == 303)
        let logout = try web.request("/salir", jar: "b", form: [("csrf", "")])
        #expect(logout.status == 403)
        #expect(try web.request("/c/\(web.beta)", jar: "b").status == 200, "still logged in")
        _ = web.stop()
    }

    @Test("wrong passwords slow down: per account and per address (X-Forwarded-For believed from the trusted proxy), growing")
    func growingDelay() throws {
        // 2 s base delay: the checks made during the first wait have time to spare on a busy machine.
        let web = try WebFixture(serveArguments: ["--trusted-proxy", "127.0.0.1"], environment: ["BYTEK_LOGIN_DELAY_MS": "2000"])
        let token = try web.invite("bruno@beta.pe")
        #expect(try web.setPassword(token: token, password: Self.password, jar: "b").status == 303)
        let from = { (ip: String) in ["X-Forwarded-For: 198.51.100.20, \(ip)"] }
        for _ in 1...3 {
            #expect(try web.login("bruno@beta.pe", "equivocada-123", jar: "b", headers: from("203.0.113.5")).status == 401)
        }
        // Even the right password waits now, from the same address and from another (per account).
        let blocked = try web.login("bruno@beta.pe", Self.password, jar: "b", headers: from("203.0.113.5"))
        #expect(blocked.status == 429 && blocked.body.contains("Demasiados intentos"))
        #expect(blocked.header("Retry-After") == "2")
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "b", headers: from("192.0.2.77")).status == 429)
        // Another account from the failing address waits too (per address); from a third address it does not.
        #expect(try web.login("nadie@ejemplo.pe", "x", jar: "b", headers: from("203.0.113.5")).status == 429)
        #expect(try web.login("nadie@ejemplo.pe", "x", jar: "b", headers: from("192.0.2.99")).status == 401)

        Thread.sleep(forTimeInterval: 2.1)
        #expect(try web.login("bruno@beta.pe", "equivocada-456", jar: "b", headers: from("192.0.2.50")).status == 401)
        // The fourth failure doubles the wait.
        let longer = try web.login("bruno@beta.pe", Self.password, jar: "b", headers: from("192.0.2.51"))
        #expect(longer.status == 429 && longer.header("Retry-After") == "4")
        Thread.sleep(forTimeInterval: 4.1)
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "b", headers: from("192.0.2.52")).status == 303)
        // The log shows the real addresses, not the proxy's.
        #expect(web.accessLog.contains(" 203.0.113.5 POST /login 401"))
        _ = web.stop()
    }

    @Test("X-Forwarded-For from an untrusted peer is ignored: the limit still sees the peer")
    func forwardedForIgnoredWithoutTrustedProxy() throws {
        let web = try WebFixture(environment: ["BYTEK_LOGIN_DELAY_MS": "10000"])
        for i in 1...3 {
            let r = try web.login("nadie\(i)@ejemplo.pe", "x", jar: "b", headers: ["X-Forwarded-For: 203.0.113.\(i)"])
            #expect(r.status == 401)
        }
        #expect(try web.login("otro@ejemplo.pe", "x", jar: "b", headers: ["X-Forwarded-For: 203.0.113.9"]).status == 429)
        #expect(!web.accessLog.contains("203.0.113."))
        _ = web.stop()
    }

    @Test("a password change ends every session of the account; a too-short password is refused naming the field")
    func passwordChangeLogsOutEverywhere() throws {
        let web = try WebFixture()
        #expect(try web.setPassword(token: try web.invite("bruno@beta.pe"), password: Self.password, jar: "x").status == 303)
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "phone").status == 303)
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "desk").status == 303)
        #expect(try web.request("/c/\(web.beta)", jar: "phone").status == 200)

        let again = try web.invite("bruno@beta.pe")
        let short = try web.setPassword(token: again, password: "corta", jar: "x")
        #expect(short.status == 422 && short.body.contains("Contraseña: use al menos 10 caracteres."))
        #expect(try web.request("/c/\(web.beta)", jar: "phone").status == 200, "a refused change logs nobody out")
        #expect(try web.setPassword(token: again, password: "nueva-clave-larga", jar: "x").status == 303)
        for jar in ["phone", "desk"] { #expect(try web.request("/c/\(web.beta)", jar: jar).status == 303) }
        #expect(try web.login("bruno@beta.pe", Self.password, jar: "desk").status == 401)
        #expect(try web.login("bruno@beta.pe", "nueva-clave-larga", jar: "desk").status == 303)
        _ = web.stop()
    }

    @Test("forgot password says the same whether the address exists or not")
    func forgotPasswordSaysTheSame() throws {
        let web = try WebFixture()
        let page = try web.request("/olvide", jar: "f")
        let csrf = try #require(WebFixture.csrf(in: page.body))
        let known = try web.request("/olvide", jar: "f", form: [("csrf", csrf), ("correo", "bruno@beta.pe")])
        let unknown = try web.request("/olvide", jar: "f", form: [("csrf", csrf), ("correo", "nadie@ejemplo.pe")])
        #expect(known.status == 200 && known.body.contains("Si el correo corresponde a una cuenta"))
        #expect(known.status == unknown.status && known.body == unknown.body)
        _ = web.stop()
    }

    @Test("a technician sets a password from the link and sees today's date in Lima and their visits")
    func technicianHome() throws {
        let web = try WebFixture()
        #expect(try web.cli.run("user", "add", "tecnico1", "--name", "Teo Quispe", "--role", "tecnico").status == 0)
        #expect(try web.cli.run("portal", "invite-tecnico", "admin").status == 1, "only technicians")
        let token = try web.invite("tecnico1", technician: true)
        #expect(try web.setPassword(token: token, password: Self.password, jar: "t").status == 303)
        #expect(try web.login("tecnico1", Self.password, jar: "t").status == 303)
        let home = try web.request("/", jar: "t")
        #expect(home.status == 200)
        #expect(home.body.contains("Hola, Teo Quispe") && home.body.contains("Sus visitas"))
        let months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                      "noviembre", "diciembre"]
        var lima = Calendar(identifier: .gregorian)
        lima.timeZone = TimeZone(secondsFromGMT: -5 * 3600)!
        let now = lima.dateComponents([.year, .month, .day], from: Date())
        #expect(home.body.contains("\(now.day!) de \(months[now.month! - 1]) de \(now.year!)"))
        // A disabled user's portal account stops working.
        #expect(try web.cli.run("user", "disable", "tecnico1").status == 0)
        #expect(try web.login("tecnico1", Self.password, jar: "t2").status == 401)
        _ = web.stop()
    }

    @Test("a request body over the limit gets 413, declared or chunked")
    func bodyTooLarge() throws {
        let web = try WebFixture(serveArguments: ["--max-body", "2048"])
        let big = web.cli.file("big.txt")
        try String(repeating: "a", count: 5000).write(toFile: big, atomically: true, encoding: .utf8)
        let declared = try web.request("/login", data: big, headers: ["Content-Type: application/x-www-form-urlencoded"])
        #expect(declared.status == 413 && declared.body.contains("demasiado grande"))
        let chunked = try web.request("/hooks/prueba", data: big, headers: ["Transfer-Encoding: chunked"])
        #expect(chunked.status == 413)
        #expect(try web.request("/health").status == 200, "the server keeps serving")
        _ = web.stop()
    }

    @Test("hooks: the signature is checked before the handler (401 without or with a wrong one, 200 when right); BYTEK_HOOK_SECRET_<SENDER> wins over the secrets file")
    func hooksSignature() throws {
        let secret = "secreto-de-prueba-123"
        let web = try WebFixture(environment: ["BYTEK_HOOK_SECRET_PRUEBA": secret], secrets: [("hook_secret_prueba", "otro")])
        let body = web.cli.file("hook.json")
        try #"{"evento":"pago","monto":"150.00"}"#.write(toFile: body, atomically: true, encoding: .utf8)
        let sig = try hmac(file: body, key: secret)
        #expect(sig.count == 64)
        #expect(try web.request("/hooks/prueba", data: body).status == 401)
        #expect(try web.request("/hooks/prueba", data: body, headers: ["X-Bytek-Signature: sha256=" + String(repeating: "0", count: 64)]).status == 401)
        #expect(try web.request("/hooks/prueba", data: body, headers: ["X-Bytek-Signature: sha256=\(try hmac(file: body, key: "otro"))"]).status == 401)
        let ok = try web.request("/hooks/prueba", data: body, headers: ["X-Bytek-Signature: sha256=\(sig)"])
        let size = try #require(try FileManager.default.attributesOfItem(atPath: body)[.size] as? Int)
        #expect(ok.status == 200 && ok.body == #"{"ok":true,"bytes":\#(size)}"#)
        #expect(try web.request("/hooks/desconocido", data: body, headers: ["X-Bytek-Signature: sha256=\(sig)"]).status == 404)
        _ = web.stop()
    }

    @Test("SIGTERM stops gracefully: new connections refused, the request in progress still answered, exit 0")
    func sigtermStops() throws {
        let web = try WebFixture()
        #expect(try web.request("/health").status == 200)
        let port = try #require(web.base.split(separator: ":").last.map(String.init))
        // Half a request is in progress when SIGTERM arrives; it finishes after the signal.
        let script = """
        import socket, sys, time, os, signal
        port, pid = int(sys.argv[1]), int(sys.argv[2])
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /hooks/prueba HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 10\\r\\n\\r\\nabcde")
        time.sleep(0.5)
        os.kill(pid, signal.SIGTERM)
        time.sleep(0.5)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            print("nueva conexión aceptada")
        except OSError:
            print("nueva conexión rechazada")
        s.sendall(b"fghij")
        print(s.recv(4096).split(b"\\r\\n")[0].decode())
        """
        let text = try runTool("/usr/bin/python3", ["-c", script, port, String(web.server.pid)]).output
        #expect(text == "nueva conexión rechazada\nHTTP/1.1 401 Unauthorized\n")
        let end = web.server.wait(timeout: 20)
        #expect(end.status == 0)
        #expect(end.stderr.contains("SIGTERM") && end.stderr.contains("detenido"))
        #expect(end.stderr.contains("POST /hooks/prueba 401"))
        #expect(try web.request("/health").status == 0, "nothing listens")
    }

    @Test("an idle connection is closed after --timeout seconds")
    func idleTimeout() throws {
        let web = try WebFixture(serveArguments: ["--timeout", "1"])
        let port = try #require(web.base.split(separator: ":").last.map(String.init))
        let script = """
        import socket, sys, time
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
        s.settimeout(10)
        t = time.time()
        data = s.recv(100)
        print(len(data), round(time.time() - t))
        """
        let text = try runTool("/usr/bin/python3", ["-c", script, port]).output
        #expect(text == "0 1\n" || text == "0 2\n", "closed (EOF) after about a second: \(text)")
        _ = web.stop()
    }

    @Test("in a real browser (chromium headless): link → password → login → home → switch → logout; screenshots at 360 and 1280 px")
    func browser() throws {
        let web = try WebFixture()
        let token = try web.invite("ana@andina.pe")
        let shots = ProcessInfo.processInfo.environment["BYTEK_SCREENSHOTS"] ?? web.cli.file("capturas")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("portal_browser.py").path
        let (status, text) = try runTool(
            "/usr/bin/python3", [script, web.base, token, "/c/\(web.gamma)", "/c/\(web.andina)", shots],
            environment: ["PATH": "/usr/bin:/bin", "HOME": web.cli.folder, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"],
            withErrors: true)  // the script's traceback, if any, shows in the failure
        #expect(status == 0, "\(text)")
        #expect(text.contains("ok: logged out, back at the login form"), "\(text)")
        for name in ["login-360", "home-360", "home-1280"] {
            let size = (try? FileManager.default.attributesOfItem(atPath: shots + "/\(name).png")[.size] as? Int) ?? 0
            #expect(size > 5000, "\(name).png")
        }
        _ = web.stop()
    }

    private func hmac(file: String, key: String) throws -> String {
        String(try runTool("/usr/bin/openssl", ["dgst", "-sha256", "-hmac", key, "-r", file]).output.prefix { $0 != " " })
    }
}
