/// Where a table breaks across pages, decided from row heights alone (no cairo): each page starts
/// with the header row, a row never splits, a row marked keep-with-next (a group banner) is never
/// left alone at the bottom of a page, and a row taller than a whole page still gets a page of its own.
public struct PDFTablePagination: Sendable, Hashable {
    /// True when not even the header and the first row fit on the current page: start a new one first.
    public var startsOnNewPage: Bool
    /// The rows drawn on each successive page (the first on the current page, unless `startsOnNewPage`).
    public var pages: [Range<Int>]

    public init(startsOnNewPage: Bool, pages: [Range<Int>]) {
        self.startsOnNewPage = startsOnNewPage
        self.pages = pages
    }

    /// - Parameters:
    ///   - rowHeights: the height of each body row.
    ///   - keepWithNext: per row, whether it must share a page with the row after it.
    ///   - headerHeight: the header row's height, repeated on every page.
    ///   - firstPageSpace: space from the cursor to the bottom of the current page.
    ///   - pageSpace: space on a fresh page.
    public static func paginate(rowHeights: [Double], keepWithNext: [Bool], headerHeight: Double,
                                firstPageSpace: Double, pageSpace: Double) -> PDFTablePagination {
        let n = rowHeights.count
        var startsOnNewPage = false
        var onFreshPage = firstPageSpace >= pageSpace
        var space = firstPageSpace - headerHeight
        if n == 0 {
            return PDFTablePagination(startsOnNewPage: space < 0 && !onFreshPage, pages: [0..<0])
        }
        var pages: [Range<Int>] = []
        var start = 0
        var used = 0.0
        var i = 0
        while i < n {
            let h = rowHeights[i]
            let keeps = i < keepWithNext.count && keepWithNext[i] && i + 1 < n
            let need = h + (keeps ? rowHeights[i + 1] : 0)
            if used + need <= space || (i == start && onFreshPage) {
                used += h
                i += 1
            } else {
                if i == start {
                    startsOnNewPage = true
                } else {
                    pages.append(start..<i)
                    start = i
                }
                used = 0
                space = pageSpace - headerHeight
                onFreshPage = true
            }
        }
        pages.append(start..<n)
        return PDFTablePagination(startsOnNewPage: startsOnNewPage, pages: pages)
    }
}
