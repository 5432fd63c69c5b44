import Foundation

/// A person's cost per hour (soles) in force from a day on; kept by admin and finanzas, hidden from others.
public struct CostRate: Sendable, Hashable, Codable {
    public var login: String
    public var from: LocalDate
    public var rate: Money

    public init(login: String, from: LocalDate, rate: Money) {
        self.login = login; self.from = from; self.rate = rate
    }

    /// The rate in force on `day` among `rates` (one person's): the latest from on or before it.
    public static func inForce(on day: LocalDate, _ rates: [CostRate]) -> CostRate? {
        rates.filter { $0.from <= day }.max { $0.from < $1.from }
    }

    /// Cost of `minutes` at `rate` per hour, rounded to the cent.
    public static func cost(minutes: Int, rate: Money) -> Money {
        (rate * (Decimal(minutes) / 60)).rounded()
    }

    /// A rate typed by admin or finanzas ("45.50"), in soles, 0 or more.
    public static func parse(_ text: String) throws(TimesheetError) -> Money {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.hasPrefix("-"), let m = try? Money.parse(t, currency: .pen), !m.isNegative else {
            throw .invalidRate(text)
        }
        return m
    }
}
