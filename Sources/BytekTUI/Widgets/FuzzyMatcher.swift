import BytekModel

/// The result of matching a query against one candidate.
public struct FuzzyMatch: Sendable, Equatable {
    /// Higher is better. Only comparable between matches of the same query.
    public var score: Int
    /// Offsets (in `Character`s) of the candidate's characters that matched, ascending,
    /// for highlighting.
    public var positions: [Int]
    public init(score: Int, positions: [Int]) { self.score = score; self.positions = positions }
}

/// Fuzzy matching for the command palette: the query's letters must appear in the candidate in
/// order (a subsequence), ignoring case, accents and the query's spaces. Matches at word starts
/// and runs of consecutive letters score higher, so "nueva cot" puts "Nueva cotización" before
/// "Nuevo contacto". When the whole query is not a subsequence, each word of the query may match
/// on its own, in any order ("acme cliente" still finds "Cliente: ACME SAC"), at a lower score.
/// Pure: no state, safe from any thread.
public enum FuzzyMatcher {
    static let matchScore = 16
    static let startBonus = 12
    static let wordStartBonus = 10
    static let camelBonus = 6
    static let consecutiveBonus = 10
    static let gapOpen = 3
    static let gapExtend = 1
    static let unorderedPenalty = 8

    /// Matches `query` against `candidate`; nil when it does not match.
    /// An empty query matches everything with score 0.
    public static func match(_ query: String, _ candidate: String) -> FuzzyMatch? {
        match(PreparedQuery(query), candidate)
    }

    /// A query folded once for matching many candidates.
    struct PreparedQuery {
        var letters: [Character]
        var words: [[Character]]
        init(_ query: String) {
            let folded = TextFold.fold(query)
            letters = Array(folded.filter { !$0.isWhitespace })
            words = folded.split(whereSeparator: { $0.isWhitespace }).map { Array($0) }
        }
    }

    static func match(_ query: PreparedQuery, _ candidate: String) -> FuzzyMatch? {
        let q = query.letters
        if q.isEmpty { return FuzzyMatch(score: 0, positions: []) }
        let folded = FoldedText(candidate)
        // Cheap rejection before the alignment (most candidates fail here).
        let whole = isSubsequence(q, of: folded.chars)
        let words = query.words
        guard whole || (words.count > 1 && words.allSatisfy { isSubsequence($0, of: folded.chars) }) else { return nil }
        if whole, let m = align(q, folded) { return m }
        guard words.count > 1 else { return nil }
        var score = 0
        var positions = Set<Int>()
        for w in words {
            guard let m = align(w, folded) else { return nil }
            score += m.score
            positions.formUnion(m.positions)
        }
        return FuzzyMatch(score: score - unorderedPenalty * words.count, positions: positions.sorted())
    }

    static func isSubsequence(_ q: [Character], of text: [Character]) -> Bool {
        var i = 0
        for c in text where i < q.count && c == q[i] { i += 1 }
        return i == q.count
    }

    /// The items that match `query`, best first; ties keep the shorter candidate first, then the input order.
    public static func rank<T>(_ query: String, _ items: [T], key: (T) -> String) -> [(item: T, match: FuzzyMatch)] {
        var scored: [(item: T, match: FuzzyMatch, length: Int, order: Int)] = []
        let prepared = PreparedQuery(query)
        for (i, item) in items.enumerated() {
            let k = key(item)
            if let m = match(prepared, k) { scored.append((item, m, k.count, i)) }
        }
        if !query.allSatisfy(\.isWhitespace) {
            scored.sort {
                if $0.match.score != $1.match.score { return $0.match.score > $1.match.score }
                if $0.length != $1.length { return $0.length < $1.length }
                return $0.order < $1.order
            }
        }
        return scored.map { ($0.item, $0.match) }
    }

    /// The best alignment of `q` in `text` (dynamic programming over query × candidate, linear in
    /// each with a running best for gaps), or nil when `q` is not a subsequence.
    static func align(_ q: [Character], _ text: FoldedText) -> FuzzyMatch? {
        let chars = text.chars
        let n = q.count, m = chars.count
        guard n <= m else { return nil }
        let none = Int.min / 4
        // score[i][j]: best score with q[i] matched at chars[j]; from[i][j]: where q[i-1] was matched.
        var score = [Int](repeating: none, count: n * m)
        var from = [Int](repeating: -1, count: n * m)
        for i in 0..<n {
            var gapBest = none, gapFrom = -1
            for j in 0..<m {
                if i > 0, j >= 2 {
                    // A gap of (j - k - 1) skipped characters between k and j.
                    let opened = score[(i - 1) * m + j - 2] == none ? none : score[(i - 1) * m + j - 2] - gapOpen
                    gapBest = gapBest == none ? none : gapBest - gapExtend
                    if opened > gapBest { gapBest = opened; gapFrom = j - 2 }
                }
                guard chars[j] == q[i] else { continue }
                let gain = matchScore + text.bonus[j]
                if i == 0 {
                    score[j] = gain - min(j, 6)
                    continue
                }
                var best = none, bestFrom = -1
                if j >= 1, score[(i - 1) * m + j - 1] != none {
                    best = score[(i - 1) * m + j - 1] + consecutiveBonus
                    bestFrom = j - 1
                }
                if gapBest != none, gapBest > best { best = gapBest; bestFrom = gapFrom }
                if best != none { score[i * m + j] = best + gain; from[i * m + j] = bestFrom }
            }
        }
        var bestJ = -1, bestScore = none
        for j in 0..<m where score[(n - 1) * m + j] > bestScore { bestScore = score[(n - 1) * m + j]; bestJ = j }
        guard bestJ >= 0 else { return nil }
        var positions = [Int](repeating: 0, count: n)
        var j = bestJ
        for i in stride(from: n - 1, through: 0, by: -1) {
            positions[i] = text.origin[j]
            j = from[i * m + j]
        }
        var unique: [Int] = []
        for p in positions where unique.last != p { unique.append(p) }
        return FuzzyMatch(score: bestScore, positions: unique)
    }
}

/// A candidate folded for matching, remembering which original character each folded one came from.
struct FoldedText {
    var chars: [Character] = []
    var origin: [Int] = []
    var bonus: [Int] = []

    init(_ s: String) {
        var previous: Character?
        for (index, c) in s.enumerated() {
            var b = 0
            if previous == nil { b = FuzzyMatcher.startBonus }
            else if let p = previous {
                if !(p.isLetter || p.isNumber) && (c.isLetter || c.isNumber) { b = FuzzyMatcher.wordStartBonus }
                else if p.isLowercase && c.isUppercase { b = FuzzyMatcher.camelBonus }
            }
            if let a = c.asciiValue {
                chars.append(Character(Unicode.Scalar(a >= 65 && a <= 90 ? a + 32 : a)))
                origin.append(index); bonus.append(b)
            } else {
                // Combining marks left by folding decomposed text would break letter runs: drop them.
                let folded = TextFold.fold(String(c)).unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
                var first = true
                for f in String(String.UnicodeScalarView(folded)) {
                    chars.append(f); origin.append(index); bonus.append(first ? b : 0)
                    first = false
                }
            }
            previous = c
        }
    }
}
