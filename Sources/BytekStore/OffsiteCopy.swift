import Foundation

/// The off-site copy: a command the administrator configures (`bytek backup offsite set rsync -a {archivo}
/// respaldo@otro-host:/srv/bytek/`) that the nightly job runs after writing its archive. It runs without a
/// shell: the words are the program and its arguments as given, `{archivo}` is replaced by the archive's
/// path (appended at the end when no word holds it). Its environment is the worker's without any
/// `BYTEK_SECRET_*`/SOL/certificate variable; its exit status, duration and the end of its error output
/// (secrets removed) are recorded (`BackupLog.Offsite`).
public enum OffsiteCopy {
    public static let settingKey = "respaldo.copia_externa"
    public static let placeholder = "{archivo}"
    /// Seconds before the command is stopped.
    public static let defaultTimeout: TimeInterval = 3600
    static let tailBytes = 2000
    /// How much of the error output is read (from its end) before secrets are removed and it is cut.
    static let readBytes = 256 * 1024

    /// The configured command, nil when none.
    public static func command(db: Database) throws -> [String]? {
        guard let text = try SettingsRepository(db: db).value(settingKey), !text.isEmpty else { return nil }
        guard let words = try? JSONDecoder().decode([String].self, from: Data(text.utf8)), !words.isEmpty else { return nil }
        return words
    }

    /// Saves the command (nil or empty clears it).
    public static func setCommand(_ words: [String]?, db: Database) throws {
        let text: String
        if let words, !words.isEmpty {
            text = String(decoding: try JSONEncoder().encode(words), as: UTF8.self)
        } else {
            text = ""
        }
        try SettingsRepository(db: db).set(settingKey, text)
    }

    /// The program's path: as given when it holds a «/», else the first match in `$PATH`.
    public static func resolve(_ program: String, environment: [String: String]) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let path = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") {
            return "\(dir)/\(program)"
        }
        return nil
    }

    /// The arguments with the archive path in place of `{archivo}` (or appended).
    public static func arguments(_ command: [String], archive: String) -> [String] {
        let rest = Array(command.dropFirst())
        guard rest.contains(where: { $0.contains(placeholder) }) else { return rest + [archive] }
        return rest.map { $0.replacingOccurrences(of: placeholder, with: archive) }
    }

    /// The environment the command gets: the worker's, without secrets.
    static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        let legacy = Set(Secrets.legacyEnvironment.values)
        return environment.filter { !$0.key.hasPrefix(Secrets.environmentPrefix) && !legacy.contains($0.key) }
    }

    /// Runs the command for `archive` and waits for it (stopping it after `timeout`).
    public static func run(_ command: [String], archive: String, environment: [String: String],
                           redact: (String) -> String, timeout: TimeInterval = defaultTimeout,
                           nowMs: () -> Int64) -> BackupLog.Offsite {
        let start = nowMs()
        func result(_ status: Int32?, _ tail: String) -> BackupLog.Offsite {
            // Secrets are taken out before the text is cut, so a value cut in half cannot slip through.
            BackupLog.Offsite(atMs: start, durationMs: max(0, nowMs() - start), exitStatus: status, ok: status == 0,
                              archive: archive, stderrTail: lastLines(redact(tail)))
        }
        guard let program = command.first, let executable = resolve(program, environment: environment) else {
            return result(nil, "no se encontró el programa «\(command.first ?? "")» (ni en el PATH)")
        }
        let errPath = NSTemporaryDirectory() + "bytek-copia-externa-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: errPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let errHandle = FileHandle(forWritingAtPath: errPath) else {
            return result(nil, "no se pudo crear un archivo temporal para su salida de error")
        }
        defer { try? errHandle.close(); try? FileManager.default.removeItem(atPath: errPath) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments(command, archive: archive)
        process.environment = childEnvironment(environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errHandle
        do { try process.run() } catch {
            return result(nil, "no se pudo iniciar \(executable): \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                process.terminate()
                let grace = Date().addingTimeInterval(5)
                while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.05) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        var tail = readTail(errPath)
        if timedOut { tail += (tail.isEmpty ? "" : "\n") + "detenido tras \(Int(timeout)) s sin terminar" }
        let status: Int32? = timedOut || process.terminationReason != .exit ? nil : process.terminationStatus
        return result(status, tail)
    }

    /// The end of the file (at most `readBytes`, from a line start), as text.
    static func readTail(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return "" }
        var text = String(decoding: data.suffix(readBytes), as: UTF8.self)
        if data.count > readBytes, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        return text
    }

    /// The last ten lines, at most `tailBytes` of them.
    static func lastLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(10).map(String.init)
        while lines.count > 1 && lines.reduce(0, { $0 + $1.utf8.count + 1 }) > tailBytes { lines.removeFirst() }
        if let only = lines.first, lines.count == 1, only.utf8.count > tailBytes {
            return "…" + String(decoding: Array(only.utf8.suffix(tailBytes)), as: UTF8.self)
        }
        return lines.joined(separator: "\n")
    }
}
