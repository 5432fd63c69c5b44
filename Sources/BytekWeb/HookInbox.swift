import BytekModel
import BytekStore
import Foundation

/// Where a verified notification goes: one job per notification, `aviso.<sender>`, with the sender's
/// notification id as idempotency key, so a gateway repeating a notification queues nothing new. The
/// id is the `X-Bytek-Id` header when the sender gives one, else the SHA-256 of the body (the same bytes
/// are the same notification). The request is answered as soon as the job is stored.
public struct HookInbox: Sendable {
    let pool: DatabasePool

    public static func kind(sender: String) -> String { "aviso." + sender }

    /// The idempotency key of a notification of `sender`.
    public static func key(sender: String, request: HTTPRequest) -> String {
        let given = (request.headers["x-bytek-id"] ?? "").trimmingCharacters(in: .whitespaces)
        let id = !given.isEmpty && given.utf8.count <= 200 ? given : "sha256:" + Sodium.hex(SHA256.digest(request.body))
        return kind(sender: sender) + ":" + id
    }

    /// Stores the notification as a job (or finds the one a repeat already stored).
    @discardableResult
    public func receive(sender: String, _ request: HTTPRequest) throws -> Job {
        let payload: [String: Any] = ["emisor": sender, "cuerpo": Data(request.body).base64EncodedString()]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys]), as: UTF8.self)
        return try pool.with { db in
            try JobQueue(db: db).enqueue(kind: Self.kind(sender: sender), payload: text,
                                         idempotencyKey: Self.key(sender: sender, request: request))
        }
    }
}
