import BytekModel
import Foundation

extension CardRepository {
    /// A charge attempt to store before the gateway is called.
    public struct NewCharge: Sendable, Hashable {
        public var customerId: Int64
        public var cardId: Int64?
        public var gateway: String
        public var purpose: ChargePurpose
        public var saveCard: Bool
        public var currency: Currency
        /// The neto receivables it pays (amounts in the charge's currency); empty only to save a card.
        public var items: [PaymentApplication]
        public var source: ChargeSource
        public var attempt: Int
        public var firstAttemptOn: LocalDate
        public var today: LocalDate

        public init(customerId: Int64, cardId: Int64?, gateway: String, purpose: ChargePurpose = .cobro, saveCard: Bool = false,
                    currency: Currency, items: [PaymentApplication], source: ChargeSource, attempt: Int = 1,
                    firstAttemptOn: LocalDate? = nil, today: LocalDate) {
            self.customerId = customerId; self.cardId = cardId; self.gateway = gateway; self.purpose = purpose
            self.saveCard = saveCard; self.currency = currency; self.items = items; self.source = source
            self.attempt = attempt; self.firstAttemptOn = firstAttemptOn ?? today; self.today = today
        }
    }

    static func decodeCharge(_ row: Row, items: [PaymentApplication]) -> CardCharge {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        return CardCharge(
            id: row.int("id"), orderKey: row.string("order_key"), customerId: row.int("customer_id"), cardId: row["card_id"].intValue,
            gateway: row.string("gateway"), purpose: ChargePurpose(rawValue: row.string("purpose")) ?? .cobro, saveCard: row.bool("save_card"),
            amount: Money(minorUnits: row.int("amount_cents"), currency), status: ChargeStatus(rawValue: row.string("status")) ?? .desconocido,
            source: ChargeSource(rawValue: row.string("source")) ?? .manual, attempt: Int(row.int("attempt")),
            firstAttemptOn: LocalDate(row.string("first_attempt_on")) ?? LocalDate(daysSinceEpoch: 0),
            nextRetryOn: row.optionalString("next_retry_on").flatMap(LocalDate.init), derived: row.bool("derived"),
            transactionId: row.optionalString("transaction_id"), authorizationCode: row.optionalString("authorization_code"),
            declineCode: row.optionalString("decline_code"), declineMessage: row.optionalString("decline_message"),
            paymentId: row["payment_id"].intValue, refunded: Money(minorUnits: row.int("refunded_cents"), currency), items: items,
            createdBy: row.string("created_by"), createdAt: row.string("created_at"))
    }

    func decodeCharge(_ row: Row) throws -> CardCharge {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        let items = try db.query("SELECT receivable_id, amount_cents FROM card_charge_item WHERE charge_id = ? ORDER BY receivable_id",
                                 [.int(row.int("id"))]).map {
            PaymentApplication(receivableId: $0.int("receivable_id"), amount: Money(minorUnits: $0.int("amount_cents"), currency))
        }
        return Self.decodeCharge(row, items: items)
    }

    public func charge(id: Int64) throws -> CardCharge? {
        try db.queryOne("SELECT * FROM card_charge WHERE id = ?", [.int(id)]).map(decodeCharge)
    }

    public func charge(orderKey: String) throws -> CardCharge? {
        try db.queryOne("SELECT * FROM card_charge WHERE order_key = ?", [.text(orderKey)]).map(decodeCharge)
    }

    /// The session `startCheckout` returned for a charge (JSON), for the browser's return and the IPN.
    public func session(chargeId: Int64) throws -> String? {
        try db.scalar("SELECT session FROM card_charge WHERE id = ?", [.int(chargeId)]).stringValue
    }

    /// A customer's charge attempts, newest first.
    public func charges(customerId: Int64, limit: Int = 200) throws -> [CardCharge] {
        try db.query("SELECT * FROM card_charge WHERE customer_id = ? ORDER BY id DESC LIMIT ?", [.int(customerId), .int(Int64(limit))])
            .map(decodeCharge)
    }

