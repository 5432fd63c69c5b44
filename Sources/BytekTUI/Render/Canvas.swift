/// Draws into a `ScreenBuffer`, clipped to `clip`. Every string is sanitized
/// (see `SafeText`) on its way in, so no caller can forget it.
public struct Canvas {
    public var buffer: ScreenBuffer
    public var clip: Rect

    public init(width: Int, height: Int) {
        buffer = ScreenBuffer(width: width, height: height)
        clip = Rect(x: 0, y: 0, width: width, height: height)
    }

    public var size: Size { Size(width: buffer.width, height: buffer.height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: buffer.width, height: buffer.height) }

    /// Runs `body` with drawing clipped to `rect` (intersected with the current clip).
    public mutating func clipped(to rect: Rect, _ body: (inout Canvas) -> Void) {
        let saved = clip
        let x0 = max(rect.x, clip.x), y0 = max(rect.y, clip.y)
        let x1 = min(rect.maxX, clip.maxX), y1 = min(rect.maxY, clip.maxY)
        clip = Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        body(&self)
        clip = saved
    }

    @inline(__always) func visible(_ x: Int, _ y: Int) -> Bool { clip.contains(x: x, y: y) }

    public mutating func put(_ c: Character, x: Int, y: Int, style: Style = .normal) {
        guard visible(x, y) else { return }
        buffer[x, y] = Cell(c, style)
    }

    /// Writes `text` from (x, y), clipped; returns the column after the last cell written.
    @discardableResult
    public mutating func text(_ text: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= clip.y, y < clip.maxY else { return x }
        let limit = maxWidth.map { x + $0 } ?? clip.maxX
        var cx = x
        // Printable ASCII (most of what is drawn): one cell per byte, no grapheme breaking nor width lookup.
        var ascii = true
        for b in text.utf8 where b < 0x20 || b >= 0x7F { ascii = false; break }
        if ascii {
            for b in text.utf8 {
                if cx + 1 > limit { break }
                if visible(cx, y) { write(Character(Unicode.Scalar(b)), x: cx, y: y, style: style) }
                cx += 1
            }
            return cx
        }
        for c in SafeText.sanitize(text) {
            let w = SafeText.width(c)
            if cx + w > limit {
                // A wide character that would cross the limit is never split: its first cell becomes a space.
                if w == 2, cx < limit, visible(cx, y) { write(" ", x: cx, y: y, style: style); cx += 1 }
                break
            }
            if w == 2, !(visible(cx, y) && visible(cx + 1, y)) {
                // Half of it clipped: the visible half is a space (a terminal would draw both halves).
                if visible(cx, y) { write(" ", x: cx, y: y, style: style) }
                if visible(cx + 1, y) { write(" ", x: cx + 1, y: y, style: style) }
            } else if visible(cx, y) {
                write(c, x: cx, y: y, style: style)
                if w == 2 {
                    write(" ", x: cx + 1, y: y, style: style)
                    buffer[cx + 1, y] = Cell(ScreenBuffer.continuation, style)
                }
            }
            cx += w
        }
        return cx
    }

    /// Writes one cell; a wide character it overwrites half of has its other half turned into a space.
    @inline(__always) private mutating func write(_ c: Character, x: Int, y: Int, style: Style) {
        if buffer[x, y].char == ScreenBuffer.continuation, x > 0 { buffer[x - 1, y].char = " " }
        if x + 1 < buffer.width, buffer[x + 1, y].char == ScreenBuffer.continuation { buffer[x + 1, y].char = " " }
        buffer[x, y] = Cell(c, style)
    }

    /// Fills a rect with a character.
    public mutating func fill(_ rect: Rect, _ c: Character = " ", style: Style = .normal) {
        for y in rect.y..<rect.maxY where y >= clip.y && y < clip.maxY {
            for x in rect.x..<rect.maxX where visible(x, y) { buffer[x, y] = Cell(c, style) }
        }
    }

    /// Applies a style to a rect while keeping its characters (selection highlight).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in rect.y..<rect.maxY where y >= clip.y && y < clip.maxY {
            for x in rect.x..<rect.maxX where visible(x, y) { buffer[x, y].style = style }
        }
    }

    public mutating func hline(x: Int, y: Int, width: Int, _ c: Character = "─", style: Style = Style(.border)) {
        for i in 0..<max(0, width) { put(c, x: x + i, y: y, style: style) }
    }

    public mutating func vline(x: Int, y: Int, height: Int, _ c: Character = "│", style: Style = Style(.border)) {
        for i in 0..<max(0, height) { put(c, x: x, y: y + i, style: style) }
    }

    /// A single-line box with an optional title in its top edge.
    public mutating func box(_ r: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title, bold: true)) {
        guard r.width >= 2, r.height >= 2 else { return }
        hline(x: r.x + 1, y: r.y, width: r.width - 2, style: style)
        hline(x: r.x + 1, y: r.maxY - 1, width: r.width - 2, style: style)
        vline(x: r.x, y: r.y + 1, height: r.height - 2, style: style)
        vline(x: r.maxX - 1, y: r.y + 1, height: r.height - 2, style: style)
        put("┌", x: r.x, y: r.y, style: style); put("┐", x: r.maxX - 1, y: r.y, style: style)
        put("└", x: r.x, y: r.maxY - 1, style: style); put("┘", x: r.maxX - 1, y: r.maxY - 1, style: style)
        if let title, r.width > 6 {
            text(" " + title + " ", x: r.x + 2, y: r.y, style: titleStyle, maxWidth: r.width - 4)
        }
    }
}
