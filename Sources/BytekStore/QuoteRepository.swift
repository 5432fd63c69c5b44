import BytekModel
import Foundation

/// Quotes, one row per version. A draft is saved and updated; `send` freezes the version for good
/// (the store refuses any later change of its content); a change after that is `newVersion`.
/// Numbers (`COT-2026-00001`) come from a gapless yearly series taken in the transaction that
/// creates the quote. Every change is one transaction with its audit entry.
public struct QuoteRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }

    /// The deals acting as the same user through the same door (accepting moves the deal).
    var deals: DealRepository {
        var r = DealRepository(db: db, user: user, now: now)
        r.door = door
        return r
    }

    // MARK: drafts

    /// Saves a new quote as version 1 in draft, numbered from the series of its issue year.
    /// Its figures must compute (payment terms valid, exchange rate present when needed).
    @discardableResult
    public func createDraft(_ quote: Quote) throws -> Quote {
        let totals = try QuoteRepository.checkedTotals(quote)
        return try db.write {
            let sequence = try Numbering.next(QuoteNumber.series(year: quote.issueDate.year), in: db)
            var q = Quote(id: nil, number: QuoteNumber.format(year: quote.issueDate.year, sequence: sequence),
                          version: 1, state: .draft, content: quote.content)
            q.id = try insert(q, totals: totals)
            try audit.append(entity: SalesAuditEntity.quote, entityId: q.id, action: .create,
                             summary: "\(q.number) v1", after: q)
            return q
        }
    }

    /// Saves the content of a stored draft. Refused with `.quote(.notEditable(state))` when the stored
    /// version is no longer a draft, whatever the value passed says.
    @discardableResult
    public func updateDraft(_ quote: Quote) throws -> Quote {
        guard let id = quote.id else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, 0) }
        let totals = try QuoteRepository.checkedTotals(quote)
        return try db.write {
            guard let before = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
            guard before.state == .draft else { throw SalesRepositoryError.quote(.notEditable(before.state)) }
            let after = Quote(id: id, number: before.number, version: before.version, state: .draft,
                              content: quote.content)
            if after == before { return before }
            try updateRow(after, totals: totals)
            try replaceLines(after)
            try audit.append(entity: SalesAuditEntity.quote, entityId: id, action: .update,
                             summary: "\(after.number) v\(after.version)", before: before, after: after)
            return after
        }
    }

    /// Sends a draft (dated `today`): from now on the version never changes.
    @discardableResult
    public func send(_ id: Int64, on today: LocalDate) throws -> Quote {
        try transition(id, summary: "enviada") { q throws(QuoteError) in try q.send(on: today) }
    }

    /// Rejects a sent version.
    @discardableResult
    public func reject(_ id: Int64) throws -> Quote {
        try transition(id, summary: "rechazada") { q throws(QuoteError) in try q.reject() }
    }

    /// Copies version `id` as the next version of its number (highest stored version + 1), in draft.
    @discardableResult
    public func newVersion(of id: Int64) throws -> Quote {
        try db.write {
            guard let source = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
            var copy: Quote
            do { copy = try source.newVersion() } catch let error as QuoteError { throw SalesRepositoryError.quote(error) }
            let highest = Int(try db.scalar("SELECT max(version) FROM quote WHERE number = ?",
                                            [.text(source.number)]).intValue ?? 0)
            copy = Quote(id: nil, number: source.number, version: highest + 1, state: .draft, content: source.content)
            copy.id = try insert(copy, totals: try QuoteRepository.checkedTotals(copy))
            try audit.append(entity: SalesAuditEntity.quote, entityId: copy.id, action: .create,
                             summary: "\(copy.number) v\(copy.version) (de v\(source.version))", after: copy)
            return copy
        }
    }

    /// Accepts a sent version on `today` and records what follows, in the same transaction: the
    /// linked deal moves to its won stage, the milestone plan gets its amounts (of the one-time total
    /// with IGV), and one subscription row is created per subscription line (starting `today`).
    @discardableResult
    public func accept(_ id: Int64, on today: LocalDate, project: ProjectChoice = .new) throws -> QuoteAcceptance {
        try db.write {
            guard let stored = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
            let totals = try QuoteRepository.checkedTotals(stored)
            // A version sent while its deal was still a lead has no customer; the lead may have been
            // converted since, and the deal then names the customer.
            let customerId = try stored.customerId ?? stored.dealId.flatMap {
                try deals.get($0)?.customerId
            }
            if stored.lines.contains(where: \.isRecurring) && customerId == nil {
                throw SalesRepositoryError.customerRequired
            }
            // One acceptance per quote: accepting twice would duplicate subscriptions and milestones.
            if let other = try db.queryOne("SELECT version FROM quote WHERE number = ? AND state = 'accepted' AND id <> ?",
                                           [.text(stored.number), .int(id)]) {
                throw SalesRepositoryError.anotherVersionAccepted(version: Int(other.int("version")))
            }
            let quote = try transition(id, summary: "aceptada") { q throws(QuoteError) in try q.accept(on: today) }
            try supersedeOtherVersions(of: quote)
            var deal: Deal?
            if let dealId = quote.dealId {
                deal = try deals.markWon(dealId)
            }
            let amounts = quote.paymentTerms.milestoneAmounts(of: totals.oneTime)
            for (i, amount) in amounts.enumerated() {
                try db.execute("UPDATE quote_milestone SET amount_cents = ? WHERE quote_id = ? AND position = ?",
                               [.int(amount.minorUnits), .int(id), .int(Int64(i + 1))])
            }
            let subscriptions = try createSubscriptions(quote, customerId: customerId, totals: totals, start: today)
            var projects = ProjectRepository(db: db, user: user, now: now)
            projects.door = door
            let made = try customerId.flatMap {
                try projects.createFromQuote(quote, customerId: $0, totals: totals, on: today, choice: project)
            }
            return QuoteAcceptance(quote: quote, deal: deal, milestones: try milestones(quoteId: id),
                                   subscriptions: subscriptions, project: made)
        }
    }

    /// Marks every sent version whose validity ended before `today` as expired; returns their ids.
    @discardableResult
    public func expireDue(today: LocalDate) throws -> [Int64] {
        try db.write {
            var expired: [Int64] = []
            let candidates = try db.query("SELECT id FROM quote WHERE state = 'sent' AND issue_date < ?",
                                          [.text(today.description)]).map { $0.int("id") }
            for id in candidates {
                guard let q = try get(id), q.isDue(today: today) else { continue }
                _ = try transition(id, summary: "vencida") { q throws(QuoteError) in q.expireIfDue(today: today) }
                expired.append(id)
            }
            return expired
        }
    }

    func transition(_ id: Int64, summary: String,
                            _ change: (inout Quote) throws(QuoteError) -> Void) throws -> Quote {
        try db.write {
            guard let before = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
            var after = before
            do { try change(&after) } catch let error as QuoteError { throw SalesRepositoryError.quote(error) }
            let stamp = now()
            let at = ISOTimestamp.format(stamp)
            let column = after.state == .sent ? "sent_at" : "decided_at"
            try db.execute("UPDATE quote SET state = ?, issue_date = ?, updated_at = ?, \(column) = ? WHERE id = ?",
                           [.text(after.state.rawValue), .text(after.issueDate.description), .text(at), .text(at),
                            .int(id)])
            try audit.append(entity: SalesAuditEntity.quote, entityId: id, action: .update,
                             summary: "\(after.number) v\(after.version) \(summary)", before: before, after: after,
                             at: stamp)
            return after
        }
    }

    private func createSubscriptions(_ quote: Quote, customerId: Int64?, totals: QuoteTotals,
                                     start: LocalDate) throws -> [Subscription] {
        guard let quoteId = quote.id else { return [] }
        // Idempotent: a version's subscriptions are created once.
        let existing = try db.scalar("SELECT count(*) FROM subscription WHERE quote_id = ?", [.int(quoteId)]).intValue ?? 0
        guard existing == 0 else { return [] }
        var created: [Subscription] = []
        for (i, line) in quote.lines.enumerated() where line.isRecurring {
            guard let customerId else { throw SalesRepositoryError.customerRequired }
            let base = totals.lines[i].tax.base
            let perPeriod = line.quantity > 0 ? Money(base.amount / line.quantity, base.currency).rounded() : base
            var s = Subscription(customerId: customerId, catalogItemId: line.catalogItemId,
                                 description: line.description, unit: quote.unit, taxCategory: line.taxCategory,
                                 pricePerPeriod: perPeriod, period: line.period ?? .monthly, periods: line.quantity,
                                 startDate: start, quoteId: quoteId, quoteNumber: quote.number,
                                 quoteVersion: quote.version)
            let stamp = now()
            try db.execute(
                """
                INSERT INTO subscription(customer_id, catalog_item_id, description, unit, tax_category, price_cents,
                    currency, period, periods, start_date, quote_id, quote_number, quote_version, active, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                """,
                [.int(customerId), SalesColumns.id(s.catalogItemId), .text(s.description), .text(s.unit.rawValue),
                 .text(s.taxCategory.rawValue), .int(s.pricePerPeriod.minorUnits),
                 .text(s.pricePerPeriod.currency.rawValue), .text(s.period.rawValue), SalesColumns.text(s.periods),
                 .text(start.description), .int(quoteId), .text(s.quoteNumber), .int(Int64(s.quoteVersion)),
                 .text(ISOTimestamp.format(stamp))])
            s.id = db.lastInsertRowID
            try audit.append(entity: SalesAuditEntity.subscription, entityId: s.id, action: .create,
                             summary: "\(quote.number) v\(quote.version) \(s.description)", after: s, at: stamp)
            created.append(s)
        }
        return created
    }

    static func checkedTotals(_ quote: Quote) throws -> QuoteTotals {
        do {
            try quote.paymentTerms.validate()
            return try quote.totals()
        } catch {
            throw SalesRepositoryError.quote(error)
        }
    }
}
