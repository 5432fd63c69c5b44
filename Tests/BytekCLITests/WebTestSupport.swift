import BytekModel
import BytekStore
import Foundation
import Testing

/// One HTTP answer as curl saw it.
struct HTTPResult {
    let status: Int
    let headers: [(String, String)]
    let body: String

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    func all(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
}

/// `bytek serve` on a free loopback port, over a database with an admin, two customers and their contacts:
/// ana@andina.pe is a contact of both, bruno@beta.pe only of Beta.
final class WebFixture {
    let cli: CLIFixture
    let server: RunningBytek
    let base: String
    let andina: Int64
    let beta: Int64
    /// A customer neither Ana nor Bruno is a contact of.
    let gamma: Int64

    /// `secrets` go into the secrets file (`bytek-secretos` beside the database, 0600) before serve starts.
    /// `seed` writes to the database (given Andina's id) before serve starts.
    init(serveArguments: [String] = [], environment: [String: String] = [:], secrets: [(String, String)] = [],
         seed: ((Database, Int64) throws -> Void)? = nil) throws {
        cli = try CLIFixture()
        try cli.withAdmin()
        if !secrets.isEmpty { try SecretsFile.upsert(secrets, at: cli.file(Secrets.fileName)) }
        let db = try Database(path: cli.dbPath)
        let repo = CustomerRepository(db: db, user: "admin")
        andina = try #require(try repo.create(Customer(
            docType: .ruc, docNumber: validRUC("2010007097"), legalName: "Andina de Servicios <S.A.C.>",
            contacts: [Contact(name: "Ana Núñez", role: "Gerente", email: "ana@andina.pe", phone: "999 111 222")])).id)
        beta = try #require(try repo.create(Customer(
            docType: .ruc, docNumber: validRUC("2060123456"), legalName: "Beta Ingeniería S.A.",
            contacts: [Contact(name: "Ana Núñez", role: "Contadora externa", email: "ANA@andina.pe"),
                       Contact(name: "Bruno Ríos", role: "Jefe de TI", email: "bruno@beta.pe")])).id)
        gamma = try #require(try repo.create(Customer(
            docType: .ruc, docNumber: validRUC("2055555555"), legalName: "Gamma Minera S.A.",
            contacts: [Contact(name: "Gina", email: "gina@gamma.pe")])).id)
        try seed?(db, andina)
        server = try cli.start(["serve", "--listen", "127.0.0.1:0"] + serveArguments,
                               extra: ["BYTEK_LOGIN_DELAY_MS": "1000"].merging(environment) { $1 })
        base = try Self.address(of: server)
    }

    /// The `http://127.0.0.1:PORT` a started `bytek serve` printed (it listens by then).
    static func address(of server: RunningBytek) throws -> String {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline && server.process.isRunning {
            let out = (try? String(contentsOfFile: server.outPath, encoding: .utf8)) ?? ""
            if let range = out.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) { return String(out[range]) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let err = (try? String(contentsOfFile: server.errPath, encoding: .utf8)) ?? ""
        throw FixtureError(description: "bytek serve did not start: \(err)")
    }

    struct FixtureError: Error, CustomStringConvertible { let description: String }

    deinit { if server.process.isRunning { kill(server.pid, SIGKILL); server.process.waitUntilExit() } }

    var accessLog: String { (try? String(contentsOfFile: server.errPath, encoding: .utf8)) ?? "" }

    /// `bytek portal invite EMAIL` (or invite-tecnico): the token of the printed link.
    func invite(_ target: String, technician: Bool = false) throws -> String {
        let r = try cli.run("portal", technician ? "invite-tecnico" : "invite", target)
        #expect(r.status == 0, "\(r.stderr)")
        let range = try #require(r.stdout.range(of: #"/clave\?t=[A-Za-z0-9_-]+"#, options: .regularExpression))
        return String(r.stdout[range].dropFirst("/clave?t=".count))
    }

    /// curl on `path`; `jar` keeps cookies between calls; `form` is sent x-www-form-urlencoded (POST).
    func request(_ path: String, jar: String? = nil, form: [(String, String)]? = nil, data: String? = nil,
                 headers: [String] = [], method: String? = nil) throws -> HTTPResult {
        var args = ["-s", "-i", "--max-time", "20"]
        if let jar { args += ["-b", cli.file(jar), "-c", cli.file(jar)] }
        if let form {
            for (k, v) in form { args += ["--data-urlencode", "\(k)=\(v)"] }
        }
        if let data { args += ["--data-binary", "@" + data] }
        if let method { args += ["-X", method] }
        for h in headers { args += ["-H", h] }
        args.append(base + path)
        return Self.parse(try runTool("/usr/bin/curl", args).output)
    }

    static func parse(_ raw: String) -> HTTPResult {
        var rest = Substring(raw)
        while true {
            guard let end = rest.range(of: "\r\n\r\n") else { return HTTPResult(status: 0, headers: [], body: String(rest)) }
            let head = rest[..<end.lowerBound]
            rest = rest[end.upperBound...]
            let lines = head.components(separatedBy: "\r\n")
            let status = lines.first.flatMap { $0.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
            if status == 100 { continue }
            let headers = lines.dropFirst().compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            return HTTPResult(status: status, headers: headers, body: String(rest))
        }
    }

    /// The value of a hidden `csrf` field in a page.
    static func csrf(in page: String) -> String? {
        guard let r = page.range(of: #"name="csrf" value="[^"]*""#, options: .regularExpression) else { return nil }
        return String(page[r].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    /// Opens the link, sets `password` with the page's CSRF token; returns the answer to the POST.
    func setPassword(token: String, password: String, jar: String) throws -> HTTPResult {
        let page = try request("/clave?t=\(token)", jar: jar)
        #expect(page.status == 200, "\(page.body)")
        let csrf = try #require(Self.csrf(in: page.body))
        return try request("/clave", jar: jar, form: [("csrf", csrf), ("t", token), ("clave", password), ("repetir", password)])
    }

    /// The login form's CSRF token, then POST /login.
    func login(_ user: String, _ password: String, jar: String, headers: [String] = []) throws -> HTTPResult {
        let page = try request("/", jar: jar, headers: headers)
        let csrf = try #require(Self.csrf(in: page.body), "no CSRF field on the login page: \(page.body)")
        return try request("/login", jar: jar, form: [("csrf", csrf), ("usuario", user), ("clave", password)], headers: headers)
    }

    /// Stops the server with SIGTERM and returns how it ended.
    func stop() -> RunResult {
        kill(server.pid, SIGTERM)
        return server.wait(timeout: 20)
    }
}

/// Runs a program to its end; its standard output (and standard error when `withErrors`) as text.
func runTool(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
             withErrors: Bool = false) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = withErrors ? out : FileHandle.nullDevice
    try p.run()
    let bytes = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: bytes, as: UTF8.self))
}
