import Foundation
import Testing

/// Runs poppler-utils commands (pdftotext, pdfinfo, pdffonts, pdftoppm) on generated PDFs.
/// A missing tool fails the test with a clear message rather than skipping it.
enum Poppler {
    static func run(_ tool: String, _ args: [String]) throws -> String {
        let candidates = ["/usr/bin/\(tool)", "/usr/local/bin/\(tool)"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ToolMissing(tool: tool)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `pdftotext -layout` of the whole file, or of pages first...last.
    static func text(_ pdf: String, page: Int? = nil) throws -> String {
        var args = ["-layout", "-enc", "UTF-8"]
        if let page { args += ["-f", String(page), "-l", String(page)] }
        return try run("pdftotext", args + [pdf, "-"])
    }

    static func info(_ pdf: String) throws -> String { try run("pdfinfo", [pdf]) }
    static func fonts(_ pdf: String) throws -> String { try run("pdffonts", [pdf]) }

    static func pageCount(_ pdf: String) throws -> Int {
        let line = try info(pdf).split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }
}

struct ToolMissing: Error, CustomStringConvertible {
    let tool: String
    var description: String { "\(tool) no está instalado: instale poppler-utils (scripts/setup lo hace)." }
}

/// A fresh folder under the system temp dir, removed when the value is released.
final class TempFolder {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "bytek-docs-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String) -> String { path + "/" + name }
}

/// Whitespace runs collapsed to one space, so wrapped or column-aligned text can be searched.
func squeezed(_ s: String) -> String {
    s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
}
