import BytekModel
import BytekStore
import Foundation

extension ReminderRepository: ActingRepository {}

extension Services {
    /// Reminders (cobranza preventiva y de mora).
    public var reminders: ReminderService { ReminderService(services: self) }
}

/// Reminders for an actor (issue 12 §2): policies and their levels, a customer's pause, promise to pay,
/// dispute or own policy, the preview of a level for a real customer, what goes out today, the run that
/// queues it (the worker's daily job `recordatorios.enviar`, or finanzas by hand), and a customer's history.
///
/// Never twice: each customer's messages and their `reminder_sent` rows are written in one transaction
/// that plans that customer again inside it, and `reminder_sent` is UNIQUE(receivable, level) — a second
/// worker, or a rerun after a crash, finds the level sent and queues nothing.
public struct ReminderService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var repository: ReminderRepository { services.acting(ReminderRepository.self) }
    var outbox: MessageOutbox {
        var o = MessageOutbox(db: services.db, user: actor.auditName, now: services.now)
        o.door = actor.door
        return o
    }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LimaTime.date(services.now()) }

    // MARK: reading

    public func policies() throws -> [ReminderPolicy] {
        try actor.authorize(.reminderView)
        return try repository.policies()
    }

    public func settings(customerId: Int64) throws -> ReminderCustomerSettings {
        try actor.authorize(.reminderView, customer: customerId)
        return try repository.settings(customerId: customerId)
    }

    /// What a run on `date` (today by default) would send, and who is held back; nothing written.
    public func plan(on date: LocalDate? = nil) throws -> ReminderPlan {
        try actor.authorize(.reminderView)
        let day = date ?? today
        let repo = repository
        return try services.db.read {
            ReminderPlanner.plan(on: day, receivables: try repo.candidates(on: day), policies: try repo.policies(),
                                 settings: try repo.allSettings(), sent: try repo.sentKeys())
        }
    }

    /// The message of `batch` as it would go out (recipients and text).
    public func outgoing(_ batch: ReminderBatch, on date: LocalDate? = nil) throws -> ReminderOutgoing {
        try actor.authorize(.reminderView, customer: batch.customerId)
        return try compose(batch, on: date ?? today)
    }

    /// `level` rendered for a real customer: its open neto receivables (nil when it owes nothing).
    public func preview(_ level: ReminderLevel, customerId: Int64, on date: LocalDate? = nil) throws -> ReminderOutgoing? {
        try actor.authorize(.reminderView, customer: customerId)
        let day = date ?? today
        let open = try ReceivableRepository(db: services.db, user: actor.auditName, now: services.now)
            .receivables(customerId: customerId).filter { $0.part == .neto }
        guard let first = open.first else { return nil }
        let batch = ReminderBatch(customerId: customerId, customerName: first.customerName, customerDocNumber: first.customerDocNumber,
                                  policyName: "", level: level, receivables: open)
        return try compose(batch, on: day)
    }

    /// A customer's reminders, newest first, with each message's status from the outbox.
    public func history(customerId: Int64) throws -> [ReminderHistoryEntry] {
        try actor.authorize(.reminderView, customer: customerId)
        return try ReminderDelivery.withStatus(try repository.history(customerId: customerId), outbox: outbox)
    }

    // MARK: policies

    @discardableResult
    public func savePolicy(_ policy: ReminderPolicy) throws -> ReminderPolicy {
        try actor.authorize(.reminderPolicy)
        return try repository.savePolicy(policy)
    }

    @discardableResult
    public func saveLevel(_ level: ReminderLevel, policyId: Int64) throws -> ReminderLevel {
        try actor.authorize(.reminderPolicy)
        return try repository.saveLevel(level, policyId: policyId)
    }

    public func removeLevel(id: Int64) throws {
        try actor.authorize(.reminderPolicy)
        try repository.removeLevel(id: id)
    }

    /// The default policy (created as "Estándar" with the standard levels when there is none).
    @discardableResult
    public func ensureDefaultPolicy(financeCopy: [String] = []) throws -> ReminderPolicy {
        try actor.authorize(.reminderPolicy)
        let repo = repository
        return try services.db.write {
            if let p = try repo.policies().first(where: { $0.isDefault }) { return p }
            let p = try repo.savePolicy(ReminderPolicy(name: ReminderDefaults.policyName, graceDays: 3, isDefault: true))
            guard let id = p.id else { throw ReminderStoreError.policyNotFound }
            for level in ReminderDefaults.levels(financeCopy: financeCopy) { try repo.saveLevel(level, policyId: id) }
            return try repo.policy(id: id) ?? p
        }
    }

    /// The portal's public address the pay link `{enlace_pago}` starts with (`portal_url`).
    public func setPortalURL(_ url: String) throws {
        try actor.authorize(.reminderPolicy)
        let u = url.trimmingCharacters(in: .whitespaces)
        guard (u.hasPrefix("https://") || u.hasPrefix("http://")), u.count <= 200, !u.contains(where: { $0.isWhitespace }) else {
            throw ReminderStoreError.invalidPortalURL(u)
        }
        try SettingsRepository(db: services.db).set(ReminderRepository.portalURLSetting, u)
    }

    /// The portal's address, nil when not set.
    public func portalURL() throws -> String? {
        try actor.authorize(.reminderView)
        return try SettingsRepository(db: services.db).value(ReminderRepository.portalURLSetting)
    }

    // MARK: a customer's settings

    /// Pauses (or resumes) a customer's reminders.
    @discardableResult
    public func pause(customerId: Int64, _ paused: Bool, note: String = "") throws -> ReminderCustomerSettings {
        try change(customerId, paused ? "Recordatorios en pausa" : "Recordatorios reanudados", note: note) { s, n in
            s.paused = paused; s.pauseNote = paused ? n : ""
        }
    }

    /// A promise to pay until `until` (inclusive; nil withdraws it): no reminders until then.
    @discardableResult
    public func promise(customerId: Int64, until: LocalDate?, note: String = "") throws -> ReminderCustomerSettings {
        if let until, until < today { throw ReminderPolicyError.promiseInPast(ReminderMessage.date(until)) }
        let what = until.map { "Promesa de pago hasta \(ReminderMessage.date($0))" } ?? "Promesa de pago retirada"
        return try change(customerId, what, note: note) { s, n in s.promiseUntil = until; s.promiseNote = until == nil ? "" : n }
    }

    /// Opens (or resolves) a dispute: no reminders while it is open.
    @discardableResult
    public func dispute(customerId: Int64, _ open: Bool, note: String = "") throws -> ReminderCustomerSettings {
        try change(customerId, open ? "Disputa abierta" : "Disputa resuelta", note: note) { s, n in
            s.disputed = open; s.disputeNote = open ? n : ""
        }
    }

    /// Another policy for the customer (nil: the default one).
    @discardableResult
    public func assignPolicy(customerId: Int64, policyId: Int64?) throws -> ReminderCustomerSettings {
        try change(customerId, "Política de recordatorios " + (policyId.map { "#\($0)" } ?? "por defecto"), note: "") { s, _ in
            s.policyId = policyId
        }
    }

    private func change(_ customerId: Int64, _ what: String, note: String,
                        _ edit: (inout ReminderCustomerSettings, String) -> Void) throws -> ReminderCustomerSettings {
        try actor.authorize(.reminderCustomer, customer: customerId)
        let n = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard n.count <= ReminderCustomerSettings.maxNote else { throw ReminderPolicyError.noteTooLong }
        let repo = repository
        return try services.db.write {
            var s = try repo.settings(customerId: customerId)
            edit(&s, n)
            return try repo.saveSettings(s, change: what + (n.isEmpty ? "" : ": " + n))
        }
    }

    // MARK: the run

    /// Queues every reminder due on `date` (today by default): per customer, one transaction that plans the
    /// customer again, queues its messages in the outbox and records them in `reminder_sent`. A customer
    /// without a usable contact is reported and tried again on the next run (within the grace days).
    @discardableResult
    public func run(on date: LocalDate? = nil) throws -> ReminderRunReport {
        try actor.authorize(.reminderSend)
        let day = date ?? today
        let repo = repository
        let policies = try repo.policies()
        var report = ReminderRunReport(date: day)
        // The day's plan names the customers with something due; each is planned again inside its transaction.
        let planned = try services.db.read {
            ReminderPlanner.plan(on: day, receivables: try repo.candidates(on: day), policies: policies,
                                 settings: try repo.allSettings(), sent: try repo.sentKeys())
        }
        report.held = planned.held
        var seen: Set<Int64> = []
        let customers = planned.batches.map(\.customerId).filter { seen.insert($0).inserted }
        for customerId in customers {
            do {
                try services.db.write {
                    let settings = try repo.settings(customerId: customerId)
                    let plan = ReminderPlanner.plan(on: day, receivables: try repo.candidates(on: day, customerId: customerId),
                                                    policies: policies, settings: [customerId: settings],
                                                    sent: try repo.sentKeys(customerId: customerId))
                    for batch in plan.batches {
                        let out = try compose(batch, on: day)
                        guard let queued = try ReminderDelivery.queue(out, batch: batch, outbox: outbox) else {
                            report.skipped.append(ReminderSkip(customerId: customerId, customerName: batch.customerName,
                                                               reason: "sin correo ni WhatsApp de cobranza en sus contactos"))
                            continue
                        }
                        try repo.recordSent(batch, messageId: queued.messageId, channel: queued.channel, recipient: queued.recipient, on: day)
                        report.sent.append(ReminderSentLine(customerId: customerId, customerName: batch.customerName,
                                                            level: batch.level, channel: queued.channel, recipient: queued.recipient,
                                                            documents: batch.receivables.map(\.documentID), messageId: queued.messageId))
                    }
                }
            } catch let e as DatabaseError where e.isConstraintViolation {
                // Another worker sent a level of this customer first: its rows stand, this transaction is gone.
                report.alreadySent += 1
            }
        }
        return report
    }

    /// The message of a batch: recipients from the customer's contacts, text from the level's template.
    func compose(_ batch: ReminderBatch, on day: LocalDate) throws -> ReminderOutgoing {
        let customer = try services.acting(CustomerRepository.self).get(batch.customerId)
        let recipients = ReminderRecipients.pick(contacts: customer?.contacts ?? [], customerEmail: customer?.email ?? "")
        let message = ReminderMessage(customerName: batch.customerName, receivables: batch.receivables, today: day,
                                      payLink: try repository.payLink(customerId: batch.customerId))
        return ReminderOutgoing(level: batch.level, recipients: recipients, message: message)
    }
}

