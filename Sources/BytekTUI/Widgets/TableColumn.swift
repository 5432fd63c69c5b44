/// One column of a `Table`: its title, how wide it is, and how its cells align.
/// A column is either fixed (`width`) or flexible (`weight`, sharing the room left by the fixed
/// ones, never narrower than `minWidth`). When the table is too narrow for every column at its
/// minimum, columns are dropped from the right, so put the important ones first.
public struct TableColumn: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case left, right, center }

    /// What the cells hold, which decides how a cell too wide for the column is shown.
    public enum Content: Sendable, Equatable {
        /// Free text (names, descriptions): cut with "…".
        case text
        /// Amounts ("S/ 1,234.50", "1,234.50"): the column grows to its widest visible amount,
        /// taking room from flexible columns; below that an amount loses its thousands grouping,
        /// then its currency symbol (shown as "…"), and is never cut on a digit ("###" instead).
        case amount
        /// Status words and short labels ("Propuesta enviada", "rechazado"): the column grows like
        /// an amount column; a label that still does not fit is cut between words, never inside one.
        case words
    }

    public var title: String
    /// Fixed width in cells; nil for a flexible column.
    public var width: Int?
    /// Share of the spare room for a flexible column.
    public var weight: Int
    /// Narrowest a flexible column may get before it is dropped.
    public var minWidth: Int
    public var alignment: Alignment
    public var content: Content

    /// A fixed-width column.
    public init(_ title: String, width: Int, alignment: Alignment = .left, content: Content = .text) {
        self.title = title; self.width = max(1, width); weight = 0; minWidth = max(1, width); self.alignment = alignment
        self.content = content
    }

    /// A fixed-width, right-aligned column of amounts (see `Content.amount`).
    public static func amount(_ title: String, width: Int) -> TableColumn {
        TableColumn(title, width: width, alignment: .right, content: .amount)
    }

    /// A fixed-width column of status words or labels (see `Content.words`).
    public static func words(_ title: String, width: Int) -> TableColumn {
        TableColumn(title, width: width, content: .words)
    }

    /// A flexible column.
    public init(_ title: String, weight: Int = 1, minWidth: Int = 10, alignment: Alignment = .left, content: Content = .text) {
        self.title = title; width = nil; self.weight = max(1, weight); self.minWidth = max(1, minWidth)
        self.alignment = alignment
        self.content = content
    }

    /// Lays out `columns` in `width` cells with `gap` cells between them: the visible columns
    /// (a prefix of `columns`) with their x offsets from 0 and widths.
    static func layout(_ columns: [TableColumn], width: Int, gap: Int) -> [(index: Int, x: Int, width: Int)] {
        var shown = columns.count
        func need(_ n: Int) -> Int {
            columns.prefix(n).reduce(0) { $0 + ($1.width ?? $1.minWidth) } + gap * max(0, n - 1)
        }
        while shown > 1, need(shown) > width { shown -= 1 }
        guard shown > 0 else { return [] }
        var widths = columns.prefix(shown).map { $0.width ?? $0.minWidth }
        let spare = width - need(shown)
        let flexible = (0..<shown).filter { columns[$0].width == nil }
        let totalWeight = flexible.reduce(0) { $0 + columns[$1].weight }
        if spare > 0, totalWeight > 0 {
            var given = 0
            for i in flexible {
                let share = spare * columns[i].weight / totalWeight
                widths[i] += share; given += share
            }
            if let last = flexible.last { widths[last] += spare - given }
        }
        // A single column wider than the table is cut to it.
        if shown == 1 { widths[0] = min(widths[0], width) }
        var x = 0
        var out: [(index: Int, x: Int, width: Int)] = []
        for i in 0..<shown {
            out.append((i, x, widths[i]))
            x += widths[i] + gap
        }
        return out
    }

    /// `text` (already sanitized) fitted to `width` cells with this column's alignment.
    func fit(_ text: String, _ width: Int) -> String {
        switch alignment {
        case .left: return SafeText.fit(text, width)
        case .right: return SafeText.fit(text, width, alignRight: true)
        case .center:
            let t = SafeText.truncate(text, to: width)
            let room = max(0, width - SafeText.width(t))
            return String(repeating: " ", count: room / 2) + t + String(repeating: " ", count: room - room / 2)
        }
    }

    /// A cell's (sanitized) text cut to `width` cells the way this column's content allows.
    func cut(_ text: String, _ width: Int) -> String {
        guard SafeText.width(text) > width else { return text }
        switch content {
        case .text: return SafeText.truncate(text, to: width)
        case .amount: return TableColumn.fitAmount(text, width)
        case .words: return TableColumn.cutBetweenWords(text, width)
        }
    }

    /// An amount in `width` cells without ever cutting a digit: "S/ 1,234,567.50" → "S/ 1234567.50"
    /// → "…1234567.50" (the symbol goes) → "#####" when even the digits do not fit.
    static func fitAmount(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        if SafeText.width(text) <= width { return text }
        let ungrouped = text.filter { $0 != "," }
        if SafeText.width(ungrouped) <= width { return ungrouped }
        // The figure: the digits at the end, with the minus sign if the amount has one.
        let figure = ungrouped.reversed().prefix { $0.isNumber || $0 == "." }.reversed()
        let signed = (ungrouped.hasPrefix("-") && !figure.isEmpty ? "-" : "") + String(figure)
        if !figure.isEmpty, signed.count + 1 <= width, signed.count < ungrouped.count { return "…" + signed }
        if !figure.isEmpty, signed.count <= width { return signed }
        return String(repeating: "#", count: width)
    }

    /// Words that fit in `width` cells followed by "…" (see `SafeText.truncateAtWord`).
    static func cutBetweenWords(_ text: String, _ width: Int) -> String { SafeText.truncateAtWord(text, to: width) }
}
