import Foundation

/// A subscription with its billing fields (issue 11 §2): what the recurring run reads.
public struct RecurringSubscription: Sendable, Hashable {
    public var subscription: Subscription
    public var billingDay: Int
    public var timing: BillingTiming
    /// The document's currency: the price's, or soles for a dollar price billed in soles.
    public var billCurrency: Currency
    /// The first day no longer billed (a stop, or a cancellation at period end).
    public var endsOn: LocalDate?
    public var priceChanges: [PriceChange]
    public var pauses: [PauseSpan]
    /// The customer's legal name, for lists.
    public var customerName: String

    public init(subscription: Subscription, billingDay: Int = 1, timing: BillingTiming = .advance,
                billCurrency: Currency? = nil, endsOn: LocalDate? = nil, priceChanges: [PriceChange] = [],
                pauses: [PauseSpan] = [], customerName: String = "") {
        self.subscription = subscription; self.billingDay = billingDay; self.timing = timing
        self.billCurrency = billCurrency ?? subscription.pricePerPeriod.currency; self.endsOn = endsOn
        self.priceChanges = priceChanges; self.pauses = pauses; self.customerName = customerName
    }

    public var id: Int64 { subscription.id ?? 0 }

    public var terms: RecurringTerms {
        RecurringTerms(billingDay: billingDay, timing: timing, period: subscription.period, startDate: subscription.startDate,
                       endsOn: endsOn, price: subscription.pricePerPeriod, priceChanges: priceChanges, pauses: pauses)
    }

    /// The items due on or before `date` not yet billed (`billed`: first days of the periods billed).
    public func dueItems(upTo date: LocalDate, billed: Set<LocalDate>) throws(MoneyError) -> [RecurringItem] {
        guard subscription.active else { return [] }
        return try terms.dueCharges(upTo: date, billed: billed).map {
            RecurringItem(subscriptionId: id, customerId: subscription.customerId, description: subscription.description,
                          taxCategory: subscription.taxCategory, billCurrency: billCurrency, billingDay: billingDay,
                          period: subscription.period, charge: $0)
        }
    }
}
