import BytekModel
import Foundation

// Reading and writing quote rows, lines and milestones.
extension QuoteRepository {
    // MARK: reading

    /// One version with its lines and payment terms.
    public func get(_ id: Int64) throws -> Quote? {
        try db.read {
            guard let row = try db.queryOne("SELECT * FROM quote WHERE id = ?", [.int(id)]) else { return nil }
            return try decode(row)
        }
    }

    public func get(number: String, version: Int) throws -> Quote? {
        try db.read {
            guard let row = try db.queryOne("SELECT * FROM quote WHERE number = ? AND version = ?",
                                            [.text(number), .int(Int64(version))]) else { return nil }
            return try decode(row)
        }
    }

    /// Every version of a number, oldest first.
    public func versions(of number: String) throws -> [Quote] {
        try db.read {
            try db.query("SELECT * FROM quote WHERE number = ? ORDER BY version", [.text(number)]).map(decode)
        }
    }

    /// The highest version of a number.
    public func latest(number: String) throws -> Quote? {
        try db.read {
            guard let row = try db.queryOne("SELECT * FROM quote WHERE number = ? ORDER BY version DESC LIMIT 1",
                                            [.text(number)]) else { return nil }
            return try decode(row)
        }
    }

    /// A version's milestone plan, with amounts once accepted.
    public func milestones(quoteId: Int64) throws -> [QuoteMilestoneRecord] {
        let currency = SalesColumns.currency(
            try db.scalar("SELECT currency FROM quote WHERE id = ?", [.int(quoteId)]).stringValue ?? "PEN")
        return try db.query("SELECT * FROM quote_milestone WHERE quote_id = ? ORDER BY position", [.int(quoteId)]).map {
            QuoteMilestoneRecord(position: Int($0.int("position")), name: $0.string("name"),
                                 percent: SalesColumns.decimal($0.string("percent")),
                                 amount: SalesColumns.optionalInt($0["amount_cents"]).map { Money(minorUnits: $0, currency) })
        }
    }

    /// The quote list, newest first, as a keyset pager of summaries.
    public func pager(_ query: QuoteQuery = QuoteQuery()) -> KeysetPager<QuoteSummary> {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let state = query.state { conditions.append("quote.state = ?"); args.append(.text(state.rawValue)) }
        if let c = query.customerId { conditions.append("quote.customer_id = ?"); args.append(.int(c)) }
        if let d = query.dealId { conditions.append("quote.deal_id = ?"); args.append(.int(d)) }
        if let u = query.unit { conditions.append("quote.unit = ?"); args.append(.text(u.rawValue)) }
        if query.latestOnly {
            conditions.append("quote.version = (SELECT max(v.version) FROM quote v WHERE v.number = quote.number)")
        }
        let columns = ["id", "number", "version", "customer_id", "deal_id", "unit", "state", "issue_date",
                       "validity_days", "owner", "currency", "total_cents", "one_time_cents", "recurring_cents"]
        return KeysetPager(db: db, from: "quote", where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "),
                           arguments: args, columns: columns.map { "quote.\($0) AS \($0)" },
                           order: [SortKey("quote.id", ascending: false)], decode: QuoteRepository.decodeSummary)
    }

    @Sendable static func decodeSummary(_ row: Row) -> QuoteSummary {
        let currency = SalesColumns.currency(row.string("currency"))
        let issue = SalesColumns.date(row["issue_date"])
        return QuoteSummary(
            id: row.int("id"), number: row.string("number"), version: Int(row.int("version")),
            customerId: SalesColumns.optionalInt(row["customer_id"]), dealId: SalesColumns.optionalInt(row["deal_id"]),
            unit: SalesColumns.unit(row.string("unit")), state: QuoteState(rawValue: row.string("state")) ?? .draft,
            issueDate: issue, validUntil: issue?.adding(days: Int(row.int("validity_days"))), owner: row.string("owner"),
            total: Money(minorUnits: row.int("total_cents"), currency),
            oneTime: Money(minorUnits: row.int("one_time_cents"), currency),
            recurring: Money(minorUnits: row.int("recurring_cents"), currency))
    }

