import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The recurring part of `bytek demo`: subscriptions of a few demo customers that started months ago
/// (monthly and quarterly, in advance and in arrears, one in dollars billed in soles, one paused), billed
/// by one run of the worker after the demo's documents: each customer's document carries a line per past
/// period ("Hosting administrado — set 2026"), so Recurrentes shows what was billed and what comes next.
@MainActor
enum DemoRecurring {
    static func run(store: Store, environment: [String: String]) throws -> RecurringRunReport? {
        let now = ProcessClock.now()
        let today = LimaTime.date(now)
        let customers = try store.db.query("SELECT id FROM customer WHERE doc_type = 'RUC' AND archived = 0 ORDER BY id LIMIT 6")
            .map { $0.int("id") }
        guard customers.count == 6 else { return nil }
        let seed = RecurringSeeder(db: store.db)
        func monthStart(_ monthsAgo: Int) -> LocalDate {
            let m = today.year * 12 + today.month - 1 - monthsAgo
            return LocalDate(year: m / 12, month: m % 12 + 1, day: 1)!
        }
        let pen = { (cents: Int64) in Money(minorUnits: cents, .pen) }
        var ids: [Int64] = []
        try store.db.write {
            for (i, c) in customers.enumerated() {
                let quote = try seed.holderQuote(customerId: c, issueDate: monthStart(6))
                switch i {
                case 0:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Hosting administrado", price: pen(35_000),
                                                     period: .monthly, start: monthStart(4)))
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Copias de seguridad", price: pen(12_000),
                                                     period: .monthly, start: monthStart(4), timing: .arrears))
                case 1:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Soporte preventivo", price: pen(90_000),
                                                     period: .quarterly, start: monthStart(5)))
                case 2:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Licencias en la nube",
                                                     price: Money(minorUnits: 8_000, .usd), period: .monthly, start: monthStart(3),
                                                     billCurrency: .pen))
                case 3:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Correo corporativo", price: pen(18_000),
                                                     period: .monthly, start: monthStart(3).adding(days: 9)))
                case 4:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Monitoreo 24×7", price: pen(45_000),
                                                     period: .monthly, start: monthStart(5)))
                default:
                    ids.append(try seed.subscription(customerId: c, quote: quote, description: "Dominio y DNS", price: pen(15_000),
                                                     period: .annual, start: monthStart(2)))
                }
            }
        }
        let admin = Services(store: store, actor: .staff("finanzas", role: .finanzas, door: .cli), environment: { environment })
        // Monitoreo paused two months ago (those days are not billed), resumed a month ago.
        try admin.recurring.pause(ids[5], from: monthStart(2))
        try admin.recurring.resume(ids[5], on: monthStart(1).adding(days: 14))
        return try Services(store: store, actor: .worker, environment: { environment }).recurring.run(on: today)
    }
}
