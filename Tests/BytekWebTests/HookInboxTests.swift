import BytekModel
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// A gateway repeats its notifications: the hooks router queues one job per notification, keyed by the
/// sender's id (or the body's hash), and still answers every repeat.
@Suite("Hooks → jobs")
struct HookInboxTests {
    @Test("the same signed notification posted twice queues one job; another notification queues another")
    func repeatedNotificationQueuesOneJob() throws {
        let path = NSTemporaryDirectory() + "bytek-hooks-\(UUID().uuidString).sqlite"
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try Store(path: path)
        var config = WebConfig()
        config.hookSecrets = ["prueba": Array("secreto-123".utf8)]
        let app = try WebApp(config: config, databasePath: path)
        func post(_ text: String, id: String? = nil) -> HTTPResponse {
            let body = Array(text.utf8)
            let signature = "sha256=" + Sodium.hex(Sodium.hmacSHA256(key: Array("secreto-123".utf8), message: body))
            var headers = ["x-bytek-signature": signature]
            headers["x-bytek-id"] = id
            return app.handle(HTTPRequest(method: "POST", path: "/hooks/prueba", headers: headers, body: body))
        }
        func jobs() throws -> [Job] { try JobQueue(db: store.db).list(kind: HookInbox.kind(sender: "prueba")) }

        #expect(post(#"{"evento":"pago","monto":"150.00"}"#).status == 200)
        #expect(post(#"{"evento":"pago","monto":"150.00"}"#).status == 200)
        #expect(try jobs().count == 1)
        let payload = try #require(try jobs().first?.payload)
        #expect(payload.contains(#""emisor":"prueba""#))

        #expect(post(#"{"evento":"pago","monto":"99.00"}"#).status == 200)
        #expect(try jobs().count == 2)
        // The sender's own id decides when it gives one (a retry may differ in a timestamp).
        #expect(post(#"{"n":1,"t":"10:00"}"#, id: "ipn-77").status == 200)
        #expect(post(#"{"n":1,"t":"10:05"}"#, id: "ipn-77").status == 200)
        #expect(try jobs().count == 3)
        // An unsigned one queues nothing.
        #expect(app.handle(HTTPRequest(method: "POST", path: "/hooks/prueba", body: Array("x".utf8))).status == 401)
        #expect(try jobs().count == 3)
    }
}
