/// One card of a `Board`: a title, up to two detail lines and an optional badge.
public struct BoardCard: Sendable, Equatable {
    public var id: Int64
    public var title: String
    /// At most two are shown.
    public var details: [String]
    /// A short mark at the right of the title ("vence", "!"), drawn in `badgeRole`.
    public var badge: String?
    public var badgeRole: StyleRole
    public init(id: Int64, title: String, details: [String] = [], badge: String? = nil, badgeRole: StyleRole = .warning) {
        self.id = id; self.title = title; self.details = details; self.badge = badge; self.badgeRole = badgeRole
    }
}

/// One column of a `Board`: a stage of a pipeline or a Kanban list.
public struct BoardColumn: Sendable, Equatable {
    public var id: String
    public var title: String
    public var cards: [BoardCard]
    /// Shown under the title (e.g. "S/ 12,500.00"), formatted by the caller.
    public var sumText: String
    /// Cards the column holds beyond those loaded in `cards` (the board shows the first ones only); the
    /// header counts them too, and a card moved by the user still counts where it now is.
    public var unloaded: Int
    public init(id: String, title: String, cards: [BoardCard] = [], sumText: String = "", unloaded: Int = 0) {
        self.id = id; self.title = title; self.cards = cards; self.sumText = sumText; self.unloaded = unloaded
    }
}

/// A card moved by the user from one column to another, for the screen to persist.
public struct BoardMove: Sendable, Equatable {
    public var cardID: Int64
    public var fromColumn: String
    public var toColumn: String
    /// Where the card now is in the target column (the board puts it first).
    public var toIndex: Int
}

/// What a key did on the board.
public enum BoardEventResult: Sendable, Equatable {
    /// Not a board key.
    case ignored
    /// Focus moved or the view scrolled.
    case handled
    /// A card was moved (already shown moved); the screen saves it, or calls `setColumns` to undo.
    case moved(BoardMove)
}

/// Columns of cards: a pipeline of opportunities, a Kanban of tasks.
///
/// ←/→ (h/l) change column, ↑/↓ (k/j) change card, Home/End first/last card, `<`/`>` move the
/// selected card to the previous/next column (terminals have no portable Shift-arrow) and return a
/// `BoardMove`. Each column shows its title with the card count and a caller-given sum, and scrolls
/// vertically; when the terminal is too narrow for every column, fewer are shown and the view
/// scrolls sideways to keep the focused one visible ("◀"/"▶" mark hidden columns).
@MainActor
public final class Board {
    public private(set) var columns: [BoardColumn]
    public private(set) var focusedColumn = 0
    /// The selected card's index in each column (kept when moving between columns).
    public private(set) var cardIndex: [Int]
    /// Columns narrower than this are not shown side by side.
    public var minColumnWidth = 18
    /// Whether the selection is drawn (`.cardSelected`); unfocused boards show none.
    public var isFocused = true
    /// Shown dim in an empty column.
    public var emptyText = ""
    private var scroll: [Int]
    private var firstColumn = 0
    private var lastColumnRects: [(column: Int, rect: Rect)] = []
    private var lastCardRects: [(column: Int, card: Int, rect: Rect)] = []

    public init(columns: [BoardColumn]) {
        self.columns = columns
        cardIndex = Array(repeating: 0, count: columns.count)
        scroll = Array(repeating: 0, count: columns.count)
    }

    /// Replaces the columns (after a reload), keeping the selected card by id when it still exists.
    public func setColumns(_ new: [BoardColumn]) {
        let selected = selectedCard?.id
        let focusedID = columns.indices.contains(focusedColumn) ? columns[focusedColumn].id : nil
        let oldIndex = cardIndex
        let oldIDs = columns.map(\.id)
        columns = new
        cardIndex = new.map { col in
            guard let i = oldIDs.firstIndex(of: col.id), i < oldIndex.count else { return 0 }
            return min(oldIndex[i], max(0, col.cards.count - 1))
        }
        scroll = Array(repeating: 0, count: new.count)
        focusedColumn = new.firstIndex { $0.id == focusedID } ?? min(focusedColumn, max(0, new.count - 1))
        if let selected { select(cardID: selected) }
    }

