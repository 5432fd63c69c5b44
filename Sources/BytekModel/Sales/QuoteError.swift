import Foundation

/// Why a quote change or transition is refused. The TUI turns each case into Spanish text.
public enum QuoteError: Error, Sendable, Hashable {
    /// Only a draft can change; this version is in `state`. Make a new version instead.
    case notEditable(QuoteState)
    /// The state machine does not go from `from` to `to`.
    case invalidTransition(from: QuoteState, to: QuoteState)
    /// Milestone percentages add up to `total`, not 100.
    case milestonesDoNotAddUp(total: Decimal)
    case milestoneNameMissing(index: Int)
    case milestonePercentNotPositive(index: Int)
    /// Credit days and validity days run from 1 to `AmountLimits.maxDays`.
    case creditDaysNotPositive(Int)
    case validityDaysNotPositive(Int)
    /// A quote is sent with at least one line.
    case noLines
    case lineDescriptionMissing(index: Int)
    /// A subscription line needs its billing period.
    case subscriptionPeriodMissing(index: Int)
    case lineIndexOutOfRange(Int)
    /// A line is priced in the other currency and the quote has no exchange rate.
    case exchangeRateMissing
    case exchangeRateNotPositive(Decimal)
    /// The line figures cannot be computed (negative quantity, discount too large...).
    case tax(TaxError)
    /// The validity ended on this day: the quote can no longer be accepted.
    case expired(validUntil: LocalDate)
}
