/// A customer's reminder settings: another policy than the default, a pause, a promise to pay until a
/// date, a dispute — each with a note and who set it when.
public struct ReminderCustomerSettings: Sendable, Hashable, Codable {
    public var customerId: Int64
    /// Nil: the default policy.
    public var policyId: Int64?
    public var paused: Bool
    public var pauseNote: String
    /// No reminders up to and including this day; the day after, the latest level due goes out.
    public var promiseUntil: LocalDate?
    public var promiseNote: String
    public var disputed: Bool
    public var disputeNote: String
    public var updatedBy: String
    public var updatedAt: String

    public init(customerId: Int64, policyId: Int64? = nil, paused: Bool = false, pauseNote: String = "",
                promiseUntil: LocalDate? = nil, promiseNote: String = "", disputed: Bool = false, disputeNote: String = "",
                updatedBy: String = "", updatedAt: String = "") {
        self.customerId = customerId; self.policyId = policyId; self.paused = paused; self.pauseNote = pauseNote
        self.promiseUntil = promiseUntil; self.promiseNote = promiseNote; self.disputed = disputed
        self.disputeNote = disputeNote; self.updatedBy = updatedBy; self.updatedAt = updatedAt
    }

    public static let maxNote = 500

    /// Why nothing goes out on `day`, nil when reminders run.
    public func stop(on day: LocalDate) -> ReminderStop? {
        if paused { return .paused }
        if disputed { return .disputed }
        if let p = promiseUntil, day <= p { return .promise(until: p) }
        return nil
    }
}

/// What keeps a customer's reminders from going out.
public enum ReminderStop: Sendable, Hashable {
    case paused, disputed
    case promise(until: LocalDate)

    public var text: String {
        switch self {
        case .paused: return "en pausa"
        case .disputed: return "en disputa"
        case .promise(let d): return "promesa de pago hasta \(ReminderMessage.date(d))"
        }
    }
}
