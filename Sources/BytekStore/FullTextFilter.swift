/// How a list filtered by an FTS5 match is read, chosen per search by how many rows match.
///
/// Up to `limit` matches: walk the matches and sort them in the list's order (a few thousand
/// rows sort in a few milliseconds). More: show them newest first, the order in which FTS5
/// hands them out, so a page is one seek whatever the number of matches. Sorting 200,000
/// matches by name, or walking the name index and probing each row, costs tens of
/// milliseconds to seconds on every keystroke; the user narrows the search instead.
struct FullTextFilter {
    let table: String
    let ftsTable: String
    let match: String
    /// The most matches that are sorted in the list's order.
    let limit: Int

    /// True when the match has at most `limit` rows (read with a bounded probe).
    func isSelective(_ db: Database) -> Bool {
        let probe = try? db.scalar(
            "SELECT count(*) FROM (SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ? LIMIT ?)",
            [.text(match), .int(Int64(limit + 1))]).intValue
        return (probe ?? Int64.max) <= Int64(limit)
    }

    /// The join that keeps the FTS table as the outer loop (CROSS JOIN fixes the order).
    var from: String { "\(ftsTable) CROSS JOIN \(table) ON \(table).id = \(ftsTable).rowid" }
    var condition: String { "\(ftsTable) MATCH ?" }
    /// Newest first: FTS5 walks its rowids backwards and takes rowid bounds as keyset cursors.
    var newestFirst: [SortKey] { [SortKey("\(ftsTable).rowid", ascending: false)] }

    /// A count of the matches minus the matching rows that `excluded` (a condition on `table`
    /// that selects few rows through an index, such as `archived = 1`) removes.
    func countQuery(excluding excluded: String?) -> (sql: String, arguments: [SQLValue]) {
        let all = "SELECT count(*) FROM \(ftsTable) WHERE \(ftsTable) MATCH ?"
        guard let excluded else { return (all, [.text(match)]) }
        return ("SELECT (\(all)) - (SELECT count(*) FROM \(table) WHERE \(excluded) AND \(table).id IN "
                    + "(SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ?))", [.text(match), .text(match)])
    }
}
