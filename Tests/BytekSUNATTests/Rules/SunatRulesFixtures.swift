import Foundation
import Testing
@testable import BytekSUNAT

/// SUNAT's rules folder and `run-rules`, read in place from ../shared/sunat/xsl (never copied here).
enum SunatRulesFixtures {
    static let xslRoot: URL = SunatSamples.sunatRoot.appendingPathComponent("xsl")
    /// What an administrator installs: SUNAT's "contenido" folder.
    static var rulesFolder: String { xslRoot.appendingPathComponent("contenido").path }
    static var runRules: String { xslRoot.appendingPathComponent("run-rules").path }

    static func rules() throws -> SunatRules { try SunatRules(folder: rulesFolder) }

    /// Runs /usr/bin/python3 (Debian's, with lxml) with `arguments`; stdout, and the exit status.
    static func python(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        // read stderr on another thread so a chatty run never blocks on a full pipe
        let errData = RulesStderrBox()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        while !errData.done { usleep(1000) }
        return (p.terminationStatus, o, String(decoding: errData.value, as: UTF8.self))
    }

    /// `run-rules --all` on `xml` under `fileName`: its E and W lines as "E 3270", "W 4256" (in order).
    static func runRulesCodes(_ xml: [UInt8], fileName: String) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(fileName)
        try Data(xml).write(to: file)
        let run = try python([runRules, "--all", file.path, fileName])
        let text = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status != 2, "run-rules could not run on \(fileName): \(text.suffix(400)) \(run.stderr.suffix(400))")
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count >= 2, parts[0] == "E" || parts[0] == "W" else { return nil }
            return "\(parts[0]) \(parts[1])"
        }
    }

    /// The engine's E and W codes in the same form.
    static func engineCodes(_ report: SunatRulesReport) -> [String] {
        report.findings.filter { $0.severity != .other }.map { "\($0.severity.rawValue) \($0.code)" }
    }
}

final class RulesStderrBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var finished = false
    func set(_ d: Data) { lock.lock(); data = d; finished = true; lock.unlock() }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data }
}
