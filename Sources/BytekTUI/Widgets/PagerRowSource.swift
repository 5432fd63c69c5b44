import BytekStore

/// A `RowSource` over a store `KeysetPager`: every call is one index seek, and `format`
/// turns each record into the table's cells. The count is computed once per `reset` of the
/// table (a filter or sort change), not per keystroke.
@MainActor
public final class PagerRowSource<Item>: RowSource {
    public var pager: KeysetPager<Item>
    let format: (Item) -> (cells: [String], role: StyleRole?)
    let id: (Item) -> Int64
    /// The last error of the store, for the screen to show (the table then shows no rows).
    public private(set) var lastError: Error?

    public init(pager: KeysetPager<Item>, id: @escaping (Item) -> Int64,
                format: @escaping (Item) -> (cells: [String], role: StyleRole?)) {
        self.pager = pager; self.id = id; self.format = format
    }

    func rows(_ fetch: () throws -> [Paged<Item>]) -> [TableRow] {
        do {
            lastError = nil
            return try fetch().map { p in
                let f = format(p.item)
                return TableRow(id: id(p.item), cells: f.cells, cursor: p.cursor, role: f.role)
            }
        } catch {
            lastError = error
            return []
        }
    }

    public func count() -> Int {
        do { return try pager.count() } catch { lastError = error; return 0 }
    }
    public func first(_ limit: Int) -> [TableRow] { rows { try pager.first(limit) } }
    public func last(_ limit: Int) -> [TableRow] { rows { try pager.last(limit) } }
    public func after(_ row: TableRow, _ limit: Int) -> [TableRow] { rows { try pager.after(row.cursor, limit) } }
    public func before(_ row: TableRow, _ limit: Int) -> [TableRow] { rows { try pager.before(row.cursor, limit) } }
    /// Counts the rows before `row` (one index range count): called on a reload, not per keystroke.
    public func position(of row: TableRow) -> Int? { try? pager.countBefore(row.cursor) }
}
