/// The Content-Security-Policy of a page. Every page keeps the strict one of `HTTPResponse.securityHeaders`;
/// the pay and save-card pages (and only them) add exactly the origins of the configured gateway, because
/// the gateway's embedded form is the gateway's own script, frame and calls.
enum ContentPolicy {
    /// The strict policy: no script at all, styles and images from us only.
    static var strict: String {
        HTTPResponse.securityHeaders.first { $0.0 == "Content-Security-Policy" }?.1 ?? "default-src 'none'"
    }

    /// An origin as a CSP source: `https://host[:port]` (or `http://` for the loopback emulators), nothing
    /// else, so a configured value can never add a directive or a keyword to the policy.
    static func isOrigin(_ text: String) -> Bool {
        let scheme: String
        if text.hasPrefix("https://") { scheme = "https://" }
        else if text.hasPrefix("http://127.0.0.1:") || text.hasPrefix("http://localhost:") { scheme = "http://" }
        else { return false }
        let rest = text.dropFirst(scheme.count)
        guard !rest.isEmpty, rest.count <= 253 else { return false }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }) else { return false }
        if parts.count == 2 { return !parts[1].isEmpty && parts[1].count <= 5 && parts[1].allSatisfy(\.isASCII) && UInt16(parts[1]) != nil }
        return true
    }

    /// The strict policy with the gateway's origins allowed where an embedded form needs them: its script,
    /// its frames, its calls, its styles, images and fonts, and the form posts it makes. No inline script or
    /// style, no `eval`; anything that is not a plain origin is left out.
    static func checkout(allowing origins: [String]) -> String {
        var seen = Set<String>()
        let sources = origins.filter { isOrigin($0) && seen.insert($0).inserted }.joined(separator: " ")
        guard !sources.isEmpty else { return strict }
        return "default-src 'none'; script-src \(sources); frame-src \(sources); connect-src \(sources); "
            + "style-src 'self' \(sources); img-src 'self' data: \(sources); font-src \(sources); "
            + "form-action 'self' \(sources); base-uri 'none'; frame-ancestors 'none'"
    }
}

extension HTTPResponse {
    /// What is sent: the security headers, except those the response sets itself (its own policy), then the
    /// response's headers.
    var headersToSend: [(String, String)] {
        let own = Set(headers.map { $0.0.lowercased() })
        return HTTPResponse.securityHeaders.filter { !own.contains($0.0.lowercased()) } + headers
    }

    /// This page may run the gateway's embedded form from `origins` (the pay and save-card pages only).
    mutating func allowCheckout(from origins: [String]) {
        headers.append(("Content-Security-Policy", ContentPolicy.checkout(allowing: origins)))
    }

    /// A file to save, under the name SUNAT gives it.
    static func attachment(_ bytes: [UInt8], type: String, fileName: String) -> HTTPResponse {
        var r = HTTPResponse(status: 200, contentType: type, body: bytes)
        let safe = String(fileName.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 })
        r.headers.append(("Content-Disposition", "attachment; filename=\"\(safe)\""))
        return r
    }
}
