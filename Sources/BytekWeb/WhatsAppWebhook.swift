import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// WhatsApp's status webhook on `bytek serve`:
/// - `GET /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…` echoes the challenge when the
///   verify token is ours (`whatsapp_verify_token`), 403 otherwise;
/// - `POST /webhooks/whatsapp` checks `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>` in
///   constant time (401 otherwise), then applies each status (sent, delivered, read, failed) to its message by
///   wamid, deduplicated on (wamid, status), never backwards; a failure queues the fallback e-mail once.
///   200 once applied; 503 when the database could not take it (WhatsApp retries).
public struct WhatsAppWebhook: Sendable {
    public let appSecret: [UInt8]
    public let verifyToken: String
    let pool: DatabasePool

    init(appSecret: [UInt8], verifyToken: String, pool: DatabasePool) {
        self.appSecret = appSecret; self.verifyToken = verifyToken; self.pool = pool
    }

    func handle(_ r: HTTPRequest) -> HTTPResponse {
        switch r.method {
        case "GET": return verify(r)
        case "POST": return receive(r)
        default: return .json("{\"error\":\"método no permitido\"}", status: 405)
        }
    }

    func verify(_ r: HTTPRequest) -> HTTPResponse {
        let given = Array((r.query["hub.verify_token"] ?? "").utf8)
        guard r.query["hub.mode"] == "subscribe", !verifyToken.isEmpty, let challenge = r.query["hub.challenge"],
              Sodium.constantTimeEqual(Array(verifyToken.utf8), given) else {
            return .text("prohibido", status: 403)
        }
        return .text(challenge, status: 200)
    }

    func receive(_ r: HTTPRequest) -> HTTPResponse {
        guard Self.verify(signature: r.headers["x-hub-signature-256"], body: r.body, secret: appSecret) else {
            return .json("{\"error\":\"firma inválida\"}", status: 401)
        }
        guard let reports = WhatsAppStatusReport.parse(r.body) else { return .json("{\"ok\":true,\"estados\":0}") }
        let mapped = reports.map { report -> (wamid: String, status: MessageStatus, reason: String) in
            let status: MessageStatus
            switch report.status {
            case .sent: status = .enviado
            case .delivered: status = .entregado
            case .read: status = .leido
            case .failed: status = .fallido
            }
            let reason = report.status == .failed
                ? "WhatsApp no pudo entregarlo" + (report.errorCode.map { " (\($0))" } ?? "") + (report.errorTitle.isEmpty ? "" : ": \(report.errorTitle)")
                : ""
            return (report.wamid, status, reason)
        }
        do {
            let outcomes = try pool.with { db in
                try Services(store: Store(opened: db), actor: Actor(.worker, door: .web)).messages.applyReports(mapped)
            }
            let applied = outcomes.filter { if case .applied = $0 { return true } else { return false } }.count
            return .json("{\"ok\":true,\"estados\":\(reports.count),\"aplicados\":\(applied)}")
        } catch {
            return .json("{\"error\":\"no se pudo registrar; reintente\"}", status: 503)
        }
    }

    public static func verify(signature: String?, body: [UInt8], secret: [UInt8]) -> Bool {
        guard !secret.isEmpty, let signature, signature.lowercased().hasPrefix("sha256="),
              let given = Sodium.unhex(String(signature.dropFirst(7)).lowercased()) else { return false }
        return Sodium.constantTimeEqual(Sodium.hmacSHA256(key: secret, message: body), given)
    }
}
