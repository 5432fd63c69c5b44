import Dispatch
import Foundation
import Testing

/// Runs SUNAT's own validation stylesheets (`../shared/sunat/xsl/run-rules`, under Debian's
/// `/usr/bin/python3` with lxml) over documents written to a folder, several at once.
///
/// run-rules prints one line per message: `E code text` (SUNAT rejects), `W code text` (accepted with
/// an observation), `X ---- text` (an engine message) and a last `# how it ended` line; exit 0 / 1 / 2.
enum SunatRulesRunner {
    struct Message: Sendable, Hashable, CustomStringConvertible {
        let level: Character
        let code: String
        let text: String
        var description: String { "\(level) \(code) \(text)" }
    }

    struct Result: Sendable {
        let file: String
        let status: Int32
        let messages: [Message]
        let output: String
        var errors: [Message] { messages.filter { $0.level == "E" } }
        var observations: [Message] { messages.filter { $0.level == "W" } }
        var engineMessages: [Message] { messages.filter { $0.level == "X" } }
        var completed: Bool { output.split(separator: "\n").last?.hasPrefix("# completed") ?? false }
    }

    enum RulesError: Error { case missing(String) }

    /// `../shared/sunat/xsl/run-rules` beside the working tree.
    static func script(file: String = #filePath) throws -> URL {
        let sunat = try SchemaFixtures.sunatFolder(file: file)
        let url = sunat.appendingPathComponent("xsl/run-rules")
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("run-rules not found at \(url.path)")
            throw RulesError.missing(url.path)
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            Issue.record("/usr/bin/python3 missing: apt-get install python3 python3-lxml")
            throw RulesError.missing("/usr/bin/python3")
        }
        return url
    }

    /// Parses run-rules' output.
    static func parse(_ output: String) -> [Message] {
        output.split(separator: "\n").compactMap { raw -> Message? in
            let line = String(raw)
            guard let level = line.first, "EWX".contains(level), line.count > 2 else { return nil }
            let rest = line.dropFirst(2)
            let code = rest.prefix { $0 != " " }
            return Message(level: level, code: String(code), text: String(rest.dropFirst(code.count)).trimmingCharacters(in: .whitespaces))
        }
    }

    /// Runs the rules over each `(path, name SUNAT receives)` pair, `width` at a time; results in input order.
    static func run(_ files: [(path: URL, name: String)], width: Int = max(2, ProcessInfo.processInfo.activeProcessorCount))
        throws -> [Result] {
        let script = try script()
        let results = ResultBox(count: files.count)
        let queue = DispatchQueue(label: "run-rules", attributes: .concurrent)
        let gate = DispatchSemaphore(value: width)
        let group = DispatchGroup()
        // Largest files first (a 500-line document takes seconds), so the small ones fill the gaps.
        func size(_ u: URL) -> Int { ((try? FileManager.default.attributesOfItem(atPath: u.path))?[.size] as? Int) ?? 0 }
        let order = files.indices.sorted { size(files[$0].path) > size(files[$1].path) }
        for i in order {
            let f = files[i]
            gate.wait()
            group.enter()
            queue.async {
                defer { gate.signal(); group.leave() }
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
                p.arguments = [script.path, "--all", f.path.path, f.name + ".xml"]
                let out = Pipe()
                p.standardOutput = out
                p.standardError = FileHandle.nullDevice
                p.standardInput = FileHandle.nullDevice
                var text = ""
                var status: Int32 = -1
                do {
                    try p.run()
                    text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    p.waitUntilExit()
                    status = p.terminationStatus
                } catch {
                    text = "X ---- could not start run-rules: \(error)"
                }
                results.set(i, Result(file: f.name, status: status, messages: parse(text), output: text))
            }
        }
        group.wait()
        return results.all()
    }

    final class ResultBox: @unchecked Sendable {
        private var items: [Result?]
        private let lock = NSLock()
        init(count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result) { lock.lock(); items[i] = r; lock.unlock() }
        func all() -> [Result] { lock.lock(); defer { lock.unlock() }; return items.compactMap { $0 } }
    }
}
