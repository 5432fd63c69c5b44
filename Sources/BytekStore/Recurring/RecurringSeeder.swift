import BytekModel
import Foundation

/// Subscriptions written straight into the store, for the demo, the bench and the tests (in the program
/// they are born when a quote is accepted: `QuoteRepository.accept`). Each needs a quote to point to:
/// `holderQuote` makes one draft per customer.
public struct RecurringSeeder {
    public let db: Database
    public let now: @Sendable () -> Date

    public init(db: Database, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) { self.db = db; self.now = now }

    /// The e-invoicing settings a seeded database issues with (the bench's own database).
    public func settings(_ settings: EInvoicingSettings) throws {
        try EInvoicingSettingsRepository(db: db, user: "bench", now: now).save(settings)
    }

    /// A draft quote of `customerId` the seeded subscriptions point to.
    public func holderQuote(customerId: Int64, issueDate: LocalDate) throws -> (id: Int64, number: String) {
        let q = try QuoteRepository(db: db, user: "demo", now: now)
            .createDraft(Quote(QuoteContent(customerId: customerId, unit: .digital, issueDate: issueDate)))
        return (q.id ?? 0, q.number)
    }

    /// Inserts a subscription with its billing fields; returns its id.
    @discardableResult
    public func subscription(customerId: Int64, quote: (id: Int64, number: String), description: String, price: Money,
                             period: BillingPeriod, start: LocalDate, billingDay: Int = 1, timing: BillingTiming = .advance,
                             billCurrency: Currency? = nil, taxCategory: TaxCategory = .gravado) throws -> Int64 {
        try db.execute("""
            INSERT INTO subscription(customer_id, description, unit, tax_category, price_cents, currency, period, periods,
                start_date, quote_id, quote_number, quote_version, created_at, billing_day, timing, bill_currency)
            VALUES (?, ?, 'U1', ?, ?, ?, ?, '12', ?, ?, ?, 1, ?, ?, ?, ?)
            """, [.int(customerId), .text(description), .text(taxCategory.rawValue), .int(price.minorUnits),
                  .text(price.currency.rawValue), .text(period.rawValue), .text(start.description), .int(quote.id),
                  .text(quote.number), .text(ISOTimestamp.format(now())), .int(Int64(billingDay)), .text(timing.rawValue),
                  .text((billCurrency ?? price.currency).rawValue)])
        return db.lastInsertRowID
    }
}
