import Foundation

/// A response: status, headers (several `Set-Cookie` allowed) and body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// A file on disk sent as the body instead of `body`, read by the server as it sends (never held in memory).
    public var filePath: String? = nil

    public init(status: Int, contentType: String, body: [UInt8]) {
        self.status = status
        self.headers = [("Content-Type", contentType)]
        self.body = body
    }

    public static func html(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(text.utf8))
    }

    public static func text(_ text: String, status: Int) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    public static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json", body: Array(text.utf8))
    }

    /// 303 See Other to `location` (after a POST, so a reload does not post again).
    public static func redirect(_ location: String) -> HTTPResponse {
        var r = HTTPResponse(status: 303, contentType: "text/plain; charset=utf-8", body: [])
        r.headers.append(("Location", location))
        return r
    }

    /// The file at `path` as a download named `fileName`, streamed from disk.
    public static func file(_ path: String, type: String, fileName: String) -> HTTPResponse {
        var r = HTTPResponse.attachment([], type: type, fileName: fileName)
        r.filePath = path
        // Names with accents ("diseño.pdf") keep them through RFC 5987's filename* (the plain one stays ASCII).
        if let encoded = fileName.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_")),
           let i = r.headers.lastIndex(where: { $0.0 == "Content-Disposition" }) {
            r.headers[i].1 += "; filename*=UTF-8''" + encoded
        }
        return r
    }

    public mutating func setCookie(_ cookie: String) { headers.append(("Set-Cookie", cookie)) }

    /// The headers every response carries: no inline scripts or styles, no framing, no sniffing, no referrer
    /// (links carry one-time tokens), and no caching of pages that show personal data.
    public static let securityHeaders: [(String, String)] = [
        ("Content-Security-Policy",
         "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
    ]
}
