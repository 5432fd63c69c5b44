import Foundation

/// One share of a quote's price paid at a point of the project ("Diseño", 30%).
public struct Milestone: Sendable, Hashable, Codable {
    public var name: String
    /// Percent of the one-time total, > 0; the milestones of a quote add up to exactly 100.
    public var percent: Decimal
    public init(name: String, percent: Decimal) { self.name = name; self.percent = percent }
}

/// How the customer pays: all at once, by milestones, or on credit.
public enum PaymentTerms: Sendable, Hashable, Codable {
    /// Contado.
    case cash
    /// Hitos: percentages that must add up to exactly 100.
    case milestones([Milestone])
    /// Crédito a N días (N > 0).
    case credit(days: Int)

    /// Checks the rule of each kind: milestones named, each > 0 and adding up to exactly 100;
    /// credit days above zero.
    public func validate() throws(QuoteError) {
        switch self {
        case .cash:
            return
        case .credit(let days):
            guard days > 0, days <= AmountLimits.maxDays else { throw .creditDaysNotPositive(days) }
        case .milestones(let list):
            for (i, m) in list.enumerated() {
                guard !m.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .milestoneNameMissing(index: i) }
                guard m.percent > 0 else { throw .milestonePercentNotPositive(index: i) }
            }
            let total = list.reduce(Decimal(0)) { $0 + $1.percent }
            guard total == 100 else { throw .milestonesDoNotAddUp(total: total) }
        }
    }

    /// The milestones, or none for cash and credit.
    public var milestoneList: [Milestone] {
        if case .milestones(let list) = self { return list }
        return []
    }

    /// Each milestone's amount of `total`, rounded to céntimos; the last one takes what is left so the
    /// amounts add up to `total` exactly.
    public func milestoneAmounts(of total: Money) -> [Money] {
        let list = milestoneList
        var amounts: [Money] = []
        var assigned = Money.zero(total.currency)
        for (i, m) in list.enumerated() {
            let amount = i == list.count - 1 ? total - assigned : Money(total.amount * m.percent / 100, total.currency).rounded()
            amounts.append(amount)
            assigned += amount
        }
        return amounts
    }
}
