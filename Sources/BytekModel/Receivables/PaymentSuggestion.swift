import Foundation

/// Which receivables a payment most likely covers, as the payment form proposes them before the user
/// toggles or edits the applications:
/// 1. one open balance equal to the payment (the customer paid one cuota or one invoice);
/// 2. else a set of the oldest due balances that adds up exactly (several invoices in one transfer);
/// 3. else oldest due first, the last one partially (a payment on account).
/// Only the net parts are proposed: detracción and retención are settled by their own constancias.
/// A receivable in another currency than the payment is converted with `exchangeRate` (soles per
/// dollar); without a rate it is left out. Pure: no store, no clock.
public struct PaymentSuggestion: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        case exactOne, exactSet, oldestFirst, nothingOpen
    }

    public var rule: Rule
    /// In the receivables' currencies, oldest due first.
    public var applications: [PaymentApplication]

    public init(rule: Rule, applications: [PaymentApplication]) {
        self.rule = rule; self.applications = applications
    }

    /// How many subsets the exact-set search may look at before it gives up (a customer with hundreds
    /// of open cuotas still gets an answer at once).
    static let searchBudget = 20_000
    /// The exact-set search looks at this many oldest balances at most.
    static let searchWindow = 24

    /// The suggestion for `amount` paid on the customer's `open` receivables.
    public static func suggest(amount: Money, exchangeRate: Decimal?, open: [Receivable]) -> PaymentSuggestion {
        let candidates = open.filter { $0.part == .neto && $0.isOpen && $0.balance.amount > 0 }
            .filter { $0.currency == amount.currency || usable(exchangeRate) }
            .sorted { ($0.dueDate, $0.installment, $0.id) < ($1.dueDate, $1.installment, $1.id) }
        guard !candidates.isEmpty, amount.amount > 0 else { return PaymentSuggestion(rule: .nothingOpen, applications: []) }
        // Each balance as the payment would cover it, in the payment's currency.
        let costs = candidates.map { convert($0.balance, to: amount.currency, rate: exchangeRate)?.minorUnits ?? 0 }
        let target = amount.minorUnits
        if let i = costs.firstIndex(of: target) {
            return PaymentSuggestion(rule: .exactOne, applications: [full(candidates[i])])
        }
        if let set = exactSet(costs: Array(costs.prefix(searchWindow)), target: target), set.count > 1 {
            return PaymentSuggestion(rule: .exactSet, applications: set.map { full(candidates[$0]) })
        }
        var left = amount
        var applications: [PaymentApplication] = []
        for r in candidates where left.amount > 0 {
            guard let available = convert(left, to: r.currency, rate: exchangeRate) else { continue }
            let applied = available < r.balance ? available : r.balance
            guard applied.amount > 0 else { break }
            applications.append(PaymentApplication(receivableId: r.id, amount: applied))
            left = remaining(of: left, after: applied, rate: exchangeRate)
        }
        return PaymentSuggestion(rule: .oldestFirst, applications: applications)
    }

    /// What is left of `payment` once the `applied` amounts (in the receivables' currencies) took their
    /// part: the customer's credit, in the payment's currency. Negative when the applications exceed the
    /// payment (the form refuses that); an application in another currency without a rate counts as nil.
    public static func credit(of payment: Money, applied: [Money], exchangeRate: Decimal?) -> Money? {
        var left = payment
        for a in applied {
            guard let used = convert(a, to: payment.currency, rate: exchangeRate) else { return nil }
            left -= used
        }
        return left
    }

    /// `money` in `currency`: as it is, or through soles per dollar, rounded to céntimos; nil without a rate.
    public static func convert(_ money: Money, to currency: Currency, rate: Decimal?) -> Money? {
        if money.currency == currency { return money }
        guard let rate, usable(rate) else { return nil }
        switch (money.currency, currency) {
        case (.usd, .pen): return Money(money.amount * rate, .pen).rounded()
        case (.pen, .usd): return Money(money.amount / rate, .usd).rounded()
        default: return nil
        }
    }

    private static func usable(_ rate: Decimal?) -> Bool {
        guard let rate, !rate.isNaN else { return false }
        return rate > 0
    }

    private static func full(_ r: Receivable) -> PaymentApplication {
        PaymentApplication(receivableId: r.id, amount: r.balance)
    }

    private static func remaining(of left: Money, after applied: Money, rate: Decimal?) -> Money {
        guard let used = convert(applied, to: left.currency, rate: rate) else { return left }
        return left - used
    }

    /// The subset of `costs` (oldest first) that sums to `target`, preferring the oldest balances
    /// (depth-first, taking each balance before skipping it); nil when none is found within the budget.
    static func exactSet(costs: [Int64], target: Int64) -> [Int]? {
        var suffix = [Int64](repeating: 0, count: costs.count + 1)
        for i in stride(from: costs.count - 1, through: 0, by: -1) {
            let (sum, overflow) = suffix[i + 1].addingReportingOverflow(max(0, costs[i]))
            suffix[i] = overflow ? Int64.max : sum
        }
        var budget = searchBudget
        var chosen: [Int] = []
        func walk(_ i: Int, _ left: Int64) -> Bool {
            if left == 0 { return true }
            guard i < costs.count, left > 0, suffix[i] >= left, budget > 0 else { return false }
            budget -= 1
            if costs[i] > 0, costs[i] <= left {
                chosen.append(i)
                if walk(i + 1, left - costs[i]) { return true }
                chosen.removeLast()
            }
            return walk(i + 1, left)
        }
        return walk(0, target) ? chosen : nil
    }
}