    /// Every charge attempt (of one status when given), newest first.
    public func charges(status: ChargeStatus? = nil, limit: Int = 500) throws -> [CardCharge] {
        if let status {
            return try db.query("SELECT * FROM card_charge WHERE status = ? ORDER BY id DESC LIMIT ?", [.text(status.rawValue), .int(Int64(limit))])
                .map(decodeCharge)
        }
        return try db.query("SELECT * FROM card_charge ORDER BY id DESC LIMIT ?", [.int(Int64(limit))]).map(decodeCharge)
    }

    /// Attempts not settled either way (pendiente, enviado, desconocido), and approved charges whose payment is
    /// not recorded yet: what the sweep resolves.
    public func unresolvedCharges() throws -> [CardCharge] {
        try db.query("""
            SELECT * FROM card_charge WHERE status IN ('pendiente','enviado','desconocido')
               OR (status = 'aprobado' AND payment_id IS NULL AND purpose = 'cobro' AND amount_cents > 0) ORDER BY id
            """).map(decodeCharge)
    }

    /// The unresolved attempts that pay any of `receivableIds`.
    public func unresolvedCharges(receivableIds: [Int64]) throws -> [CardCharge] {
        guard !receivableIds.isEmpty else { return [] }
        let marks = receivableIds.map { _ in "?" }.joined(separator: ",")
        return try db.query("""
            SELECT DISTINCT c.* FROM card_charge c JOIN card_charge_item i ON i.charge_id = c.id
            WHERE i.receivable_id IN (\(marks)) AND c.status IN ('pendiente','enviado','desconocido') ORDER BY c.id
            """, receivableIds.map { .int($0) }).map(decodeCharge)
    }

    /// The latest automatic attempt that included a receivable.
    public func lastAutomaticCharge(receivableId: Int64) throws -> CardCharge? {
        try db.queryOne("""
            SELECT c.* FROM card_charge c JOIN card_charge_item i ON i.charge_id = c.id
            WHERE i.receivable_id = ? AND c.source = 'automatico' ORDER BY c.id DESC LIMIT 1
            """, [.int(receivableId)]).map(decodeCharge)
    }

