import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

@Suite("BytekWeb pieces")
struct WebUnitTests {
    @Test("X-Forwarded-* are believed only from trusted proxies, walking the chain from the right")
    func clientAddress() {
        let none = ClientAddress(trustedProxies: [])
        #expect(none.resolve(peer: "10.0.0.9", forwardedFor: "1.2.3.4", forwardedProto: "https") == ("10.0.0.9", "http"))
        let proxy = ClientAddress(trustedProxies: ["127.0.0.1", "10.0.0.2"])
        #expect(proxy.resolve(peer: "127.0.0.1", forwardedFor: "6.6.6.6, 1.2.3.4, 10.0.0.2", forwardedProto: "https")
            == ("1.2.3.4", "https"))
        #expect(proxy.resolve(peer: "127.0.0.1", forwardedFor: nil, forwardedProto: nil) == ("127.0.0.1", "http"))
    }

    @Test("the login delay grows per failure and is shared by account and address")
    func throttleGrows() {
        final class Clock: @unchecked Sendable { var t = Date(timeIntervalSince1970: 1_000_000) }
        let clock = Clock()
        let throttle = LoginThrottle(baseDelay: 2, freeFailures: 3, maxDelay: 60, now: { clock.t })
        for _ in 1...2 { throttle.failed(account: "ana", address: "1.1.1.1") }
        #expect(throttle.wait(account: "ana", address: "9.9.9.9") == 0)
        throttle.failed(account: "ana", address: "1.1.1.1")
        #expect(throttle.wait(account: "ANA", address: "9.9.9.9") == 2)
        #expect(throttle.wait(account: "otra", address: "1.1.1.1") == 2)
        #expect(throttle.wait(account: "otra", address: "9.9.9.9") == 0)
        throttle.failed(account: "ana", address: "1.1.1.1")
        #expect(throttle.wait(account: "ana", address: "9.9.9.9") == 4)
        for _ in 1...20 { throttle.failed(account: "ana", address: "1.1.1.1") }
        #expect(throttle.wait(account: "ana", address: "9.9.9.9") == 60, "capped")
        throttle.succeeded(account: "ana")
        #expect(throttle.wait(account: "ana", address: "9.9.9.9") == 0)
    }

    @Test("HTML escaping covers the five characters")
    func escaping() {
        #expect(HTML.escape(#"<a href="x">'Ñ' & b</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;Ñ&#39; &amp; b&lt;/a&gt;")
    }

    @Test("hook signatures: HMAC-SHA256 (RFC 4231 case 2), wrong or missing secret or format refused")
    func hookSignature() {
        let body = Array("what do ya want for nothing?".utf8)
        let expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        #expect(Sodium.hex(Sodium.hmacSHA256(key: Array("Jefe".utf8), message: body)) == expected)
        #expect(HookRouter.verify(signature: "sha256=" + expected, body: body, secret: Array("Jefe".utf8)))
        #expect(HookRouter.verify(signature: "sha256=" + expected.uppercased(), body: body, secret: Array("Jefe".utf8)))
        #expect(!HookRouter.verify(signature: "sha256=" + expected, body: body, secret: nil))
        #expect(!HookRouter.verify(signature: "sha256=" + expected, body: body + [0], secret: Array("Jefe".utf8)))
        #expect(!HookRouter.verify(signature: expected, body: body, secret: Array("Jefe".utf8)))
        #expect(!HookRouter.verify(signature: "sha256=zz", body: body, secret: Array("Jefe".utf8)))
    }

    @Test("Argon2id: verify accepts the password and refuses another; the string names argon2id")
    func passwordHash() throws {
        let hasher = PasswordHasher()
        let h = try hasher.hash("contraseña-ñandú")
        #expect(h.hasPrefix("$argon2id$"))
        #expect(hasher.verify("contraseña-ñandú", against: h))
        #expect(!hasher.verify("contraseña-nandu", against: h))
        #expect(!hasher.verify("", against: h))
    }

    @Test("at most two Argon2id hashes run at once, however many logins arrive together")
    func twoHashesAtOnce() throws {
        let hasher = PasswordHasher()
        let stored = try hasher.hash("una-clave-cualquiera")
        let done = DispatchSemaphore(value: 0)
        for _ in 1...6 {  // real threads, not the 2-wide pool of concurrentPerform on a 2-core machine
            Thread.detachNewThread { _ = hasher.verify("otra", against: stored); done.signal() }
        }
        for _ in 1...6 { done.wait() }
        #expect(hasher.peak == PasswordHasher.concurrentHashes)
    }

    @Test("days in Spanish, weekday included")
    func spanishDate() {
        #expect(SpanishDate.long(LocalDate(year: 2026, month: 12, day: 3)!) == "jueves 3 de diciembre de 2026")
        #expect(SpanishDate.long(LocalDate(year: 2024, month: 2, day: 29)!) == "jueves 29 de febrero de 2024")
        #expect(SpanishDate.long(LocalDate(year: 1969, month: 12, day: 31)!) == "miércoles 31 de diciembre de 1969")
    }

    @Test("--listen and --public-url parsing")
    func options() {
        #expect(WebConfig.parseListen("127.0.0.1:8080")! == ("127.0.0.1", 8080))
        #expect(WebConfig.parseListen("[::1]:0")! == ("::1", 0))
        #expect(WebConfig.parseListen("127.0.0.1") == nil)
        #expect(WebConfig.parseListen("127.0.0.1:70000") == nil)
        #expect(WebConfig.parsePublicURL("https://portal.bytek.pe/") == "https://portal.bytek.pe")
        #expect(WebConfig.parsePublicURL("ftp://x") == nil)
        #expect(WebConfig.parsePublicURL("portal.bytek.pe") == nil)
    }

    @Test("an invitation is valid 72 hours and once; the store keeps only hashes")
    func invitationLifetime() throws {
        let path = NSTemporaryDirectory() + "bytek-web-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        _ = try CustomerRepository(db: store.db, user: "t").create(Customer(
            docType: .ruc, docNumber: RUC.complete("2010007097")!, legalName: "Andina",
            contacts: [Contact(name: "Ana", email: "ana@andina.pe")]))
        let portal = Services(store: store, actor: .staff("admin", role: .admin, door: .cli)).portalAccounts
        let invited = try portal.inviteContact(email: " Ana@Andina.pe ", publicURL: "https://portal.bytek.pe")
        let token = String(try #require(invited.link).dropFirst("https://portal.bytek.pe/clave?t=".count))
        #expect(token.count == 43)
        let stored = try store.db.scalar("SELECT token_hash FROM portal_invite").stringValue
        #expect(stored == Sodium.sha256Hex(token) && stored != token)
        let hash = Sodium.sha256Hex(token)
        let at = { (hours: Double) in PortalRepository(db: store.db, user: "t", now: { Date().addingTimeInterval(hours * 3600) }) }
        #expect(try at(71.9).invitedAccount(tokenHash: hash) != nil)
        #expect(try at(72.1).invitedAccount(tokenHash: hash) == nil)
        #expect(try at(72.1).setPassword(tokenHash: hash, passwordHash: "x") == false)
        #expect(try at(0).setPassword(tokenHash: hash, passwordHash: "x") == true)
        #expect(try at(0).invitedAccount(tokenHash: hash) == nil, "single use")
        #expect(throws: PortalInvitations.Problem.self) {
            try portal.inviteContact(email: "nadie@ejemplo.pe", publicURL: "http://x")
        }
    }
}
