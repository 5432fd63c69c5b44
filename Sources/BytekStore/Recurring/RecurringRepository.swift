import BytekModel
import Foundation

/// The billing side of subscriptions: their billing fields, price history, pauses, the (subscription,
/// period) keys billed and the runs. Every edit is one transaction with its audit entry.
public struct RecurringRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    /// The audit entity of a billing run.
    public static let runAuditEntity = "recurring_run"

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    // MARK: reading

    /// Every subscription (active ones only when `activeOnly`) with its billing fields and history.
    public func all(activeOnly: Bool = true, customerId: Int64? = nil) throws -> [RecurringSubscription] {
        try db.read {
            let (condition, args) = SubscriptionRepository.filter(customerId: customerId, activeOnly: activeOnly)
            let rows = try db.query("SELECT subscription.*, COALESCE(customer.legal_name, '') AS customer_name FROM subscription "
                                    + "LEFT JOIN customer ON customer.id = subscription.customer_id"
                                    + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY subscription.id", args)
            var prices: [Int64: [PriceChange]] = [:]
            for r in try db.query("SELECT p.subscription_id, p.effective_from, p.price_cents, s.currency FROM subscription_price p "
                                  + "JOIN subscription s ON s.id = p.subscription_id ORDER BY p.effective_from") {
                guard let from = LocalDate(r.string("effective_from")) else { continue }
                prices[r.int("subscription_id"), default: []].append(
                    PriceChange(effectiveFrom: from, price: Money(minorUnits: r.int("price_cents"), SalesColumns.currency(r.string("currency")))))
            }
            var pauses: [Int64: [PauseSpan]] = [:]
            for r in try db.query("SELECT subscription_id, paused_from, resumed_on FROM subscription_pause ORDER BY paused_from, id") {
                guard let from = LocalDate(r.string("paused_from")) else { continue }
                pauses[r.int("subscription_id"), default: []].append(PauseSpan(from: from, resumedOn: SalesColumns.date(r["resumed_on"])))
            }
            return rows.map { row in
                let s = SubscriptionRepository.decode(row)
                let id = s.id ?? 0
                return RecurringSubscription(
                    subscription: s, billingDay: Int(row.int("billing_day")),
                    timing: BillingTiming(rawValue: row.string("timing")) ?? .advance,
                    billCurrency: Currency(rawValue: row.string("bill_currency")), endsOn: SalesColumns.date(row["ends_on"]),
                    priceChanges: prices[id] ?? [], pauses: pauses[id] ?? [], customerName: row.string("customer_name"))
            }
        }
    }

    /// One subscription with its billing fields.
    public func get(_ id: Int64) throws -> RecurringSubscription? {
        try all(activeOnly: false).first { $0.id == id }
    }

    /// The first days of the periods billed, per subscription.
    public func billedPeriods() throws -> [Int64: Set<LocalDate>] {
        var result: [Int64: Set<LocalDate>] = [:]
        for r in try db.query("SELECT subscription_id, period_start FROM subscription_charge") {
            if let d = LocalDate(r.string("period_start")) { result[r.int("subscription_id"), default: []].insert(d) }
        }
        return result
    }

    // MARK: charges (inside the issuing transaction)

    /// Writes the (subscription, period) keys of `documentId`. Meant for `EDocumentRepository.issue`'s
    /// `alongside`: a key billed already (by another worker) violates UNIQUE and the whole document rolls back.
    public func recordCharges(documentId: Int64, runId: Int64?, items: [(item: RecurringItem, billed: Money)]) throws {
        for (item, billed) in items {
            let c = item.charge
            try db.execute("""
                INSERT INTO subscription_charge(subscription_id, period_start, period_end, document_id, run_id, billed_days,
                    period_days, amount_cents, currency, billed_cents, bill_currency) VALUES (?,?,?,?,?,?,?,?,?,?,?)
                """, [.int(item.subscriptionId), .text(c.start.description), .text(c.end.description), .int(documentId),
                      runId.map { .int($0) } ?? .null, .int(Int64(c.billedDays)), .int(Int64(c.periodDays)),
                      .int(c.amount.minorUnits), .text(c.amount.currency.rawValue), .int(billed.minorUnits),
                      .text(billed.currency.rawValue)])
        }
    }

    // MARK: runs

    /// Starts a run (its own transaction, audited): the row failures and charges point to.
    public func startRun(date: LocalDate) throws -> Int64 {
        try db.write {
            try db.execute("INSERT INTO recurring_run(run_date, started_at, user_login, door) VALUES (?,?,?,?)",
                           [.text(date.description), .text(ISOTimestamp.format(now())), .text(user), .text(door?.rawValue ?? "")])
            let id = db.lastInsertRowID
            try audit.append(entity: Self.runAuditEntity, entityId: id, action: .create,
                             summary: "Facturación recurrente del \(date.description)")
            return id
        }
    }

    /// Records a customer the run could not bill, with the Spanish reason.
    public func recordFailure(runId: Int64, customerId: Int64, reason: String) throws {
        try db.write {
            try db.execute("INSERT INTO recurring_run_failure(run_id, customer_id, reason) VALUES (?,?,?)",
                           [.int(runId), .int(customerId), .text(reason)])
        }
    }

    /// Closes a run with its counts.
    public func finishRun(_ id: Int64, documents: Int, lines: Int, failures: Int) throws {
        try db.write {
            try db.execute("UPDATE recurring_run SET finished_at = ?, documents = ?, lines = ?, failures = ? WHERE id = ?",
                           [.text(ISOTimestamp.format(now())), .int(Int64(documents)), .int(Int64(lines)), .int(Int64(failures)), .int(id)])
        }
    }

    /// The latest runs, newest first.
    public func runs(limit: Int = 20) throws -> [RecurringRun] {
        try db.read {
            let rows = try db.query("SELECT * FROM recurring_run ORDER BY id DESC LIMIT ?", [.int(Int64(limit))])
            return try rows.map { r in
                let id = r.int("id")
                let failures = try db.query("""
                    SELECT f.customer_id, f.reason, COALESCE(c.legal_name, '') AS name FROM recurring_run_failure f
                    LEFT JOIN customer c ON c.id = f.customer_id WHERE f.run_id = ? ORDER BY f.id
                    """, [.int(id)]).map { RecurringRun.Failure(customerId: $0.int("customer_id"), customerName: $0.string("name"),
                                                                 reason: $0.string("reason")) }
                let totals = try db.query("""
                    SELECT bill_currency, SUM(billed_cents) AS cents FROM subscription_charge WHERE run_id = ? GROUP BY bill_currency
                    """, [.int(id)]).map { Money(minorUnits: $0.int("cents"), SalesColumns.currency($0.string("bill_currency"))) }
                return RecurringRun(id: id, date: LocalDate(r.string("run_date")) ?? LocalDate(daysSinceEpoch: 0),
                                    startedAt: ISOTimestamp.parse(r.string("started_at")) ?? Date(timeIntervalSince1970: 0),
                                    finishedAt: r.optionalString("finished_at").flatMap(ISOTimestamp.parse),
                                    user: r.string("user_login"), documents: Int(r.int("documents")), lines: Int(r.int("lines")),
                                    totals: totals, failures: failures)
            }
        }
    }

    // MARK: edits

    /// Changes the billing fields (day, timing, document currency) of subscription `id`.
    public func setBilling(_ id: Int64, billingDay: Int, timing: BillingTiming, billCurrency: Currency) throws {
        try edit(id, summary: "día de facturación \(billingDay), \(timing.displayName.lowercased()), en \(billCurrency.rawValue)") {
            try db.execute("UPDATE subscription SET billing_day = ?, timing = ?, bill_currency = ? WHERE id = ?",
                           [.int(Int64(billingDay)), .text(timing.rawValue), .text(billCurrency.rawValue), .int(id)])
        }
    }

    /// Pauses from `date` (nothing from that day on is billed until resumed).
    public func pause(_ id: Int64, from date: LocalDate) throws {
        try edit(id, summary: "pausada desde el \(date.description)") {
            try db.execute("INSERT INTO subscription_pause(subscription_id, paused_from) VALUES (?,?)", [.int(id), .text(date.description)])
        }
    }

    /// Resumes on `date` (billed again from that day, prorated).
    public func resume(_ id: Int64, on date: LocalDate) throws {
        try edit(id, summary: "reanudada el \(date.description)") {
            try db.execute("UPDATE subscription_pause SET resumed_on = ? WHERE subscription_id = ? AND resumed_on IS NULL",
                           [.text(date.description), .int(id)])
        }
    }

    /// Ends on `endsOn` (first day no longer billed).
    public func end(_ id: Int64, on endsOn: LocalDate) throws {
        try edit(id, summary: "termina el \(endsOn.adding(days: -1).description)") {
            try db.execute("UPDATE subscription SET ends_on = ? WHERE id = ?", [.text(endsOn.description), .int(id)])
        }
    }

    /// A new price from the period starting `effectiveFrom`.
    public func changePrice(_ id: Int64, to price: Money, from effectiveFrom: LocalDate) throws {
        try edit(id, summary: "precio \(price.formatted) desde el \(effectiveFrom.description)") {
            try db.execute("""
                INSERT INTO subscription_price(subscription_id, effective_from, price_cents, user_login, created_at) VALUES (?,?,?,?,?)
                ON CONFLICT(subscription_id, effective_from) DO UPDATE SET price_cents = excluded.price_cents
                """, [.int(id), .text(effectiveFrom.description), .int(price.minorUnits), .text(user),
                      .text(ISOTimestamp.format(now()))])
        }
    }

    private func edit(_ id: Int64, summary: String, _ body: () throws -> Void) throws {
        try db.write {
            guard let before = try db.queryOne("SELECT description FROM subscription WHERE id = ?", [.int(id)]) else {
                throw RecurringRepositoryError.subscriptionNotFound(id)
            }
            try body()
            try audit.append(entity: SalesAuditEntity.subscription, entityId: id, action: .update,
                             summary: before.string("description") + ": " + summary)
        }
    }
}

public enum RecurringRepositoryError: Error, Sendable, Hashable {
    case subscriptionNotFound(Int64)
}