    /// The selected card of the focused column, if any.
    public var selectedCard: BoardCard? {
        guard columns.indices.contains(focusedColumn) else { return nil }
        let col = columns[focusedColumn]
        let i = cardIndex[focusedColumn]
        return col.cards.indices.contains(i) ? col.cards[i] : nil
    }

    /// Focuses the card with `id` wherever it is; returns whether it was found.
    @discardableResult
    public func select(cardID: Int64) -> Bool {
        for (c, col) in columns.enumerated() {
            if let i = col.cards.firstIndex(where: { $0.id == cardID }) {
                focusedColumn = c
                cardIndex[c] = i
                return true
            }
        }
        return false
    }

    // MARK: Events

    public func handle(_ event: Event) -> BoardEventResult {
        switch event {
        case .key(let key): return handle(key)
        case .mouse(let m):
            switch m.button {
            case .left:
                if let hit = lastCardRects.first(where: { $0.rect.contains(x: m.x, y: m.y) }) {
                    focusedColumn = hit.column; cardIndex[hit.column] = hit.card
                    return .handled
                }
                if let hit = lastColumnRects.first(where: { $0.rect.contains(x: m.x, y: m.y) }) {
                    focusedColumn = hit.column
                    return .handled
                }
                return .ignored
            case .wheelUp: moveCard(-1); return .handled
            case .wheelDown: moveCard(1); return .handled
            case .other: return .ignored
            }
        default:
            return .ignored
        }
    }

    public func handle(_ key: Key) -> BoardEventResult {
        guard !columns.isEmpty else { return .ignored }
        switch key {
        case .left, .char("h"): focusedColumn = max(0, focusedColumn - 1)
        case .right, .char("l"): focusedColumn = min(columns.count - 1, focusedColumn + 1)
        case .up, .char("k"): moveCard(-1)
        case .down, .char("j"): moveCard(1)
        case .home, .char("g"): cardIndex[focusedColumn] = 0
        case .end, .char("G"): cardIndex[focusedColumn] = max(0, columns[focusedColumn].cards.count - 1)
        case .char("<"): return moveSelected(by: -1)
        case .char(">"): return moveSelected(by: 1)
        default: return .ignored
        }
        return .handled
    }

    private func moveCard(_ d: Int) {
        let n = columns[focusedColumn].cards.count
        cardIndex[focusedColumn] = min(max(0, cardIndex[focusedColumn] + d), max(0, n - 1))
    }

    /// Moves the selected card `d` columns over, to the top of the target column, and follows it.
    private func moveSelected(by d: Int) -> BoardEventResult {
        let from = focusedColumn, to = focusedColumn + d
        guard columns.indices.contains(to), let card = selectedCard else { return .handled }
        columns[from].cards.remove(at: cardIndex[from])
        cardIndex[from] = min(cardIndex[from], max(0, columns[from].cards.count - 1))
        columns[to].cards.insert(card, at: 0)
        cardIndex[to] = 0
        scroll[to] = 0
        focusedColumn = to
        return .moved(BoardMove(cardID: card.id, fromColumn: columns[from].id, toColumn: columns[to].id, toIndex: 0))
    }

    // MARK: Render

    /// Rows a card takes: its title, its details (up to 2) and a blank line.
    private func height(_ card: BoardCard) -> Int { 2 + min(2, card.details.count) }

    /// Draws as many columns as fit at `minColumnWidth`, each a box with its cards.
    public func render(_ canvas: inout Canvas, in rect: Rect) {
        lastColumnRects = []
        lastCardRects = []
        guard !columns.isEmpty, rect.width >= 8, rect.height >= 4 else { return }
        let visible = max(1, min(columns.count, rect.width / max(1, minColumnWidth)))
        if focusedColumn < firstColumn { firstColumn = focusedColumn }
        if focusedColumn >= firstColumn + visible { firstColumn = focusedColumn - visible + 1 }
        firstColumn = min(max(0, firstColumn), columns.count - visible)
        let base = rect.width / visible
        var x = rect.x
        for k in 0..<visible {
            let c = firstColumn + k
            let w = k == visible - 1 ? rect.maxX - x : base
            let colRect = Rect(x: x, y: rect.y, width: w, height: rect.height)
            renderColumn(&canvas, c, colRect)
            lastColumnRects.append((c, colRect))
            x += w
        }
        if firstColumn > 0 { canvas.put("◀", x: rect.x, y: rect.y, style: Style(.accent, bold: true)) }
        if firstColumn + visible < columns.count {
            canvas.put("▶", x: rect.maxX - 1, y: rect.y, style: Style(.accent, bold: true))
        }
    }

