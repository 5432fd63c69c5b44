import BytekStore

/// One row of a table as displayed: its record id, its cells (already formatted text),
/// and the values of its sort key, which let the source continue from it (keyset paging).
public struct TableRow: Sendable, Equatable {
    public var id: Int64
    public var cells: [String]
    /// The sort-key values of this row, in the source's current order (last one is the id).
    public var cursor: [SQLValue]
    /// An optional emphasis for the whole row (e.g. `.dim` for archived records).
    public var role: StyleRole?
    public init(id: Int64, cells: [String], cursor: [SQLValue], role: StyleRole? = nil) {
        self.id = id; self.cells = cells; self.cursor = cursor; self.role = role
    }
}

/// Where a virtual table reads its rows. Only what is visible (plus a small margin) is ever
/// read: the table asks for the first or last rows, or the rows after or before a row it holds,
/// and a store-backed source answers each with one index seek (keyset paging), so a table of
/// a million rows scrolls as fast as one of ten.
@MainActor
public protocol RowSource: AnyObject {
    /// The number of rows under the current filter.
    func count() -> Int
    /// The first `limit` rows in order.
    func first(_ limit: Int) -> [TableRow]
    /// The last `limit` rows, in display order.
    func last(_ limit: Int) -> [TableRow]
    /// Up to `limit` rows that follow `row`, in display order.
    func after(_ row: TableRow, _ limit: Int) -> [TableRow]
    /// Up to `limit` rows that precede `row`, in display order (the nearest last).
    func before(_ row: TableRow, _ limit: Int) -> [TableRow]
    /// The 0-based position of `row` under the current order and filter (how many rows precede it),
    /// or nil when the source cannot tell cheaply. Only used by `Table.reload()` to keep the
    /// position indicator exact after other rows were added or removed; the default says nil.
    func position(of row: TableRow) -> Int?
}

extension RowSource {
    public func position(of row: TableRow) -> Int? { nil }
}

/// A `RowSource` over rows held in memory (small lists, tests).
@MainActor
public final class ArrayRowSource: RowSource {
    public var rows: [TableRow]
    public init(_ rows: [TableRow]) { self.rows = rows }

    public func count() -> Int { rows.count }
    public func first(_ limit: Int) -> [TableRow] { Array(rows.prefix(limit)) }
    public func last(_ limit: Int) -> [TableRow] { Array(rows.suffix(limit)) }
    public func after(_ row: TableRow, _ limit: Int) -> [TableRow] {
        guard let i = rows.firstIndex(where: { $0.id == row.id }) else { return [] }
        return Array(rows[(i + 1)...].prefix(limit))
    }
    public func before(_ row: TableRow, _ limit: Int) -> [TableRow] {
        guard let i = rows.firstIndex(where: { $0.id == row.id }) else { return [] }
        return Array(rows[..<i].suffix(limit))
    }
    public func position(of row: TableRow) -> Int? { rows.firstIndex(where: { $0.id == row.id }) }
}
