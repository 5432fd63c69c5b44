import BytekGateways
import BytekModel
import Foundation
import Testing

/// One of the gateway emulators (Tests/GatewayEmulators/*_emulator.py) on 127.0.0.1, started on port 0 for
/// one test and killed when the test drops it.
final class GatewayEmulatorProcess: @unchecked Sendable {
    // @unchecked: `process` and `port` are set once in init.
    enum Kind: String { case izipay, niubiz }

    static let folder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("GatewayEmulators")

    let process: Process
    let port: Int
    let kind: Kind

    init(_ kind: Kind, _ arguments: [String] = []) throws {
        self.kind = kind
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.folder.appendingPathComponent("\(kind.rawValue)_emulator.py").path, "--port", "0"] + arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        var line = Data()
        let handle = out.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("LISTENING "), let port = Int(text.dropFirst("LISTENING ".count)) else {
            p.terminate()
            throw StartError(text: text)
        }
        process = p
        self.port = port
    }

    struct StartError: Error { let text: String }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }

    var base: String { "http://127.0.0.1:\(port)" }

    // MARK: clients

    func izipay(timeout: TimeInterval = 5, password: String = "testpassword_BYTEKemulador0001") -> IzipayClient {
        IzipayClient(IzipayConfig(baseURL: URL(string: base)!, shopId: "33148340", password: password,
                                  publicKey: "33148340:testpublickey_BYTEKemulador0001", hmacKey: "bytekhmacemulador0001",
                                  timeout: timeout))
    }

    func niubiz(timeout: TimeInterval = 5, password: String = "_7z3@8fF",
                now: @escaping @Sendable () -> Date = { Date() }) -> NiubizClient {
        NiubizClient(NiubizConfig(baseURL: URL(string: base)!, merchantId: "456879852",
                                  user: "integraciones@niubiz.com.pe", password: password, timeout: timeout, now: now))
    }

    // MARK: the admin API

    @discardableResult
    func admin(_ method: String, _ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let answer = try GatewayHTTP(timeout: 10).send(method, URL(string: base + path)!,
                                                       headers: ["Content-Type": "application/json"], body: data)
        return try JSONSerialization.jsonObject(with: answer.body, options: [.fragmentsAllowed])
    }

    /// POST /_emulador/falla.
    func fault(_ spec: [String: Any]) throws { try admin("POST", "/_emulador/falla", spec) }

    /// A saved card's token (POST /_emulador/tarjeta).
    func savedCard(_ number: String, expiry: String = "12/30") throws -> String {
        let answer = try admin("POST", "/_emulador/tarjeta", ["numero": number, "vencimiento": expiry, "email": "pagos@cliente.pe"])
        return try #require((answer as? [String: Any])?["token"] as? String)
    }

    /// How many times the emulator actually took money for `order` (GET /_emulador/cargos).
    func charges(order: String) throws -> Int {
        let answer = try admin("GET", "/_emulador/cargos") as? [String: Any]
        return ((answer?["por_orden"] as? [String: Any])?[order] as? Int) ?? 0
    }

    func totalCharges() throws -> Int {
        ((try admin("GET", "/_emulador/cargos") as? [String: Any])?["total"] as? Int) ?? -1
    }

    /// The forms posted to /_emulador/buzon, waiting up to `seconds` for `count` of them.
    func mailbox(count: Int, seconds: Double = 3) throws -> [[String: String]] {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let list = (try admin("GET", "/_emulador/buzon") as? [[String: Any]]) ?? []
            let forms = list.compactMap { $0["campos"] as? [String: String] }
            if forms.count >= count || Date() > deadline { return forms }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

let customer = GatewayCustomer(email: "pagos@cliente.pe", reference: "20100070970", name: "Cliente Ejemplo S.A.C.")

func pen(_ text: String) throws -> GatewayAmount { try GatewayAmount(Money(Decimal(string: text)!, .pen)) }

/// An approved charge of S/ `amount` on a saved card, or the test fails.
func paid(_ client: any CardGateway, orderId: String, token: String, amount: String = "100.00") throws -> GatewayTransaction {
    let outcome = try client.charge(SavedCardCharge(orderId: orderId, amount: try pen(amount), cardToken: token, customer: customer))
    guard case .approved(let tx) = outcome else { throw GatewayError.indeterminate("no aprobado: \(outcome)") }
    return tx
}

/// A port where nothing listens (bound, then closed).
func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
    _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
    close(fd)
    return Int(UInt16(bigEndian: addr.sin_port))
}
