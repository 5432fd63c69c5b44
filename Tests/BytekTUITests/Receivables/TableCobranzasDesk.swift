import BytekDocuments
import BytekModel
import BytekStore
import Foundation
@testable import BytekTUI

/// A `CobranzasDesk` over a plain table of the test's store, for driving the Cobranzas screens before
/// (and apart from) the receivables service: the pager is a real keyset pager, payments settle the rows.
@MainActor
final class TableCobranzasDesk: CobranzasDesk {
    let db: Database
    let today: LocalDate
    var rates: [LocalDate: Decimal] = [:]
    var accounts = [BankAccount(id: 1, bank: "BCP", number: "193-1234567-0-12", currency: .pen),
                    BankAccount(id: 2, bank: "BCP", number: "193-7654321-1-45", currency: .usd),
                    BankAccount(id: 3, bank: "Banco de la Nación", number: "00-000-123456", currency: .pen, isDetraccion: true)]
    private(set) var payments: [PaymentInput] = []
    private(set) var settlements: [(ReceivablePart, SettlementInput)] = []
    private(set) var pagerCalls = 0
    var refusal: Error?

    init(db: Database, today: LocalDate) throws {
        self.db = db; self.today = today
        try db.execute("""
            CREATE TABLE IF NOT EXISTS test_receivable (id INTEGER PRIMARY KEY, document TEXT NOT NULL, customer_id INTEGER NOT NULL,
              customer TEXT NOT NULL, unit TEXT, part TEXT NOT NULL, installment INTEGER NOT NULL, currency TEXT NOT NULL,
              amount INTEGER NOT NULL, settled INTEGER NOT NULL DEFAULT 0, issue TEXT NOT NULL, due TEXT NOT NULL, unattended INTEGER NOT NULL DEFAULT 0)
            """)
        try db.execute("CREATE INDEX IF NOT EXISTS test_receivable_due ON test_receivable(due, id)")
    }

    func add(_ id: Int64, _ document: String, customer: (Int64, String), part: ReceivablePart = .neto, installment: Int = 0,
             _ cents: Int64, _ currency: Currency = .pen, settled: Int64 = 0, daysOverdue: Int, unit: BusinessUnit? = .software,
             unattended: Bool = false) throws {
        let due = today.adding(days: -daysOverdue)
        let unitValue: SQLValue = unit.map { .text($0.rawValue) } ?? .null
        var values: [SQLValue] = [.int(id), .text(document), .int(customer.0), .text(customer.1), unitValue]
        values += [.text(part.rawValue), .int(Int64(installment)), .text(currency.rawValue), .int(cents), .int(settled)]
        values += [.text(due.adding(days: -30).description), .text(due.description), .int(unattended ? 1 : 0)]
        try db.execute("INSERT INTO test_receivable VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", values)
    }

    private func condition(_ f: ReceivablesFilter) -> (String, [SQLValue]) {
        var parts = ["settled < amount"]
        var args: [SQLValue] = []
        if let u = f.unit { parts.append("unit = ?"); args.append(.text(u.rawValue)) }
        if let c = f.customerId { parts.append("customer_id = ?"); args.append(.int(c)) }
        if let c = f.currency { parts.append("currency = ?"); args.append(.text(c.rawValue)) }
        if !f.search.isEmpty {
            parts.append("(document LIKE ? OR customer LIKE ?)")
            args += [.text("%" + f.search + "%"), .text("%" + f.search + "%")]
        }
        if let b = f.bucket {
            let ranges: [AgingBucket: (Int, Int)] = [.upTo30: (-100_000, 30), .upTo60: (31, 60), .upTo90: (61, 90), .over90: (91, 100_000)]
            let (lo, hi) = ranges[b]!
            // Due between today − hi and today − lo.
            parts.append("due BETWEEN ? AND ?")
            args += [.text(today.adding(days: -hi).description), .text(today.adding(days: -lo).description)]
        }
        return (parts.joined(separator: " AND "), args)
    }

    nonisolated static func decode(_ row: Row) throws -> Receivable {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        return Receivable(id: row.int("id"), documentId: row.int("id"), documentID: row.string("document"), documentKind: .factura,
                          customerId: row.int("customer_id"), customerName: row.string("customer"), customerDocNumber: "20100000001",
                          unit: row.optionalString("unit").flatMap(BusinessUnit.init(rawValue:)),
                          part: ReceivablePart(rawValue: row.string("part")) ?? .neto, installment: Int(row.int("installment")),
                          amount: Money(minorUnits: row.int("amount"), currency), settled: Money(minorUnits: row.int("settled"), currency),
                          issueDate: LocalDate(row.string("issue"))!, dueDate: LocalDate(row.string("due"))!,
                          unattended: row.int("unattended") == 1)
    }

