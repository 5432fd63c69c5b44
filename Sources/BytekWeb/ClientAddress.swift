/// Who is asking: the peer's address, or — only when the peer is one of the trusted proxies — the
/// nearest untrusted address in X-Forwarded-For, and X-Forwarded-Proto for the scheme.
public struct ClientAddress: Sendable {
    public let trustedProxies: Set<String>

    public init(trustedProxies: [String]) { self.trustedProxies = Set(trustedProxies) }

    public func resolve(peer: String, forwardedFor: String?, forwardedProto: String?) -> (address: String, scheme: String) {
        guard trustedProxies.contains(peer) else { return (peer, "http") }
        var address = peer
        if let chain = forwardedFor {
            // Walk from the right: each hop appended the address it saw; stop at the first we do not trust.
            let hops = chain.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for hop in hops.reversed() {
                address = hop
                if !trustedProxies.contains(hop) { break }
            }
        }
        let proto = forwardedProto?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        return (address, proto == "https" ? "https" : "http")
    }
}
