import Foundation
import Testing
@testable import BytekTUI

/// Where golden files are written in record mode: the source tree, next to this file.
private let goldenSourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// Compares the screen's text with `Golden/<name>.txt` (read from the test bundle).
///
/// With `BYTEK_RECORD_GOLDEN=1` it writes the file into the source tree instead and fails saying
/// so, so a recording is never mistaken for a pass; run the tests again to compare against it.
/// On a mismatch the failure shows the differing lines, numbered, expected (-) above actual (+).
func assertGolden(_ buffer: ScreenBuffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.text + "\n"
    if ProcessInfo.processInfo.environment["BYTEK_RECORD_GOLDEN"] == "1" {
        let url = goldenSourceFolder.appendingPathComponent(name + ".txt")
        do {
            try FileManager.default.createDirectory(at: goldenSourceFolder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Golden «\(name)» recorded at \(url.path); run again without BYTEK_RECORD_GOLDEN to check it.",
                         sourceLocation: sourceLocation)
        } catch {
            Issue.record("Could not record golden «\(name)»: \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Golden"),
          let expected = try? String(contentsOf: folder.appendingPathComponent(name + ".txt"), encoding: .utf8)
    else {
        Issue.record("Golden «\(name)» is missing. Record it with BYTEK_RECORD_GOLDEN=1 and look at it.\n\(frame(actual))",
                     sourceLocation: sourceLocation)
        return
    }
    if expected == actual { return }
    Issue.record("Screen differs from golden «\(name)»:\n\(lineDiff(expected: expected, actual: actual))\nActual screen:\n\(frame(actual))",
                 sourceLocation: sourceLocation)
}

/// The differing lines of two texts, numbered from 1.
func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "∅"
        let al = i < a.count ? String(a[i]) : "∅"
        if el != al {
            out.append(String(format: "%3d - |", i + 1) + el + "|")
            out.append(String(format: "%3d + |", i + 1) + al + "|")
        }
    }
    return out.joined(separator: "\n")
}

/// The text with line numbers, to read a screen in a failure message.
private func frame(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        .map { String(format: "%3d |", $0.offset + 1) + $0.element }.joined(separator: "\n")
}