    /// Stores an attempt (status `pendiente`) with its order key, refused while another attempt for any of its
    /// receivables is unresolved. Committed before the caller calls the gateway.
    @discardableResult
    public func createCharge(_ new: NewCharge) throws -> CardCharge {
        try db.write {
            if let open = try unresolvedCharges(receivableIds: new.items.map(\.receivableId)).first {
                throw CardError.unresolvedCharge(orderKey: open.orderKey, status: open.status)
            }
            var total: Int64 = 0
            for item in new.items {
                guard let r = try ledger.receivable(id: item.receivableId), r.customerId == new.customerId else {
                    throw CardError.receivableNotPayable("\(item.receivableId)")
                }
                guard r.part == .neto, r.isOpen, r.currency == new.currency, item.amount.currency == new.currency,
                      item.amount.minorUnits > 0, item.amount.minorUnits <= r.balance.minorUnits else {
                    throw CardError.receivableNotPayable(r.documentID)
                }
                let (sum, overflow) = total.addingReportingOverflow(item.amount.minorUnits)
                guard !overflow else { throw CardError.nothingToCharge }
                total = sum
            }
            guard new.purpose == .guardarTarjeta || total > 0 else { throw CardError.nothingToCharge }
            try db.execute("""
                INSERT INTO card_charge(order_key, customer_id, card_id, gateway, purpose, save_card, currency, amount_cents, status, source,
                    attempt, first_attempt_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pendiente', ?, ?, ?, ?, ?)
                """, [.text("tmp-\(UUID().uuidString)"), .int(new.customerId), new.cardId.map { .int($0) } ?? .null, .text(new.gateway),
                      .text(new.purpose.rawValue), .int(new.saveCard ? 1 : 0), .text(new.currency.rawValue), .int(total),
                      .text(new.source.rawValue), .int(Int64(new.attempt)), .text(new.firstAttemptOn.description), .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            try db.execute("UPDATE card_charge SET order_key = ? WHERE id = ?", [.text(Self.orderKey(id: id, day: new.today)), .int(id)])
            for item in new.items {
                try db.execute("INSERT INTO card_charge_item(charge_id, receivable_id, amount_cents) VALUES (?, ?, ?)",
                               [.int(id), .int(item.receivableId), .int(item.amount.minorUnits)])
            }
            guard let charge = try charge(id: id) else { throw CardError.chargeNotFound("\(id)") }
            try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: id, action: .create,
                             summary: "Cobro \(charge.orderKey) (\(new.source.rawValue), intento \(new.attempt)) por \(charge.amount.formatted) con \(new.gateway)",
                             after: charge)
            return charge
        }
    }

    /// Our order key: 12 digits (Niubiz's purchaseNumber), the day (yymmdd) then the row id — unique per database
    /// and unlikely to meet an earlier database's keys at the gateway.
    public static func orderKey(id: Int64, day: LocalDate) -> String {
        let yymmdd = (day.year % 100) * 10_000 + day.month * 100 + day.day
        let tail = id % 1_000_000
        let head = String(yymmdd)
        return String(repeating: "0", count: max(0, 6 - head.count)) + head
            + String(repeating: "0", count: 6 - String(tail).count) + String(tail)
    }

    /// Keeps the gateway's checkout session on the charge (for the browser's return and the IPN).
    public func storeSession(chargeId: Int64, session: String) throws {
        try db.write { try db.execute("UPDATE card_charge SET session = ? WHERE id = ?", [.text(session), .int(chargeId)]) }
    }

    /// `pendiente` → `enviado`, committed right before the call: from here the gateway may have it.
    public func markSent(chargeId: Int64) throws {
        try db.write {
            try db.execute("UPDATE card_charge SET status = 'enviado', sent_at = ? WHERE id = ? AND status IN ('pendiente','desconocido')",
                           [.text(stamp), .int(chargeId)])
        }
    }

    /// The call gave no answer we can act on. `sent`: it may have reached the gateway (→ desconocido, resolved by
    /// asking the gateway); otherwise nothing left (→ pendiente, the same key may be sent again).
    public func markUnanswered(chargeId: Int64, sent: Bool, message: String) throws {
        try db.write {
            let status = sent ? ChargeStatus.desconocido : .pendiente
            try db.execute("""
                UPDATE card_charge SET status = ?, decline_message = ? WHERE id = ? AND status IN ('pendiente','enviado','desconocido')
                """, [.text(status.rawValue), .text(message), .int(chargeId)])
            if db.changes > 0 {
                try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: chargeId, action: .update,
                                 summary: "Cobro \(chargeId) \(status.displayName.lowercased()): \(message)")
            }
        }
    }

