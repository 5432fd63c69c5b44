import BytekModel
import Foundation

extension ReceivableRepository {
    /// Records the detracción deposit of a document ("F001-12") with its constancia (unique), settling its
    /// detracción part (in soles). The depositor may round up to whole soles: up to S/ 1.00 above the balance
    /// is accepted and settles the balance.
    @discardableResult
    public func recordDetraccionDeposit(documentID: String, constancia: String, date: LocalDate, amount: Money) throws -> DetraccionDeposit {
        let number = constancia.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { throw ReceivableError.fieldRequired("el número de constancia") }
        guard amount.currency == .pen else { throw ReceivableError.amount(field: "importe depositado", .currencyMismatch(expected: .pen, found: amount.currency)) }
        try Self.checkAmount(amount, field: "importe depositado")
        return try db.write {
            let r = try openPart(.detraccion, documentID: documentID)
            try ClosedPeriods(db: db).check(date, action: "registrar la detracción")
            guard try db.queryOne("SELECT id FROM detraccion_deposit WHERE constancia = ?", [.text(number)]) == nil else {
                throw ReceivableError.duplicateConstancia(number)
            }
            let balance = r.balance.minorUnits
            guard amount.minorUnits < balance + 100 else {
                throw ReceivableError.applicationAboveBalance(document: r.documentID, balance: r.balance, requested: amount)
            }
            try db.execute("INSERT INTO detraccion_deposit(receivable_id, constancia, date, amount_cents, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           [.int(r.id), .text(number), .text(date.description), .int(amount.minorUnits), .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            let applied = min(balance, amount.minorUnits)
            try insert(PlannedApplication(receivableId: r.id, documentID: r.documentID, currency: .pen, cents: applied,
                                          source: .detraccionDeposit, sourceCurrency: .pen, sourceCents: amount.minorUnits),
                       customerId: r.customerId, date: date, paymentId: nil, depositId: id)
            let deposit = DetraccionDeposit(id: id, receivableId: r.id, constancia: number, date: date, amount: amount)
            try audit.append(entity: ReceivableAuditEntity.ledgerDeposit, entityId: id, action: .create,
                             summary: "Detracción de \(r.documentID): constancia \(number) del \(date) por \(amount.formatted)",
                             after: deposit)
            return deposit
        }
    }

    /// Records the comprobante de retención ("R001-5", unique) a retention agent handed in for a document,
    /// settling its retención part (at most its balance).
    @discardableResult
    public func recordRetentionReceipt(documentID: String, number: String, date: LocalDate, amount: Money) throws -> RetentionReceipt {
        let text = number.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard !text.isEmpty else { throw ReceivableError.fieldRequired("el número del comprobante de retención") }
        try Self.checkAmount(amount, field: "importe retenido")
        return try db.write {
            let r = try openPart(.retencion, documentID: documentID)
            try ClosedPeriods(db: db).check(date, action: "registrar la retención")
            guard try db.queryOne("SELECT id FROM retention_receipt WHERE number = ?", [.text(text)]) == nil else {
                throw ReceivableError.duplicateRetention(text)
            }
            guard amount.currency == r.currency else {
                throw ReceivableError.amount(field: "importe retenido", .currencyMismatch(expected: r.currency, found: amount.currency))
            }
            guard amount.minorUnits <= r.balance.minorUnits else {
                throw ReceivableError.applicationAboveBalance(document: r.documentID, balance: r.balance, requested: amount)
            }
            try db.execute("INSERT INTO retention_receipt(receivable_id, number, date, amount_cents, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                           [.int(r.id), .text(text), .text(date.description), .int(amount.minorUnits), .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            try insert(PlannedApplication(receivableId: r.id, documentID: r.documentID, currency: r.currency, cents: amount.minorUnits,
                                          source: .retentionReceipt, sourceCurrency: r.currency, sourceCents: amount.minorUnits),
                       customerId: r.customerId, date: date, paymentId: nil, retentionId: id)
            let receipt = RetentionReceipt(id: id, receivableId: r.id, number: text, date: date, amount: amount)
            try audit.append(entity: ReceivableAuditEntity.ledgerRetention, entityId: id, action: .create,
                             summary: "Retención de \(r.documentID): comprobante \(text) del \(date) por \(amount.formatted)",
                             after: receipt)
            return receipt
        }
    }

