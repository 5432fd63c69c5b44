import BytekGateways
import BytekModel
import BytekStore
import Foundation

extension CardService {
    /// What a run of the automatic charges did.
    public struct AutomaticRun: Sendable, Hashable {
        public var date: LocalDate
        /// Unresolved attempts looked up first (the sweep).
        public var resolved: Int = 0
        public var results: [CheckoutResult] = []
        /// Customers that could not be charged, with the reason (no card, expired card, no gateway account…).
        public var failures: [String] = []
        /// Cards flagged as about to expire in this run.
        public var expiringCards: Int = 0

        public var approved: Int { results.filter { $0.status == .approved }.count }
        public var declined: Int { results.filter { $0.status == .declined }.count }
        public var pending: Int { results.filter { $0.status == .pending }.count }
        public var derived: Int { results.filter { $0.charge?.derived == true }.count }
    }

    /// The daily automatic charges (worker, 07:00 Lima; finanzas by hand). First the sweep of unresolved attempts;
    /// then for each customer with autopay and a card: its neto receivables due by `day` not yet attempted at this
    /// level, one charge per currency. A declined series is retried on the schedule's days (0, +3, +7 by default)
    /// and after the last decline handed to reminders (derivado a cobranza). Cards expiring within a month are
    /// flagged to the contact once.
    public func runAutomatic(on day: LocalDate? = nil) throws -> AutomaticRun {
        try actor.authorize(.chargeAutomatic)
        let day = day ?? today
        var run = AutomaticRun(date: day)
        run.resolved = try resolvePending().count
        let ledger = services.acting(ReceivableRepository.self)
        for autopay in try repository.autopayCustomers() {
            guard let cardId = autopay.cardId, let card = try repository.card(id: cardId) else { continue }
            if card.isExpired(on: day) { run.failures.append("Cliente \(autopay.customerId): \(CardError.cardExpired(card.label).message)"); continue }
            let due = try ledger.receivables(customerId: autopay.customerId).filter { $0.part == .neto && $0.isOpen && $0.dueDate <= day }
            let blocked = Set(try repository.unresolvedCharges(receivableIds: due.map(\.id)).flatMap { $0.items.map(\.receivableId) })
            for currency in Currency.allCases {
                var items: [PaymentApplication] = []
                var attempt = 1
                var first = day
                for r in due where r.currency == currency && !blocked.contains(r.id) {
                    if let last = try repository.lastAutomaticCharge(receivableId: r.id), last.status == .rechazado {
                        guard !last.derived, let next = last.nextRetryOn, next <= day else { continue }
                        attempt = max(attempt, last.attempt + 1)
                        first = min(first, last.firstAttemptOn)
                    }
                    items.append(PaymentApplication(receivableId: r.id, amount: r.balance))
                }
                guard !items.isEmpty else { continue }
                do {
                    run.results.append(try chargeSaved(card: card, customerId: autopay.customerId, items: items, source: .automatico,
                                                       attempt: attempt, firstAttemptOn: first))
                } catch {
                    run.failures.append("Cliente \(autopay.customerId) (\(currency.rawValue)): \((error as? CardError)?.message ?? "\(error)")")
                }
            }
        }
        for card in try repository.activeCards() where card.expiresSoon(on: day) {
            if try repository.flagExpiring(cardId: card.id, on: day) { run.expiringCards += 1 }
        }
        try repository.recordRun("Cobros automáticos del \(day): \(run.approved) aprobados, \(run.declined) rechazados, "
                                 + "\(run.pending) por confirmar, \(run.derived) derivados a cobranza, \(run.failures.count) sin cobrar, "
                                 + "\(run.expiringCards) tarjetas por vencer")
        return run
    }
}

/// The worker's daily automatic charges (`cobros.automaticos`).
public enum CardChargeJob {
    public static let kind = "cobros.automaticos"
    public static let scheduleName = "cobros-automaticos"
    public static let scheduleRule = "daily 07:00"

    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Runs on the worker's connection and clock with the gateways `gateways` builds; returns its result as JSON.
    public static func run(db: Database, nowMs: @escaping MillisecondClock, environment: [String: String],
                           gateways: GatewayFactory? = nil, payload: [String: Any] = [:]) throws -> String {
        let services = Services.worker(db: db, nowMs: nowMs, environment: environment)
        let day = Services.payloadDay(payload)
        let engine = gateways.map { services.cards(gateways: $0) } ?? services.cards
        let r = try engine.runAutomatic(on: day)
        return "{\"fecha\":\"\(r.date)\",\"resueltos\":\(r.resolved),\"aprobados\":\(r.approved),\"rechazados\":\(r.declined),"
            + "\"pendientes\":\(r.pending),\"derivados\":\(r.derived),\"fallas\":\(r.failures.count),\"por_vencer\":\(r.expiringCards)}"
    }
}
