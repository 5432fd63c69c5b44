import BytekGateways
import BytekModel
import Foundation

/// The Izipay emulator (Tests/GatewayEmulators) for the charge engine's fault runs: started on 127.0.0.1 port 0
/// for one test, killed when dropped; its admin API counts what was really charged.
final class CardEmulator: @unchecked Sendable {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GatewayEmulators/izipay_emulator.py").path

    let process = Process()
    let base: String

    init(niubiz: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = niubiz ? ["python3", Self.script.replacingOccurrences(of: "izipay_", with: "niubiz_"), "--port", "0"]
            : ["python3", Self.script, "--port", "0", "--ipn-delay", "0.05"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), let b = byte.first, b != UInt8(ascii: "\n") { line.append(b) }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING ") else { process.terminate(); throw GatewayError.unavailable("emulador: \(text)") }
        base = "http://127.0.0.1:" + text.dropFirst("LISTENING ".count)
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    func client(timeout: TimeInterval = 5) -> IzipayClient {
        IzipayClient(IzipayConfig(baseURL: URL(string: base)!, shopId: "33148340", password: "testpassword_BYTEKemulador0001",
                                  publicKey: "33148340:testpublickey_BYTEKemulador0001", hmacKey: "bytekhmacemulador0001",
                                  timeout: timeout))
    }

    @discardableResult
    func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let answer = try GatewayHTTP(timeout: 10).send(method, URL(string: base + path)!, headers: ["Content-Type": "application/json"],
                                                       body: data)
        return try JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed])
    }

    func niubizClient() -> NiubizClient {
        NiubizClient(NiubizConfig(baseURL: URL(string: base)!, merchantId: "456879852", user: "integraciones@niubiz.com.pe",
                                  password: "_7z3@8fF", timeout: 5))
    }

    func fault(_ spec: [String: Any]) throws { try call("POST", "/_emulador/falla", spec) }

    func savedCard(_ number: String = "4970100000000055") throws -> String {
        let answer = try call("POST", "/_emulador/tarjeta", ["numero": number, "vencimiento": "12/30", "email": "pagos@cliente-a.pe"])
        return ((answer as? [String: Any])?["token"] as? String) ?? ""
    }

    /// Every amount actually taken from a card.
    func chargesTaken() throws -> Int { ((try call("GET", "/_emulador/cargos") as? [String: Any])?["total"] as? Int) ?? -1 }

    func refunds() throws -> [[String: Any]] { (try call("GET", "/_emulador/reembolsos") as? [[String: Any]]) ?? [] }

    /// The customer in the embedded form: pays with `number`; returns the fields the browser posts back.
    func payInForm(_ session: CheckoutSession, number: String = "4970100000000055", save: Bool = false) throws -> [String: String] {
        let answer = try call("POST", "/_krypton/pay", ["publicKey": session.publicKey, "formToken": session.token, "numero": number,
                                                         "vencimiento": "12/30", "guardar": save]) as? [String: Any] ?? [:]
        var fields: [String: String] = [:]
        for k in ["kr-answer", "kr-hash", "kr-hash-algorithm", "kr-hash-key", "kr-answer-type"] { fields[k] = answer[k] as? String }
        return fields
    }

    /// The IPNs posted to the emulator's mailbox, waiting up to 3 s for `count`.
    func notifications(count: Int) throws -> [[String: String]] {
        let deadline = Date().addingTimeInterval(3)
        while true {
            let forms = ((try call("GET", "/_emulador/buzon") as? [[String: Any]]) ?? []).compactMap { $0["campos"] as? [String: String] }
            if forms.count >= count || Date() > deadline { return forms }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    var mailbox: String { base + "/_emulador/buzon" }
}
