import BytekStore

extension KeysetPager {
    /// Every row, read in keyset pages so memory stays flat on a large table (the exports).
    func walk(pageSize: Int = 500, _ body: (Item) throws -> Void) throws {
        var page = try first(pageSize)
        while let last = page.last {
            for p in page { try body(p.item) }
            page = try after(last.cursor, pageSize)
        }
    }
}
