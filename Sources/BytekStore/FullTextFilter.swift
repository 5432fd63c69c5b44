/// How a list filtered by an FTS5 match is read, chosen per search by how many rows match.
///
/// Few matches: walk the matches and sort them (cheap, and it stops at once when nothing
/// matches). Many matches: walk the list's index in order and keep the rows that match, which
/// stops after one page. Either way a page costs a few milliseconds on 200,000 rows, where one
/// fixed plan costs tens of milliseconds in the other case.
struct FullTextFilter {
    /// At most this many matches count as "few".
    static let fewMatches = 400

    /// The table being listed and its FTS5 table (external content, rowid = the table's id).
    let table: String
    let ftsTable: String
    let match: String

    /// True when the match has at most `fewMatches` rows (read with a bounded probe).
    func isSelective(_ db: Database) -> Bool {
        let probe = try? db.scalar(
            "SELECT count(*) FROM (SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ? LIMIT ?)",
            [.text(match), .int(Int64(FullTextFilter.fewMatches + 1))]).intValue
        return (probe ?? Int64.max) <= Int64(FullTextFilter.fewMatches)
    }

    /// The FROM clause and the condition (with its argument) for a pager over `table`.
    func clause(_ db: Database) -> (from: String, condition: String, argument: SQLValue) {
        if isSelective(db) {
            // CROSS JOIN makes SQLite keep the FTS table as the outer loop.
            return ("\(ftsTable) CROSS JOIN \(table) ON \(table).id = \(ftsTable).rowid",
                    "\(ftsTable) MATCH ?", .text(match))
        }
        return (table, "\(table).id IN (SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ?)", .text(match))
    }

    /// A count of the matches minus the matching rows that `excluded` (a condition on `table`
    /// that selects few rows through an index, such as `archived = 1`) removes.
    func countQuery(excluding excluded: String?) -> (sql: String, arguments: [SQLValue]) {
        let all = "SELECT count(*) FROM \(ftsTable) WHERE \(ftsTable) MATCH ?"
        guard let excluded else { return (all, [.text(match)]) }
        return ("SELECT (\(all)) - (SELECT count(*) FROM \(table) WHERE \(excluded) AND \(table).id IN "
                    + "(SELECT rowid FROM \(ftsTable) WHERE \(ftsTable) MATCH ?))", [.text(match), .text(match)])
    }
}
