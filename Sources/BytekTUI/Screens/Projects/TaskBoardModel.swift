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
/// Every card's search text is folded once (lower case, no accents) into ONE contiguous byte buffer, each card's
/// bytes ended by a 0. A new filter is one pass over that buffer (`memchr` for the needle's rarest byte, then
/// `memcmp`; a hit jumps to the next card); a filter that extends the previous one only tests the cards that still
/// matched (when they are few); the match sets of the shorter filters are kept on a stack, so a backspace pops one
/// instead of searching again. The order of each swimlane
/// mode is sorted once at load, and each card's row in its column is kept, so a keystroke never sorts the board,
/// reads it or scans it for the selected card.
struct TaskBoardModel {
    private(set) var cards: [BoardTask]
    let limits: [TaskState: Int]
    /// The folded search texts, card after card, each ended by a 0 byte; card i is `hay[starts[i] ..< starts[i + 1] - 1]`.
    private var hay: [UInt8] = []
    private var starts: [Int] = [0]
    /// How often each byte value occurs in `hay` (the search looks for a needle's rarest byte first).
    private var byteCounts = Array(repeating: 0, count: 256)
    /// Per card, which letters and digits its text holds (bit `letterBit`): a one-letter filter — the first key
    /// typed, the costliest pass — is answered from these alone, without searching the texts.
    private var letters: [UInt64] = []
    /// The match sets of the filter's growing prefixes (folded), shortest first: a backspace pops back to one.
    private var levels: [(needle: [UInt8], matched: [Int32])] = []
    /// The cards the filter shows (card indices, ascending); nil when every card is shown.
    private var shown: [Int32]?
    /// The cards' indices in display order per swimlane mode (lane first, then due date, code, position), and
    /// each card's place in that order.
    private var orders: [Swimlane: [Int]] = [:]
    private var places: [Swimlane: [Int32]] = [:]
    private var lanes: [Swimlane: [String]] = [:]
    private var ranks: [Swimlane: [Int]] = [:]
    /// The lane ranks of the current mode, and each card's column (0...3): plain arrays for the per-keystroke passes.
    private var currentRanks: [Int] = []
    private var column: [Int] = []
    /// Each card's row in its column as shown (-1: filtered out), and the card of each task id.
    private var rowOf: [Int32] = []
    private var indexOfId: [Int64: Int] = [:]
    /// A scratch flag per card for the rebuild's pass in display order (kept to avoid allocating it per key).
    private var flags: [Bool] = []
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
        starts.reserveCapacity(cards.count + 1)
        for c in cards {
            hay += TaskBoardModel.fold([c.task.title, c.customerName, c.task.assignee ?? "", c.projectCode].joined(separator: "\u{1}"))
            var mask: UInt64 = 0
            for b in hay[starts[starts.count - 1]...] { if let bit = TaskBoardModel.letterBit(b) { mask |= 1 << bit } }
            letters.append(mask)
            hay.append(0)
            starts.append(hay.count)
        }
        for b in hay { byteCounts[Int(b)] += 1 }
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
        for (mode, order) in orders {
            var place = Array(repeating: Int32(0), count: cards.count)
            for (p, i) in order.enumerated() { place[i] = Int32(p) }
            places[mode] = place
        }
        column = cards.map { TaskState.columns.firstIndex(of: $0.task.state) ?? 0 }
        currentRanks = ranks[.none] ?? []
        rowOf = Array(repeating: -1, count: cards.count)
        flags = Array(repeating: false, count: cards.count)
        indexOfId = Dictionary(cards.enumerated().map { ($1.task.id, $0) }, uniquingKeysWith: { a, _ in a })
        for c in column { totals[c] += 1 }
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

