import BytekModel
import BytekStore
import Foundation

extension ReceivableRepository: ActingRepository {}

/// Cobranzas for an actor: the receivables ledger behind permission and scope. Lists and aging for staff;
/// one customer's receivables and estado de cuenta also for that customer's contact; payments, reversals,
/// detracción deposits, retention receipts and bank accounts for finanzas and admin.
public struct ReceivableService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: ReceivableRepository { services.acting(ReceivableRepository.self) }

    /// Today in Lima, by the services' clock: the day aging and "overdue" count from.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    // MARK: reading

    /// The open receivables matching `query` (by due date), as a keyset pager.
    public func pager(_ query: ReceivableQuery) throws -> KeysetPager<Receivable> {
        try actor.authorize(.receivableView)
        return repository.pager(query)
    }

    /// Open balances per currency and aging bucket (the query's filters apply).
    public func agingTotals(_ query: ReceivableQuery) throws -> AgingTotals {
        try actor.authorize(.receivableView)
        return try repository.agingTotals(query)
    }

    /// Every receivable of a document ("F001-12"), parts and cuotas, cancelled ones too.
    public func receivables(documentID: String) throws -> [Receivable] {
        try actor.authorize(.receivableView)
        return try repository.receivables(documentID: documentID)
    }

    public func receivable(id: Int64) throws -> Receivable? {
        try actor.authorize(.receivableView)
        return try repository.receivable(id: id)
    }

    /// What settled a receivable, with the exchange difference of each application.
    public func applications(receivableId: Int64) throws -> [ReceivableApplication] {
        try actor.authorize(.receivableView)
        return try repository.applications(receivableId: receivableId)
    }

    /// A customer's receivables (open ones, or all). A contact reaching for another customer: `notFound`.
    public func receivables(customerId: Int64, openOnly: Bool = true) throws -> [Receivable] {
        try actor.authorize(.receivableStatement, customer: customerId)
        return try repository.receivables(customerId: customerId, openOnly: openOnly)
    }

    /// What a customer owes per currency.
    public func balance(customerId: Int64) throws -> [Currency: Money] {
        try actor.authorize(.receivableStatement, customer: customerId)
        return try repository.balance(customerId: customerId)
    }

    /// A customer's credit (saldo a favor) per currency.
    public func credit(customerId: Int64) throws -> [Currency: Money] {
        try actor.authorize(.receivableStatement, customer: customerId)
        return try repository.credit(customerId: customerId)
    }

    /// The estado de cuenta of a customer for a span of dates (aging as of today).
    public func statement(customerId: Int64, from: LocalDate, to: LocalDate) throws -> AccountStatement {
        try actor.authorize(.receivableStatement, customer: customerId)
        guard let s = try repository.statement(customerId: customerId, from: from, to: to, asOf: today) else {
            throw ServiceError.notFound
        }
        return s
    }

    /// The customer with this document number (RUC, DNI…), for doors that take one.
    public func customerId(docNumber: String) throws -> Int64? {
        try actor.authorize(.receivableView)
        return try repository.customerId(docNumber: docNumber.trimmingCharacters(in: .whitespaces))
    }

    public func payment(id: Int64) throws -> Payment? {
        try actor.authorize(.receivableView)
        return try repository.payment(id: id)
    }

    /// A customer's payments, newest first.
    public func payments(customerId: Int64) throws -> [Payment] {
        try actor.authorize(.receivableStatement, customer: customerId)
        return try repository.payments(customerId: customerId)
    }

    /// BYTEK's bank accounts (active ones, or all).
    public func bankAccounts(includeInactive: Bool = false) throws -> [BankAccount] {
        try actor.authorize(.receivableView)
        return try repository.bankAccounts(includeInactive: includeInactive)
    }

    // MARK: writing

    /// Records a payment with its applications; the rest stays as the customer's credit.
    @discardableResult
    public func recordPayment(_ input: PaymentInput) throws -> Payment {
        try actor.authorize(.paymentRecord)
        return try repository.recordPayment(input)
    }

    /// Applies the customer's credit to its receivables.
    @discardableResult
    public func applyCredit(customerId: Int64, date: LocalDate, applications: [PaymentApplication]) throws -> [ReceivableApplication] {
        try actor.authorize(.paymentRecord)
        return try repository.applyCredit(customerId: customerId, date: date, applications: applications)
    }

    /// Reverses a payment with its reason (applications undone, audited).
    @discardableResult
    public func reversePayment(id: Int64, reason: String) throws -> Payment {
        try actor.authorize(.paymentReverse)
        return try repository.reversePayment(id: id, reason: reason)
    }

    @discardableResult
    public func recordDetraccionDeposit(documentID: String, constancia: String, date: LocalDate, amount: Money) throws -> DetraccionDeposit {
        try actor.authorize(.detraccionRecord)
        return try repository.recordDetraccionDeposit(documentID: documentID, constancia: constancia, date: date, amount: amount)
    }

    @discardableResult
    public func recordRetentionReceipt(documentID: String, number: String, date: LocalDate, amount: Money) throws -> RetentionReceipt {
        try actor.authorize(.retentionRecord)
        return try repository.recordRetentionReceipt(documentID: documentID, number: number, date: date, amount: amount)
    }

    @discardableResult
    public func addBankAccount(bank: String, number: String, currency: Currency, isDetraccion: Bool = false) throws -> BankAccount {
        try actor.authorize(.bankAccountManage)
        return try repository.addBankAccount(bank: bank, number: number, currency: currency, isDetraccion: isDetraccion)
    }

    @discardableResult
    public func setBankAccountActive(id: Int64, _ active: Bool) throws -> BankAccount {
        try actor.authorize(.bankAccountManage)
        return try repository.setBankAccountActive(id: id, active)
    }

    // MARK: input

    /// An amount as typed (`Money.parse`), refused with the field's name: "El importe del pago no es válido: …".
    public static func amount(_ text: String, currency: Currency, field: String) throws -> Money {
        let m: Money
        do { m = try Money.parse(text, currency: currency) } catch { throw ReceivableError.amount(field: field, error) }
        guard m.amount > 0 else { throw ReceivableError.amountNotPositive(field: field) }
        return m
    }

    /// An exchange rate as typed (soles per dollar, up to 3 decimals, 2.5–6).
    public static func exchangeRate(_ text: String) throws -> Decimal {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let d = Decimal(string: t), d > 0, AmountLimits.decimals(d) <= AmountLimits.exchangeRateDecimals,
              AmountLimits.exchangeRateBand.contains(d) else { throw ReceivableError.invalidExchangeRate(t) }
        return d
    }
}

extension Services {
    public var receivables: ReceivableService { ReceivableService(services: self) }
}
