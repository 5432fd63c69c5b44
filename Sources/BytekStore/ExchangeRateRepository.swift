import BytekModel
import Foundation

/// The `exchange_rate` table: one rate per day. Every save is validated and audited in one transaction.
public struct ExchangeRateRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log and the row).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    public static let rateAuditEntity = "exchange_rate"

    /// What a save did.
    public enum Outcome: Sendable, Hashable { case created, updated, unchanged }

    /// The rate of exactly this day.
    public func get(_ date: LocalDate) throws -> ExchangeRate? {
        try db.queryOne("SELECT * FROM exchange_rate WHERE date = ?", [.text(date.description)]).map(Self.rate)
    }

    /// The newest rate dated on or before `date`.
    public func latest(onOrBefore date: LocalDate) throws -> ExchangeRate? {
        try db.queryOne("SELECT * FROM exchange_rate WHERE date <= ? ORDER BY date DESC LIMIT 1",
                        [.text(date.description)]).map(Self.rate)
    }

    /// Rates from `since` (all when nil), newest first, at most `limit`.
    public func list(since: LocalDate? = nil, limit: Int = 1000) throws -> [ExchangeRate] {
        try db.query("SELECT * FROM exchange_rate WHERE date >= ? ORDER BY date DESC LIMIT ?",
                     [.text(since?.description ?? "0000-00-00"), .int(Int64(limit))]).map(Self.rate)
    }

    /// Saves the rate of its day (replacing that day's rate), checked again here: compra ≤ venta, both
    /// positive. The band (2.5–6) is the caller's check, since a user may confirm a rate outside it.
    @discardableResult
    public func save(_ rate: ExchangeRate) throws -> Outcome {
        try db.write { try saveInTransaction(rate) }
    }

    /// Saves many rates in one transaction (an import): all or nothing. Returns each one's outcome.
    public func saveAll(_ rates: [ExchangeRate]) throws -> [Outcome] {
        try db.write { try rates.map { try saveInTransaction($0) } }
    }

    private func saveInTransaction(_ rate: ExchangeRate) throws -> Outcome {
        guard rate.buyMilli > 0, rate.sellMilli > 0 else {
            throw ExchangeRateError.invalid(field: "tipo de cambio", .exchangeRateNotPositive)
        }
        try ExchangeRate.checkPair(buyMilli: rate.buyMilli, sellMilli: rate.sellMilli)
        var after = rate
        after.user = user
        let audit = AuditLog(db: db, user: user, door: door, now: now)
        let summary = "\(ExchangeRateRule.dayMonthYear(rate.date)) compra \(ExchangeRate.text(rate.buyMilli)) venta \(ExchangeRate.text(rate.sellMilli))"
        if let row = try db.queryOne("SELECT * FROM exchange_rate WHERE date = ?", [.text(rate.date.description)]) {
            let before = Self.rate(row)
            if before.buyMilli == after.buyMilli && before.sellMilli == after.sellMilli { return .unchanged }
            try db.execute("""
                UPDATE exchange_rate SET buy_milli = ?, sell_milli = ?, source = ?, user_login = ?, updated_at = ? WHERE id = ?
                """, [.int(after.buyMilli), .int(after.sellMilli), .text(after.source.rawValue), .text(user),
                      .text(ISOTimestamp.format(now())), .int(row.int("id"))])
            try audit.append(entity: Self.rateAuditEntity, entityId: row.int("id"), action: .update, summary: summary,
                             before: before, after: after)
            return .updated
        }
        try db.execute("""
            INSERT INTO exchange_rate(date, buy_milli, sell_milli, source, user_login, updated_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(rate.date.description), .int(after.buyMilli), .int(after.sellMilli), .text(after.source.rawValue),
                  .text(user), .text(ISOTimestamp.format(now()))])
        let id = db.lastInsertRowID
        try audit.append(entity: Self.rateAuditEntity, entityId: id, action: rate.source == .imported ? .import : .create,
                         summary: summary, after: after)
        return .created
    }

    static func rate(_ row: Row) -> ExchangeRate {
        ExchangeRate(date: LocalDate(row.string("date")) ?? LocalDate(daysSinceEpoch: 0), buyMilli: row.int("buy_milli"),
                     sellMilli: row.int("sell_milli"), source: ExchangeRate.Source(rawValue: row.string("source")) ?? .manual,
                     user: row.string("user_login"))
    }
}
