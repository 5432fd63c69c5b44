import CCurl

/// Sends one message through SMTP with libcurl (STARTTLS as the settings say).
public enum SMTPClient {
    public struct Failure: Error, CustomStringConvertible {
        public let code: Int32
        public let detail: String
        public var description: String { "no se pudo enviar el correo (SMTP, código \(code)): \(detail)" }
    }

    public static func send(_ message: String, to recipient: String, settings: SMTPSettings, timeoutSeconds: Int = 30) throws {
        var error = [CChar](repeating: 0, count: Int(bytek_curl_error_size()))
        let bytes = Array(message.utf8)
        let rc = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                bytek_smtp_send(settings.url, settings.user, settings.password, settings.requireTLS ? 1 : 0,
                                timeoutSeconds, "<\(settings.fromAddress)>", "<\(recipient)>", chars.baseAddress,
                                chars.count, &error)
            }
        }
        guard rc == 0 else {
            throw Failure(code: rc, detail: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
    }
}