/// A level's message for one customer, filled in.
public struct ReminderOutgoing: Sendable, Hashable {
    public var level: ReminderLevel
    public var recipients: ReminderRecipients
    public var message: ReminderMessage

    public init(level: ReminderLevel, recipients: ReminderRecipients, message: ReminderMessage) {
        self.level = level; self.recipients = recipients; self.message = message
    }

    /// The e-mail's addresses (the contacts, then the level's copies).
    public var emailTo: [String] {
        var to = recipients.emails
        if case .email(let t) = level.channel { for a in t.copyTo where !to.contains(a) { to.append(a) } }
        return to
    }

    /// Subject and body: the level's template, or the fallback of a WhatsApp level.
    public var email: (subject: String, body: String) {
        let t: EmailReminderTemplate
        if case .email(let e) = level.channel { t = e } else { t = ReminderMessage.fallback }
        return (message.fill(t.subject), message.fill(t.body))
    }

    /// The WhatsApp template and its parameters, nil for an e-mail level.
    public var whatsapp: (template: WhatsAppReminderTemplate, parameters: [String])? {
        guard case .whatsapp(let t) = level.channel else { return nil }
        return (t, message.parameters(t))
    }
}

/// What a run did.
public struct ReminderRunReport: Sendable {
    public var date: LocalDate
    public var sent: [ReminderSentLine] = []
    public var held: [ReminderHold] = []
    public var skipped: [ReminderSkip] = []
    /// Customers another worker had already reminded (their transaction rolled back here).
    public var alreadySent = 0

    public init(date: LocalDate) { self.date = date }
}

public struct ReminderSentLine: Sendable {
    public var customerId: Int64
    public var customerName: String
    public var level: ReminderLevel
    public var channel: String
    public var recipient: String
    public var documents: [String]
    public var messageId: Int64
}

public struct ReminderSkip: Sendable {
    public var customerId: Int64
    public var customerName: String
    public var reason: String
}