    /// The gateway said no. Never overwrites an approved charge (an IPN may have settled it first). `nextRetry`:
    /// when the automatic charge tries again; `derived`: no retry left, handed to reminders.
    @discardableResult
    public func decline(chargeId: Int64, code: String, message: String, nextRetry: LocalDate?, derived: Bool) throws -> CardCharge? {
        try db.write {
            try db.execute("""
                UPDATE card_charge SET status = 'rechazado', decline_code = ?, decline_message = ?, next_retry_on = ?, derived = ?, settled_at = ?
                WHERE id = ? AND status IN ('pendiente','enviado','desconocido')
                """, [.text(code), .text(message), nextRetry.map { .text($0.description) } ?? .null, .int(derived ? 1 : 0), .text(stamp),
                      .int(chargeId)])
            guard db.changes > 0 else { return nil }
            let c = try charge(id: chargeId)
            try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: chargeId, action: .update,
                             summary: "Cobro \(c?.orderKey ?? "\(chargeId)") rechazado (\(code)): \(message)"
                                + (nextRetry.map { "; reintento el \($0)" } ?? "") + (derived ? "; derivado a cobranza" : ""),
                             after: c)
            return c
        }
    }

    /// A checkout the customer never completed (the gateway has no such order), or an attempt given up.
    public func annul(chargeId: Int64, reason: String) throws {
        try db.write {
            try db.execute("UPDATE card_charge SET status = 'anulado', decline_message = ?, settled_at = ? WHERE id = ? AND status IN ('pendiente','enviado','desconocido')",
                           [.text(reason), .text(stamp), .int(chargeId)])
            if db.changes > 0 {
                try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: chargeId, action: .update,
                                 summary: "Cobro \(chargeId) anulado: \(reason)")
            }
        }
    }

    /// What settling an approved charge did.
    public struct Settlement: Sendable, Hashable {
        public var charge: CardCharge
        /// The payment recorded now; nil when it had been recorded before (the IPN, the call or the sweep first).
        public var payment: Payment?
        public var alreadySettled: Bool
    }

    /// Settles an approved charge EXACTLY ONCE: records the payment (method tarjeta, the gateway's transaction id as
    /// operation number, on the gateway's bank account) applied to the receivables it was for (what they still
    /// owe; the rest stays as credit), and marks the charge approved — one transaction. A second call (a duplicate
    /// IPN, the call's answer after the IPN) finds the payment and changes nothing: the charge's payment id is UNIQUE
    /// and set only while it is NULL.
    @discardableResult
    public func settle(chargeId: Int64, transactionId: String, authorizationCode: String?, approved: Money,
                       bankAccountId: Int64?, date: LocalDate) throws -> Settlement {
        try db.write {
            guard let c = try charge(id: chargeId) else { throw CardError.chargeNotFound("\(chargeId)") }
            if c.paymentId != nil || (c.status == .aprobado && (c.purpose == .guardarTarjeta || c.amount.minorUnits == 0)) {
                return Settlement(charge: c, payment: nil, alreadySettled: true)
            }
            guard c.status != .anulado || c.transactionId == nil else { return Settlement(charge: c, payment: nil, alreadySettled: true) }
            guard approved == c.amount else {
                throw CardError.amountMismatch(orderKey: c.orderKey, expected: c.amount, received: approved)
            }
            var payment: Payment?
            if c.purpose == .cobro && c.amount.minorUnits > 0 {
                guard let bankAccountId else {
                    // Approved at the gateway, but nowhere to record it yet: kept approved without payment (the sweep
                    // records it once the account is set).
                    try db.execute("""
                        UPDATE card_charge SET status = 'aprobado', transaction_id = ?, authorization_code = ?, settled_at = ?,
                            decline_message = 'Falta la cuenta bancaria de la pasarela' WHERE id = ?
                        """, [.text(transactionId), authorizationCode.map { .text($0) } ?? .null, .text(stamp), .int(chargeId)])
                    return Settlement(charge: try charge(id: chargeId) ?? c, payment: nil, alreadySettled: false)
                }
                var apps: [PaymentApplication] = []
                for item in c.items {
                    guard let r = try ledger.receivable(id: item.receivableId), r.isOpen, !r.cancelled else { continue }
                    let take = min(item.amount.minorUnits, r.balance.minorUnits)
                    if take > 0 { apps.append(PaymentApplication(receivableId: r.id, amount: Money(minorUnits: take, r.currency))) }
                }
                payment = try ledger.recordPayment(PaymentInput(
                    customerId: c.customerId, date: date, method: .tarjeta, bankAccountId: bankAccountId, operationNumber: transactionId,
                    amount: c.amount, applications: apps, note: "Cobro con tarjeta \(c.orderKey) (\(c.gateway))"))
            }
            try db.execute("""
                UPDATE card_charge SET status = 'aprobado', transaction_id = ?, authorization_code = ?, payment_id = ?, settled_at = ?,
                    decline_code = NULL, decline_message = NULL, next_retry_on = NULL WHERE id = ? AND payment_id IS NULL
                """, [.text(transactionId), authorizationCode.map { .text($0) } ?? .null, payment.map { .int($0.id) } ?? .null,
                      .text(stamp), .int(chargeId)])
            guard let after = try charge(id: chargeId) else { throw CardError.chargeNotFound("\(chargeId)") }
            try audit.append(entity: CardAuditEntity.cardChargeEntity, entityId: chargeId, action: .update,
                             summary: "Cobro \(c.orderKey) aprobado (transacción \(transactionId))"
                                + (payment.map { ": pago \($0.id) de \($0.amount.formatted)" } ?? ""),
                             before: c, after: after)
            return Settlement(charge: after, payment: payment, alreadySettled: false)
        }
    }
}
