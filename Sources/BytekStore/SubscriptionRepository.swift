import BytekModel
import Foundation

/// The subscriptions created by accepted quotes (read-only here; billing will charge them).
public struct SubscriptionRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Subscriptions, oldest first, optionally of one customer and only active ones.
    public func list(customerId: Int64? = nil, activeOnly: Bool = false) throws -> [Subscription] {
        let (condition, args) = SubscriptionRepository.filter(customerId: customerId, activeOnly: activeOnly)
        return try db.query("SELECT * FROM subscription" + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY id", args)
            .map(SubscriptionRepository.decode)
    }

    /// The same list as a keyset pager (the Suscripciones screen).
    public func pager(customerId: Int64? = nil, activeOnly: Bool = false) -> KeysetPager<Subscription> {
        let (condition, args) = SubscriptionRepository.filter(customerId: customerId, activeOnly: activeOnly)
        let columns = ["id", "customer_id", "catalog_item_id", "description", "unit", "tax_category", "price_cents",
                       "currency", "period", "periods", "start_date", "quote_id", "quote_number", "quote_version", "active"]
        return KeysetPager(db: db, from: "subscription", where: condition, arguments: args,
                           columns: columns.map { "subscription.\($0) AS \($0)" }, order: [SortKey("subscription.id")],
                           decode: SubscriptionRepository.decode)
    }

    static func filter(customerId: Int64?, activeOnly: Bool) -> (String?, [SQLValue]) {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let customerId { conditions.append("subscription.customer_id = ?"); args.append(.int(customerId)) }
        if activeOnly { conditions.append("subscription.active = 1") }
        return (conditions.isEmpty ? nil : conditions.joined(separator: " AND "), args)
    }

    @Sendable static func decode(_ row: Row) -> Subscription {
        Subscription(
            id: row.int("id"), customerId: row.int("customer_id"),
            catalogItemId: SalesColumns.optionalInt(row["catalog_item_id"]), description: row.string("description"),
            unit: SalesColumns.unit(row.string("unit")),
            taxCategory: TaxCategory(rawValue: row.string("tax_category")) ?? .gravado,
            pricePerPeriod: Money(minorUnits: row.int("price_cents"), SalesColumns.currency(row.string("currency"))),
            period: BillingPeriod(rawValue: row.string("period")) ?? .monthly,
            periods: SalesColumns.decimal(row.string("periods")),
            startDate: SalesColumns.date(row["start_date"]) ?? LocalDate(daysSinceEpoch: 0),
            quoteId: row.int("quote_id"), quoteNumber: row.string("quote_number"),
            quoteVersion: Int(row.int("quote_version")), active: row.bool("active"))
    }
}