    private func decode(_ row: Row) throws -> Quote {
        let id = row.int("id")
        let lines = try db.query("SELECT * FROM quote_line WHERE quote_id = ? ORDER BY position", [.int(id)]).map { r in
            let priceCurrency = SalesColumns.currency(r.string("price_currency"))
            return QuoteLine(
                kind: ItemKind(rawValue: r.string("kind")) ?? .product,
                catalogItemId: SalesColumns.optionalInt(r["catalog_item_id"]), description: r.string("description"),
                taxCategory: TaxCategory(rawValue: r.string("tax_category")) ?? .gravado,
                quantity: SalesColumns.decimal(r.string("quantity")),
                unitPrice: Money(SalesColumns.decimal(r.string("unit_price")), priceCurrency),
                rateBasis: RateBasis(rawValue: r.string("rate_basis")), period: BillingPeriod(rawValue: r.string("period")),
                discount: SalesColumns.discount(kind: r.string("discount_kind"), value: r.string("discount_value")),
                unitCost: SalesColumns.optionalDecimal(r["unit_cost"]).map { Money($0, priceCurrency) })
        }
        let terms: PaymentTerms
        switch row.string("payment_kind") {
        case "milestones":
            terms = .milestones(try milestones(quoteId: id).map { Milestone(name: $0.name, percent: $0.percent) })
        case "credit":
            terms = .credit(days: Int(row.int("credit_days")))
        default:
            terms = .cash
        }
        let content = QuoteContent(
            customerId: SalesColumns.optionalInt(row["customer_id"]), dealId: SalesColumns.optionalInt(row["deal_id"]),
            unit: SalesColumns.unit(row.string("unit")), currency: SalesColumns.currency(row.string("currency")),
            exchangeRate: SalesColumns.optionalDecimal(row["exchange_rate"]),
            pricesIncludeIGV: row.bool("prices_include_igv"),
            issueDate: SalesColumns.date(row["issue_date"]) ?? LocalDate(daysSinceEpoch: 0),
            validityDays: Int(row.int("validity_days")), deliveryTime: row.string("delivery_time"),
            paymentTerms: terms, notes: row.string("notes"), terms: row.string("terms"),
            globalDiscount: SalesColumns.discount(kind: row.string("global_discount_kind"),
                                                  value: row.string("global_discount_value")),
            lines: lines, owner: row.string("owner"))
        return Quote(id: id, number: row.string("number"), version: Int(row.int("version")),
                     state: QuoteState(rawValue: row.string("state")) ?? .draft, content: content)
    }

    // MARK: writing

    static let contentColumns = [
        "customer_id", "deal_id", "unit", "currency", "exchange_rate", "prices_include_igv", "issue_date",
        "validity_days", "delivery_time", "payment_kind", "credit_days", "global_discount_kind",
        "global_discount_value", "notes", "terms", "owner", "total_cents", "one_time_cents", "recurring_cents",
    ]

    static func contentValues(_ q: Quote, _ totals: QuoteTotals) -> [SQLValue] {
        let payment: (String, Int64)
        switch q.paymentTerms {
        case .cash: payment = ("cash", 0)
        case .milestones: payment = ("milestones", 0)
        case .credit(let days): payment = ("credit", Int64(days))
        }
        let (discountKind, discountValue) = SalesColumns.discount(q.globalDiscount)
        return [SalesColumns.id(q.customerId), SalesColumns.id(q.dealId), .text(q.unit.rawValue),
                .text(q.currency.rawValue), q.exchangeRate.map(SalesColumns.text) ?? .null,
                .int(q.pricesIncludeIGV ? 1 : 0), .text(q.issueDate.description), .int(Int64(q.validityDays)),
                .text(q.deliveryTime), .text(payment.0), .int(payment.1), discountKind, discountValue, .text(q.notes),
                .text(q.terms), .text(q.owner), .int(totals.tax.total.minorUnits), .int(totals.oneTime.minorUnits),
                .int(totals.recurring.minorUnits)]
    }

    func insert(_ q: Quote, totals: QuoteTotals) throws -> Int64 {
        let at = ISOTimestamp.format(now())
        let columns = ["number", "version", "state"] + QuoteRepository.contentColumns + ["created_at", "updated_at"]
        try db.execute(
            "INSERT INTO quote(\(columns.joined(separator: ", "))) VALUES ("
                + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")",
            [.text(q.number), .int(Int64(q.version)), .text(q.state.rawValue)] + QuoteRepository.contentValues(q, totals)
                + [.text(at), .text(at)])
        let id = db.lastInsertRowID
        var stored = q
        stored.id = id
        try replaceLines(stored)
        return id
    }

    func updateRow(_ q: Quote, totals: QuoteTotals) throws {
        guard let id = q.id else { return }
        try db.execute(
            "UPDATE quote SET " + QuoteRepository.contentColumns.map { "\($0) = ?" }.joined(separator: ", ")
                + ", updated_at = ? WHERE id = ? AND state = 'draft'",
            QuoteRepository.contentValues(q, totals) + [.text(ISOTimestamp.format(now())), .int(id)])
    }

    func replaceLines(_ q: Quote) throws {
        guard let id = q.id else { return }
        try db.execute("DELETE FROM quote_line WHERE quote_id = ?", [.int(id)])
        try db.execute("DELETE FROM quote_milestone WHERE quote_id = ?", [.int(id)])
        for (i, line) in q.lines.enumerated() {
            let (discountKind, discountValue) = SalesColumns.discount(line.discount)
            try db.execute(
                """
                INSERT INTO quote_line(quote_id, position, kind, catalog_item_id, description, tax_category, quantity,
                    unit_price, price_currency, rate_basis, period, discount_kind, discount_value, unit_cost)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.int(id), .int(Int64(i + 1)), .text(line.kind.rawValue), SalesColumns.id(line.catalogItemId),
                 .text(line.description), .text(line.taxCategory.rawValue), SalesColumns.text(line.quantity),
                 SalesColumns.text(line.unitPrice.amount), .text(line.unitPrice.currency.rawValue),
                 .text(line.rateBasis?.rawValue ?? ""), .text(line.period?.rawValue ?? ""), discountKind, discountValue,
                 line.unitCost.map { SalesColumns.text($0.amount) } ?? .null])
        }
        for (i, m) in q.paymentTerms.milestoneList.enumerated() {
            try db.execute("INSERT INTO quote_milestone(quote_id, position, name, percent) VALUES (?, ?, ?, ?)",
                           [.int(id), .int(Int64(i + 1)), .text(m.name), SalesColumns.text(m.percent)])
        }
    }
}
