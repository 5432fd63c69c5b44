import BytekDemo
import BytekModel
import BytekStore
import BytekTUI
import Foundation

/// `bytek bench`: performance figures on a large database of its own (200,000 customers and
/// 1,000,000 audit entries by default), kept between runs in `--data FILE` when given.
/// No user is needed: it works on its own data.
@MainActor
enum BenchCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let customers = try args.option("--customers").map { try count($0, "--customers") } ?? 200_000
        let audit = try args.option("--audit").map { try count($0, "--audit") } ?? 1_000_000
        let keep = try args.option("--data")
        let rules = try args.option("--rules")
        try args.finish()

        let path = keep ?? FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-\(getpid()).sqlite").path
        defer { if keep == nil { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } } }
        if !FileManager.default.fileExists(atPath: path) {
            Console.out("Preparando \(customers) clientes y \(audit) entradas de auditoría en \(path)…")
            let started = Date()
            let store = try Store(path: path)
            try BenchData.fill(store: store, customers: customers, auditEntries: audit)
            Console.out(String(format: "Datos listos en %.1f s.", Date().timeIntervalSince(started)))
        }
        let startup = try processStartup()
        let figures = try TUIBenchmark.run(path: path, session: UserSession(login: "admin", name: "Bench", role: .admin))
        Console.out("")
        Console.out("BYTEK Core — rendimiento (120×40, \(isDebugBuild ? "compilación debug" : "compilación release"))")
        Console.out(line("arranque del proceso (bytek --version, mediana de 10)", String(format: "%.1f ms", startup), "—", true))
        for f in figures {
            Console.out(line(f.name, f.value, f.budget, f.withinBudget))
            for d in f.details { Console.out("    " + d) }
        }
        var documents = DocumentBenchmarks.run(rulesFolder: rules)
        if let board = try? SalesBenchmark.boardKeystrokes(store: Store(path: path)) {
            documents.insert(("tablero de ventas con 5,000 oportunidades (tecla)",
                              String(format: "p50 %.3f ms · p99 %.3f ms", board.p50, board.p99), "p99 ≤ 5 ms", board.p99 <= 5), at: 1)
        }
        for d in documents { Console.out(line(d.name, d.value, d.budget, d.ok)) }
        let large = try LargeDocumentBenchmark.run()
        for f in large {
            Console.out(line(f.name, f.value, f.budget, f.withinBudget))
            for d in f.details { Console.out("    " + d) }
        }
        return figures.allSatisfy(\.withinBudget) && documents.allSatisfy(\.ok) && large.allSatisfy(\.withinBudget) ? 0 : 1
    }

    static func line(_ name: String, _ value: String, _ budget: String, _ ok: Bool) -> String {
        let pad = String(repeating: " ", count: max(1, 62 - name.count))
        return "\(ok ? "✔" : "✘") \(name)\(pad)\(value)   [\(budget)]"
    }

    static func count(_ text: String, _ option: String) throws -> Int {
        guard let n = Int(text), n >= 0 else { throw CLIError.usage("\(option) espera un número entero, no «\(text)»", command: "bench") }
        return n
    }

    /// Median wall time of starting this binary and exiting (`--version`), in ms.
    static func processStartup() throws -> Double {
        var samples: [Double] = []
        for _ in 0..<10 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            p.arguments = ["--version"]
            p.standardOutput = FileHandle.nullDevice
            let t = Date()
            try p.run()
            p.waitUntilExit()
            samples.append(Date().timeIntervalSince(t) * 1000)
        }
        return samples.sorted()[samples.count / 2]
    }

    static var isDebugBuild: Bool {
        #if DEBUG
        return true
        #else
        return false
        #endif
    }
}
