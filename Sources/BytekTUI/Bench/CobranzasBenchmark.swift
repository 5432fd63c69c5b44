import BytekModel
import BytekStore
import Dispatch
import Foundation

/// Cobranzas' speed budgets on the real screen (over `services.receivables`) drawn into an in-memory
/// terminal at 120×40, over the bench's receivables (200,000, filled by `BenchReceivables`): a keystroke in
/// the list (≤ 2 ms p99: only the visible rows are read) and a filter change (list count, first page and
/// aging totals read again). `bytek bench` prints them.
@MainActor
public enum CobranzasBenchmark {
    public static func run(store: Store, keystrokes: Int = 2_000) throws -> [TUIBenchmark.Figure] {
        let terminal = TestTerminal(width: 120, height: 40)
        let context = AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin))
        let app = App(terminal: terminal, context: context, store: store)
        app.switchModule(.receivables)
        app.draw()
        let pattern: [Key] = Array(repeating: .down, count: 12) + [.pageDown, .up, .up, .pageUp, .down, .pageDown, .end, .up, .home]
        let keys = TUIBenchmark.time(app, keys: (0..<keystrokes).map { pattern[$0 % pattern.count] })
        let count = TUIBenchmark.formatCount(try store.db.scalar("SELECT count(*) FROM receivable WHERE is_open = 1").intValue ?? 0)
        var figures = [TUIBenchmark.percentiles("tecla en Cobranzas (\(count) abiertas; actualizar + dibujar)", keys, budgetMs: 2)]
        // Filters: currency, age bucket and unit cycled; each reads the list's first page and the aging again.
        let filters: [Key] = [.char("m"), .char("a"), .char("a"), .char("u"), .char("m"), .char("a"), .char("u"), .char("m")]
        let changes = TUIBenchmark.time(app, keys: (0..<120).map { filters[$0 % filters.count] })
        figures.append(TUIBenchmark.percentiles("cambio de filtro en Cobranzas (lista + antigüedad)", changes, budgetMs: 50))
        return figures
    }
}
