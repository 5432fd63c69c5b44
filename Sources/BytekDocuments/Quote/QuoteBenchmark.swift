import Foundation

extension QuotePDF {
    /// Renders a 120-line sample quote (both layout passes, file written to the temp folder) and
    /// returns the wall time in milliseconds, for `bytek bench` (budget: 300 ms). -1 when it failed.
    public static func benchmark120Lines() -> Double {
        let quote = QuoteSample.quote(lineCount: 120)
        let path = NSTemporaryDirectory() + "bytek-bench-quote-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Fonts are registered once per process; do it outside the timed part like a running app would have.
        try? PDFFonts.ensureRegistered()
        let start = DispatchTime.now().uptimeNanoseconds
        do { try render(quote, to: path) } catch { return -1 }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }
}
