import Foundation

/// Matches bank statement lines to open receivables by amount, operation number and customer (RUC, DNI,
/// name or document number in the line's description), with a confidence and the reason. Pure and fast:
/// the receivables are indexed once, each line looks up only its candidates (2,000 lines ≤ 1 s).
public struct StatementMatcher: Sendable {
    let open: [Receivable]
    /// The open balance of each, in minor units.
    let cents: [Int64]
    let byAmount: [Int64: [Int]]
    let byDocNumber: [String: [Int]]
    let byDocument: [String: [Int]]
    /// First name word → customers' (doc number, the other name words).
    let byNameWord: [String: [(doc: String, words: [String])]]
    let knownOperations: Set<String>

    /// `open`: the open receivables (balance > 0) that may be paid into this account (same currency; the
    /// caller leaves out detracción parts for an ordinary account). `knownOperations`: operation numbers
    /// already recorded as payments of this account.
    public init(open: [Receivable], knownOperations: Set<String> = []) {
        // Balances and due days computed once (Decimal arithmetic is the slow part).
        let keyed = open.compactMap { r -> (r: Receivable, cents: Int64, due: Int)? in
            let cents = r.amount.minorUnits - r.settled.minorUnits
            return cents > 0 ? (r, cents, r.dueDate.daysSinceEpoch) : nil
        }.sorted { ($0.due, $0.r.id) < ($1.due, $1.r.id) }
        self.open = keyed.map(\.r)
        self.cents = keyed.map(\.cents)
        let sorted = self.open
        var byAmount: [Int64: [Int]] = [:], byDocNumber: [String: [Int]] = [:], byDocument: [String: [Int]] = [:]
        var byNameWord: [String: [(doc: String, words: [String])]] = [:]
        var named = Set<String>()
        for (i, r) in sorted.enumerated() {
            byAmount[keyed[i].cents, default: []].append(i)
            byDocNumber[r.customerDocNumber, default: []].append(i)
            byDocument[Self.documentKey(r.documentID), default: []].append(i)
            if named.insert(r.customerDocNumber).inserted {
                let words = Self.nameWords(r.customerName)
                if let first = words.first { byNameWord[first, default: []].append((r.customerDocNumber, Array(words.dropFirst()))) }
            }
        }
        self.byAmount = byAmount; self.byDocNumber = byDocNumber; self.byDocument = byDocument
        self.byNameWord = byNameWord; self.knownOperations = knownOperations
    }

    /// One suggestion per line (nil: nothing fits; the line waits). A receivable suggested for an earlier
    /// line is not suggested again in the same run.
    public func match(_ lines: [BankStatementLine]) -> [StatementSuggestion?] {
        var claimed = Set<Int>()
        return lines.map { line in
            guard let s = suggest(line, claimed: claimed) else { return nil }
            for id in s.ids { claimed.insert(id) }
            return s.suggestion
        }
    }

    // MARK: one line

