import Foundation

/// `-o -`: a document written to standard output instead of a file (`ssh servidor invoice pdf F001-1 > f.pdf`).
enum StandardOutputFile {
    static func isRequested(_ output: String?) -> Bool { output == "-" }

    /// Lets `render` write to a file in a private temporary folder, copies it to standard output and
    /// deletes it, so nothing is left behind in the documents folder.
    static func write(named name: String, _ render: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "bytek-stdout-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/" + name
        try render(path)
        Console.writeOut(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
