import BytekModel
import BytekServices
import BytekStore
import Dispatch
import Foundation

/// The board's speed budget (≤ 5 ms p99 per keystroke with 5,000 open deals), measured on the
/// real screen drawn into an in-memory terminal at 120×40. `bytek bench` prints it.
@MainActor
public enum SalesBenchmark {
    /// Open deals the measurement needs; missing ones are created in U2's open stages.
    public static let openDeals = 5_000

    /// Fills `store` up to 5,000 open deals (U2, spread over its open stages, one lead per ten
    /// deals, a third of them in dollars), opens the U2 board and times 2,000 keystrokes (update +
    /// render): moving between cards and columns, with an owner-filter and a unit switch now and
    /// then (each re-reads the columns). Returns the median and the 99th percentile in milliseconds.
    public static func boardKeystrokes(store: Store, keystrokes: Int = 2_000) throws -> (p50: Double, p99: Double) {
        try fill(store)
        let terminal = TestTerminal(width: 120, height: 40)
        let context = AppContext(strings: Strings(language: .es), session: UserSession(login: "admin", name: "Bench", role: .admin))
        let app = App(terminal: terminal, context: context, store: store)
        app.switchModule(.sales)
        app.handle(.key(.char("u")))
        app.draw()
        let pattern: [Key] = [.down, .down, .down, .right, .down, .down, .up, .right, .down, .left, .down, .end, .home,
                              .right, .down, .down, .right, .up, .left, .left, .down, .down, .down, .char("f")]
        var samples: [Double] = []
        samples.reserveCapacity(keystrokes)
        for i in 0..<keystrokes {
            // Every 200 keys a full turn of the units (U2 → U3 → U1 → U2): three reloads.
            let key: Key = i % 200 < 3 && i >= 200 ? .char("u") : pattern[i % pattern.count]
            let t0 = DispatchTime.now().uptimeNanoseconds
            app.handle(.key(key))
            app.draw()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1_000_000)
        }
        samples.sort()
        func pct(_ p: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count - 1) * p))] }
        return (pct(0.5), pct(0.99))
    }

    static func fill(_ store: Store) throws {
        let sales = Services(store: store, actor: .staff("admin", role: .admin, door: .cli)).sales
        let open = try sales.cardPager(DealQuery(openOnly: true)).count()
        guard open < openDeals, let pipeline = try sales.pipeline(for: .software) else { return }
        let stages = pipeline.stages.filter { $0.active && $0.kind == .open }.compactMap(\.id)
        guard !stages.isEmpty else { return }
        let now = Date()
        try store.db.write {
            var lead = Lead(name: "")
            for i in 0..<(openDeals - open) {
                if i % 10 == 0 { lead = Lead(name: "Prospecto de prueba \(i / 10 + 1)") }
                let currency: Currency = i % 3 == 0 ? .usd : .pen
                let deal = Deal(title: "Oportunidad \(i + 1)", unit: .software,
                                stageId: stages[i % stages.count], owner: i % 2 == 0 ? "admin" : "ventas",
                                estimatedValue: Money(minorUnits: Int64(100_000 + (i * 7_919) % 5_000_000), currency),
                                expectedClose: LocalDate(now, in: SalesServices.lima).adding(days: i % 120),
                                source: DealSource.allCases[i % DealSource.allCases.count], stageEnteredAt: now)
                let saved = try sales.create(deal, for: .lead(lead))
                if lead.id == nil, let id = saved.leadId { lead.id = id }
            }
        }
    }
}