    static let columns = ["id", "document", "customer_id", "customer", "unit", "part", "installment", "currency", "amount",
                          "settled", "issue", "due", "unattended"]

    func openPager(_ filter: ReceivablesFilter) throws -> KeysetPager<Receivable> {
        if let refusal { throw refusal }
        pagerCalls += 1
        let (condition, args) = condition(filter)
        return KeysetPager(db: db, from: "test_receivable", where: condition, arguments: args, columns: Self.columns,
                           order: [SortKey("due"), SortKey("id")], decode: Self.decode)
    }

    func all(_ filter: ReceivablesFilter) throws -> [Receivable] {
        let (condition, args) = condition(filter)
        return try db.query("SELECT \(Self.columns.joined(separator: ",")) FROM test_receivable WHERE \(condition) ORDER BY due, id", args)
            .map(Self.decode)
    }

    func aging(_ filter: ReceivablesFilter) throws -> AgingTotals {
        var t = AgingTotals()
        for r in try all(filter) { t.add(r.balance, daysOverdue: r.daysOverdue(on: today)) }
        return t
    }

    func openReceivables(customerId: Int64) throws -> [Receivable] {
        var f = ReceivablesFilter()
        f.customerId = customerId
        return try all(f)
    }

    func bankAccounts() throws -> [BankAccount] { accounts }
    func defaultRate(on day: LocalDate) -> Decimal? { rates[day] ?? rates.filter { $0.key <= day }.max { $0.key < $1.key }?.value }

    func recordPayment(_ input: PaymentInput) throws -> Payment {
        if let refusal { throw refusal }
        var used = Money.zero(input.amount.currency)
        for a in input.applications {
            try db.execute("UPDATE test_receivable SET settled = settled + ? WHERE id = ?", [.int(a.amount.minorUnits), .int(a.receivableId)])
            used += PaymentSuggestion.convert(a.amount, to: input.amount.currency, rate: input.exchangeRate) ?? .zero(input.amount.currency)
        }
        payments.append(input)
        return Payment(id: Int64(payments.count), customerId: input.customerId, date: input.date, method: input.method,
                       bankAccountId: input.bankAccountId, operationNumber: input.operationNumber, amount: input.amount,
                       exchangeRate: input.exchangeRate, applications: input.applications, unapplied: input.amount - used,
                       note: "", createdBy: "test")
    }

    func recordDetraccionDeposit(_ input: SettlementInput) throws {
        if let refusal { throw refusal }
        try db.execute("UPDATE test_receivable SET settled = settled + ? WHERE id = ?", [.int(input.amount.minorUnits), .int(input.receivableId)])
        settlements.append((.detraccion, input))
    }

    func recordRetention(_ input: SettlementInput) throws {
        if let refusal { throw refusal }
        try db.execute("UPDATE test_receivable SET settled = settled + ? WHERE id = ?", [.int(input.amount.minorUnits), .int(input.receivableId)])
        settlements.append((.retencion, input))
    }

    func statement(customerId: Int64, from: LocalDate, to: LocalDate) throws -> AccountStatement {
        let open = try openReceivables(customerId: customerId)
        var balance = Money.zero(.pen)
        var aging: [AgingBucket: Money] = [:]
        let lines = open.filter { $0.currency == .pen }.map { r -> AccountStatement.Line in
            balance += r.balance
            aging[AgingBucket(daysOverdue: r.daysOverdue(on: today)), default: .zero(.pen)] += r.balance
            return AccountStatement.Line(date: r.issueDate, reference: r.documentID, description: "Factura", dueDate: r.dueDate,
                                         charge: r.balance, balance: balance)
        }
        return AccountStatement(customerName: open.first?.customerName ?? "", customerDocNumber: "RUC 20100000001", from: from, to: to,
                                asOf: today, sections: [AccountStatement.Section(currency: .pen, opening: .zero(.pen), lines: lines,
                                                                                 closing: balance, aging: aging)])
    }

    func statementPDF(customerId: Int64, from: LocalDate, to: LocalDate, path: String) throws -> Int {
        try AccountStatementPDF.render(try statement(customerId: customerId, from: from, to: to), company: QuoteSample.company, to: path)
    }

    var folder = NSTemporaryDirectory() + "bytek-cob-\(UUID().uuidString)"
    func documentsFolder() -> String { folder }
    func describe(_ error: Error) -> String { "\(error)" }
}
