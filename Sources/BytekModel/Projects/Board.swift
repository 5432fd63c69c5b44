import Foundation

/// Which board: the team's cross-project board of a unit ('equipo:U1') or one project's ('proyecto:<id>').
public enum BoardScope: Sendable, Hashable {
    case team(BusinessUnit)
    case project(Int64)

    /// The key of its WIP limits (`board_wip_limit.board`).
    public var key: String {
        switch self {
        case .team(let unit): return "equipo:\(unit.rawValue)"
        case .project(let id): return "proyecto:\(id)"
        }
    }

    /// Parses "equipo:U1" / "proyecto:12".
    public init?(key: String) {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        if parts[0] == "equipo", let u = BusinessUnit(rawValue: parts[1]) { self = .team(u); return }
        if parts[0] == "proyecto", let id = Int64(parts[1]) { self = .project(id); return }
        return nil
    }
}

/// How a board's cards are grouped across its columns.
public enum Swimlanes: String, Sendable, Hashable, CaseIterable {
    case none, assignee, customer
}

/// One card as a board shows it.
public struct BoardCard: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    public var milestoneId: Int64?
    public var title: String
    public var projectCode: String
    public var projectName: String
    /// The customer's trade name, or its legal name when it has none.
    public var customerShortName: String
    public var assignee: String?
    public var role: String
    public var state: TaskState
    public var due: LocalDate?
    public var promised: LocalDate
    public var checklistDone: Int
    public var checklistTotal: Int
    public var blocked: Bool
    public var blockedReason: String
    /// Whole days since it entered its column.
    public var ageDays: Int
    public var lateness: CardLateness
    /// The text `/` filters on, folded once when the card is read (case and accents ignored), so a
    /// keystroke on a board of 20,000 cards only compares bytes.
    public private(set) var searchText: String
    /// `searchText` as UTF-8 bytes.
    let searchBytes: [UInt8]

    public init(id: Int64, projectId: Int64, milestoneId: Int64? = nil, title: String, projectCode: String,
                projectName: String = "", customerShortName: String, assignee: String?, role: String = "",
                state: TaskState, due: LocalDate?, promised: LocalDate, checklistDone: Int, checklistTotal: Int,
                blocked: Bool, blockedReason: String, ageDays: Int, lateness: CardLateness, searchText: String? = nil) {
        self.id = id; self.projectId = projectId; self.milestoneId = milestoneId; self.title = title
        self.projectCode = projectCode; self.projectName = projectName; self.customerShortName = customerShortName
        self.assignee = assignee; self.role = role; self.state = state; self.due = due; self.promised = promised
        self.checklistDone = checklistDone; self.checklistTotal = checklistTotal; self.blocked = blocked
        self.blockedReason = blockedReason; self.ageDays = ageDays; self.lateness = lateness
        let text = searchText ?? Self.searchKey(title: title, project: Self.searchKey(projectCode, projectName, customerShortName),
                                                 assignee: assignee, role: role)
        self.searchText = text
        self.searchBytes = Array(text.utf8)
    }

    /// The folded search text of a card; `project` is `searchKey(code, name, customer)` (fold it once per
    /// project when reading many cards).
    public static func searchKey(title: String, project: String, assignee: String?, role: String) -> String {
        TextFold.fold(title) + " " + project + " " + TextFold.fold(assignee ?? "") + " " + TextFold.fold(role)
    }

    /// The folded text of a project's part of its cards' search text.
    public static func searchKey(_ code: String, _ name: String, _ customer: String) -> String {
        TextFold.fold(code + " " + name + " " + customer)
    }

    /// Whether every word (folded UTF-8) occurs in the card's search text.
    func contains(all words: [[UInt8]]) -> Bool {
        searchBytes.withUnsafeBufferPointer { hay in
            words.allSatisfy { w in w.withUnsafeBufferPointer { Self.find($0, in: hay) } }
        }
    }

    /// Whether `needle` occurs in `hay` (bytes).
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = needle.count, m = hay.count
        guard n > 0 else { return true }
        guard n <= m else { return false }
        let first = needle[0]
        var i = 0
        while i <= m - n {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    /// "2/5".
    public var checklistText: String { "\(checklistDone)/\(checklistTotal)" }

    /// Whether the card matches the filter words (each word anywhere in its text).
    public func matches(_ filter: String) -> Bool {
        let words = Board.words(filter)
        return words.isEmpty || contains(all: words)
    }

    /// The swimlane it falls in.
    public func lane(_ lanes: Swimlanes) -> String {
        switch lanes {
        case .none: return ""
        case .assignee: return assignee ?? "(sin asignar)"
        case .customer: return customerShortName
        }
    }
}

/// One column of a board: its cards (due date first, then id), how many, and its WIP limit.
public struct BoardColumn: Sendable, Hashable {
    public var state: TaskState
    public var cards: [BoardCard]
    /// The column's limit on this board, if set.
    public var wipLimit: Int?
    public var count: Int { cards.count }
    public var overLimit: Bool { wipLimit.map { cards.count > $0 } ?? false }

    public init(state: TaskState, cards: [BoardCard], wipLimit: Int?) {
        self.state = state; self.cards = cards; self.wipLimit = wipLimit
    }
}

/// A board: its four columns (cancelled cards are not on it), optionally grouped by swimlane.
public struct Board: Sendable, Hashable {
    public var scope: BoardScope
    public var columns: [BoardColumn]
    public var swimlanes: Swimlanes
    public var today: LocalDate

    public init(scope: BoardScope, columns: [BoardColumn], swimlanes: Swimlanes, today: LocalDate) {
        self.scope = scope; self.columns = columns; self.swimlanes = swimlanes; self.today = today
    }

    /// The lanes in order (one "" lane without swimlanes).
    public var lanes: [String] {
        guard swimlanes != .none else { return [""] }
        return Set(columns.flatMap { $0.cards.map { $0.lane(swimlanes) } }).sorted {
            $0.localizedCaseInsensitiveCompare($1) == .orderedAscending
        }
    }

    /// A filter's words, folded, as UTF-8 bytes.
    static func words(_ filter: String) -> [[UInt8]] {
        TextFold.fold(filter).split(separator: " ").map { Array($0.utf8) }
    }

    /// The same board with only the cards matching `filter` (in memory: the TUI re-filters per keystroke).
    /// Filtering an already filtered board by a longer filter gives the same cards, faster.
    public func filtered(_ filter: String) -> Board {
        let words = Self.words(filter)
        guard !words.isEmpty else { return self }
        var b = self
        b.columns = columns.map { c in
            var c = c
            c.cards = c.cards.filter { $0.contains(all: words) }
            return c
        }
        return b
    }

    public func column(_ state: TaskState) -> BoardColumn? { columns.first { $0.state == state } }
}

/// Where a card moves: one column right (`>`), one left (`<`), or to a named column.
public enum TaskMove: Sendable, Hashable {
    case next, previous
    case to(TaskState)

    /// The target column from `state`, nil when there is none (already at the edge).
    public func target(from state: TaskState) -> TaskState? {
        switch self {
        case .next: return state.next
        case .previous: return state.previous
        case .to(let s): return s
        }
    }
}
