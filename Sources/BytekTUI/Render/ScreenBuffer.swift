/// One character cell: a grapheme and its style.
public struct Cell: Equatable, Sendable {
    public var char: Character
    public var style: Style
    public init(_ char: Character = " ", _ style: Style = .normal) { self.char = char; self.style = style }
}

/// The whole screen as cells. Screens render into it; a terminal writes it out.
/// Tests read it back as plain text (`text`, `lines`).
public struct ScreenBuffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// Marks the second cell of a double-width character; never drawn.
    public static let continuation: Character = "\u{0}"

    public init(width: Int, height: Int) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if x >= 0, y >= 0, x < width, y < height { cells[y * width + x] = newValue } }
    }

    public mutating func clear() { for i in cells.indices { cells[i] = Cell() } }

    /// The screen as lines of text, trailing spaces kept (every line is `width` characters).
    public var lines: [String] {
        (0..<height).map { y in
            String(cells[(y * width)..<((y + 1) * width)].lazy.map(\.char).filter { $0 != ScreenBuffer.continuation })
        }
    }

    /// The screen as text with trailing spaces trimmed, one line per row.
    public var text: String {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l = l.dropLast() }
            return String(l)
        }.joined(separator: "\n")
    }

    /// The roles used on row `y`, for tests that check styling (e.g. that the selection is highlighted).
    public func roles(row y: Int) -> [StyleRole] { (0..<width).map { self[$0, y].style.role } }
}
