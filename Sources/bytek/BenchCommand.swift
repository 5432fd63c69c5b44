import BytekDemo
import BytekModel
import BytekStore
import BytekTUI
import Foundation

/// `bytek bench`: performance figures on a large database of its own (200,000 customers and
/// 1,000,000 audit entries by default), kept between runs in `--data FILE` when given.
/// No user is needed: it works on its own data. When `wrk` is installed it also loads the web door
/// (200 connections for 20 s); `--web-only [--seconds N] [--connections N]` runs just that (CI's smoke).
@MainActor
enum BenchCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        if args.words.first == "padron" { _ = args.positional(); return try PadronBenchmark.run(&args) }
        if args.words.first == "recurrentes" { _ = args.positional(); return try RecurringBenchmark.run(&args) }
        if args.words.first == "recordatorios" { _ = args.positional(); return try ReminderBenchmark.run(&args) }
        if args.words.first == "tablero" { _ = args.positional(); try args.finish(); return try boardOnly() }
        let customers = try args.option("--customers").map { try count($0, "--customers") } ?? 200_000
        let audit = try args.option("--audit").map { try count($0, "--audit") } ?? 1_000_000
        let keep = try args.option("--data")
        let rules = try args.option("--rules")
        let webOnly = args.flag("--web-only")
        let seconds = try args.option("--seconds").map { try count($0, "--seconds") } ?? 20
        let connections = try args.option("--connections").map { try count($0, "--connections") } ?? 200
        try args.finish()
        guard (1...600).contains(seconds), (1...2000).contains(connections) else {
            throw CLIError.usage("--seconds va de 1 a 600 y --connections de 1 a 2000", command: "bench")
        }
        if webOnly { return try webLoad(context: context, seconds: seconds, connections: connections, required: true) ? 0 : 1 }

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
        documents.append(StatementMatchBenchmark.figure())
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
        for f in try ReceivableBenchmark.run(path: path) { Console.out(line(f.name, f.value, f.budget, f.ok)) }
        let cobranzas = try CobranzasBenchmark.run(store: Store(path: path))
        for f in cobranzas { Console.out(line(f.name, f.value, f.budget, f.withinBudget)) }
        let boards = try boardFigures(path: path)
        for f in boards { Console.out(line(f.name, f.value, f.budget, f.withinBudget)) }
        let web = try webLoad(context: context, seconds: seconds, connections: connections, required: false)
        return (figures + cobranzas + boards).allSatisfy(\.withinBudget) && documents.allSatisfy(\.ok) && large.allSatisfy(\.withinBudget) && web ? 0 : 1
    }

    /// The team board's figures over 2,000 U1 projects / 20,000 cards added to the bench database once.
    static func boardFigures(path: String) throws -> [TUIBenchmark.Figure] {
        let store = try Store(path: path)
        if try store.db.scalar("SELECT count(*) FROM project WHERE code LIKE 'PRY-BENCH-%'").intValue ?? 0 == 0 {
            try BenchProjects.fill(store: store, projects: 2_000, cardsPerProject: 10)
        }
        return ProjectBoardBenchmark.run(store: store)
    }

    /// `bytek bench tablero`: only the team board's figures (2,000 projects / 20,000 cards, a database of its own).
    static func boardOnly() throws -> Int32 {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-bench-board-\(getpid()).sqlite").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let figures = try boardFigures(path: path)
        Console.out("BYTEK Core — tablero de proyectos (160×48, \(isDebugBuild ? "compilación debug" : "compilación release"))")
        for f in figures { Console.out(line(f.name, f.value, f.budget, f.withinBudget)) }
        return figures.allSatisfy(\.withinBudget) ? 0 : 1
    }

    /// The web door under `wrk`; without wrk: a line saying so (a failure when `required`).
    static func webLoad(context: CommandContext, seconds: Int, connections: Int, required: Bool) throws -> Bool {
        guard let wrk = WebLoadBenchmark.wrkPath(environment: context.environment) else {
            let text = "carga web: wrk no está instalado (apt-get install wrk); se omite"
            if required { throw CLIError.failure(text) }
            Console.out("– " + text)
            return true
        }
        let r = try WebLoadBenchmark.run(wrk: wrk, connections: connections, seconds: seconds, threads: 4)
        Console.out(line("portal web: \(connections) conexiones \(seconds) s (wrk, sesión iniciada)",
                         String(format: "%.0f sol/s · p99 %.2f ms · %d errores", r.requestsPerSecond, r.p99Ms, r.errors),
                         "p99 ≤ 50 ms, 0 errores", r.withinBudget))
        Console.out("    \(r.requests) solicitudes")
        return r.withinBudget
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
