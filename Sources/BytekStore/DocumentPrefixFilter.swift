/// A customer search made only of digits is a document number being typed ("2060", "4587"):
/// it is read from the document index as a prefix range, not from the full-text index, where a
/// short numeric prefix expands to thousands of distinct numbers.
///
/// Up to `limit` matches are sorted in the list's order; more are shown in document order,
/// which the document index gives a page at a time.
struct DocumentPrefixFilter {
    let digits: String
    let limit: Int

    /// Every number that starts with `digits` sorts in [digits, digits + "~"): documents are
    /// digits and upper-case letters, all below "~".
    var bounds: [SQLValue] { [.text(digits), .text(digits + "~")] }
    var condition: String { "customer.doc_number >= ? AND customer.doc_number < ?" }
    var documentOrder: [SortKey] { [SortKey("customer.doc_number"), SortKey("customer.id")] }

    func isSelective(_ db: Database) -> Bool {
        let probe = try? db.scalar(
            "SELECT count(*) FROM (SELECT id FROM customer WHERE doc_number >= ? AND doc_number < ? LIMIT ?)",
            bounds + [.int(Int64(limit + 1))]).intValue
        return (probe ?? Int64.max) <= Int64(limit)
    }

    /// The count from the document index alone, minus the archived ones (few) when excluded.
    func countQuery(excludingArchived: Bool) -> (sql: String, arguments: [SQLValue]) {
        let all = "SELECT count(*) FROM customer WHERE doc_number >= ? AND doc_number < ?"
        guard excludingArchived else { return (all, bounds) }
        return ("SELECT (\(all)) - (SELECT count(*) FROM customer WHERE archived = 1 AND +doc_number >= ? AND +doc_number < ?)",
                bounds + bounds)
    }
}
