import BytekModel
import BytekStore
import Foundation
import Testing

/// The result of one run of the `bytek` binary.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Finds and runs the built `bytek` executable on a temp database.
struct BytekBinary {
    let url: URL

    /// The `bytek` beside the test bundle, in the build products folder (`.build/<config>/bytek`).
    static func locate() throws -> BytekBinary {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["BYTEK_BIN"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("bytek"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("bytek"))
        if let arg0 = CommandLine.arguments.first {
            var dir = URL(fileURLWithPath: arg0).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("bytek"))
                dir = dir.deletingLastPathComponent()
            }
        }
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                return BytekBinary(url: url)
            }
        }
        throw BinaryMissing(searched: candidates.map(\.path))
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "the bytek executable was not found next to the test bundle; build it first (swift build) "
                + "or set BYTEK_BIN. Looked in: \(searched.joined(separator: ", "))"
        }
    }

    /// Starts `bytek` with `arguments`; stdout and stderr go to files in `folder`.
    func start(_ arguments: [String], environment: [String: String], folder: String) throws -> RunningBytek {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = environment
        let id = UUID().uuidString
        let outPath = folder + "/out-\(id).txt", errPath = folder + "/err-\(id).txt"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return RunningBytek(process: process, outPath: outPath, errPath: errPath)
    }
}

/// A started `bytek` process.
struct RunningBytek {
    let process: Process
    let outPath: String
    let errPath: String

    var pid: Int32 { process.processIdentifier }

    /// Waits for the exit (killing the process after `timeout` seconds) and reads its output.
    func wait(timeout: TimeInterval = 120) -> RunResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        process.waitUntilExit()
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return RunResult(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// A temp folder with a database path and the environment to run `bytek` on it.
struct CLIFixture {
    let folder: String
    let binary: BytekBinary
    var dbPath: String { folder + "/bytek.sqlite" }

    init() throws {
        binary = try BytekBinary.locate()
        folder = NSTemporaryDirectory() + "bytek-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { folder + "/" + name }

    /// A clean environment: the database and user only through BYTEK_DB / BYTEK_USER, no terminal.
    func environment(user: String? = "admin", db: String? = nil, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": "/usr/bin:/bin", "HOME": folder, "LANG": "C.UTF-8", "BYTEK_DB": db ?? dbPath,
            "USER": "usuario-del-sistema-inexistente",
        ]
        if let user { env["BYTEK_USER"] = user }
        for (k, v) in extra { env[k] = v }
        return env
    }

    @discardableResult
    func run(_ arguments: String..., user: String? = "admin", db: String? = nil, extra: [String: String] = [:],
             timeout: TimeInterval = 120) throws -> RunResult {
        try binary.start(arguments, environment: environment(user: user, db: db, extra: extra), folder: folder)
            .wait(timeout: timeout)
    }

    func start(_ arguments: [String], user: String? = "admin", extra: [String: String] = [:]) throws -> RunningBytek {
        try binary.start(arguments, environment: environment(user: user, extra: extra), folder: folder)
    }

    /// A migrated database with one admin.
    func withAdmin() throws {
        if !FileManager.default.fileExists(atPath: dbPath) {
            let m = try run("migrate", user: nil)
            #expect(m.status == 0, "\(m.stderr)")
        }
        let r = try run("user", "add", "admin", "--name", "Administradora", "--role", "admin", user: nil)
        #expect(r.status == 0, "\(r.stderr)")
    }

    /// Another database at `db`, migrated, with one admin (where an export is imported back).
    func otherDatabaseWithAdmin(_ db: String) throws {
        #expect(try run("migrate", user: nil, db: db).status == 0)
        #expect(try run("user", "add", "admin", "--name", "A", "--role", "admin", user: nil, db: db).status == 0)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: folder) }
}

/// A valid RUC built from ten digits.
func validRUC(_ firstTen: String) -> String { RUC.complete(firstTen) ?? "" }

/// The same RUC with a wrong check digit.
func wrongRUC(_ firstTen: String) -> String {
    let good = validRUC(firstTen)
    let last = good.last?.wholeNumberValue ?? 0
    return String(good.dropLast()) + String((last + 1) % 10)
}
