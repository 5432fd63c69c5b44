/// One key of a keyset ordering: an SQL expression and its direction.
///
/// The expression must never be NULL (use `ifnull(...)` for nullable columns) and carries its
/// own collation when it has one (`"customer.legal_name COLLATE NOCASE"`), so that the
/// ORDER BY and the cursor comparison agree and both match the index.
public struct SortKey: Sendable, Hashable {
    public var expression: String
    public var ascending: Bool
    public init(_ expression: String, ascending: Bool = true) {
        self.expression = expression
        self.ascending = ascending
    }
}

/// An item read by a `KeysetPager` and the values of its sort keys, which let the pager
/// continue from it.
public struct Paged<Item> {
    public var item: Item
    /// The row's values for the pager's `order`, in order (the last one is the unique id).
    public var cursor: [SQLValue]
    public init(item: Item, cursor: [SQLValue]) { self.item = item; self.cursor = cursor }
}

extension Paged: Sendable where Item: Sendable {}
extension Paged: Equatable where Item: Equatable {}

public enum KeysetPagerError: Error, Equatable {
    /// A cursor must hold one value per sort key.
    case cursorMismatch(expected: Int, found: Int)
}

/// Keyset pagination over any query: the first or last rows, or the rows after or before a
/// given row, each read with one index seek (no OFFSET), so paging a million-row table costs
/// the same at its end as at its start.
///
/// `order` must end with a unique, non-NULL column (normally the id) so that the order is total;
/// then walking `after` from `first` (or `before` from `last`) visits every row exactly once.
/// The cursor test is a bound on the first key plus a row-value comparison
/// (`a >= ? AND (a, b) > (?, ?)`), which SQLite turns into a seek on an index over the same
/// expressions (in the same collation); mixed directions expand the row value into ORs.
public struct KeysetPager<Item>: Sendable {
    public let db: Database
    /// The FROM clause without `FROM` (a table, or joins).
    public let from: String
    /// The WHERE condition without `WHERE`, or nil. Its `?` take `arguments`.
    public let condition: String?
    public let arguments: [SQLValue]
    /// The selected expressions handed to `decode`, in this order.
    public let columns: [String]
    public let order: [SortKey]
    /// A cheaper query for `count()` than counting the rows of `from`/`condition`, when the
    /// caller knows one (e.g. counting an FTS match). It must give the same number.
    public let countQuery: (sql: String, arguments: [SQLValue])?
    let decode: @Sendable (Row) throws -> Item

    public init(
        db: Database, from: String, where condition: String? = nil, arguments: [SQLValue] = [],
        columns: [String], order: [SortKey], countQuery: (sql: String, arguments: [SQLValue])? = nil,
        decode: @escaping @Sendable (Row) throws -> Item
    ) {
        precondition(!order.isEmpty, "KeysetPager needs at least one sort key (ending with a unique column)")
        self.db = db; self.from = from; self.condition = condition; self.arguments = arguments
        self.columns = columns; self.order = order; self.countQuery = countQuery; self.decode = decode
    }

    /// The same rows in the opposite order.
    public func reversed() -> KeysetPager<Item> {
        KeysetPager(db: db, from: from, where: condition, arguments: arguments, columns: columns,
                    order: order.map { SortKey($0.expression, ascending: !$0.ascending) }, countQuery: countQuery,
                    decode: decode)
    }

    /// The first `limit` rows.
    public func first(_ limit: Int) throws -> [Paged<Item>] {
        try fetch(cursor: nil, forward: true, limit: limit)
    }

    /// The last `limit` rows, in display order.
    public func last(_ limit: Int) throws -> [Paged<Item>] {
        try fetch(cursor: nil, forward: false, limit: limit)
    }

    /// Up to `limit` rows that follow the row whose sort keys are `cursor`, in display order.
    public func after(_ cursor: [SQLValue], _ limit: Int) throws -> [Paged<Item>] {
        try fetch(cursor: cursor, forward: true, limit: limit)
    }

    /// Up to `limit` rows that precede the row whose sort keys are `cursor`, in display order
    /// (the nearest one last).
    public func before(_ cursor: [SQLValue], _ limit: Int) throws -> [Paged<Item>] {
        try fetch(cursor: cursor, forward: false, limit: limit)
    }

