import Foundation

/// One line per request on stderr: time, client, method, path (never the query string, which may carry
/// a one-time token), status and milliseconds. Never cookies, bodies or passwords.
public struct AccessLog: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    public static func line(at: Date, client: String, method: String, path: String, status: Int, millis: Int) -> String {
        let safePath = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let printable = String(safePath.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : Character($0) })
        return "\(ISO8601DateFormatter().string(from: at)) \(client) \(method) \(printable) \(status) \(millis)ms"
    }

    public func write(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
