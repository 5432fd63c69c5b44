/// Pure layout decisions for tables, testable without cairo.
public enum PDFTableLayout {
    /// The width of each column for a table `total` points wide: fixed columns keep their width,
    /// flexible ones share the rest by weight. When the fixed columns alone exceed `total`, every
    /// fixed width is scaled down so the table still fits, and flexible columns get nothing.
    /// The widths always add up to `total` (within rounding).
    public static func columnWidths(_ columns: [PDFColumnWidth], total: Double) -> [Double] {
        var fixed = 0.0
        var weights = 0.0
        for c in columns {
            switch c {
            case .fixed(let w): fixed += max(0, w)
            case .flexible(let w): weights += max(0, w)
            }
        }
        let rest = total - fixed
        if rest < 0 || weights == 0 {
            // Nothing flexible, or the fixed columns overflow: stretch or shrink the fixed ones.
            let factor = fixed > 0 ? total / fixed : 0
            return columns.map { c in
                if case .fixed(let w) = c { return max(0, w) * factor }
                return fixed > 0 ? 0 : total / Double(columns.count)
            }
        }
        return columns.map { c in
            switch c {
            case .fixed(let w): return max(0, w)
            case .flexible(let w): return rest * max(0, w) / weights
            }
        }
    }

    /// The x of each column's left edge, starting at `x`.
    public static func columnOffsets(_ widths: [Double], x: Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(widths.count)
        var at = x
        for w in widths {
            out.append(at)
            at += w
        }
        return out
    }
}
