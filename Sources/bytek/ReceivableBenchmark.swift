import BytekDemo
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// Cobranzas figures over 200,000 receivables: the aging totals at the foot of the list, a keystroke in the
/// list (the next rows after the cursor, all open ones and one customer's), and a customer's estado de cuenta.
@MainActor
enum ReceivableBenchmark {
    struct Figure { var name: String; var value: String; var budget: String; var ok: Bool }

    static func run(path: String) throws -> [Figure] {
        let store = try Store(path: path)
        let today = LimaTime.date(Date())
        let started = Date()
        let count = try BenchReceivables.fill(store: store, documents: 20_000, today: today)
        let fillSeconds = Date().timeIntervalSince(started)
        let services = Services(store: store, actor: .staff("admin", role: .admin, door: .cli))
        let all = ReceivableQuery(asOf: today)
        var figures: [Figure] = []

        let aging = try samples(30) { _ in _ = try services.receivables.agingTotals(all) }
        figures.append(Figure(name: "cobranzas: antigüedad de \(count) cuentas por cobrar",
                              value: String(format: "p50 %.2f ms · p99 %.2f ms", aging.p50, aging.p99), budget: "≤ 50 ms",
                              ok: aging.p99 <= 50))

        let customer = try store.db.scalar("SELECT customer_id FROM receivable WHERE is_open = 1 GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1").intValue ?? 1
        for (label, query) in [("todas", all), ("un cliente", ReceivableQuery(customerId: customer, asOf: today)),
                               ("vencidas en USD", ReceivableQuery(currency: .usd, overdueOnly: true, asOf: today))] {
            let pager = try services.receivables.pager(query)
            var page = try pager.first(40)
            let keys = try samples(300) { _ in
                if let last = page.last { let next = try pager.after(last.cursor, 1); if next.isEmpty { page = try pager.first(40) } else { page = Array(page.dropFirst()) + next } }
            }
            figures.append(Figure(name: "cobranzas: tecla ↓ en la lista (\(label))",
                                  value: String(format: "p50 %.3f ms · p99 %.3f ms", keys.p50, keys.p99), budget: "p99 ≤ 2 ms",
                                  ok: keys.p99 <= 2))
        }
        let statement = try samples(10) { _ in
            _ = try services.receivables.statement(customerId: customer, from: today.adding(days: -400), to: today)
        }
        figures.append(Figure(name: "estado de cuenta de un cliente (texto, 400 días)",
                              value: String(format: "p50 %.2f ms · p99 %.2f ms", statement.p50, statement.p99), budget: "—", ok: true))
        if fillSeconds > 1 {
            figures.insert(Figure(name: "cobranzas: datos preparados", value: String(format: "%.1f s", fillSeconds), budget: "—", ok: true), at: 0)
        }
        return figures
    }

    /// p50 and p99 of `n` runs, in ms.
    static func samples(_ n: Int, _ body: (Int) throws -> Void) throws -> (p50: Double, p99: Double) {
        var times: [Double] = []
        for i in 0..<n {
            let t = DispatchTime.now().uptimeNanoseconds
            try body(i)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1_000_000)
        }
        times.sort()
        return (times[times.count / 2], times[min(times.count - 1, Int(Double(times.count) * 0.99))])
    }
}
