/// Lines of text that scroll in a rect: ↑/↓, PgUp/PgDn, Home/End. Lines longer than the rect are
/// cut into pieces of its width (never re-worded, so an XML reads exactly as stored).
struct ScrollingText {
    var lines: [String]
    private(set) var top = 0
    private var wrapped: (width: Int, lines: [String])?
    private var pageHeight = 10

    init(lines: [String]) { self.lines = lines }

    /// The lines cut to `width` cells (cached per width).
    mutating func visualLines(width: Int) -> [String] {
        if let w = wrapped, w.width == width { return w.lines }
        var out: [String] = []
        let w = max(1, width)
        for line in lines {
            var rest = Substring(SafeText.sanitize(line))
            if rest.isEmpty { out.append(""); continue }
            while !rest.isEmpty {
                var piece = "", used = 0
                while let c = rest.first, used + SafeText.width(c) <= w || piece.isEmpty {
                    piece.append(c); used += SafeText.width(c); rest = rest.dropFirst()
                }
                out.append(piece)
            }
        }
        wrapped = (width, out)
        return out
    }

    /// Moves the view; false when the key is not a scrolling key.
    mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): top -= 1
        case .down, .char("j"): top += 1
        case .pageUp: top -= pageHeight
        case .pageDown, .char(" "): top += pageHeight
        case .home, .char("g"): top = 0
        case .end, .char("G"): top = Int.max / 2
        default: return false
        }
        if top < 0 { top = 0 }
        return true
    }

    /// Draws the visible part; returns "first–last/total" for a title.
    @discardableResult
    mutating func render(_ canvas: inout Canvas, in rect: Rect, style: Style = .normal) -> String {
        let all = visualLines(width: rect.width)
        pageHeight = max(1, rect.height - 1)
        top = min(top, max(0, all.count - rect.height))
        for row in 0..<rect.height {
            let i = top + row
            guard i < all.count else { break }
            canvas.text(all[i], x: rect.x, y: rect.y + row, style: style, maxWidth: rect.width)
        }
        let last = min(all.count, top + rect.height)
        return all.isEmpty ? "0/0" : "\(top + 1)–\(last)/\(all.count)"
    }
}
