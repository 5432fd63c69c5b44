/// Machines calling in (`POST /hooks/<sender>`). The signature is checked before a handler runs:
/// `X-Bytek-Signature: sha256=<hex HMAC-SHA256 of the raw body with the sender's secret>`, compared in
/// constant time; 401 otherwise (also when the sender has no secret configured). A verified notification
/// becomes a job first (`HookInbox`: a repeated one queues nothing new), then the sender's handler answers.
public struct HookRouter: Sendable {
    public typealias Handler = @Sendable ([UInt8]) -> HTTPResponse

    /// The senders this version knows. `prueba` only answers what it received (for tests and set-up checks).
    public static let senders: [String: Handler] = [
        "prueba": { body in .json("{\"ok\":true,\"bytes\":\(body.count)}") },
    ]

    public let secrets: [String: [UInt8]]
    /// Where verified notifications are queued (nil: nowhere, for a router without a database).
    let inbox: HookInbox?
    public init(secrets: [String: [UInt8]], inbox: HookInbox? = nil) { self.secrets = secrets; self.inbox = inbox }

    public func handle(sender: String, _ request: HTTPRequest) -> HTTPResponse {
        guard let handler = Self.senders[sender] else { return .json("{\"error\":\"no encontrado\"}", status: 404) }
        guard request.method == "POST" else { return .json("{\"error\":\"use POST\"}", status: 405) }
        guard Self.verify(signature: request.headers["x-bytek-signature"], body: request.body, secret: secrets[sender]) else {
            return .json("{\"error\":\"firma inválida\"}", status: 401)
        }
        do {
            try inbox?.receive(sender: sender, request)
        } catch {
            // Not stored: the sender must try again later.
            return .json("{\"error\":\"no se pudo registrar el aviso; reintente\"}", status: 503)
        }
        return handler(request.body)
    }

    public static func verify(signature: String?, body: [UInt8], secret: [UInt8]?) -> Bool {
        guard let secret, !secret.isEmpty, let signature, signature.hasPrefix("sha256="),
              let given = Sodium.unhex(String(signature.dropFirst(7))) else { return false }
        return Sodium.constantTimeEqual(Sodium.hmacSHA256(key: secret, message: body), given)
    }
}
