import Foundation

/// One period of one subscription to bill: a line of a recurring document.
public struct RecurringItem: Sendable, Hashable {
    public var subscriptionId: Int64
    public var customerId: Int64
    /// The subscription's description ("Hosting Pro"); the line adds the period.
    public var description: String
    public var taxCategory: TaxCategory
    /// The currency the document is in (the price's, or soles for a dollar price billed in soles).
    public var billCurrency: Currency
    public var billingDay: Int
    public var period: BillingPeriod
    public var charge: PeriodCharge

    public init(subscriptionId: Int64, customerId: Int64, description: String, taxCategory: TaxCategory,
                billCurrency: Currency, billingDay: Int, period: BillingPeriod, charge: PeriodCharge) {
        self.subscriptionId = subscriptionId; self.customerId = customerId; self.description = description
        self.taxCategory = taxCategory; self.billCurrency = billCurrency; self.billingDay = billingDay
        self.period = period; self.charge = charge
    }

    /// Whether the amount needs the day's rate (a conversion, or a document in dollars, which states it).
    public var needsRate: Bool { billCurrency == .usd || charge.amount.currency != billCurrency }

    /// The amount in the document's currency: the price's own, or converted at `rate` (soles per dollar)
    /// and rounded to céntimos half away from zero.
    public func billedAmount(rate: Decimal?) throws(RecurringError) -> Money {
        let a = charge.amount
        if a.currency == billCurrency { return a }
        guard let rate, rate > 0 else { throw .rateMissing }
        return (billCurrency == .pen ? Money(a.amount * rate, .pen) : Money(a.amount / rate, .usd)).rounded()
    }

    /// "Hosting Pro — dic 2026"; "— dic 2026 – feb 2027" for a quarter or a year; "— 15/12/2026 – 14/01/2027"
    /// when the billing day is not the 1st; "(22 de 31 días)" after a prorated one.
    public var lineDescription: String {
        description + " — " + Self.periodLabel(charge, period: period)
            + (charge.isProrated ? " (\(charge.billedDays) de \(charge.periodDays) días)" : "")
    }

    static let months = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic"]

    public static func periodLabel(_ c: PeriodCharge, period: BillingPeriod) -> String {
        func month(_ d: LocalDate) -> String { months[d.month - 1] + " " + String(d.year) }
        func day(_ d: LocalDate) -> String {
            (d.day < 10 ? "0" : "") + String(d.day) + "/" + (d.month < 10 ? "0" : "") + String(d.month) + "/" + String(d.year)
        }
        if c.start.day != 1 { return day(c.start) + " – " + day(c.lastDay) }
        return period == .monthly ? month(c.start) : month(c.start) + " – " + month(c.lastDay)
    }
}

/// Why a recurring document cannot be made. `message` says it in Spanish.
public enum RecurringError: Error, Sendable, Hashable {
    /// A dollar amount billed in soles (or a document in dollars) and no rate of the day.
    case rateMissing
    case amount(MoneyError)
    case document(EDocumentError)

    public var message: String {
        switch self {
        case .rateMissing:
            return "Falta el tipo de cambio del día para facturar la suscripción en dólares: regístrelo en Finanzas › Tipo de cambio."
        case .amount: return "El importe de la suscripción está fuera del rango permitido."
        case .document(let e): return e.message
        }
    }
}
