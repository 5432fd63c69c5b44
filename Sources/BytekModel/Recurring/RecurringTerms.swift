import Foundation

/// A price from a period on: the price history of a subscription (a change typed today counts from the
/// next period, `RecurringTerms.nextPeriodStart(after:)`).
public struct PriceChange: Sendable, Hashable, Codable {
    /// The first day of the first period billed at `price`.
    public var effectiveFrom: LocalDate
    public var price: Money
    public init(effectiveFrom: LocalDate, price: Money) { self.effectiveFrom = effectiveFrom; self.price = price }
}

/// Days a subscription was paused: from `from` (included) to `resumedOn` (excluded; nil while paused).
public struct PauseSpan: Sendable, Hashable, Codable {
    public var from: LocalDate
    public var resumedOn: LocalDate?
    public init(from: LocalDate, resumedOn: LocalDate? = nil) { self.from = from; self.resumedOn = resumedOn }
}

/// How a subscription is billed: its schedule, prices and pauses. Pure: "today" is always passed in.
///
/// **Periods.** Periods start on the billing day (1–28, so every month has it) of every 1, 3 or 12
/// months, counted from the billing day on or before the start date: a monthly subscription started on
/// 2026-03-10 with billing day 1 has periods 03-01…03-31, 04-01…04-30, and so on. A period is billed on
/// its first day (in advance; the start date for the first, partial one) or on the day after its last
/// (in arrears). A run on a date bills every period due by then and not billed yet, so a worker that was
/// down for a week catches up and no period is skipped.
///
/// **Proration** (the rule, by days): a period of N days (its own length: 28–31 for a month, 90–92 for
/// a quarter, 365/366 for a year) of which D days are billable is billed `price × D ÷ N`, rounded to
/// céntimos half away from zero. Billable days are those from the start date (included) to `endsOn`
/// (excluded) that are not paused. Example: S/ 100.00 a month, started 2026-03-10 with billing day 1:
/// March has 31 days, 22 billable (10…31), so 100 × 22 ÷ 31 = 70.967… → S/ 70.97.
///
/// **Price changes** count from the next period: the price of a period is the latest change whose
/// `effectiveFrom` is on or before the period's first day, else the initial `price`.
///
/// **Pause and resume**: paused days are not billable. Resuming bills from the resume date, prorated
/// (the period in which it resumes is billed for the days from the resume date). A period wholly
/// paused is not billed at all. A change (pause, stop) never touches a period already billed: that
/// is corrected with a credit note by hand.
///
/// **Cancellation at period end** sets `endsOn` to the first day after the current period; a stop on
/// a given day sets `endsOn` to that day, and the last period is prorated.
public struct RecurringTerms: Sendable, Hashable, Codable {
    /// 1–28.
    public var billingDay: Int
    public var timing: BillingTiming
    public var period: BillingPeriod
    public var startDate: LocalDate
    /// The first day no longer billed (nil: until cancelled).
    public var endsOn: LocalDate?
    /// The initial price of one whole period (without IGV).
    public var price: Money
    /// Sorted by `effectiveFrom`.
    public var priceChanges: [PriceChange]
    public var pauses: [PauseSpan]

    public static let billingDays = 1...28

    public init(billingDay: Int, timing: BillingTiming, period: BillingPeriod, startDate: LocalDate,
                endsOn: LocalDate? = nil, price: Money, priceChanges: [PriceChange] = [], pauses: [PauseSpan] = []) {
        self.billingDay = min(max(billingDay, 1), 28); self.timing = timing; self.period = period
        self.startDate = startDate; self.endsOn = endsOn; self.price = price
        self.priceChanges = priceChanges.sorted { $0.effectiveFrom < $1.effectiveFrom }; self.pauses = pauses
    }

    /// Whether the subscription is paused now (a pause without a resume date).
    public var isPaused: Bool { pauses.contains { $0.resumedOn == nil } }

    // MARK: periods

    /// Months since year 0 of a month.
    static func monthIndex(_ year: Int, _ month: Int) -> Int { year * 12 + (month - 1) }

