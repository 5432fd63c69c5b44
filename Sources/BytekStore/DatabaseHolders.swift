import Foundation

/// A process that has a database file (or its `-wal`/`-shm`) open.
public struct DatabaseHolder: Sendable, Equatable {
    public var pid: Int32
    /// Its command line as `ps` shows it ("bytek --db … worker"), or the program name.
    public var command: String

    public init(pid: Int32, command: String) { self.pid = pid; self.command = command }
}

/// Finds the other processes that have a database open, by reading `/proc/PID/fd` (Linux). A restore
/// must not swap the file under them: they would keep writing into the deleted one.
public enum DatabaseHolders {
    /// Every process but this one with `path`, `path-wal` or `path-shm` open. Processes whose `fd`
    /// folder cannot be read (another user's, without privileges) are not seen.
    public static func others(of path: String, proc: String = "/proc") -> [DatabaseHolder] {
        let base = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let targets = Set(["", "-wal", "-shm", "-journal"].map { base + $0 })
        let me = getpid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: proc) else { return [] }
        var found: [DatabaseHolder] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != me else { continue }
            let fdDir = proc + "/" + entry + "/fd"
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: fdDir) else { continue }
            let holds = fds.contains { fd in
                guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: fdDir + "/" + fd) else { return false }
                return targets.contains(link)
            }
            if holds { found.append(DatabaseHolder(pid: pid, command: commandLine(pid, proc: proc))) }
        }
        return found.sorted { $0.pid < $1.pid }
    }

    static func commandLine(_ pid: Int32, proc: String) -> String {
        if let data = FileManager.default.contents(atPath: "\(proc)/\(pid)/cmdline"), !data.isEmpty {
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if var first = words.first {
                first = (first as NSString).lastPathComponent
                return ([first] + words.dropFirst()).joined(separator: " ")
            }
        }
        let comm = (try? String(contentsOfFile: "\(proc)/\(pid)/comm", encoding: .utf8)) ?? "?"
        return comm.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
