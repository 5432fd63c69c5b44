import BytekDemo
import BytekStore
import Foundation

/// `bytek bench padron [--lines N] [--layout L] [--data CARPETA]`: generates a padrón of 12,000,000
/// lines in SUNAT's format, imports it and looks up 10,000 random RUCs. Budgets: import ≤ 90 s with
/// peak RSS ≤ 200 MB, lookup p99 ≤ 1 ms. Not a CI gate (it takes minutes and 2 GB of disk).
@MainActor
enum PadronBenchmark {
    static func run(_ args: inout Arguments) throws -> Int32 {
        let lines = try args.option("--lines").map { try BenchCommand.count($0, "--lines") } ?? 12_000_000
        let layoutName = try args.option("--layout") ?? PadronSchema.Layout.indexAfter.rawValue
        let keep = try args.option("--data")
        try args.finish()
        guard let layout = PadronSchema.Layout(rawValue: layoutName) else {
            throw CLIError.usage("--layout: " + PadronSchema.Layout.allCases.map(\.rawValue).joined(separator: ", "),
                                 command: "bench")
        }
        let folder = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("bytek-padron-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let source = folder + "/padron_reducido_ruc-\(lines).txt"
        if !FileManager.default.fileExists(atPath: source) {
            Console.out("Generando un padrón de \(PadronCommand.number(lines)) líneas en \(source)…")
            let t = Date()
            try PadronGenerator(lines: lines).write(to: source)
            Console.out(String(format: "Generado en %.1f s (%@ MB).", Date().timeIntervalSince(t), megabytes(source)))
        }
        let destination = folder + "/padron.sqlite"
        resetPeakRSS()
        let importer = PadronImporter(destination: destination)
        importer.layout = layout
        let progress = PadronProgressLine(terminal: isatty(STDERR_FILENO) == 1)
        importer.progressInterval = progress.interval
        let report = try importer.run(source: source) { progress.show($0) }
        progress.finish()
        let rss = peakRSSMegabytes()
        let importOK = report.seconds <= 90 && rss <= 200
        let lookup = try lookups(destination, count: 10_000)
        Console.out("")
        Console.out("BYTEK Core — padrón de SUNAT (\(BenchCommand.isDebugBuild ? "compilación debug" : "compilación release"), "
            + "tabla \(layout.rawValue), \(ProcessInfo.processInfo.activeProcessorCount) núcleos, carga \(loadAverage()))")
        Console.out(BenchCommand.line("padrón: importar \(PadronCommand.number(report.lines)) líneas",
            String(format: "%.1f s · %@ líneas/s · RSS máx. %d MB", report.seconds,
                   PadronCommand.number(Int(report.linesPerSecond)), rss), "≤ 90 s, ≤ 200 MB", importOK))
        Console.out("    \(PadronCommand.number(report.imported)) contribuyentes, \(report.malformed) líneas con errores; "
            + "padron.sqlite \(megabytes(destination)) MB")
        Console.out(BenchCommand.line("padrón: consulta por RUC (10,000 al azar)",
            String(format: "p50 %.3f ms · p99 %.3f ms", lookup.p50, lookup.p99), "p99 ≤ 1 ms", lookup.p99 <= 1))
        return importOK && lookup.p99 <= 1 ? 0 : 1
    }

    /// p50 and p99 of `Padron.entry(ruc:)` over `count` RUCs picked at random from the file, in ms.
    static func lookups(_ path: String, count: Int) throws -> (p50: Double, p99: Double) {
        let sampler = try Database(path: path, readOnly: true)
        let bounds = try sampler.queryOne("SELECT min(ruc) AS lo, max(ruc) AS hi FROM contribuyente")
        let lo = bounds?.int("lo") ?? 0, hi = bounds?.int("hi") ?? 0
        var rng = SystemRandomNumberGenerator()
        var rucs: [String] = []
        for _ in 0..<count {
            let probe = Int64.random(in: lo...max(lo, hi), using: &rng)
            if let row = try sampler.queryOne("SELECT ruc FROM contribuyente WHERE ruc >= ? ORDER BY ruc LIMIT 1", [.int(probe)]) {
                rucs.append(String(row.int("ruc")))
            }
        }
        let padron = try Padron(path: path)
        var samples: [Double] = []
        samples.reserveCapacity(rucs.count)
        for ruc in rucs {
            let t = DispatchTime.now().uptimeNanoseconds
            guard try padron.entry(ruc: ruc) != nil else { throw CLIError.failure("el RUC \(ruc) no se encontró") }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
        }
        samples.sort()
        guard !samples.isEmpty else { return (0, 0) }
        return (samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 99 / 100)])
    }

    /// Resets VmHWM so the peak measured is the import's, not the generator's.
    static func resetPeakRSS() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// VmHWM of /proc/self/status, in MB.
    static func peakRSSMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return -1 }
        let kb = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        return kb / 1024
    }

    static func megabytes(_ path: String) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return PadronCommand.number(Int(size / 1_000_000))
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3)
            .joined(separator: " ") ?? "?"
    }
}
