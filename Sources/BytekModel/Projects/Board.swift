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
    /// keystroke on a board of 20,000 cards only compares strings.
    public private(set) var searchText: String

    public init(id: Int64, projectId: Int64, milestoneId: Int64? = nil, title: String, projectCode: String,
                projectName: String = "", customerShortName: String, assignee: String?, role: String = "",
                state: TaskState, due: LocalDate?, promised: LocalDate, checklistDone: Int, checklistTotal: Int,
                blocked: Bool, blockedReason: String, ageDays: Int, lateness: CardLateness) {
        self.id = id; self.projectId = projectId; self.milestoneId = milestoneId; self.title = title
        self.projectCode = projectCode; self.projectName = projectName; self.customerShortName = customerShortName
        self.assignee = assignee; self.role = role; self.state = state; self.due = due; self.promised = promised
        self.checklistDone = checklistDone; self.checklistTotal = checklistTotal; self.blocked = blocked
        self.blockedReason = blockedReason; self.ageDays = ageDays; self.lateness = lateness
        self.searchText = TextFold.fold([title, projectCode, projectName, customerShortName, assignee ?? "", role]
            .joined(separator: " "))
    }

    /// "2/5".
    public var checklistText: String { "\(checklistDone)/\(checklistTotal)" }

    /// Whether the card matches the filter words (each word anywhere in its text).
    public func matches(_ filter: String) -> Bool {
        let words = TextFold.fold(filter).split(separator: " ")
        guard !words.isEmpty else { return true }
        let text = searchText
        return words.allSatisfy { text.contains($0) }
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

    /// The same board with only the cards matching `filter` (in memory: the TUI re-filters per keystroke).
    public func filtered(_ filter: String) -> Board {
        let words = TextFold.fold(filter).split(separator: " ")
        guard !words.isEmpty else { return self }
        var b = self
        b.columns = columns.map { c in
            var c = c
            c.cards = c.cards.filter { card in let t = card.searchText; return words.allSatisfy { t.contains($0) } }
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