    func suggest(_ line: BankStatementLine, claimed: Set<Int>) -> (suggestion: StatementSuggestion, ids: [Int])? {
        if !line.operationNumber.isEmpty, knownOperations.contains(line.operationNumber) {
            return (StatementSuggestion(receivableIds: [], customerId: nil, confidence: .alta,
                                        reason: "la operación \(line.operationNumber) ya está registrada como pago",
                                        alreadyRecorded: true), [])
        }
        guard !line.amount.isNegative, !line.amount.isZero else { return nil }
        let cents = line.amount.minorUnits
        let words = Self.words(line.description)
        func free(_ list: [Int]) -> [Int] { list.filter { !claimed.contains($0) && open[$0].currency == line.amount.currency } }

        // A document named in the description.
        for w in words where Self.looksLikeDocument(w) {
            let docs = free(byDocument[Self.documentKey(w)] ?? [])
            guard let first = docs.first else { continue }
            let r = open[first]
            let name = r.documentID
            if let exact = docs.first(where: { self.cents[$0] == cents }) {
                return done([exact], .alta, "monto exacto de \(open[exact].documentID), citado en la descripción")
            }
            if sum(docs) == cents { return done(docs, .alta, "monto exacto del saldo de \(name), citado en la descripción") }
            return done(cover(docs, cents), .media, "\(name) citado en la descripción; el monto difiere de su saldo ("
                        + money(sum(docs), r.currency) + ")")
        }

        // The customer named by RUC/DNI or by name.
        var customer: (doc: String, how: String)?
        for w in words where (w.count == 11 || w.count == 8) && w.allSatisfy(\.isASCII) && w.allSatisfy(\.isNumber) {
            if byDocNumber[w] != nil { customer = (w, (w.count == 11 ? "RUC " : "DNI ") + w + " en la descripción"); break }
        }
        if customer == nil {
            let set = Set(words)
            outer: for w in words {
                for c in byNameWord[w] ?? [] where c.words.allSatisfy(set.contains) {
                    customer = (c.doc, "nombre del cliente en la descripción"); break outer
                }
            }
        }
        if let customer {
            let mine = free(byDocNumber[customer.doc] ?? [])
            if mine.isEmpty { return nil }
            if let exact = mine.first(where: { self.cents[$0] == cents }) {
                return done([exact], .alta, "monto exacto de \(open[exact].documentID); \(customer.how)")
            }
            // Oldest first: a prefix of the customer's receivables that adds up exactly.
            var total: Int64 = 0
            for (n, i) in mine.enumerated() {
                total += self.cents[i]
                if total == cents, n > 0 {
                    return done(Array(mine[...n]), .alta, "monto exacto de las \(n + 1) más antiguas; \(customer.how)")
                }
                if total > cents { break }
            }
            return done(cover(mine, cents), .baja, "\(customer.how); el monto no coincide: se aplicaría a las más antiguas")
        }

        // Only the amount.
        let same = free(byAmount[cents] ?? [])
        guard let first = same.first else { return nil }
        if same.count == 1 {
            return done([first], .media, "solo el monto coincide (\(open[first].documentID), \(open[first].customerName))")
        }
        return done([first], .baja, "\(same.count) cuentas por cobrar con el mismo monto; la más antigua es \(open[first].documentID)")
    }

    private func done(_ ids: [Int], _ confidence: StatementSuggestion.Confidence, _ reason: String)
        -> (suggestion: StatementSuggestion, ids: [Int]) {
        (StatementSuggestion(receivableIds: ids.map { open[$0].id }, customerId: ids.first.flatMap { open[$0].customerId },
                             confidence: confidence, reason: reason), ids)
    }

    private func sum(_ ids: [Int]) -> Int64 { ids.reduce(0) { $0 + self.cents[$1] } }

    /// The oldest receivables until `cents` is covered (at least one).
    private func cover(_ ids: [Int], _ cents: Int64) -> [Int] {
        var total: Int64 = 0
        var out: [Int] = []
        for i in ids {
            out.append(i)
            total += self.cents[i]
            if total >= cents { break }
        }
        return out
    }

    private func money(_ cents: Int64, _ currency: Currency) -> String { Money(minorUnits: cents, currency).formatted }

    // MARK: words

    static let legalForms: Set<String> = ["sac", "s", "a", "c", "sa", "saa", "eirl", "srl", "e", "i", "r", "l", "de", "del",
                                          "la", "el", "los", "las", "y", "sociedad", "anonima", "cerrada", "empresa"]

    /// The description's words: folded, split on anything but letters, digits and "-".
    static func words(_ text: String) -> [String] {
        TextFold.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }).map(String.init)
    }

    /// The words of a customer's name that identify it (legal forms and short words left out), at most three.
    static func nameWords(_ name: String) -> [String] {
        Array(words(name.replacingOccurrences(of: ".", with: "")).filter { $0.count >= 3 && !legalForms.contains($0) }.prefix(3))
    }

    /// "f001-123", "b002-00000045".
    static func looksLikeDocument(_ w: String) -> Bool {
        let parts = w.split(separator: "-")
        return parts.count == 2 && parts[0].count == 4 && parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty
    }

    /// "F001-000123" → "f001-123".
    static func documentKey(_ id: String) -> String {
        let parts = id.lowercased().split(separator: "-")
        guard parts.count == 2 else { return id.lowercased() }
        let n = parts[1].drop(while: { $0 == "0" })
        return parts[0] + "-" + (n.isEmpty ? "0" : n)
    }
}
