import BytekGateways
import BytekStore
import Foundation

/// How `bytek serve` was started: where it listens, the public address people use, which peers are
/// trusted proxies, limits, the login back-off and the hook senders' secrets.
public struct WebConfig: Sendable {
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    /// The address people use (`https://portal.bytek.pe`): `https` makes cookies `Secure`; links are built on it.
    public var publicURL = "http://127.0.0.1:8080"
    public var trustedProxies: [String] = []
    public var limits = ServerLimits()
    public var loginBaseDelay: TimeInterval = 1
    public var sessionLifetime: TimeInterval = 12 * 3600
    public var accessLog = true
    /// Hook sender name → its HMAC secret.
    public var hookSecrets: [String: [UInt8]] = [:]
    /// WhatsApp's webhook: `whatsapp_app_secret` (signatures) and `whatsapp_verify_token` (the handshake).
    public var whatsappAppSecret: [UInt8] = []
    public var whatsappVerifyToken = ""
    /// The card gateways configured in the secrets file (`GatewaySettings.gateways`): the portal's Pagar and
    /// Tarjetas pages appear when there is one.
    public var gateways: [any CardGateway] = []

    public init() {}

    public var secureCookies: Bool { publicURL.lowercased().hasPrefix("https://") }

    /// Reads `HOST:PORT` (`[::1]:8080` for IPv6); nil when malformed.
    public static func parseListen(_ text: String) -> (String, UInt16)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, let port = UInt16(text[text.index(after: colon)...]) else { return nil }
        return (host, port)
    }

    /// The public URL without a trailing slash; nil unless it is http(s)://host….
    public static func parsePublicURL(_ text: String) -> String? {
        var t = text
        while t.hasSuffix("/") { t.removeLast() }
        guard let url = URL(string: t), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else { return nil }
        return t
    }

    /// The hook secrets: `hook_secret_<sender>` in the secrets file, `BYTEK_HOOK_SECRET_<SENDER>` over it.
    public static func hookSecrets(environment: [String: String], secrets: Secrets? = nil, senders: [String]) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for s in senders {
            if let v = environment["BYTEK_HOOK_SECRET_" + s.uppercased()], !v.isEmpty { out[s] = Array(v.utf8) }
            else if let v = secrets?.value("hook_secret_" + s.lowercased()) { out[s] = Array(v.utf8) }
        }
        return out
    }
}
