import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// "Mis horas" on the technicians' phone page, over HTTP requests to the web door: log in as a técnico,
/// see the assigned task offered, post hours with the session's CSRF token, see today's and the week's
/// totals; 20 digits refused with the Spanish reason (nothing stored); a post without the token refused.
@Suite struct TechnicianHoursPageTests {
    @Test func aTechnicianLogsHoursFromThePhonePage() throws {
        let path = NSTemporaryDirectory() + "bytek-horas-web-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        let users = UserRepository(db: store.db, user: "setup")
        try users.add(User(login: "admin", name: "Admin", role: .admin))
        try users.add(User(login: "juan", name: "Juan Quispe", role: .tecnico))
        let db = store.db, at = "2026-01-01T00:00:00Z"
        try db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', '20100047218', 'Comercial Andina S.A.C.', ?, ?)", [.text(at), .text(at)])
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by, created_at, updated_at)
            VALUES ('PRY-2026-00007', 'Cableado Andina', 'U3', 'hitos', ?, 'admin', 'PEN', '2026-01-01', '2027-12-31', 'setup', ?, ?)
            """, [.int(db.lastInsertRowID), .text(at), .text(at)])
        let project = db.lastInsertRowID
        try db.execute("INSERT INTO project_task(project_id, position, title, assignee, state_since, created_at) VALUES (?, 1, 'Tendido de cable', 'juan', ?, ?)",
                       [.int(project), .text(at), .text(at)])
        let task = db.lastInsertRowID
        let link = try Services(store: store, actor: .staff("admin", role: .admin, door: .cli)).portalAccounts
            .inviteTechnician(login: "juan", publicURL: "http://x")
        var config = WebConfig()
        config.accessLog = false
        let app = try WebApp(config: config, databasePath: path)
        let password = "Cable-Andina-2026!"
        try app.portal.setPassword(token: String(link.split(separator: "=").last!), password: password, repeated: password)

        // Log in as a user would: the login form's CSRF cookie and field, then the session cookie.
        let login = app.handle(HTTPRequest(method: "POST", path: "/login", cookies: [CookieJar.csrf: "visitante"],
                                           form: ["usuario": "juan", "clave": password, "csrf": "visitante"]))
        #expect(login.status == 303)
        let setCookie = try #require(login.headers.first { $0.0 == "Set-Cookie" && $0.1.hasPrefix(CookieJar.session + "=") }?.1)
        let session = String(setCookie.dropFirst(CookieJar.session.count + 1).prefix { $0 != ";" })
        func get() -> String {
            String(decoding: app.handle(HTTPRequest(method: "GET", path: "/", cookies: [CookieJar.session: session])).body, as: UTF8.self)
        }
        func post(_ form: [String: String]) -> HTTPResponse {
            app.handle(HTTPRequest(method: "POST", path: "/horas", cookies: [CookieJar.session: session], form: form))
        }
        let home = get()
        #expect(home.contains("Mis horas") && home.contains("Aún no registra horas hoy."))
        #expect(home.contains("<option value=\"\(project):\(task)\">PRY-2026-00007 · Tendido de cable</option>"))
        #expect(home.contains("inputmode=\"decimal\""))
        let csrfStart = try #require(home.range(of: "name=\"csrf\" value=\""))
        let csrf = String(home[csrfStart.upperBound...].prefix { $0 != "\"" })

        let ok = post(["csrf": csrf, "tarea": "\(project):\(task)", "duracion": "1:30", "nota": "Piso 3"])
        #expect(ok.status == 303 && ok.headers.contains { $0.0 == "Location" && $0.1 == "/?horas=ok" })
        let after = String(decoding: app.handle(HTTPRequest(method: "GET", path: "/", query: ["horas": "ok"],
                                                            cookies: [CookieJar.session: session])).body, as: UTF8.self)
        #expect(after.contains("Horas registradas."))
        #expect(after.contains("<strong id=\"horas-hoy\">1:30</strong>") && after.contains("<strong id=\"horas-semana\">1:30</strong>"))
        #expect(after.contains("Tendido de cable") && after.contains("Piso 3"))

        let tooLong = post(["csrf": csrf, "tarea": "\(project):\(task)", "duracion": "99999999999999999999", "nota": ""])
        let refusal = String(decoding: tooLong.body, as: UTF8.self)
        #expect(tooLong.status == 422 && refusal.contains("pasa de 24 h") && refusal.contains("value=\"99999999999999999999\""))
        #expect(post(["csrf": "otro", "tarea": "\(project):\(task)", "duracion": "1", "nota": ""]).status == 403)
        #expect(try store.db.scalar("SELECT sum(minutes) FROM timesheet_entry WHERE login = 'juan'").intValue == 90)
        #expect(try store.db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'horas' AND door = 'web'").intValue == 1)
    }
}
