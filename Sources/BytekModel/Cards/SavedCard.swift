/// A card saved at a gateway for a customer: the gateway's token and what it says about the card (masked),
/// never the number. Never deleted: a removed card keeps its row (`removedAt`) and is removed at the gateway.
public struct SavedCard: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    public var customerId: Int64
    /// The gateway's name (`izipay`, `niubiz`).
    public var gateway: String
    public var token: String
    public var brand: String
    public var maskedNumber: String
    public var last4: String
    public var expiryMonth: Int
    public var expiryYear: Int
    public var holderEmail: String
    /// The portal account of the contact who saved it (nil when staff did).
    public var savedByAccountId: Int64?
    public var savedBy: String
    public var createdAt: String
    public var removedAt: String?

    public init(id: Int64, customerId: Int64, gateway: String, token: String, brand: String, maskedNumber: String,
                last4: String, expiryMonth: Int, expiryYear: Int, holderEmail: String, savedByAccountId: Int64?,
                savedBy: String, createdAt: String, removedAt: String? = nil) {
        self.id = id; self.customerId = customerId; self.gateway = gateway; self.token = token; self.brand = brand
        self.maskedNumber = maskedNumber; self.last4 = last4; self.expiryMonth = expiryMonth; self.expiryYear = expiryYear
        self.holderEmail = holderEmail; self.savedByAccountId = savedByAccountId; self.savedBy = savedBy
        self.createdAt = createdAt; self.removedAt = removedAt
    }

    public var isRemoved: Bool { removedAt != nil }

    /// "VISA •••• 0055 (vence 12/2027)".
    public var label: String {
        "\(brand.isEmpty ? "Tarjeta" : brand) •••• \(last4) (vence \(expiryMonth < 10 ? "0" : "")\(expiryMonth)/\(expiryYear))"
    }

    /// The last day the card can be charged: the end of its expiry month.
    public var lastValidDay: LocalDate {
        let next = expiryMonth == 12 ? LocalDate(year: expiryYear + 1, month: 1, day: 1) : LocalDate(year: expiryYear, month: expiryMonth + 1, day: 1)
        return (next ?? LocalDate(daysSinceEpoch: 0)).adding(days: -1)
    }

    /// Expired on `day` (after the last day of its month).
    public func isExpired(on day: LocalDate) -> Bool { day > lastValidDay }

    /// Within a month of expiring on `day` (and not yet expired): the contact is told once.
    public func expiresSoon(on day: LocalDate, within days: Int = 31) -> Bool {
        !isExpired(on: day) && day.days(until: lastValidDay) < days
    }
}
