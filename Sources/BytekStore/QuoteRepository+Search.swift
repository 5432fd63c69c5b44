import BytekModel
import Foundation

// The quote list's text search: by number or by the customer's name or document.
extension QuoteRepository {
    /// The quote list under `query`, narrowed to versions whose number contains `search` or whose
    /// customer's legal name, trade name or document number contains it (case-insensitive), or whose
    /// customer the customer search finds (accents and punctuation folded);
    /// newest first, as a keyset pager of summaries. An empty search is `pager(query)`.
    public func pager(_ query: QuoteQuery, search: String) -> KeysetPager<QuoteSummary> {
        let text = search.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return pager(query) }
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let state = query.state { conditions.append("quote.state = ?"); args.append(.text(state.rawValue)) }
        if let c = query.customerId { conditions.append("quote.customer_id = ?"); args.append(.int(c)) }
        if let d = query.dealId { conditions.append("quote.deal_id = ?"); args.append(.int(d)) }
        if let u = query.unit { conditions.append("quote.unit = ?"); args.append(.text(u.rawValue)) }
        if query.latestOnly {
            conditions.append("quote.version = (SELECT max(v.version) FROM quote v WHERE v.number = quote.number)")
        }
        let like = "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        // The customer's words also through its search index, which ignores accents and the dots
        // of "S.A.C." ("andina sac" finds the quotes of Comercial Andina S.A.C.).
        let fts = TextSearch.ftsPrefixQuery(text).map { _ in " OR quote.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)" } ?? ""
        conditions.append(
            """
            (quote.number LIKE ? ESCAPE '\\' OR quote.customer_id IN (SELECT c.id FROM customer c
              WHERE c.legal_name LIKE ? ESCAPE '\\' OR c.trade_name LIKE ? ESCAPE '\\' OR c.doc_number LIKE ? ESCAPE '\\')\(fts))
            """)
        args += [.text(like), .text(like), .text(like), .text(like)]
        if let match = TextSearch.ftsPrefixQuery(text) { args.append(.text(match)) }
        let columns = ["id", "number", "version", "customer_id", "deal_id", "unit", "state", "issue_date",
                       "validity_days", "owner", "currency", "total_cents", "one_time_cents", "recurring_cents"]
        return KeysetPager(db: db, from: "quote", where: conditions.joined(separator: " AND "), arguments: args,
                           columns: columns.map { "quote.\($0) AS \($0)" },
                           order: [SortKey("quote.id", ascending: false)], decode: QuoteRepository.decodeSummary)
    }
}
