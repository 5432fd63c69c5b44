import BytekModel
import BytekServices
import BytekStore
import BytekWeb
import Foundation

/// Load on the web door: `wrk --latency` on loopback against a logged-in contact's home page (session
/// cookie), served in this process by the same server `bytek serve` runs (access log off). Budget:
/// p99 ≤ 50 ms with no errors (non-2xx/3xx answers, socket errors or timeouts).
enum WebLoadBenchmark {
    struct Result {
        var requestsPerSecond: Double
        var p99Ms: Double
        var requests: Int
        var errors: Int
        var withinBudget: Bool { p99Ms <= 50 && errors == 0 && requests > 0 }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// The `wrk` on PATH, nil when not installed.
    static func wrkPath(environment: [String: String]) -> String? {
        let dirs = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return dirs.map { $0 + "/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(wrk: String, connections: Int, seconds: Int, threads: Int) throws -> Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-web-\(getpid()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        let bench = Services(store: store, actor: .staff("bench", role: .admin, door: .cli))
        let customer = try bench.customers.create(Customer(
            docType: .ruc, docNumber: RUC.complete("2010007097") ?? "", legalName: "Carga de Prueba S.A.C.",
            contacts: [Contact(name: "Carla Prueba", role: "Gerente", email: "carga@prueba.pe")]))
        guard let customerId = customer.id else { throw Failure(description: "no se creó el cliente de prueba") }
        let portal = PortalRepository(db: store.db, user: "bench")
        let account = try portal.inviteContact(email: "carga@prueba.pe", customers: [customerId], tokenHash: nil, validFor: 60)
        let token = Sodium.token()
        try portal.createSession(tokenHash: Sodium.sha256Hex(token), account: account, customer: customerId,
                                 csrf: Sodium.token(), validFor: 3600)

        var config = WebConfig()
        config.port = 0
        config.accessLog = false
        config.limits = ServerLimits(threads: threads, connectionLimit: max(256, connections + 16))
        let app = try WebApp(config: config, databasePath: path)
        let server = HTTPServer(host: "127.0.0.1", port: 0, limits: config.limits, handler: app, trustedProxies: [],
                                accessLog: config.accessLog)
        let port = try server.start()
        defer { server.stop(grace: 5) }
        let url = "http://127.0.0.1:\(port)/c/\(customerId)"
        let cookie = "Cookie: \(CookieJar.session)=\(token)"
        // wrk counts a redirect as a success: the page must answer 200 (logged in) before it is loaded.
        let probe = try output("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", cookie, url])
        guard probe.text.trimmingCharacters(in: .whitespacesAndNewlines) == "200" else {
            throw Failure(description: "la página de prueba no respondió 200 con la sesión (respondió \(probe.text))")
        }
        let run = try output(wrk, ["--latency", "-t", "2", "-c", "\(connections)", "-d", "\(seconds)s", "--timeout", "2s",
                                   "-H", cookie, url])
        guard run.status == 0, let result = parse(run.text) else {
            throw Failure(description: "wrk terminó con código \(run.status): \(run.text.suffix(400))")
        }
        return result
    }

    /// Reads `wrk --latency`'s report: the 99% line, Requests/sec, the requests count and the errors.
    static func parse(_ text: String) -> Result? {
        var p99: Double?, rps: Double?, requests: Int?, errors = 0
        for raw in text.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            if words.first == "99%", words.count >= 2 { p99 = milliseconds(words[1]) }
            else if line.hasPrefix("Requests/sec:"), words.count >= 2 { rps = Double(words[1]) }
            else if line.contains("requests in"), let n = Int(words[0]) { requests = n }
            else if line.hasPrefix("Non-2xx or 3xx responses:"), let n = words.last.flatMap({ Int($0) }) { errors += n }
            else if line.hasPrefix("Socket errors:") {
                // Socket errors: connect 0, read 0, write 0, timeout 0
                for (i, w) in words.enumerated() where ["connect", "read", "write", "timeout"].contains(w) && i + 1 < words.count {
                    errors += Int(words[i + 1]) ?? 0
                }
            }
        }
        guard let p99, let rps, let requests else { return nil }
        return Result(requestsPerSecond: rps, p99Ms: p99, requests: requests, errors: errors)
    }

    /// "812.00us", "12.34ms", "1.02s" in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    private static func output(_ tool: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