    /// Shows the cards whose title, customer, assignee or project code holds `text` (case and accents ignored).
    mutating func setFilter(_ text: String) {
        filter = text
        let needle = TaskBoardModel.fold(text)
        while let top = levels.last, !needle.starts(with: top.needle) { levels.removeLast() }
        if needle.isEmpty {
            levels.removeAll()
            shown = nil
        } else if let top = levels.last, top.needle == needle {
            shown = top.matched
        } else {
            // Testing the previous matches one by one only pays when they are few; else one pass over the buffer.
            let found = needle.count == 1 && TaskBoardModel.letterBit(needle[0]) != nil ? having(needle[0])
                : levels.last.flatMap { $0.matched.count * 4 < cards.count ? narrow($0.matched, to: needle) : nil } ?? scan(needle)
            levels.append((needle, found))
            shown = found
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
        guard let i = indexOfId[task.id] else { return }
        totals[column[i]] -= 1
        cards[i].task = task
        version += 1
        column[i] = TaskState.columns.firstIndex(of: task.state) ?? 0
        totals[column[i]] += 1
        rebuild()
    }

    /// The column and row of the card `id`, if shown.
    func locate(_ id: Int64) -> (column: Int, row: Int)? {
        guard let i = indexOfId[id], rowOf[i] >= 0 else { return nil }
        return (column[i], Int(rowOf[i]))
    }

    /// Every card holding `needle`: one pass over the whole buffer, jumping to the next card at each hit.
    private func scan(_ needle: [UInt8]) -> [Int32] {
        var out: [Int32] = []
        let count = cards.count
        guard count > 0 else { return out }
        let key = rarest(needle)
        hay.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                starts.withUnsafeBufferPointer { st in
                    let base = h.baseAddress!, total = h.count
                    var pos = 0, card = 0
                    while let at = TaskBoardModel.find(n, key: key, in: base, from: pos, to: total) {
                        // The card holding `at`: hits come in order, so walk on from the current card.
                        while st[card + 1] <= at { card += 1 }
                        if at + n.count < st[card + 1] {
                            out.append(Int32(card))
                            card += 1
                            if card == count { break }
                            pos = st[card]
                        } else {
                            pos = at + 1  // the hit runs over the card's end
                        }
                    }
                }
            }
        }
        return out
    }

    /// The bit of a folded letter or digit in `letters`; nil for any other byte.
    static func letterBit(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(b - UInt8(ascii: "a"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 26 + Int(b - UInt8(ascii: "0"))
        default: nil
        }
    }

    /// Every card whose text holds the letter or digit `byte`, from the masks alone.
    private func having(_ byte: UInt8) -> [Int32] {
        let bit = UInt64(1) << TaskBoardModel.letterBit(byte)!
        var out: [Int32] = []
        out.reserveCapacity(cards.count)
        letters.withUnsafeBufferPointer { m in
            for i in 0..<m.count where m[i] & bit != 0 { out.append(Int32(i)) }
        }
        return out
    }

    /// The cards of `previous` that also hold `needle` (a longer filter).
    private func narrow(_ previous: [Int32], to needle: [UInt8]) -> [Int32] {
        var out: [Int32] = []
        let key = rarest(needle)
        hay.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                starts.withUnsafeBufferPointer { st in
                    let base = h.baseAddress!
                    for i in previous where TaskBoardModel.find(n, key: key, in: base, from: st[Int(i)], to: st[Int(i) + 1] - 1) != nil {
                        out.append(i)
                    }
                }
            }
        }
        return out
    }

    /// The needle's byte that is least frequent in the cards' texts (its offset): what `find` looks for with `memchr`.
    private func rarest(_ needle: [UInt8]) -> Int {
        var best = 0
        for k in needle.indices where byteCounts[Int(needle[k])] < byteCounts[Int(needle[best])] { best = k }
        return best
    }

    /// The first offset in `base[from..<to]` where `needle` starts: `memchr` for its rarest byte (at `key`), then
    /// `memcmp` of the whole needle there.
    static func find(_ needle: UnsafeRawBufferPointer, key: Int, in base: UnsafeRawPointer, from: Int, to: Int) -> Int? {
        let nl = needle.count
        guard nl > 0, let np = needle.baseAddress else { return from <= to ? from : nil }
        let byte = Int32(needle[key])
        var pos = from
        while pos + nl <= to {
            guard let p = memchr(base + pos + key, byte, to - pos - key) else { return nil }
            let at = base.distance(to: UnsafeRawPointer(p)) - key
            if at + nl > to { return nil }
            if memcmp(base + at, np, nl) == 0 { return at }
            pos = at + 1
        }
        return nil
    }

    private mutating func rebuild() {
        var cols: [[Int]] = (0..<TaskState.columns.count).map { c in
            var a: [Int] = []
            a.reserveCapacity(shown == nil ? totals[c] : min(totals[c], shown!.count))
            return a
        }
        let order = orders[swimlane] ?? []
        if let shown, shown.count * 16 < cards.count, let place = places[swimlane] {
            // Few cards shown: sort their places in the display order rather than walk the whole board.
            var at = shown.map { place[Int($0)] }
            at.sort()
            for p in at { let i = order[Int(p)]; cols[column[i]].append(i) }
        } else if let shown {
            flags.withUnsafeMutableBufferPointer { m in
                for i in shown { m[Int(i)] = true }
                order.withUnsafeBufferPointer { o in
                    column.withUnsafeBufferPointer { col in
                        for i in o where m[i] { cols[col[i]].append(i) }
                    }
                }
                for i in shown { m[Int(i)] = false }
            }
        } else {
            column.withUnsafeBufferPointer { col in
                for i in order { cols[col[i]].append(i) }
            }
        }
        rowOf.withUnsafeMutableBufferPointer { rows in
            for col in columns { for i in col { rows[i] = -1 } }
            for col in cols { for (r, i) in col.enumerated() { rows[i] = Int32(r) } }
        }
        columns = cols
    }
}
