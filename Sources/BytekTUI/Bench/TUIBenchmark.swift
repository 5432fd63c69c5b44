import BytekModel
import BytekStore
import Foundation

/// The speed budgets of the terminal UI, measured on a real store with the real screens drawn
/// into an in-memory terminal (update + render into the screen buffer; no tty involved).
/// `bytek bench` prints these figures; budgets are read from its output, never asserted in tests.
@MainActor
public enum TUIBenchmark {
    public struct Figure: Sendable {
        public var name: String
        public var value: String
        public var budget: String
        public var withinBudget: Bool
        /// Extra lines (e.g. the slowest steps) for a closer look.
        public var details: [String] = []
    }

    /// Runs every measurement against the store at `path` (already filled).
    public static func run(path: String, session: UserSession, width: Int = 120, height: Int = 40,
                           keystrokes: Int = 2000) throws -> [Figure] {
        var figures: [Figure] = []
        let t0 = DispatchTime.now().uptimeNanoseconds
        let store = try Store(path: path)
        let terminal = TestTerminal(width: width, height: height)
        let context = AppContext(strings: Strings(language: .es), session: session)
        let app = App(terminal: terminal, context: context, store: store)
        app.draw()
        let firstFrame = ms(DispatchTime.now().uptimeNanoseconds - t0)
        figures.append(Figure(name: "inicio → primer cuadro completo (abrir base + Clientes)", value: fmt(firstFrame) + " ms",
                              budget: "≤ 150 ms", withinBudget: firstFrame <= 150))

        // Keystrokes in the customer table: mostly ↓, with some PgDn, ↑ and PgUp.
        let pattern: [Key] = Array(repeating: .down, count: 12) + [.pageDown, .up, .up, .pageUp, .down, .pageDown]
        var samples = time(app, keys: (0..<keystrokes).map { pattern[$0 % pattern.count] })
        figures.append(percentiles("tecla en tabla de clientes (actualizar + dibujar)", samples, budgetMs: 2))

        // Incremental filter over the customers: each typed letter runs the search, counts and redraws.
        samples = []
        var steps: [(String, Double)] = []
        let queries = ["inversiones andina", "nunez", "corporacion del sur", "miraflores", "20601", "quispe huaman",
                       "lima", "clinica", "san isidro", "10425", "pena", "transportes sol", "maria", "grupo inca",
                       "arequipa", "contacto", "45873", "titicaca", "huaman flores", "logistica"]
        for query in queries {
            app.handle(.key(.char("/")))
            let t = time(app, keys: query.map { .char($0) })
            steps += t.enumerated().map { (String(query.prefix($0.offset + 1)), $0.element) }
            samples += t
            app.handle(.key(.escape))
            app.handle(.key(.escape))
        }
        var filter = percentiles("paso del filtro incremental (\(formatCount(try store.db.scalar("SELECT count(*) FROM customer").intValue ?? 0)) clientes)",
                                 samples, budgetMs: 20)
        filter.details = ["pasos más lentos: " + steps.sorted { $0.1 > $1.1 }.prefix(5).map { "«\($0.0)» \(fmt($0.1)) ms" }.joined(separator: ", ")]
        figures.append(filter)

        // The audit log: keystrokes, then scroll all of it and read the resident memory.
        app.switchModule(.audit)  // Administración › Auditoría
        app.draw()
        samples = time(app, keys: (0..<keystrokes).map { pattern[$0 % pattern.count] })
        figures.append(percentiles("tecla en auditoría", samples, budgetMs: 2))
        app.handle(.key(.home))
        let total = Int(try store.db.scalar("SELECT count(*) FROM audit_log").intValue ?? 0)
        let s0 = DispatchTime.now().uptimeNanoseconds
        // The table shows fewer rows than the terminal has (bars, header, footer): this many PgDn reach the end.
        let pages = total / max(1, height - 6) + 1
        for i in 0..<pages {
            app.handle(.key(.pageDown))
            if i % 64 == 0 { app.draw() }
        }
        app.draw()
        let scrollMs = ms(DispatchTime.now().uptimeNanoseconds - s0)
        figures.append(Figure(name: "recorrer toda la auditoría (\(formatCount(total)) filas, \(pages) AvPág)",
                              value: fmt(scrollMs) + " ms", budget: "—", withinBudget: true))
        let rss = residentMemoryMB()
        figures.append(Figure(name: "memoria residente tras recorrer la auditoría", value: fmt(rss) + " MB",
                              budget: "≤ 60 MB", withinBudget: rss <= 60))
        return figures
    }

    static func time(_ app: App, keys: [Key]) -> [Double] {
        keys.map { key in
            let start = DispatchTime.now().uptimeNanoseconds
            app.handle(.key(key))
            app.draw()
            return ms(DispatchTime.now().uptimeNanoseconds - start)
        }
    }

    static func percentiles(_ name: String, _ samples: [Double], budgetMs: Double) -> Figure {
        let sorted = samples.sorted()
        func p(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
        let p99 = p(0.99)
        return Figure(name: name, value: "p50 \(fmt(p(0.5))) ms · p99 \(fmt(p99)) ms · máx \(fmt(sorted.last ?? 0)) ms (n=\(samples.count))",
                      budget: "p99 ≤ \(fmt(budgetMs)) ms", withinBudget: p99 <= budgetMs)
    }

    static func ms(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }
    static func fmt(_ v: Double) -> String { String(format: v < 10 ? "%.3f" : "%.1f", v) }
    static func formatCount(_ n: Int64) -> String { Int(n).formatted(grouping: true) }
    static func formatCount(_ n: Int) -> String { n.formatted(grouping: true) }

    /// VmRSS from /proc/self/status, in MB.
    public static func residentMemoryMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
