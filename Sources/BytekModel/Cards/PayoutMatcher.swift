/// A gateway payout waiting for its bank deposit (what the matcher needs of it).
public struct PayoutCandidate: Sendable, Hashable {
    public var id: Int64
    /// "izipay", "niubiz".
    public var gateway: String
    public var date: LocalDate
    /// What the gateway deposits: gross − commission.
    public var net: Money
    public init(id: Int64, gateway: String, date: LocalDate, net: Money) {
        self.id = id; self.gateway = gateway; self.date = date; self.net = net
    }
}

/// A bank statement line proposed as a payout's deposit.
public struct PayoutSuggestion: Sendable, Hashable {
    public var lineId: Int64
    public var payoutId: Int64
    public var confidence: StatementSuggestion.Confidence
    /// "neto exacto de la liquidación 3 de Izipay; «IZIPAY» en la descripción".
    public var reason: String
}

/// Matches statement lines to gateway payouts: the line's amount equals the payout's net (same currency), dated on
/// the payout's day or up to `days` after; the gateway's name in the description makes it `alta`, else `media`.
/// Each payout and each line is used once, the closest date first. Pure: no I/O.
public enum PayoutMatcher {
    public static func suggest(lines: [(id: Int64, line: BankStatementLine)], payouts: [PayoutCandidate],
                               days: Int = 7) -> [PayoutSuggestion] {
        var used = Set<Int64>()
        var out: [PayoutSuggestion] = []
        for p in payouts.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
            let candidates = lines.filter { l in
                !used.contains(l.id) && l.line.amount == p.net && l.line.amount.currency == p.net.currency
                    && p.date.days(until: l.line.date) >= 0 && p.date.days(until: l.line.date) <= days
            }
            let named = { (l: (id: Int64, line: BankStatementLine)) in TextFold.fold(l.line.description).contains(TextFold.fold(p.gateway)) }
            guard let best = candidates.min(by: { a, b in
                (named(a) ? 0 : 1, p.date.days(until: a.line.date), a.id) < (named(b) ? 0 : 1, p.date.days(until: b.line.date), b.id)
            }) else { continue }
            used.insert(best.id)
            let isNamed = named(best)
            out.append(PayoutSuggestion(lineId: best.id, payoutId: p.id, confidence: isNamed ? .alta : .media,
                                        reason: "neto exacto de la liquidación \(p.id) de \(p.gateway)"
                                            + (isNamed ? "; «\(p.gateway.uppercased())» en la descripción" : "")))
        }
        return out
    }
}
