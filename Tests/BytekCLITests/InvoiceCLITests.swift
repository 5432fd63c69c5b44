import BytekModel
import BytekStore
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The SUNAT emulator for the CLI tests (python3 + Tests/SunatEmulator/sunat_emulator.py on port 0).
final class InvoiceEmulator: @unchecked Sendable {
    static let script: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SunatEmulator/sunat_emulator.py").path
    let process = Process()
    let port: Int

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let b = out.fileHandleForReading.readData(ofLength: 1)
            if b.isEmpty || b.first == UInt8(ascii: "\n") { break }
            line.append(b)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let p = Int(text.dropFirst(10)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        port = p
    }

    func stop() { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    func http(_ path: String, json: [String: Any]? = nil) throws -> Any {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!, timeoutInterval: 20)
        if let json {
            request.httpMethod = "POST"
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
        }
        let box = HTTPBox()
        URLSession.shared.dataTask(with: request) { d, _, e in box.finish(d, e) }.resume()
        box.done.wait()
        if let e = box.error { throw e }
        return try JSONSerialization.jsonObject(with: box.data ?? Data())
    }

    func log() throws -> [[String: Any]] { (try http("/__log") as? [[String: Any]]) ?? [] }
}

private final class HTTPBox: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var data: Data?
    var error: (any Error)?
    func finish(_ d: Data?, _ e: (any Error)?) { data = d; error = e; done.signal() }
}

