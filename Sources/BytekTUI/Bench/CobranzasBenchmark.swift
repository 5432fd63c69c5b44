import BytekModel
import BytekStore
import Dispatch
import Foundation

/// Cobranzas' speed budgets over 200,000 open receivables, measured on the real screen (over
/// `services.receivables`) drawn into an in-memory terminal at 120×40: a keystroke in the list (≤ 2 ms
/// p99: only the visible rows are read) and a filter change (list and aging totals read again).
/// `bytek bench` prints them.
@MainActor
public enum CobranzasBenchmark {
    public static let receivables = 200_000

    public static func run(store: Store, keystrokes: Int = 2_000) throws -> [TUIBenchmark.Figure] {
        try fill(store)
        let terminal = TestTerminal(width: 120, height: 40)
        let context = AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin))
        let app = App(terminal: terminal, context: context, store: store)
        app.switchModule(.receivables)
        app.draw()
        let pattern: [Key] = Array(repeating: .down, count: 12) + [.pageDown, .up, .up, .pageUp, .down, .pageDown, .end, .up, .home]
        let keys = TUIBenchmark.time(app, keys: (0..<keystrokes).map { pattern[$0 % pattern.count] })
        let count = TUIBenchmark.formatCount(Int64(receivables))
        var figures = [TUIBenchmark.percentiles("tecla en Cobranzas (\(count) por cobrar; actualizar + dibujar)", keys, budgetMs: 2)]
        // Filters: currency, age bucket and unit cycled; each reads the list's first page and the aging again.
        let filters: [Key] = [.char("m"), .char("a"), .char("a"), .char("u"), .char("m"), .char("a"), .char("u"), .char("m")]
        let changes = TUIBenchmark.time(app, keys: (0..<120).map { filters[$0 % filters.count] })
        figures.append(TUIBenchmark.percentiles("cambio de filtro en Cobranzas (lista + antigüedad)", changes, budgetMs: 50))
        return figures
    }

    /// Adds open receivables (facturas of 3,000 customers in both currencies, due within ±400 days,
    /// some partly paid, a tenth of them detracción parts) until there are 200,000. Bench data only:
    /// written in one statement with foreign keys off (the documents they point to are not created).
    static func fill(_ store: Store) throws {
        let have = try store.db.scalar("SELECT count(*) FROM receivable WHERE is_open = 1").intValue ?? 0
        guard have < receivables else { return }
        let missing = receivables - Int(have)
        try store.db.execute("PRAGMA foreign_keys=OFF")
        defer { try? store.db.execute("PRAGMA foreign_keys=ON") }
        try store.db.write {
            try store.db.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                INSERT INTO receivable(document_id, document_ref, document_kind, customer_id, customer_name, customer_doc_number,
                  part, installment, currency, amount_cents, settled_cents, issue_date, due_date, unit, created_at)
                SELECT 9000000 + i, 'F9' || printf('%02d', i % 100) || '-' || i, '01', NULL, 'Cliente de prueba ' || (i % 3000),
                  '20' || printf('%09d', i % 3000), CASE WHEN i % 10 = 0 THEN 'detraccion' ELSE 'neto' END, i % 3,
                  CASE WHEN i % 4 = 0 THEN 'USD' ELSE 'PEN' END, 10000 + (i * 7919) % 5000000,
                  CASE WHEN i % 5 = 0 THEN 5000 ELSE 0 END, date('now', '-' || (i % 430) || ' days'),
                  date('now', '+30 days', '-' || (i % 430) || ' days'), 'U' || (1 + i % 3), '2026-01-01T00:00:00Z'
                FROM n
                """, [.int(Int64(missing))])
        }
    }
}