    /// The open detracción or retención part of a document.
    func openPart(_ part: ReceivablePart, documentID: String) throws -> Receivable {
        let all = try receivables(documentID: documentID.trimmingCharacters(in: .whitespaces))
        guard !all.isEmpty else { throw ReceivableError.documentNotFound(documentID) }
        guard let r = all.first(where: { $0.part == part && !$0.cancelled }) else {
            if all.allSatisfy(\.cancelled) { throw ReceivableError.receivableCancelled(documentID) }
            throw ReceivableError.noPartToSettle(document: documentID, part: part)
        }
        guard r.isOpen else { throw ReceivableError.receivableSettled(r.documentID) }
        return r
    }

    /// The detracción deposits of a receivable.
    public func deposits(receivableId: Int64) throws -> [DetraccionDeposit] {
        try db.query("SELECT * FROM detraccion_deposit WHERE receivable_id = ? ORDER BY id", [.int(receivableId)]).map {
            DetraccionDeposit(id: $0.int("id"), receivableId: receivableId, constancia: $0.string("constancia"),
                              date: LocalDate($0.string("date")) ?? LocalDate(daysSinceEpoch: 0),
                              amount: Money(minorUnits: $0.int("amount_cents"), .pen))
        }
    }

    // MARK: bank accounts

    /// BYTEK's bank accounts, active first.
    public func bankAccounts(includeInactive: Bool = false) throws -> [BankAccount] {
        try db.query("SELECT * FROM bank_account \(includeInactive ? "" : "WHERE active = 1") ORDER BY active DESC, bank, number")
            .map(Self.bankAccount)
    }

    public func bankAccount(id: Int64) throws -> BankAccount? {
        try db.queryOne("SELECT * FROM bank_account WHERE id = ?", [.int(id)]).map(Self.bankAccount)
    }

    @discardableResult
    public func addBankAccount(bank: String, number: String, currency: Currency, isDetraccion: Bool = false) throws -> BankAccount {
        let b = bank.trimmingCharacters(in: .whitespacesAndNewlines), n = number.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !b.isEmpty else { throw ReceivableError.fieldRequired("el banco") }
        guard !n.isEmpty else { throw ReceivableError.fieldRequired("el número de cuenta") }
        guard b.count <= 60, n.count <= 40 else { throw ReceivableError.fieldRequired("un banco (hasta 60 caracteres) y un número (hasta 40)") }
        return try db.write {
            guard try db.queryOne("SELECT id FROM bank_account WHERE bank = ? AND number = ?", [.text(b), .text(n)]) == nil else {
                throw ReceivableError.duplicateBankAccount("\(b) \(n)")
            }
            try db.execute("INSERT INTO bank_account(bank, number, currency, is_detraccion, active, created_at) VALUES (?, ?, ?, ?, 1, ?)",
                           [.text(b), .text(n), .text(currency.rawValue), .int(isDetraccion ? 1 : 0), .text(stamp)])
            let account = BankAccount(id: db.lastInsertRowID, bank: b, number: n, currency: currency, isDetraccion: isDetraccion)
            try audit.append(entity: ReceivableAuditEntity.ledgerBankAccount, entityId: account.id, action: .create,
                             summary: "Cuenta bancaria \(account.label)", after: account)
            return account
        }
    }

    /// Deactivates (or reactivates) an account: it stays on the payments that used it.
    @discardableResult
    public func setBankAccountActive(id: Int64, _ active: Bool) throws -> BankAccount {
        try db.write {
            guard let before = try bankAccount(id: id) else { throw ReceivableError.bankAccountNotFound(id) }
            try db.execute("UPDATE bank_account SET active = ? WHERE id = ?", [.int(active ? 1 : 0), .int(id)])
            var after = before
            after.active = active
            try audit.append(entity: ReceivableAuditEntity.ledgerBankAccount, entityId: id, action: active ? .restore : .archive,
                             summary: "Cuenta bancaria \(before.label) \(active ? "activada" : "desactivada")", before: before, after: after)
            return after
        }
    }

    static func bankAccount(_ row: Row) -> BankAccount {
        BankAccount(id: row.int("id"), bank: row.string("bank"), number: row.string("number"),
                    currency: Currency(rawValue: row.string("currency")) ?? .pen, isDetraccion: row.bool("is_detraccion"),
                    active: row.bool("active"))
    }
}