/// The invoice commands and the worker process against the emulator.
@Suite("bytek invoice and the worker against the SUNAT emulator", .serialized)
struct InvoiceCLITests {
    /// A PKCS#12 made with openssl, as base64 for BYTEK_CERT_PFX_BASE64.
    static func certificate(in folder: String) throws -> String {
        func tool(_ args: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = args
            p.currentDirectoryURL = URL(fileURLWithPath: folder)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "\(args)")
        }
        try tool(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30", "-keyout", "k.pem",
                  "-out", "c.pem", "-subj", "/C=PE/O=BYTEK/CN=20123456786"])
        try tool(["openssl", "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "c.pfx", "-passout", "pass:clave"])
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/c.pfx")).base64EncodedString()
    }

    static func setUp(_ fx: CLIFixture, emulatorPort: Int) throws -> [String: String] {
        try fx.withAdmin()
        let settings = """
        {"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "tradeName": "BYTEK", "establishmentCode": "0000",
          "address": {"ubigeo": "150122", "line": "Av. Larco 1232", "district": "Miraflores", "province": "Lima",
                      "department": "Lima", "countryCode": "PE"}},
         "environment": "emulator", "timeoutSeconds": 5,
         "endpoints": {"emulator": {"billService": "http://127.0.0.1:\(emulatorPort)/ol-ti-itcpfegem-beta/billService",
                                    "consultService": "http://127.0.0.1:\(emulatorPort)/ol-it-wsconscpegem/billConsultService"}}}
        """
        let r = try fx.run("invoice", "settings", "--file", try fx.write("ajustes.json", settings))
        #expect(r.status == 0, "\(r.stderr)")
        return ["BYTEK_SOL_USER": "MODDATOS", "BYTEK_SOL_PASSWORD": "moddatos",
                "BYTEK_CERT_PFX_BASE64": try certificate(in: fx.folder), "BYTEK_CERT_PASSWORD": "clave"]
    }

    static func invoiceJSON(_ description: String) -> String {
        """
        {"kind": "01", "currency": "PEN", "orderReference": "COT-2026-0001",
         "customer": {"documentType": "6", "number": "\(validRUC("2010007097"))", "name": "CLIENTE S.A.C."},
         "lines": [{"description": "\(description)", "quantity": "2", "unitPrice": "150.00", "unit": "ZZ",
                    "affectation": "10", "itemKind": "service"}]}
        """
    }

    @Test func issueThenWorkerOnceThenShowAndXML() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let issued = try fx.run("invoice", "issue", "--file", try fx.write("f.json", Self.invoiceJSON("Soporte")), extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("F001-1"))

        let worker = try fx.run("worker", "--once", extra: env)
        #expect(worker.status == 0, "\(worker.stderr)")
        let show = try fx.run("invoice", "show", "F001-1")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Estado SUNAT: aceptado"))
        #expect(show.stdout.contains("Total: S/ 354.00"))   // 2 × 150 + 18%

        // `xml` prints the stored bytes exactly.
        let xml = try fx.binary.start(["invoice", "xml", "F001-1"], environment: fx.environment(), folder: fx.folder).wait()
        #expect(xml.status == 0)
        let db = try Database(path: fx.dbPath)
        guard case .blob(let stored) = try db.scalar("SELECT signed_xml FROM e_document WHERE series = 'F001' AND number = 1") else {
            Issue.record("no signed_xml"); return
        }
        #expect(Array(xml.stdout.utf8) == stored)

        let list = try fx.run("invoice", "list")
        #expect(list.stdout.contains("F001-1\t01"))
        let status = try fx.run("invoice", "status")
        #expect(status.stdout.contains("aceptado\t1"))
    }

    @Test func credentialsFileReadableByOthersIsRefused() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        var env = try Self.setUp(fx, emulatorPort: emulator.port)
        let file = try fx.write("cred", "sol_user=MODDATOS\nsol_password=moddatos\ncert_password=clave\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        env["BYTEK_SUNAT_CREDENTIALS"] = file
        let r = try fx.run("invoice", "issue", "--file", try fx.write("f.json", Self.invoiceJSON("X")), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("permisos 0644"))
        #expect(r.stderr.contains("chmod 600"))
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM e_document").intValue == 0)
    }

    @Test func concurrentProcessesIssueAGaplessSequence() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let file = try fx.write("f.json", Self.invoiceJSON("Concurrente"))
        var running: [RunningBytek] = []
        for _ in 0..<4 {
            running.append(try fx.start(["invoice", "issue", "--file", file], extra: env))
        }
        var ok = 0
        for r in running { if r.wait().status == 0 { ok += 1 } }
        // Second wave while nothing else runs: the counter continues.
        running = try (0..<4).map { _ in try fx.start(["invoice", "issue", "--file", file], extra: env) }
        for r in running { if r.wait().status == 0 { ok += 1 } }
        #expect(ok == 8)
        let db = try Database(path: fx.dbPath)
        let numbers = try db.query("SELECT number FROM e_document ORDER BY number").map { Int($0.int("number")) }
        #expect(numbers == Array(1...8))
    }

    /// A worker killed with SIGKILL at random moments, ten times, then left to finish: every document is
    /// accepted, and the emulator accepted each one exactly once.
    @Test func sigkillLoopEndsWithEachDocumentAcceptedExactlyOnce() throws {
        let emulator = try InvoiceEmulator()
        defer { emulator.stop() }
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try Self.setUp(fx, emulatorPort: emulator.port)
        let count = 6
        for i in 1...count {
            let r = try fx.run("invoice", "issue", "--file", try fx.write("f\(i).json", Self.invoiceJSON("Servicio \(i)")), extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        // Each answer takes a while, so kills land during sends too.
        _ = try emulator.http("/__control", json: ["mode": "delay", "delay_seconds": 0.3])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let w = try fx.start(["worker", "--lease", "1"], extra: env)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.9, using: &generator))
            kill(w.pid, SIGKILL)
            _ = w.wait(timeout: 10)
        }
        _ = try emulator.http("/__control", json: ["mode": "none"])
        let db = try Database(path: fx.dbPath)
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            let pending = try db.scalar(
                "SELECT count(*) FROM e_document WHERE status NOT IN ('aceptado','observado','rechazado')").intValue ?? 0
            if pending == 0 { break }
            Thread.sleep(forTimeInterval: 1.1)   // let the dead workers' leases expire
            let r = try fx.run("worker", "--once", "--lease", "1", extra: env)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let statuses = try db.query("SELECT series || '-' || number AS id, status, file_name FROM e_document ORDER BY number")
        #expect(statuses.count == count)
        let log = try emulator.log()
        for row in statuses {
            #expect(row.string("status") == "aceptado", "\(row.string("id"))")
            let accepted = log.filter { ($0["operation"] as? String) == "sendBill"
                && ($0["fileName"] as? String) == row.string("file_name") + ".zip" && ($0["result"] as? String) == "accepted" }
            #expect(accepted.count == 1, "\(row.string("id")) accepted \(accepted.count) times")
        }
        let sends = log.filter { ($0["operation"] as? String) == "sendBill" }
        let repeats = sends.filter { ($0["code"] as? String) == "1033" }.count
        let cdrFetches = log.filter { ($0["operation"] as? String) == "getStatusCdr" }.count
        print("sigkill loop: \(sends.count) sendBill, \(repeats) answered 1033, \(cdrFetches) getStatusCdr")
        // A worker may die between the 1033 and its getStatusCdr; the next one sends again and gets 1033 again.
        #expect(repeats == 0 || cdrFetches > 0, "after 1033 the CDR is fetched, not sent again")
        let registered = (try emulator.http("/__documents") as? [String: Any]) ?? [:]
        #expect(registered.count == count)
    }
}
