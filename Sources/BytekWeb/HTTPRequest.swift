import Foundation

/// One request as the handlers see it: the client address already resolved through the trusted proxies,
/// header names lower-cased, the body raw (hooks sign it) and, for forms, its fields.
public struct HTTPRequest: Sendable {
    public var method: String
    /// The path without the query string.
    public var path: String
    public var query: [String: String]
    public var headers: [String: String]
    public var cookies: [String: String]
    public var form: [String: String]
    public var body: [UInt8]
    /// The address of the person (X-Forwarded-For when the peer is a trusted proxy).
    public var clientAddress: String
    /// "https" when the connection (or a trusted proxy's X-Forwarded-Proto) says so.
    public var scheme: String

    public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:],
                cookies: [String: String] = [:], form: [String: String] = [:], body: [UInt8] = [],
                clientAddress: String = "127.0.0.1", scheme: String = "http") {
        self.method = method; self.path = path; self.query = query; self.headers = headers; self.cookies = cookies
        self.form = form; self.body = body; self.clientAddress = clientAddress; self.scheme = scheme
    }

    /// The path split on "/", empty parts dropped.
    public var segments: [String] { path.split(separator: "/").map(String.init) }
}
