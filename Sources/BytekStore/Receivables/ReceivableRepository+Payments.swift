import BytekModel
import Foundation

extension ReceivableRepository {
    /// Records a payment and its applications (partial or full, to one or several of the customer's neto
    /// receivables, each at most its balance, in the receivable's currency; a payment in another currency
    /// converts with its exchange rate). What is not applied stays as the customer's credit. Refused: a
    /// bank operation already recorded on that account (also when two connections race: the write lock
    /// serialises them and the second finds the first), applications above the payment, a closed month.
    @discardableResult
    public func recordPayment(_ input: PaymentInput) throws -> Payment {
        try Self.checkAmount(input.amount, field: "importe del pago")
        let rate = try input.exchangeRate.map(Self.checkRate)
        let operation = input.operationNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try db.write {
                guard try db.queryOne("SELECT id FROM customer WHERE id = ?", [.int(input.customerId)]) != nil else {
                    throw ReceivableError.customerNotFound
                }
                var account: BankAccount?
                if let accountId = input.bankAccountId {
                    guard let a = try bankAccount(id: accountId) else { throw ReceivableError.bankAccountNotFound(accountId) }
                    guard a.active else { throw ReceivableError.bankAccountInactive(a.label) }
                    guard !a.isDetraccion else { throw ReceivableError.detraccionAccountForPayment(a.label) }
                    guard a.currency == input.amount.currency else {
                        throw ReceivableError.bankAccountCurrency(account: a.label, payment: input.amount.currency)
                    }
                    account = a
                } else if input.method.needsBankReference {
                    throw ReceivableError.bankAccountRequired(input.method)
                }
                if input.method.needsBankReference && operation.isEmpty { throw ReceivableError.operationNumberRequired }
                try ClosedPeriods(db: db).check(input.date, action: "registrar el pago")
                if let account, !operation.isEmpty, let existing = try db.scalar(
                    "SELECT id FROM payment WHERE bank_account_id = ? AND operation_number = ? AND reversed_at IS NULL",
                    [.int(account.id), .text(operation)]).intValue {
                    throw ReceivableError.duplicateOperation(account: account.label, operation: operation, paymentId: existing)
                }
                let planned = try plan(input.applications, customerId: input.customerId, payment: input.amount.currency,
                                       rate: rate, date: input.date, source: .payment)
                let applied = planned.reduce(Int64(0)) { $0 + $1.sourceCents }
                guard applied <= input.amount.minorUnits else {
                    throw ReceivableError.applicationsAbovePayment(payment: input.amount,
                                                                   applied: Money(minorUnits: applied, input.amount.currency))
                }
                let unapplied = input.amount.minorUnits - applied
                try db.execute(
                    """
                    INSERT INTO payment(customer_id, date, method, bank_account_id, operation_number, currency, amount_cents,
                        exchange_rate, unapplied_cents, note, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [.int(input.customerId), .text(input.date.description), .text(input.method.rawValue),
                          account.map { .int($0.id) } ?? .null, .text(operation), .text(input.amount.currency.rawValue),
                          .int(input.amount.minorUnits), rate.map { .text("\($0)") } ?? .null, .int(unapplied),
                          .text(input.note), .text(user), .text(stamp)])
                let paymentId = db.lastInsertRowID
                for p in planned { try insert(p, customerId: input.customerId, date: input.date, paymentId: paymentId) }
                if unapplied > 0 {
                    try db.execute(
                        """
                        INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, payment_id, date, note, created_by,
                            created_at) VALUES (?, ?, ?, 'pago', ?, ?, ?, ?, ?)
                        """, [.int(input.customerId), .text(input.amount.currency.rawValue), .int(unapplied), .int(paymentId),
                              .text(input.date.description), .text("Saldo del pago \(paymentId)"), .text(user), .text(stamp)])
                }
                guard let payment = try payment(id: paymentId) else { throw ReceivableError.paymentNotFound(paymentId) }
                try audit.append(entity: ReceivableAuditEntity.ledgerPayment, entityId: paymentId, action: .create,
                                 summary: "Pago \(paymentId) de \(input.amount.formatted) (\(input.method.displayName)"
                                    + (operation.isEmpty ? "" : " op. \(operation)") + "): aplicado "
                                    + Money(minorUnits: applied, input.amount.currency).formatted
                                    + (unapplied > 0 ? ", saldo a favor \(Money(minorUnits: unapplied, input.amount.currency).formatted)" : ""),
                                 after: PaymentSnapshot(payment))
                return payment
            }
        } catch let e as DatabaseError where e.isConstraintViolation && !operation.isEmpty {
            // Another connection committed the same operation between our check and insert (cannot happen
            // under BEGIN IMMEDIATE, kept as the last guard: the unique index).
            throw ReceivableError.duplicateOperation(account: "\(input.bankAccountId ?? 0)", operation: operation, paymentId: 0)
        }
    }

    /// Applies the customer's credit (saldo a favor) to its receivables, in the credit's currency.
    @discardableResult
    public func applyCredit(customerId: Int64, date: LocalDate, applications: [PaymentApplication]) throws -> [ReceivableApplication] {
        guard !applications.isEmpty else { throw ReceivableError.nothingToApply }
        return try db.write {
            try ClosedPeriods(db: db).check(date, action: "aplicar el saldo a favor")
            let planned = try plan(applications, customerId: customerId, payment: nil, rate: nil, date: date, source: .customerCredit)
            let available = try credit(customerId: customerId)
            var wanted: [Currency: Int64] = [:]
            for p in planned { wanted[p.currency, default: 0] += p.cents }
            for (currency, cents) in wanted {
                let have = available[currency] ?? .zero(currency)
                guard cents <= have.minorUnits else {
                    throw ReceivableError.creditInsufficient(available: have, requested: Money(minorUnits: cents, currency))
                }
            }
            var ids: [Int64] = []
            for p in planned {
                let appId = try insert(p, customerId: customerId, date: date, paymentId: nil)
                try db.execute(
                    """
                    INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, application_id, date, note, created_by,
                        created_at) VALUES (?, ?, ?, 'aplicacion', ?, ?, ?, ?, ?)
                    """, [.int(customerId), .text(p.currency.rawValue), .int(-p.cents), .int(appId), .text(date.description),
                          .text("Aplicado a \(p.documentID)"), .text(user), .text(stamp)])
                try db.execute("UPDATE receivable_application SET credit_id = ? WHERE id = ?", [.int(db.lastInsertRowID), .int(appId)])
                ids.append(appId)
            }
            try audit.append(entity: ReceivableAuditEntity.ledgerCredit, entityId: customerId, action: .update,
                             summary: "Saldo a favor aplicado: " + planned.map { "\($0.documentID) \(Money(minorUnits: $0.cents, $0.currency).formatted)" }
                                .joined(separator: ", "))
            return try ids.map { id in
                try db.query("SELECT a.*, r.currency AS currency FROM receivable_application a JOIN receivable r ON r.id = a.receivable_id WHERE a.id = ?",
                             [.int(id)]).map(Self.application)[0]
            }
        }
    }

    /// Reverses a payment (never edited): its applications are undone (the receivables owe again), the
    /// credit it left is taken back, and the reason is recorded. Refused when that credit was already
    /// applied elsewhere, or the payment's month is closed.
    @discardableResult
    public func reversePayment(id: Int64, reason: String) throws -> Payment {
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ReceivableError.reasonRequired }
        return try db.write {
            guard let p = try payment(id: id) else { throw ReceivableError.paymentNotFound(id) }
            guard !p.isReversed else { throw ReceivableError.alreadyReversed(id) }
            try ClosedPeriods(db: db).check(p.date, action: "revertir el pago")
            let currency = p.amount.currency
            let left = try db.scalar("SELECT ifnull(sum(amount_cents), 0) FROM customer_credit WHERE payment_id = ? AND currency = ?",
                                     [.int(id), .text(currency.rawValue)]).intValue ?? 0
            let available = try credit(customerId: p.customerId)[currency] ?? .zero(currency)
            if left > 0 {
                guard left <= available.minorUnits else {
                    throw ReceivableError.creditAlreadyUsed(paymentId: id, available: available, needed: Money(minorUnits: left, currency))
                }
                try db.execute(
                    """
                    INSERT INTO customer_credit(customer_id, currency, amount_cents, origin, payment_id, date, note, created_by,
                        created_at) VALUES (?, ?, ?, 'reversion', ?, ?, ?, ?, ?)
                    """, [.int(p.customerId), .text(currency.rawValue), .int(-left), .int(id), .text(p.date.description),
                          .text("Reversión del pago \(id)"), .text(user), .text(stamp)])
            }
            for a in try db.query("SELECT id, receivable_id, amount_cents FROM receivable_application WHERE payment_id = ? AND undone_at IS NULL",
                                  [.int(id)]) {
                try ReceivableLedger.undo(db: db, applicationId: a.int("id"), receivableId: a.int("receivable_id"),
                                          cents: a.int("amount_cents"), reason: "Pago \(id) revertido: \(text)", stamp: stamp)
            }
            try db.execute("UPDATE payment SET reversed_at = ?, reversed_by = ?, reversal_reason = ? WHERE id = ?",
                           [.text(stamp), .text(user), .text(text), .int(id)])
            guard let after = try payment(id: id) else { throw ReceivableError.paymentNotFound(id) }
            try audit.append(entity: ReceivableAuditEntity.ledgerPayment, entityId: id, action: .update,
                             summary: "Pago \(id) de \(p.amount.formatted) revertido: \(text)",
                             before: PaymentSnapshot(p), after: PaymentSnapshot(after))
            return after
        }
    }

    public func payment(id: Int64) throws -> Payment? {
        guard let row = try db.queryOne("SELECT * FROM payment WHERE id = ?", [.int(id)]) else { return nil }
        return try decodePayment(row)
    }

    /// A customer's payments, newest first.
    public func payments(customerId: Int64, limit: Int = 500) throws -> [Payment] {
        try db.query("SELECT * FROM payment WHERE customer_id = ? ORDER BY date DESC, id DESC LIMIT ?",
                     [.int(customerId), .int(Int64(limit))]).map(decodePayment)
    }

    func decodePayment(_ row: Row) throws -> Payment {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        let id = row.int("id")
        let apps = try db.query("""
            SELECT a.receivable_id, a.amount_cents, r.currency FROM receivable_application a JOIN receivable r ON r.id = a.receivable_id
            WHERE a.payment_id = ? ORDER BY a.id
            """, [.int(id)]).map {
            PaymentApplication(receivableId: $0.int("receivable_id"),
                               amount: Money(minorUnits: $0.int("amount_cents"), Currency(rawValue: $0.string("currency")) ?? currency))
        }
        return Payment(
            id: id, customerId: row.int("customer_id"), date: LocalDate(row.string("date")) ?? LocalDate(daysSinceEpoch: 0),
            method: PaymentMethod(rawValue: row.string("method")) ?? .transferencia, bankAccountId: row["bank_account_id"].intValue,
            operationNumber: row.string("operation_number"), amount: Money(minorUnits: row.int("amount_cents"), currency),
            exchangeRate: row.optionalString("exchange_rate").flatMap { Decimal(string: $0) }, applications: apps,
            unapplied: Money(minorUnits: row.int("unapplied_cents"), currency), note: row.string("note"),
            createdBy: row.string("created_by"), reversedAt: row.optionalString("reversed_at"),
            reversalReason: row.optionalString("reversal_reason"))
    }

    // MARK: applications

    /// One application checked and ready to insert.
    struct PlannedApplication {
        var receivableId: Int64
        var documentID: String
        var currency: Currency
        var cents: Int64
        var source: SettlementSource
        var sourceCurrency: Currency
        var sourceCents: Int64
        var rate: Decimal?
        var difference: Int64?
    }

    /// Checks applications against the customer's neto receivables: same customer, not cancelled, each at
    /// most the balance (several lines on one receivable add up), converted to the payment's currency.
    func plan(_ applications: [PaymentApplication], customerId: Int64, payment: Currency?, rate: Decimal?,
              date: LocalDate, source: SettlementSource) throws -> [PlannedApplication] {
        var used: [Int64: Int64] = [:]
        var out: [PlannedApplication] = []
        for a in applications {
            guard let r = try receivable(id: a.receivableId) else { throw ReceivableError.receivableNotFound(a.receivableId) }
            guard r.customerId == customerId else { throw ReceivableError.receivableOfOtherCustomer(r.documentID) }
            guard !r.cancelled else { throw ReceivableError.receivableCancelled(r.documentID) }
            guard r.part == .neto else { throw ReceivableError.wrongPartForPayment(document: r.documentID, part: r.part) }
            if source == .customerCredit, a.amount.currency != r.currency {
                throw ReceivableError.creditCurrency(credit: a.amount.currency, receivable: r.currency)
            }
            let amount = a.amount.currency == r.currency ? a.amount : Money(a.amount.amount, r.currency)
            try Self.checkAmount(amount, field: "importe aplicado a \(r.documentID)")
            let cents = amount.minorUnits
            let balance = r.balance.minorUnits - used[r.id, default: 0]
            if balance <= 0 && r.balance.minorUnits <= 0 { throw ReceivableError.receivableSettled(r.documentID) }
            guard cents <= balance else {
                throw ReceivableError.applicationAboveBalance(document: r.documentID, balance: Money(minorUnits: max(0, balance), r.currency),
                                                              requested: amount)
            }
            used[r.id, default: 0] += cents
            let sourceCurrency = payment ?? r.currency
            var sourceCents = cents
            if sourceCurrency != r.currency {
                guard let rate else { throw ReceivableError.exchangeRateRequired }
                let converted = r.currency == .usd ? Money(amount.amount * rate, .pen) : Money(amount.amount / rate, .usd)
                sourceCents = max(1, converted.minorUnits)
            }
            var difference: Int64?
            if r.currency == .usd {
                var paymentRate = rate
                if paymentRate == nil, source == .payment { paymentRate = try ReceivableLedger.dayRate(db: db, date) }
                difference = ExchangeDifference.of(amount, documentRate: r.exchangeRate, paymentRate: paymentRate)?.minorUnits
            }
            out.append(PlannedApplication(receivableId: r.id, documentID: r.documentID, currency: r.currency, cents: cents,
                                          source: source, sourceCurrency: sourceCurrency, sourceCents: sourceCents,
                                          rate: sourceCurrency != r.currency ? rate : (r.currency == .usd ? rate : nil),
                                          difference: difference))
        }
        return out
    }

    @discardableResult
    func insert(_ p: PlannedApplication, customerId: Int64?, date: LocalDate, paymentId: Int64?,
                depositId: Int64? = nil, retentionId: Int64? = nil) throws -> Int64 {
        try db.execute(
            """
            INSERT INTO receivable_application(receivable_id, source, payment_id, deposit_id, retention_id, customer_id, date,
                amount_cents, source_currency, source_amount_cents, exchange_rate, exchange_difference_cents, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.int(p.receivableId), .text(p.source.rawValue), paymentId.map { .int($0) } ?? .null,
                  depositId.map { .int($0) } ?? .null, retentionId.map { .int($0) } ?? .null,
                  customerId.map { .int($0) } ?? .null, .text(date.description), .int(p.cents), .text(p.sourceCurrency.rawValue),
                  .int(p.sourceCents), p.rate.map { .text("\($0)") } ?? .null, p.difference.map { .int($0) } ?? .null,
                  .text(user), .text(stamp)])
        let id = db.lastInsertRowID
        try ReceivableLedger.settle(db: db, receivableId: p.receivableId, by: p.cents)
        return id
    }

    // MARK: checks

    static func checkAmount(_ m: Money, field: String) throws {
        guard m.amount > 0 else { throw ReceivableError.amountNotPositive(field: field) }
        guard m.amount <= AmountLimits.maxAmount else { throw ReceivableError.amountTooLarge(field: field) }
        guard m.rounded().amount == m.amount else { throw ReceivableError.amount(field: field, .tooManyDecimals(max: 2)) }
    }

    static func checkRate(_ rate: Decimal) throws -> Decimal {
        do { try AmountLimits.checkExchangeRate(rate, confirmed: true) } catch { throw ReceivableError.invalidExchangeRate("\(rate)") }
        return rate
    }
}

/// What the audit log keeps of a payment.
struct PaymentSnapshot: Encodable {
    var id: Int64
    var customerId: Int64
    var date: String
    var method: String
    var bankAccountId: Int64?
    var operationNumber: String
    var amount: String
    var currency: String
    var exchangeRate: String?
    var unapplied: String
    var applications: [String]
    var reversedAt: String?
    var reversalReason: String?

    init(_ p: Payment) {
        id = p.id; customerId = p.customerId; date = p.date.description; method = p.method.rawValue
        bankAccountId = p.bankAccountId; operationNumber = p.operationNumber; amount = p.amount.plainAmount
        currency = p.amount.currency.rawValue; exchangeRate = p.exchangeRate.map { "\($0)" }; unapplied = p.unapplied.plainAmount
        applications = p.applications.map { "\($0.receivableId):\($0.amount.plainAmount)" }
        reversedAt = p.reversedAt; reversalReason = p.reversalReason
    }
}
