/// Which reminders go out on a day (pure: no clock, no I/O). One batch per customer and level lists every
/// receivable at that level, so one message names them all.
///
/// Rules, per open receivable:
/// - only the **neto** part: the detracción is deposited by the customer at Banco de la Nación and the
///   retención is settled with the retention agent's comprobante — neither is collected by a reminder
///   (finanzas follows them in Cobranzas), and a settled or cancelled receivable is not open, so a payment
///   stops the rest by itself;
/// - the customer's policy, else the default one; nothing while the customer is paused, in dispute, or
///   within a promise to pay (up to and including its date);
/// - only the **latest** level whose day has come: the earlier ones it jumped over are never sent (a
///   catch-up after a holiday sends one message, not a flood), and only while that day is at most the
///   policy's grace days ago — a level that fell due during a promise counts from the day after it;
/// - never a level already sent for that receivable (`sent`), nor one earlier than a level already sent.
public enum ReminderPlanner {
    public static func plan(on today: LocalDate, receivables: [Receivable], policies: [ReminderPolicy],
                            settings: [Int64: ReminderCustomerSettings], sent: Set<ReminderSentKey>) -> ReminderPlan {
        let byId = Dictionary(policies.compactMap { p in p.id.map { ($0, p) } }, uniquingKeysWith: { a, _ in a })
        let fallback = policies.first { $0.isDefault }
        var plan = ReminderPlan()
        var groups: [GroupKey: Int] = [:]
        var held: Set<Int64> = []
        for r in receivables where r.part == .neto && r.isOpen {
            guard let customerId = r.customerId else { continue }
            let s = settings[customerId]
            if let stop = s?.stop(on: today) {
                if held.insert(customerId).inserted {
                    plan.held.append(ReminderHold(customerId: customerId, customerName: r.customerName, stop: stop))
                }
                continue
            }
            guard let policy = s?.policyId.flatMap({ byId[$0] }) ?? fallback,
                  let level = dueLevel(r, policy: policy, today: today, promiseUntil: s?.promiseUntil, sent: sent),
                  let levelId = level.id else { continue }
            let key = GroupKey(customerId: customerId, levelId: levelId)
            if let i = groups[key] {
                plan.batches[i].receivables.append(r)
            } else {
                groups[key] = plan.batches.count
                plan.batches.append(ReminderBatch(customerId: customerId, customerName: r.customerName,
                                                  customerDocNumber: r.customerDocNumber, policyName: policy.name,
                                                  level: level, receivables: [r]))
            }
        }
        plan.batches.sort { ($0.customerName, $0.customerId, $0.level.offsetDays) < ($1.customerName, $1.customerId, $1.level.offsetDays) }
        plan.held.sort { ($0.customerName, $0.customerId) < ($1.customerName, $1.customerId) }
        return plan
    }

    /// The level to send for `r` today, nil when none.
    static func dueLevel(_ r: Receivable, policy: ReminderPolicy, today: LocalDate, promiseUntil: LocalDate?,
                         sent: Set<ReminderSentKey>) -> ReminderLevel? {
        let levels = policy.levels.filter { $0.id != nil }.sorted { $0.offsetDays < $1.offsetDays }
        guard let latest = levels.last(where: { $0.day(for: r.dueDate) <= today }) else { return nil }
        let sentOffsets = levels.filter { sent.contains(ReminderSentKey(receivableId: r.id, levelId: $0.id ?? -1)) }.map(\.offsetDays)
        if let lastSent = sentOffsets.max(), lastSent >= latest.offsetDays { return nil }
        var effective = latest.day(for: r.dueDate)
        if let p = promiseUntil, p >= effective { effective = p.adding(days: 1) }
        guard effective.days(until: today) <= policy.graceDays else { return nil }
        return latest
    }

    struct GroupKey: Hashable { let customerId: Int64; let levelId: Int64 }
}

/// A receivable and a level: the pair `reminder_sent` keeps once (UNIQUE).
public struct ReminderSentKey: Sendable, Hashable {
    public var receivableId: Int64
    public var levelId: Int64
    public init(receivableId: Int64, levelId: Int64) { self.receivableId = receivableId; self.levelId = levelId }
}

/// What a run on a day sends, and who is held back.
public struct ReminderPlan: Sendable, Hashable {
    public var batches: [ReminderBatch] = []
    public var held: [ReminderHold] = []
    public init() {}
}

/// One message: a customer, a level, the receivables it lists (by due date as given).
public struct ReminderBatch: Sendable, Hashable {
    public var customerId: Int64
    public var customerName: String
    public var customerDocNumber: String
    public var policyName: String
    public var level: ReminderLevel
    public var receivables: [Receivable]

    public init(customerId: Int64, customerName: String, customerDocNumber: String, policyName: String, level: ReminderLevel,
                receivables: [Receivable]) {
        self.customerId = customerId; self.customerName = customerName; self.customerDocNumber = customerDocNumber
        self.policyName = policyName; self.level = level; self.receivables = receivables
    }
}

/// A customer whose reminders are held (pause, promise, dispute).
public struct ReminderHold: Sendable, Hashable {
    public var customerId: Int64
    public var customerName: String
    public var stop: ReminderStop

    public init(customerId: Int64, customerName: String, stop: ReminderStop) {
        self.customerId = customerId; self.customerName = customerName; self.stop = stop
    }
}
