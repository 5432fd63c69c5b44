import Foundation

/// `-o -`: a document written to standard output instead of a file (`ssh servidor invoice pdf F001-1 > f.pdf`).
/// The renderer writes to a private temporary file (0600 under umask 077), which is copied out and deleted,
/// so nothing is left in the documents folder.
enum StandardOutputFile {
    static func isRequested(_ output: String?) -> Bool { output == "-" }

    /// A fresh path in the temporary folder for a document called `name`.
    static func temporaryPath(named name: String) -> String {
        NSTemporaryDirectory() + "bytek-stdout-" + UUID().uuidString + "-" + name
    }

    /// Copies the file at `path` to standard output and deletes it.
    static func emit(_ path: String) throws {
        defer { unlink(path) }
        Console.writeOut(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Lets `render` write to a temporary file, then emits it.
    static func write(named name: String, _ render: (String) throws -> Void) throws {
        let path = temporaryPath(named: name)
        do {
            try render(path)
        } catch {
            unlink(path)
            throw error
        }
        try emit(path)
    }
}
