import Foundation

/// The one clock of the process. Normally the system's; when `BYTEK_CLOCK_FILE` names a file holding an
/// ISO-8601 instant (`2026-12-01T05:10:00Z`), that instant — re-read on every call, so a test moves time by
/// rewriting the file. The `bytek` binary, its worker (job queue, schedules), the date rules of issuing and
/// the operations layer all take "now" from here; so does the SUNAT emulator when started with the file.
public enum ProcessClock {
    /// The file named by the environment at start (nil: the system clock).
    public static let file: String? = {
        let path = ProcessInfo.processInfo.environment["BYTEK_CLOCK_FILE"] ?? ""
        return path.isEmpty ? nil : path
    }()

    /// Now, by the file when there is one (the system clock if it cannot be read).
    public static func now() -> Date {
        guard let file else { return Date() }
        return read(file) ?? Date()
    }

    /// The instant in `path`, or nil.
    public static func read(_ path: String) -> Date? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if let d = ISOTimestamp.parse(text) { return d }
        let f = ISO8601DateFormatter()
        return f.date(from: text)
    }

    /// Milliseconds since 1970 by `now()`: the worker's clock.
    public static func milliseconds() -> Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
}