    /// The billing day of month index `m`.
    func boundary(_ m: Int) -> LocalDate {
        let y = m >= 0 ? m / 12 : (m - 11) / 12
        return LocalDate(year: y, month: m - y * 12 + 1, day: billingDay) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// The month index of the last billing day on or before `date`.
    func boundaryMonth(onOrBefore date: LocalDate) -> Int {
        let m = Self.monthIndex(date.year, date.month)
        return date.day >= billingDay ? m : m - 1
    }

    /// Month index of the first period's first day.
    var anchor: Int { boundaryMonth(onOrBefore: startDate) }

    /// Period `k` (0 is the one holding the start date): first day and first day after it.
    public func period(_ k: Int) -> (start: LocalDate, end: LocalDate) {
        (boundary(anchor + k * period.months), boundary(anchor + (k + 1) * period.months))
    }

    /// The index of the period holding `date` (negative before the start).
    public func periodIndex(of date: LocalDate) -> Int {
        let diff = boundaryMonth(onOrBefore: date) - anchor
        return diff >= 0 ? diff / period.months : -((-diff + period.months - 1) / period.months)
    }

    /// The first day of the period after the one holding `date`: where a price change typed on `date`
    /// starts, and `endsOn` of a cancellation at period end typed on `date`.
    public func nextPeriodStart(after date: LocalDate) -> LocalDate {
        period(max(periodIndex(of: date), 0) + 1).start
    }

    /// The price of a whole period starting on `start`.
    public func price(forPeriodStarting start: LocalDate) -> Money {
        priceChanges.last { $0.effectiveFrom <= start }?.price ?? price
    }

    /// Billable days in `[from, to)`: after the start, before `endsOn`, not paused.
    public func billableDays(from: LocalDate, to: LocalDate) -> Int {
        let lo = max(from, startDate)
        let hi = endsOn.map { min(to, $0) } ?? to
        guard lo < hi else { return 0 }
        var days = lo.days(until: hi)
        for p in pauses {
            let pLo = max(p.from, lo)
            let pHi = p.resumedOn.map { min($0, hi) } ?? hi
            if pLo < pHi { days -= pLo.days(until: pHi) }
        }
        return max(days, 0)
    }

    /// The day period `k` is billed.
    public func dueDate(ofPeriod k: Int) -> LocalDate {
        let p = period(k)
        return timing == .advance ? max(p.start, startDate) : p.end
    }

    /// The charge of period `k` as things stand (nil when nothing of it is billable).
    public func charge(ofPeriod k: Int) throws(MoneyError) -> PeriodCharge? {
        let p = period(k)
        let days = p.start.days(until: p.end)
        let billable = billableDays(from: p.start, to: p.end)
        guard billable > 0 else { return nil }
        let full = price(forPeriodStarting: p.start)
        let amount = try Self.prorate(full, days: billable, of: days)
        return PeriodCharge(index: k, start: p.start, end: p.end, dueOn: dueDate(ofPeriod: k), billedDays: billable,
                            periodDays: days, fullPrice: full, amount: amount)
    }

    /// `price × days ÷ of`, rounded to céntimos half away from zero (the whole price when `days == of`).
    public static func prorate(_ price: Money, days: Int, of total: Int) throws(MoneyError) -> Money {
        guard total > 0, days < total else { return price.rounded() }
        let result = (price.amount * Decimal(days) / Decimal(total))
        guard abs(result) <= AmountLimits.maxAmount else { throw MoneyError.outOfRange }
        return Money(result, price.currency).rounded()
    }

    /// The periods due on or before `date` and not in `billed` (first days of periods already billed),
    /// oldest first.
    public func dueCharges(upTo date: LocalDate, billed: Set<LocalDate> = []) throws(MoneyError) -> [PeriodCharge] {
        var result: [PeriodCharge] = []
        var k = 0
        while true {
            let p = period(k)
            if let endsOn, p.start >= endsOn { break }
            if dueDate(ofPeriod: k) > date { break }
            if !billed.contains(p.start), let c = try charge(ofPeriod: k) { result.append(c) }
            k += 1
        }
        return result
    }
}

/// What one period of a subscription bills.
public struct PeriodCharge: Sendable, Hashable {
    public var index: Int
    /// First day of the period.
    public var start: LocalDate
    /// First day after the period.
    public var end: LocalDate
    public var dueOn: LocalDate
    public var billedDays: Int
    public var periodDays: Int
    /// The price of the whole period.
    public var fullPrice: Money
    /// What is billed (prorated when `billedDays < periodDays`), in the price's currency.
    public var amount: Money

    public init(index: Int, start: LocalDate, end: LocalDate, dueOn: LocalDate, billedDays: Int, periodDays: Int,
                fullPrice: Money, amount: Money) {
        self.index = index; self.start = start; self.end = end; self.dueOn = dueOn; self.billedDays = billedDays
        self.periodDays = periodDays; self.fullPrice = fullPrice; self.amount = amount
    }

    public var isProrated: Bool { billedDays < periodDays }
    /// The last day of the period.
    public var lastDay: LocalDate { end.adding(days: -1) }
}