    private func renderColumn(_ canvas: inout Canvas, _ c: Int, _ r: Rect) {
        let col = columns[c]
        let focused = isFocused && c == focusedColumn
        let title = SafeText.sanitize(col.title) + " (\((col.cards.count + col.unloaded).formatted(grouping: true)))"
        canvas.box(r, title: title, style: Style(focused ? .accent : .border),
                   titleStyle: Style(focused ? .accent : .title, bold: true))
        let inner = Rect(x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2)
        guard inner.width > 2, inner.height > 1 else { return }
        if !col.sumText.isEmpty {
            let sum = SafeText.truncate(SafeText.sanitize(col.sumText), to: inner.width - 2)
            canvas.text(sum, x: inner.maxX - 1 - SafeText.width(sum), y: inner.y, style: Style(.dim))
        }
        let cardsArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        guard !col.cards.isEmpty else {
            canvas.text(emptyText, x: cardsArea.x + 1, y: cardsArea.y, style: Style(.dim), maxWidth: cardsArea.width - 2)
            return
        }
        // Scroll so the selected card is fully visible.
        let sel = min(cardIndex[c], col.cards.count - 1)
        if sel < scroll[c] { scroll[c] = sel }
        while scroll[c] < sel, (scroll[c]...sel).reduce(0, { $0 + height(col.cards[$1]) }) - 1 > cardsArea.height {
            scroll[c] += 1
        }
        var y = cardsArea.y
        var moreBelow = false
        for i in scroll[c]..<col.cards.count {
            let card = col.cards[i]
            let full = height(card) - 1
            let h = min(full, cardsArea.maxY - y)
            guard h > 0 else { moreBelow = true; break }
            let cardRect = Rect(x: cardsArea.x, y: y, width: cardsArea.width, height: h)
            renderCard(&canvas, card, cardRect, selected: i == sel && isFocused && c == focusedColumn)
            lastCardRects.append((c, i, cardRect))
            if h < full || (i < col.cards.count - 1 && y + h + 1 >= cardsArea.maxY) { moreBelow = true; break }
            y += h + 1
        }
        if scroll[c] > 0 { canvas.put("▲", x: r.maxX - 2, y: r.y + 1, style: Style(.accent)) }
        if moreBelow { canvas.put("▼", x: r.maxX - 2, y: r.maxY - 1, style: Style(.accent)) }
    }

    private func renderCard(_ canvas: inout Canvas, _ card: BoardCard, _ r: Rect, selected: Bool) {
        let base = Style(selected ? .cardSelected : .card)
        if selected { canvas.fill(r, style: base) }
        var titleRoom = r.width - 2
        if let badge = card.badge, !badge.isEmpty {
            let b = SafeText.truncate(SafeText.sanitize(badge), to: max(1, r.width / 3))
            let bx = r.maxX - 1 - SafeText.width(b)
            canvas.text(b, x: bx, y: r.y, style: selected ? base : Style(card.badgeRole, bold: true))
            titleRoom = bx - r.x - 2
        }
        canvas.text(SafeText.truncate(SafeText.sanitize(card.title), to: titleRoom), x: r.x + 1, y: r.y,
                    style: Style(selected ? .cardSelected : .card, bold: true))
        for (k, d) in card.details.prefix(2).enumerated() where k + 1 < r.height {
            canvas.text(SafeText.truncate(SafeText.sanitize(d), to: r.width - 3), x: r.x + 2, y: r.y + 1 + k,
                        style: selected ? base : Style(.dim))
        }
    }
}
