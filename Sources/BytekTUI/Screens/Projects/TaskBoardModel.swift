import BytekModel
import Foundation

/// How the cards of a board are grouped inside each column (`s` cycles them).
enum Swimlane: String, CaseIterable, Sendable {
    case none, assignee, customer

    var next: Swimlane {
        let all = Swimlane.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The cards of one board held in memory, read once: the `/` filter and the swimlanes only re-index them.
///
/// Each card keeps its search text folded once (lower case, no accents) as bytes; a filter that extends the
/// previous one only tests the cards that still matched. The order of each swimlane mode is sorted once at
/// load, so a keystroke costs one pass over the cards at most, never a sort nor a read.
struct TaskBoardModel {
    private(set) var cards: [BoardTask]
    let limits: [TaskState: Int]
    private var haystacks: [[UInt8]]
    /// The cards' indices in display order per swimlane mode (lane first, then due date, code, position).
    private var orders: [Swimlane: [Int]] = [:]
    private var lanes: [Swimlane: [String]] = [:]
    private var ranks: [Swimlane: [Int]] = [:]
    /// The lane ranks of the current mode, and each card's column (0...3): plain arrays for the per-keystroke passes.
    private var currentRanks: [Int] = []
    private var column: [Int] = []
    private var matches: [Bool]
    private(set) var filter = ""
    private(set) var swimlane = Swimlane.none
    /// Per column of `TaskState.columns`, the indices into `cards` shown, in order.
    private(set) var columns: [[Int]] = Array(repeating: [], count: TaskState.columns.count)
    /// Cards per column on the whole board (the filter does not change them): the WIP counts.
    private(set) var totals: [Int] = Array(repeating: 0, count: TaskState.columns.count)
    let noAssignee: String
    /// Grows when a card changes (the board's formatted lines are then stale).
    private(set) var version = 0

    init(_ data: BoardData, noAssignee: String) {
        self.noAssignee = noAssignee
        cards = data.tasks.filter { TaskState.columns.contains($0.task.state) }
        limits = data.limits
        haystacks = cards.map { TaskBoardModel.fold([$0.task.title, $0.customerName, $0.task.assignee ?? "", $0.projectCode].joined(separator: "\u{1}")) }
        matches = Array(repeating: true, count: cards.count)
        let base = cards.indices.sorted { a, b in
            let x = cards[a], y = cards[b]
            let dx = x.task.dueDate?.daysSinceEpoch ?? Int.max, dy = y.task.dueDate?.daysSinceEpoch ?? Int.max
            if dx != dy { return dx < dy }
            if x.projectCode != y.projectCode { return x.projectCode < y.projectCode }
            if x.task.position != y.task.position { return x.task.position < y.task.position }
            return x.task.id < y.task.id
        }
        orders[.none] = base
        lanes[.none] = Array(repeating: "", count: cards.count)
        ranks[.none] = Array(repeating: 0, count: cards.count)
        for mode in [Swimlane.assignee, .customer] {
            let names = cards.map { mode == .assignee ? ($0.task.assignee ?? noAssignee) : $0.customerName }
            let sortedNames = Array(Set(names)).sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
            let rank = Dictionary(uniqueKeysWithValues: sortedNames.enumerated().map { ($1, $0) })
            let laneRanks = names.map { rank[$0] ?? 0 }
            var position = Array(repeating: 0, count: cards.count)
            for (p, i) in base.enumerated() { position[i] = p }
            orders[mode] = base.sorted { laneRanks[$0] != laneRanks[$1] ? laneRanks[$0] < laneRanks[$1] : position[$0] < position[$1] }
            lanes[mode] = names
            ranks[mode] = laneRanks
        }
        column = cards.map { TaskState.columns.firstIndex(of: $0.task.state) ?? 0 }
        currentRanks = ranks[.none] ?? []
        for c in cards { if let i = TaskState.columns.firstIndex(of: c.task.state) { totals[i] += 1 } }
        rebuild()
    }

    /// The lane a card is drawn under in the current mode ("" without swimlanes).
    func lane(of index: Int) -> String { lanes[swimlane]?[index] ?? "" }

    /// The rank of a card's lane in the current mode (cards of one lane share it).
    func laneRank(of index: Int) -> Int { currentRanks[index] }

    /// Lower case, no accents, as UTF-8 bytes.
    static func fold(_ text: String) -> [UInt8] {
        Array(text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().utf8)
    }

    mutating func setFilter(_ text: String) {
        let narrowing = text.hasPrefix(filter)
        filter = text
        let needle = TaskBoardModel.fold(text)
        for i in cards.indices where !narrowing || matches[i] {
            matches[i] = needle.isEmpty || TaskBoardModel.contains(haystacks[i], needle)
        }
        rebuild()
    }

    mutating func setSwimlane(_ mode: Swimlane) {
        swimlane = mode
        currentRanks = ranks[mode] ?? []
        rebuild()
    }

    /// Puts a card in its new column (after a move the service accepted) or updates it in place.
    mutating func replace(_ task: ProjectTask) {
        guard let i = cards.firstIndex(where: { $0.task.id == task.id }) else { return }
        if let old = TaskState.columns.firstIndex(of: cards[i].task.state) { totals[old] -= 1 }
        cards[i].task = task
        version += 1
        column[i] = TaskState.columns.firstIndex(of: task.state) ?? 0
        if let new = TaskState.columns.firstIndex(of: task.state) { totals[new] += 1 }
        rebuild()
    }

    /// The column and row of the card `id`, if shown.
    func locate(_ id: Int64) -> (column: Int, row: Int)? {
        for (c, col) in columns.enumerated() {
            if let r = col.firstIndex(where: { cards[$0].task.id == id }) { return (c, r) }
        }
        return nil
    }

    private mutating func rebuild() {
        var cols: [[Int]] = Array(repeating: [], count: TaskState.columns.count)
        let order = orders[swimlane] ?? []
        order.withUnsafeBufferPointer { o in
            matches.withUnsafeBufferPointer { m in
                column.withUnsafeBufferPointer { col in
                    for i in o where m[i] { cols[col[i]].append(i) }
                }
            }
        }
        columns = cols
    }

    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = hay.count
        guard n <= h else { return false }
        return hay.withUnsafeBufferPointer { hp in
            needle.withUnsafeBufferPointer { np in
                let first = np[0]
                var i = 0
                while i <= h - n {
                    if hp[i] == first {
                        var k = 1
                        while k < n && hp[i + k] == np[k] { k += 1 }
                        if k == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
