import BytekGateways
import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// Pagar, the gateway's way back, the IPN and the card pages, asked of `WebApp` with the Izipay emulator
/// (Tests/GatewayEmulators) behind the real client.
@Suite("Portal: paying through the gateway", .serialized)
struct PortalPaymentRoutesTests {
    static let password = "testpassword_BYTEKemulador0001"

    /// The Izipay emulator on a free port, killed with the test.
    final class Emulator: @unchecked Sendable {
        let process = Process()
        var port = 0
        init() throws {
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("GatewayEmulators/izipay_emulator.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            process.arguments = [script, "--port", "0", "--ipn-delay", "30"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            while !text.hasSuffix("\n") {
                let byte = out.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty { break }
                text += String(decoding: byte, as: UTF8.self)
            }
            port = Int(text.dropFirst("LISTENING ".count).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        deinit { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        var base: String { "http://127.0.0.1:\(port)" }
        var client: IzipayClient {
            IzipayClient(IzipayConfig(baseURL: URL(string: base)!, shopId: "33148340", password: PortalPaymentRoutesTests.password,
                                      publicKey: "33148340:testpublickey_BYTEKemulador0001", hmacKey: "bytekhmacemulador0001",
                                      timeout: 10))
        }

        /// What the embedded form's script does when the person clicks Pagar: the fields it then posts.
        func pay(formToken: String, card: String) throws -> [String: String] {
            let body = try JSONSerialization.data(withJSONObject: [
                "publicKey": "33148340:testpublickey_BYTEKemulador0001", "formToken": formToken, "numero": card,
                "vencimiento": "12/30", "cvv": "123", "guardar": false])
            let answer = try GatewayHTTP(timeout: 10).send("POST", URL(string: base + "/_krypton/pay")!,
                                                          headers: ["Content-Type": "application/json"], body: body)
            let json = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any] ?? [:]
            return json.compactMapValues { $0 as? String }
        }
    }

    static func fixture(_ emulator: Emulator) throws -> PortalMoneyFixture {
        let f = try PortalMoneyFixture(gateways: [emulator.client])
        let fina = Services(store: f.store, actor: .staff("fina", role: .finanzas, door: .cli))
        let account = try fina.receivables.addBankAccount(bank: "BCP", number: "193-1234567-0-12", currency: .pen)
        try fina.cards(gateways: { _ in emulator.client }).setGatewayAccount(gateway: .izipay, currency: .pen, bankAccountId: account.id)
        return f
    }

    /// A factura of S/ 118.00 for Andina and the page Ana gets from "Pagar ahora" on it.
    func payPage(_ emulator: Emulator) throws -> (PortalMoneyFixture, HTTPResponse) {
        let f = try Self.fixture(emulator)
        _ = try f.factura(PortalMoneyFixture.andinaRUC, price: 100)
        let field = try #require(f.get("/c/\(f.andina)/pagar", as: f.ana).text.firstMatch(of: /name="(r[0-9]+)"/)?.output.1).description
        return (f, f.post("/c/\(f.andina)/pagar", as: f.ana, form: ["csrf": f.anaCSRF, field: "1", "pasarela": "izipay"]))
    }

    func value(_ name: String, in page: String) -> String? {
        page.firstMatch(of: try! Regex("\(name)=\"([^\"]*)\""))?.output[1].substring.map { String($0).replacingOccurrences(of: "&amp;", with: "&") }
    }

    func balance(_ f: PortalMoneyFixture) throws -> Money? {
        try Services(store: f.store, actor: .staff("fina", role: .finanzas, door: .cli)).receivables.balance(customerId: f.andina)[.pen] ?? .zero(.pen)
    }

    func charges(_ f: PortalMoneyFixture) throws -> Int { Int(try f.store.db.scalar("SELECT count(*) FROM card_charge").intValue ?? -1) }

    @Test("Pagar ahora: CSRF required; the pay page alone allows the gateway's origin; the way back needs its key; paid → settled, shown, never twice; another contact gets 404")
    func payNow() throws {
        let emulator = try Emulator()
        let f = try Self.fixture(emulator)
        let doc = try f.factura(PortalMoneyFixture.andinaRUC, price: 100)
        let list = f.get("/c/\(f.andina)/pagar", as: f.ana)
        #expect(list.status == 200 && list.header("Content-Security-Policy") == ContentPolicy.strict)
        let field = try #require(list.text.firstMatch(of: /name="(r[0-9]+)"/)?.output.1).description
        #expect(list.text.contains("F001-\(doc.number)") && list.text.contains("S/ 118.00"))

        for form in [[field: "1", "pasarela": "izipay"], [field: "1", "pasarela": "izipay", "csrf": "x"]] {
            #expect(f.post("/c/\(f.andina)/pagar", as: f.ana, form: form).status == 403)
        }
        #expect(try charges(f) == 0, "a refused form starts nothing")
        let none = f.post("/c/\(f.andina)/pagar", as: f.ana, form: ["csrf": f.anaCSRF, "pasarela": "izipay"])
        #expect(none.status == 422 && none.text.contains("Marque al menos un documento"))

        let pay = f.post("/c/\(f.andina)/pagar", as: f.ana, form: ["csrf": f.anaCSRF, field: "1", "pasarela": "izipay"])
        #expect(pay.status == 200)
        let csp = try #require(pay.header("Content-Security-Policy"))
        #expect(csp.contains("script-src \(emulator.base)") && csp.contains("connect-src \(emulator.base)"))
        #expect(pay.all("Content-Security-Policy").count == 1 && !csp.contains("unsafe"))
        let token = try #require(value("kr-form-token", in: pay.text))
        let back = try #require(value("kr-post-url-success", in: pay.text))
        let path = String(back.dropFirst(f.app.publicURL.count))
        let order = String(try #require(path.split(separator: "?").first).split(separator: "/").last!)
        let key = String(try #require(path.split(separator: "=").last))
        // Every other page keeps the strict policy.
        #expect(f.get("/c/\(f.andina)/pagar", as: f.ana).header("Content-Security-Policy") == ContentPolicy.strict)

        let fields = try emulator.pay(formToken: token, card: "4970100000000055")
        #expect(fields["estado"] == "PAID")
        let result = "/c/\(f.andina)/pagos/\(order)"
        func giveBack(_ k: String?, as cookie: String?) -> HTTPResponse {
            f.app.handle(HTTPRequest(method: "POST", path: result, query: k.map { ["k": $0] } ?? [:],
                                     cookies: cookie.map { [CookieJar.session: $0] } ?? [:], form: fields))
        }
        #expect(giveBack(nil, as: f.ana).status == 403 && giveBack(String(repeating: "0", count: 64), as: f.ana).status == 403)
        #expect(giveBack(key, as: nil).status == 403, "no session: refused")
        #expect(try balance(f) == Money(minorUnits: 11_800, .pen), "nothing recorded by refused returns")
        let done = giveBack(key, as: f.ana)
        #expect(done.status == 303 && done.header("Location") == result)
        #expect(try balance(f) == Money(minorUnits: 0, .pen))
        let shown = f.get(result, as: f.ana)
        #expect(shown.text.contains("Pago aprobado") && shown.text.contains("F001-\(doc.number) — pagado"))
        #expect(giveBack(key, as: f.ana).status == 303, "a reload shows the result")
        let payments = try f.store.db.scalar("SELECT count(*) FROM payment").intValue
        #expect(payments == 1, "paid once")
        #expect(f.get(result, as: f.gina).status == 404 && f.get("/c/\(f.gamma)/pagos/\(order)", as: f.gina).status == 404)
        #expect(!f.get("/c/\(f.andina)/pagar", as: f.ana).text.contains("F001-\(doc.number)"), "no longer offered")
    }

    @Test("IPN: a bad signature → 400 and nothing changes; good → 200 and the payment once, however many times it comes; no session or CSRF needed")
    func ipn() throws {
        let emulator = try Emulator()
        let (f, pay) = try payPage(emulator)
        let answer = try emulator.pay(formToken: try #require(value("kr-form-token", in: pay.text)), card: "4970100000000055")
        let raw = try #require(answer["kr-answer"])
        func ipn(key: String) -> HTTPResponse {
            f.post("/pagos/izipay/ipn", as: nil, form: [
                "kr-answer": raw, "kr-hash": Sodium.hex(Sodium.hmacSHA256(key: Array(key.utf8), message: Array(raw.utf8))),
                "kr-hash-algorithm": "sha256_hmac", "kr-hash-key": "password", "kr-answer-type": "V4/Payment"])
        }
        #expect(ipn(key: "otra-clave").status == 400)
        #expect(try balance(f) == Money(minorUnits: 11_800, .pen))
        #expect(ipn(key: Self.password).status == 200)
        #expect(ipn(key: Self.password).status == 200, "the same IPN again")
        #expect(try balance(f) == Money(minorUnits: 0, .pen))
        #expect(try f.store.db.scalar("SELECT count(*) FROM payment").intValue == 1)
        #expect(f.post("/pagos/niubiz/ipn", as: nil, form: [:]).status == 404, "a gateway not configured")
    }

    @Test("a refused card: the result says why in Spanish and offers another card; cards: every POST needs CSRF, another customer's card is 404")
    func declinedAndCards() throws {
        let emulator = try Emulator()
        let (f, pay) = try payPage(emulator)
        let back = try #require(value("kr-post-url-refused", in: pay.text))
        let answer = try emulator.pay(formToken: try #require(value("kr-form-token", in: pay.text)), card: "4970100000000113")
        #expect(answer["estado"] != "PAID")
        let path = String(back.dropFirst(f.app.publicURL.count))
        let parts = path.split(separator: "?")
        let r = f.app.handle(HTTPRequest(method: "POST", path: String(parts[0]), query: ["k": String(parts[1].dropFirst(2))],
                                         cookies: [CookieJar.session: f.ana], form: answer))
        #expect(r.status == 303)
        let shown = f.get(String(parts[0]), as: f.ana).text
        #expect(shown.contains("Pago rechazado") && shown.contains("Operación denegada por el banco") && shown.contains("Intentar con otra tarjeta"))
        #expect(try balance(f) == Money(minorUnits: 11_800, .pen))

        #expect(f.post("/c/\(f.andina)/tarjetas", as: f.ana, form: ["pasarela": "izipay"]).status == 403)
        let save = f.post("/c/\(f.andina)/tarjetas", as: f.ana, form: ["csrf": f.anaCSRF, "pasarela": "izipay"])
        #expect(save.status == 200 && save.text.contains("kr-form-token") && save.header("Content-Security-Policy")?.contains(emulator.base) == true)
        #expect(f.get("/c/\(f.andina)/tarjetas", as: f.ana).header("Content-Security-Policy") == ContentPolicy.strict)
        #expect(f.post("/c/\(f.andina)/tarjetas/1/quitar", as: f.ana, form: [:]).status != 200)
        #expect(f.get("/c/\(f.andina)/tarjetas/999/quitar", as: f.ana).status == 404)
        #expect(f.get("/c/\(f.andina)/tarjetas", as: f.gina).status == 404)
        // Autopay: CSRF, only the customer's own cards.
        #expect(f.post("/c/\(f.andina)/tarjetas/autopago", as: f.ana, form: ["tarjeta": ""]).status == 403)
        #expect(f.post("/c/\(f.andina)/tarjetas/autopago", as: f.ana, form: ["csrf": f.anaCSRF, "tarjeta": "999"]).status == 404)
        let off = f.post("/c/\(f.andina)/tarjetas/autopago", as: f.ana, form: ["csrf": f.anaCSRF, "tarjeta": ""])
        #expect(off.status == 303 && off.header("Location") == "/c/\(f.andina)/tarjetas?autopago=1")
    }
}