    /// The number of rows.
    public func count() throws -> Int {
        if let countQuery { return Int(try db.scalar(countQuery.sql, countQuery.arguments).intValue ?? 0) }
        let sql = "SELECT count(*) FROM \(from)" + (condition.map { " WHERE \($0)" } ?? "")
        return Int(try db.scalar(sql, arguments).intValue ?? 0)
    }

    /// The number of rows before the row whose sort keys are `cursor` (its index in the order).
    /// It counts, so it reads those rows: use it for a scrollbar, not on every keystroke of a big table.
    public func countBefore(_ cursor: [SQLValue]) throws -> Int {
        try check(cursor)
        let (test, args) = comparison(cursor, forward: false)
        let sql = "SELECT count(*) FROM \(from) WHERE " + conditionPrefix + test
        return Int(try db.scalar(sql, arguments + args).intValue ?? 0)
    }

    // MARK: SQL

    private var conditionPrefix: String { condition.map { "(\($0)) AND " } ?? "" }

    private func check(_ cursor: [SQLValue]) throws {
        guard cursor.count == order.count else {
            throw KeysetPagerError.cursorMismatch(expected: order.count, found: cursor.count)
        }
    }

    private func fetch(cursor: [SQLValue]?, forward: Bool, limit: Int) throws -> [Paged<Item>] {
        guard limit > 0 else { return [] }
        var sql = "SELECT " + (columns + order.enumerated().map { "\($0.element.expression) AS _k\($0.offset)" })
            .joined(separator: ", ")
        sql += " FROM \(from)"
        var args = arguments
        if let cursor {
            try check(cursor)
            let (test, cursorArgs) = comparison(cursor, forward: forward)
            sql += " WHERE " + conditionPrefix + test
            args += cursorArgs
        } else if let condition {
            sql += " WHERE \(condition)"
        }
        sql += " ORDER BY " + order.map { key in
            key.expression + ((key.ascending == forward) ? " ASC" : " DESC")
        }.joined(separator: ", ")
        sql += " LIMIT ?"
        args.append(.int(Int64(limit)))

        var result: [Paged<Item>] = []
        result.reserveCapacity(limit)
        let n = columns.count
        try db.forEach(sql, args) { row in
            let item = try decode(Row(columns: Array(row.columns.prefix(n)), values: Array(row.values.prefix(n))))
            result.append(Paged(item: item, cursor: Array(row.values.suffix(order.count))))
        }
        return forward ? result : result.reversed()
    }

    /// The test "row comes after (forward) or before (backward) `cursor` in the order".
    private func comparison(_ cursor: [SQLValue], forward: Bool) -> (String, [SQLValue]) {
        func op(_ key: SortKey) -> String { key.ascending == forward ? ">" : "<" }
        if order.count == 1 {
            return ("\(order[0].expression) \(op(order[0])) ?", cursor)
        }
        // The plain bound on the first key lets SQLite seek even where it would not use the
        // row value for a seek (it does not when the expressions carry a COLLATE clause).
        let bound = "\(order[0].expression) \(op(order[0]))= ?"
        if Set(order.map(\.ascending)).count == 1 {
            let lhs = order.map(\.expression).joined(separator: ", ")
            let rhs = Array(repeating: "?", count: order.count).joined(separator: ", ")
            return ("\(bound) AND (\(lhs)) \(op(order[0])) (\(rhs))", [cursor[0]] + cursor)
        }
        // Mixed directions cannot be one row-value comparison: expand it.
        var args: [SQLValue] = [cursor[0]]
        var sql = bound + " AND ("
        var terms: [String] = []
        for i in order.indices {
            var parts: [String] = []
            for j in 0..<i {
                parts.append("\(order[j].expression) = ?")
                args.append(cursor[j])
            }
            parts.append("\(order[i].expression) \(op(order[i])) ?")
            args.append(cursor[i])
            terms.append("(" + parts.joined(separator: " AND ") + ")")
        }
        sql += terms.joined(separator: " OR ") + ")"
        return (sql, args)
    }
}

extension KeysetPager where Item == Row {
    /// A pager that hands back raw rows.
    public init(db: Database, from: String, where condition: String? = nil, arguments: [SQLValue] = [],
                columns: [String], order: [SortKey]) {
        self.init(db: db, from: from, where: condition, arguments: arguments, columns: columns, order: order,
                  decode: { $0 })
    }
}
