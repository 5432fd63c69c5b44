import BytekModel
import BytekStore

/// The subscriptions accepted quotes created (read here; billing charges them).
public struct SubscriptionService: Sendable {
    let services: Services

    /// Subscriptions, oldest first, optionally of one customer and only active ones, as a keyset pager.
    public func pager(customerId: Int64? = nil, activeOnly: Bool = false) throws -> KeysetPager<Subscription> {
        try services.actor.authorize(.subscriptionList)
        return SubscriptionRepository(db: services.db).pager(customerId: customerId, activeOnly: activeOnly)
    }
}

extension Services {
    public var subscriptions: SubscriptionService { SubscriptionService(services: self) }
}
