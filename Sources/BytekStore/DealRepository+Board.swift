import BytekModel
import Foundation

/// A deal with the name of its party (the customer's legal name, else the lead's name), as a
/// board card or a row of the deal list shows it.
public struct DealCard: Sendable, Hashable {
    public var deal: Deal
    public var party: String
    public init(deal: Deal, party: String) { self.deal = deal; self.party = party }
}

/// The orders of the deal list.
public enum DealListSort: String, CaseIterable, Sendable {
    /// Expected close date, soonest first (deals without one last).
    case expectedClose
    /// Estimated value, largest first (in each deal's own currency).
    case value
}

extension DealRepository {
    /// The first `limit` deals of one board column, newest first, with their
    /// party names: one indexed query bounded by `limit`, whatever the column holds. With
    /// `olderThan`, the next page: the deals of the column with a smaller id.
    public func boardCards(unit: BusinessUnit, stageId: Int64, owner: String? = nil, olderThan: Int64? = nil,
                           limit: Int) throws -> [DealCard] {
        var sql = "SELECT " + DealRepository.cardColumns.joined(separator: ", ") + " FROM " + DealRepository.cardFrom
            + " WHERE deal.unit = ? AND deal.stage_id = ?"
        var args: [SQLValue] = [.text(unit.rawValue), .int(stageId)]
        if let owner { sql += " AND deal.owner = ?"; args.append(.text(owner)) }
        if let olderThan { sql += " AND deal.id < ?"; args.append(.int(olderThan)) }
        sql += " ORDER BY deal.id DESC LIMIT ?"
        args.append(.int(Int64(max(0, limit))))
        return try db.query(sql, args).map(DealRepository.decodeCard)
    }

    /// The deal list: `query`'s filters, optionally only stale deals (open, with more whole days in
    /// their stage than the stage expects, as of `now`), in `sort` order, as a keyset pager.
    public func cardPager(_ query: DealQuery, staleOnly: Bool = false, now: Date = Date(),
                          sort: DealListSort = .expectedClose) -> KeysetPager<DealCard> {
        let (condition, baseArgs) = DealRepository.filter(query)
        var conditions = condition.map { [$0] } ?? []
        var args = baseArgs
        if staleOnly {
            conditions.append("deal.stage_id IN (SELECT id FROM pipeline_stage WHERE kind = 'open' AND expected_days > 0) AND "
                + "julianday(?) - julianday(deal.stage_entered_at) >= "
                + "(SELECT expected_days FROM pipeline_stage WHERE id = deal.stage_id) + 1")
            args.append(.text(ISOTimestamp.format(now)))
        }
        let order: [SortKey]
        switch sort {
        case .expectedClose: order = [SortKey("COALESCE(deal.expected_close, '9999-12-31')"), SortKey("deal.id")]
        case .value: order = [SortKey("deal.value_cents", ascending: false), SortKey("deal.id")]
        }
        return KeysetPager(db: db, from: DealRepository.cardFrom,
                           where: conditions.isEmpty ? nil : conditions.joined(separator: " AND "), arguments: args,
                           columns: DealRepository.cardColumns, order: order, decode: DealRepository.decodeCard)
    }

    /// One deal with its party name.
    public func card(_ id: Int64) throws -> DealCard? {
        try db.queryOne("SELECT " + DealRepository.cardColumns.joined(separator: ", ") + " FROM "
                            + DealRepository.cardFrom + " WHERE deal.id = ?", [.int(id)]).map(DealRepository.decodeCard)
    }

    static let cardFrom = "deal LEFT JOIN customer ON customer.id = deal.customer_id LEFT JOIN lead ON lead.id = deal.lead_id"
    static let cardColumns = DealRepository.allColumns.map { "deal.\($0) AS \($0)" }
        + ["COALESCE(customer.legal_name, lead.name, '') AS party"]

    @Sendable static func decodeCard(_ row: Row) -> DealCard {
        DealCard(deal: decode(row), party: row.string("party"))
    }
}
