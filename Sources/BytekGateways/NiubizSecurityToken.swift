import Foundation

/// Niubiz's security token: obtained with Basic auth (the raw body is the token), sent back as
/// `Authorization: <token>` with no "Bearer", kept until shortly before it expires and then renewed.
/// Its lifetime is read from the JWT (`exp − iat`) and measured on our clock from when we got it, so a skewed
/// server clock does not matter; a token that is not a readable JWT is kept 55 minutes.
final class NiubizSecurityToken: @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var token: String?
    private var renewAt: Date = .distantPast
    private var obtained = 0

    /// How many tokens were obtained so far.
    var count: Int { lock.withLock { obtained } }

    /// The cached token, or a new one from `fetch` when there is none or it is about to expire.
    func current(now: Date, fetch: () throws(GatewayError) -> String) throws(GatewayError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let token, now < renewAt { return token }
        let fresh = try fetch()
        let lifetime = Self.lifetime(of: fresh) ?? 55 * 60
        // Renewed a minute early, or a fifth of its life when it lives less than five minutes.
        renewAt = now.addingTimeInterval(lifetime - min(60, lifetime / 5))
        token = fresh
        obtained += 1
        return fresh
    }

    /// Forgets the token (the gateway answered 401: it expired or was revoked).
    func invalidate() { lock.withLock { token = nil } }

    /// `exp − iat` of a JWT, in seconds.
    static func lifetime(of jwt: String) -> TimeInterval? {
        let parts = jwt.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var b64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while b64.count % 4 != 0 { b64 += "=" }
        guard let data = Data(base64Encoded: b64), let claims = GatewayJSONObject(data: data),
              let exp = claims.int64("exp"), let iat = claims.int64("iat"), exp > iat else { return nil }
        return TimeInterval(exp - iat)
    }
}
