import Foundation

/// What a project's profitability is computed from, as read from the store (amounts in minor units of
/// their own currency; the computation converts them, see `ProjectProfitability`).
public struct ProfitabilityInputs: Sendable, Hashable {
    /// The project's currency: every figure comes out in it.
    public var currency: Currency
    /// The quote's one-time total without IGV (in the project's currency), minor units.
    public var soldCents: Int64
    /// The project's (the quote's) exchange rate, soles per dollar: converts PEN costs of a dollar project.
    public var projectRate: Decimal?
    public var invoices: [InvoicedDocument]
    /// Approved hours grouped by frozen cost rate (PEN per hour).
    public var approvedHours: [CostedMinutes]
    public var otherCosts: [OtherCost]
    /// Minutes sold (all roles).
    public var quotedMinutes: Int64
    /// Minutes logged (approved or not).
    public var usedMinutes: Int64
    public var progress: WorkProgress

    public init(currency: Currency, soldCents: Int64, projectRate: Decimal? = nil, invoices: [InvoicedDocument] = [],
                approvedHours: [CostedMinutes] = [], otherCosts: [OtherCost] = [], quotedMinutes: Int64 = 0,
                usedMinutes: Int64 = 0, progress: WorkProgress = .tasks(done: 0, total: 0)) {
        self.currency = currency; self.soldCents = soldCents; self.projectRate = projectRate; self.invoices = invoices
        self.approvedHours = approvedHours; self.otherCosts = otherCosts; self.quotedMinutes = quotedMinutes
        self.usedMinutes = usedMinutes; self.progress = progress
    }
}

/// An invoice (or a credit note, with a negative base) issued for the project.
public struct InvoicedDocument: Sendable, Hashable {
    public var currency: Currency
    /// The document's own exchange rate (soles per dollar), when it is in dollars or was converted.
    public var exchangeRate: Decimal?
    /// The base without IGV, minor units of `currency` (negative for a credit note).
    public var baseCents: Int64
    /// The total with IGV (what the receivables add up to), minor units.
    public var totalCents: Int64
    /// What was collected of the total (payments, detracción deposits, retention receipts), minor units.
    public var collectedCents: Int64

    public init(currency: Currency, exchangeRate: Decimal? = nil, baseCents: Int64, totalCents: Int64,
                collectedCents: Int64 = 0) {
        self.currency = currency; self.exchangeRate = exchangeRate; self.baseCents = baseCents
        self.totalCents = totalCents; self.collectedCents = collectedCents
    }
}

/// Minutes at one frozen cost rate (PEN per hour, minor units).
public struct CostedMinutes: Sendable, Hashable {
    public var minutes: Int64
    public var rateCents: Int64

    public init(minutes: Int64, rateCents: Int64) { self.minutes = minutes; self.rateCents = rateCents }
}

/// A cost entered by hand (a purchase), in its currency with its exchange rate.
public struct OtherCost: Sendable, Hashable {
    public var currency: Currency
    public var amountCents: Int64
    public var exchangeRate: Decimal?

    public init(currency: Currency, amountCents: Int64, exchangeRate: Decimal? = nil) {
        self.currency = currency; self.amountCents = amountCents; self.exchangeRate = exchangeRate
    }
}

/// How much of the work is done: done tasks of all (U1, cancelled ones left out) or the percent of the
/// approved (or invoiced) milestones (U2).
public enum WorkProgress: Sendable, Hashable {
    case tasks(done: Int64, total: Int64)
    case milestones(approvedPercent: Decimal)

    /// 0...1, nil when nothing can be said (no tasks; nothing done yet).
    public var fraction: Decimal? {
        switch self {
        case .tasks(let done, let total):
            guard total > 0, done > 0 else { return nil }
            return Decimal(min(done, total)) / Decimal(total)
        case .milestones(let percent):
            guard percent > 0 else { return nil }
            return min(percent, 100) / 100
        }
    }
}
