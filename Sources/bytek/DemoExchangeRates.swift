import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The demo's exchange rates: the last 30 days up to today, as a SUNAT file would give them (compra and
/// venta near 3.70–3.80, venta 7 thousandths above compra), imported by finanzas through the service.
@MainActor
enum DemoExchangeRates {
    /// Imports the rates; returns how many days were added.
    @discardableResult
    static func seed(store: Store, now: Date = Date()) throws -> Int {
        let services = Services(store: store, actor: .staff("finanzas", role: .finanzas, door: .cli), now: { now })
        let today = services.exchangeRates.today
        var sell: Int64 = 3_752
        var lines: [String] = []
        for back in stride(from: 29, through: 0, by: -1) {
            let day = today.adding(days: -back)
            // A small deterministic walk kept inside 3.700–3.800.
            let step = Int64((day.daysSinceEpoch * 7_919) % 17) - 8
            sell = min(3_800, max(3_707, sell + step))
            lines.append(ExchangeRateRule.dayMonthYear(day) + "|" + ExchangeRate.text(sell - 7) + "|" + ExchangeRate.text(sell) + "|")
        }
        return try services.exchangeRates.importRates(lines.joined(separator: "\n")).created
    }
}
