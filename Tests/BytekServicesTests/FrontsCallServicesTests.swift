import Foundation
import Testing

/// The safety net of the operations layer: no front (the TUI, the `bytek` commands, the web door)
/// builds a repository or writes the audit log itself, so no write can skip the permission, scope
/// and audit checks of BytekServices. A front that needs data asks a service.
@Suite("Fronts call the operations layer, never a repository")
struct FrontsCallServicesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fronts = ["Sources/BytekTUI", "Sources/bytek", "Sources/BytekWeb"]

    /// Files that are not doors for people: benchmarks and the demo build their own data sets, the
    /// way the seeders of BytekDemo do.
    static let tools: Set<String> = [
        "Sources/BytekTUI/Bench/LargeDocumentBenchmark.swift",
        "Sources/bytek/WebLoadBenchmark.swift",
        "Sources/bytek/DemoPortal.swift",
        "Sources/bytek/DemoBillingRun.swift",
    ]

    static func swiftFiles(_ folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path
        let names = FileManager.default.enumerator(atPath: base)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }.sorted()
    }

    @Test func noFrontBuildsARepositoryOrWritesTheAuditLog() throws {
        let pattern = try NSRegularExpression(pattern: #"\b[A-Z][A-Za-z]*Repository\(db:|\bAuditLog\(db:"#)
        var offenders: [String] = []
        var scanned = 0
        for folder in Self.fronts {
            for file in Self.swiftFiles(folder) where !Self.tools.contains(file) {
                let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
                scanned += 1
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let s = String(line)
                    if pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil {
                        offenders.append("\(file):\(n + 1): \(s.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(scanned > 100, "no se encontraron las fuentes de los frentes")
        #expect(offenders.isEmpty, "frentes que usan repositorios directamente:\n\(offenders.joined(separator: "\n"))")
    }
}
