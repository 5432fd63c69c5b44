import CCurl
import Foundation

/// An e-mail with attachments, sent as multipart/mixed built by libcurl's MIME API (never by hand): the text
/// part in UTF-8 (quoted-printable), each attachment base64 with its file name and media type.
public struct MIMEMail: Sendable {
    public struct Attachment: Sendable, Hashable {
        public var filename: String
        public var mediaType: String
        public var bytes: [UInt8]
        public init(filename: String, mediaType: String, bytes: [UInt8]) {
            self.filename = filename; self.mediaType = mediaType; self.bytes = bytes
        }
    }

    public var from: String
    public var to: [String]
    public var subject: String
    public var text: String
    public var attachments: [Attachment]
    public var date: Date

    public init(from: String, to: [String], subject: String, text: String, attachments: [Attachment] = [], date: Date) {
        self.from = from; self.to = to; self.subject = subject; self.text = text; self.attachments = attachments; self.date = date
    }

    /// A header value as RFC 2047 encoded words when it is not plain ASCII ("Factura F001-7 — ñandú"), each word
    /// at most 75 characters, cut only between whole UTF-8 characters.
    public static func encodedWords(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: " ")
    }

    /// The top-level header lines.
    func headers(fromAddress: String) -> [String] {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let domain = fromAddress.split(separator: "@").last.map(String.init) ?? "localhost"
        return ["From: \(from)", "To: " + to.map { "<\($0)>" }.joined(separator: ", "),
                "Subject: " + Self.encodedWords(subject), "Date: \(formatter.string(from: date))",
                "Message-ID: <\(Sodium.token())@\(domain)>", "MIME-Version: 1.0"]
    }

    /// Sends it through the SMTP server of `settings` to every address in `to`.
    public func send(settings: SMTPSettings, timeoutSeconds: Int = 60) throws {
        var error = [CChar](repeating: 0, count: Int(bytek_curl_error_size()))
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        func c(_ s: String) -> UnsafePointer<CChar> { let p = strdup(s)!; strings.append(p); return UnsafePointer(p) }
        let rcpts: [UnsafePointer<CChar>?] = to.map { c("<\($0)>") }
        let headerLines: [UnsafePointer<CChar>?] = headers(fromAddress: settings.fromAddress).map { c($0) }
        let textBytes = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let buffers: [[UInt8]] = [textBytes] + attachments.map(\.bytes)
        let rc: Int32 = withPinned(buffers) { pointers in
            var parts: [bytek_mail_part] = [
                bytek_mail_part(data: pointers[0], size: textBytes.count, filename: nil,
                                type: c("text/plain; charset=UTF-8"), encoder: c("quoted-printable"))]
            for (i, a) in attachments.enumerated() {
                parts.append(bytek_mail_part(data: pointers[i + 1], size: a.bytes.count, filename: c(a.filename),
                                             type: c(a.mediaType), encoder: c("base64")))
            }
            return bytek_smtp_send_mime(settings.url, settings.user, settings.password, settings.requireTLS ? 1 : 0,
                                        timeoutSeconds, "<\(settings.fromAddress)>", rcpts, Int32(rcpts.count),
                                        headerLines, Int32(headerLines.count), parts, Int32(parts.count), &error)
        }
        guard rc == 0 else {
            throw SMTPClient.Failure(code: rc, detail: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }

    /// Calls `body` with a stable pointer to each buffer's bytes (as C chars).
    private func withPinned<R>(_ buffers: [[UInt8]], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var copies: [UnsafeMutablePointer<CChar>] = []
        defer { copies.forEach { $0.deallocate() } }
        for b in buffers {
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: max(b.count, 1))
            b.withUnsafeBufferPointer { src in
                if let base = src.baseAddress { p.withMemoryRebound(to: UInt8.self, capacity: b.count) { $0.update(from: base, count: b.count) } }
            }
            copies.append(p)
        }
        return body(copies.map { UnsafePointer($0) })
    }
}
