import BytekModel
import BytekStore
import Foundation

extension BankStatementRepository: ActingRepository {}

/// Bank statements (issue 11 §1): a bank's CSV imported into its account with the columns mapped once per
/// bank; each pending line matched to open receivables (by amount, operation number and customer); a
/// suggestion accepted records the payment through `services.receivables` with the line's operation number,
/// in the same transaction that marks the line reconciled; unmatched lines wait.
public struct BankStatementService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: BankStatementRepository { services.acting(BankStatementRepository.self) }

    /// What an import did.
    public struct ImportReport: Sendable, Hashable {
        public var account: BankAccount
        public var mapping: BankStatementMapping
        /// New lines stored, and lines already stored by an earlier import of the same movements.
        public var added = 0
        public var repeated = 0
        /// Charges (negative amounts) in the file: not money in, not stored.
        public var charges = 0
        public var problems: [BankStatementParser.Problem] = []
        /// Whether anything was stored (false when bad lines stopped an all-or-nothing import).
        public var saved = false
    }

    /// The columns remembered for `bank` (nil: none yet).
    public func mapping(bank: String) throws -> BankStatementMapping? {
        try actor.authorize(.statementView)
        return try repository.mapping(bank: bank)
    }

    /// Imports a statement of `accountId`. The mapping is `mapping` when given (and then remembered for the
    /// account's bank), else the bank's remembered one, else one guessed from the header (remembered too).
    /// All or nothing: with any bad line nothing is stored unless `partial`.
    public func importStatement(accountId: Int64, bytes: [UInt8], mapping: BankStatementMapping? = nil,
                                partial: Bool = false) throws -> ImportReport {
        try actor.authorize(.statementImport)
        guard let account = try services.receivables.bankAccounts(includeInactive: true).first(where: { $0.id == accountId })
        else { throw BankStatementError.unknownAccount(accountId) }
        let table: CSVTable
        do { table = try CSVReader.parse(bytes) } catch { throw BankStatementError.unreadable("\(error)") }
        let repo = repository
        guard let chosen = try mapping ?? repo.mapping(bank: account.bank) ?? BankStatementMapping.guess(header: table.header)
        else { throw BankStatementError.noMapping(bank: account.bank) }
        let parsed = BankStatementParser.parse(table, mapping: chosen, currency: account.currency)
        var report = ImportReport(account: account, mapping: chosen, problems: parsed.problems)
        let credits = parsed.lines.filter { !$0.amount.isNegative && !$0.amount.isZero }
        report.charges = parsed.lines.count - credits.count
        guard parsed.problems.isEmpty || partial, !(parsed.problems.first?.line == 1) else { return report }
        try services.db.write {
            try repo.saveMapping(bank: account.bank, chosen)
            let outcome = try repo.importLines(accountId: account.id, accountLabel: account.label, credits)
            report.added = outcome.added
            report.repeated = outcome.repeated
        }
        report.saved = true
        return report
    }

    /// A pending line with what the matcher suggests for it and the suggested receivables themselves.
    public struct PendingLine: Sendable, Hashable {
        public var line: StoredStatementLine
        public var suggestion: StatementSuggestion?
        public var receivables: [Receivable]
    }

    /// The lines waiting (of one account, or all), each with its suggestion.
    public func pending(accountId: Int64? = nil) throws -> [PendingLine] {
        try actor.authorize(.statementView)
        let lines = try repository.pending(accountId: accountId)
        let accounts = try services.receivables.bankAccounts(includeInactive: true)
        var out: [PendingLine] = []
        for (id, group) in Dictionary(grouping: lines, by: \.bankAccountId).sorted(by: { $0.key < $1.key }) {
            guard let account = accounts.first(where: { $0.id == id }) else { continue }
            let open = try openReceivables(for: account)
            let byId = Dictionary(open.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let matcher = StatementMatcher(open: open, knownOperations: try repository.recordedOperations(accountId: id))
            for (line, suggestion) in zip(group, matcher.match(group.map(\.line))) {
                out.append(PendingLine(line: line, suggestion: suggestion,
                                       receivables: suggestion?.receivableIds.compactMap { byId[$0] } ?? []))
            }
        }
        return out.sorted { ($0.line.line.date, $0.line.id) < ($1.line.line.date, $1.line.id) }
    }

    /// The open receivables a payment into `account` may settle: its currency; the detracción parts only
    /// for the Banco de la Nación account, the net parts for the others.
    func openReceivables(for account: BankAccount) throws -> [Receivable] {
        var out: [Receivable] = []
        let pager = try services.receivables.pager(ReceivableQuery(currency: account.currency, asOf: services.receivables.today))
        var page = try pager.first(1000)
        while let last = page.last {
            out += page.map(\.item).filter { ($0.part == .detraccion) == account.isDetraccion && $0.part != .retencion }
            page = try pager.after(last.cursor, 1000)
        }
        return out
    }

    /// Accepts line `lineId` for `receivableIds` (oldest due first): records the payment (dated the line's
    /// day, its operation number, the account) applied to them up to each balance — what is left stays as
    /// the customer's credit — and marks the line reconciled, in one transaction. For the detracción account
    /// it records the deposit of the one receivable instead. A line whose operation is already a recorded
    /// payment is reconciled with it (no receivables needed). Returns the payment recorded (nil otherwise).
    @discardableResult
    public func accept(lineId: Int64, receivableIds: [Int64]) throws -> Payment? {
        try actor.authorize(.statementResolve)
        let repo = repository
        guard let stored = try repo.line(id: lineId), stored.status == .pendiente else { throw BankStatementError.notPending(lineId) }
        let line = stored.line
        guard let account = try services.receivables.bankAccounts(includeInactive: true).first(where: { $0.id == stored.bankAccountId })
        else { throw BankStatementError.unknownAccount(stored.bankAccountId) }
        let operation = line.operationNumber.isEmpty ? "EXT-\(stored.id)" : line.operationNumber
        if receivableIds.isEmpty, let existing = try repo.recordedPayment(accountId: account.id, operation: line.operationNumber) {
            try repo.resolve(id: lineId, status: .conciliada, paymentId: existing,
                             summary: "Extracto \(account.label): línea \(stored.id) conciliada con el pago \(existing) ya registrado")
            return nil
        }
        let receivables = try receivableIds.map { id -> Receivable in
            guard let r = try services.receivables.receivable(id: id) else { throw ServiceError.notFound }
            return r
        }.sorted { ($0.dueDate, $0.id) < ($1.dueDate, $1.id) }
        guard let first = receivables.first else { throw BankStatementError.nothingToApply }
        guard let customerId = first.customerId else { throw BankStatementError.nothingToApply }
        return try services.db.write {
            if account.isDetraccion {
                _ = try services.receivables.recordDetraccionDeposit(documentID: first.documentID, constancia: operation,
                                                                      date: line.date, amount: line.amount)
                try repo.resolve(id: lineId, status: .conciliada, paymentId: nil,
                                 summary: "Extracto \(account.label): línea \(stored.id) es la detracción de \(first.documentID)")
                return nil
            }
            var left = line.amount.minorUnits
            var applications: [PaymentApplication] = []
            for r in receivables where left > 0 && r.currency == line.amount.currency {
                let part = min(left, r.balance.minorUnits)
                guard part > 0 else { continue }
                applications.append(PaymentApplication(receivableId: r.id, amount: Money(minorUnits: part, r.currency)))
                left -= part
            }
            let payment = try services.receivables.recordPayment(PaymentInput(
                customerId: customerId, date: line.date, method: .transferencia, bankAccountId: account.id,
                operationNumber: operation, amount: line.amount, applications: applications,
                note: "Extracto: " + line.description))
            try repo.resolve(id: lineId, status: .conciliada, paymentId: payment.id,
                             summary: "Extracto \(account.label): línea \(stored.id) → pago \(payment.id) ("
                                + receivables.map(\.documentID).joined(separator: ", ") + ")")
            return payment
        }
    }

    /// Accepts every exact suggestion (amount equal to what the suggested receivables owe, customer named in
    /// the line); the rest wait. Returns how many were accepted and how many still wait.
    public func acceptExact(accountId: Int64? = nil) throws -> (accepted: Int, waiting: Int) {
        try actor.authorize(.statementResolve)
        var accepted = 0, waiting = 0
        for p in try pending(accountId: accountId) {
            guard let s = p.suggestion, s.isExact else { waiting += 1; continue }
            try accept(lineId: p.line.id, receivableIds: s.receivableIds)
            accepted += 1
        }
        return (accepted, waiting)
    }

    /// Discards a line that is not a customer's payment (a refund, an internal transfer); audited.
    public func discard(lineId: Int64) throws {
        try actor.authorize(.statementResolve)
        try repository.resolve(id: lineId, status: .descartada, paymentId: nil, summary: "Extracto: línea \(lineId) descartada")
    }
}

extension Services {
    public var bankStatements: BankStatementService { BankStatementService(services: self) }
}
