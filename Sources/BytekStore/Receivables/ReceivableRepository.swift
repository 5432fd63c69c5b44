import BytekModel
import Foundation

/// The receivables ledger (Cobranzas): open receivables, aging, a customer's receivables, balance and
/// credit, the estado de cuenta, payments (record, apply credit, reverse), detracción deposits, retention
/// receipts and bank accounts. Every write is one IMMEDIATE transaction with its audit entry; anything
/// refused throws `ReceivableError` and leaves nothing written.
public struct ReceivableRepository: Sendable {
    public let db: Database
    /// The login of the actor (audit log, `created_by`).
    public let user: String
    /// The door the actor came through, recorded in the audit log.
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var stamp: String { ISOTimestamp.format(now()) }

    static let columns = [
        "id", "document_id", "document_ref", "document_kind", "customer_id", "customer_name", "customer_doc_number",
        "part", "installment", "currency", "amount_cents", "settled_cents", "exchange_rate", "issue_date", "due_date",
        "unit", "unattended", "cancelled",
    ]
    static let selectColumns = columns.map { "r." + $0 }.joined(separator: ", ")

    @Sendable static func decode(_ row: Row) -> Receivable {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        var r = Receivable(
            id: row.int("id"), documentId: row.int("document_id"), documentID: row.string("document_ref"),
            documentKind: DocumentKind(rawValue: row.string("document_kind")) ?? .factura,
            customerId: row["customer_id"].intValue, customerName: row.string("customer_name"),
            customerDocNumber: row.string("customer_doc_number"), unit: row.optionalString("unit").flatMap(BusinessUnit.init(rawValue:)),
            part: ReceivablePart(rawValue: row.string("part")) ?? .neto, installment: Int(row.int("installment")),
            amount: Money(minorUnits: row.int("amount_cents"), currency), settled: Money(minorUnits: row.int("settled_cents"), currency),
            issueDate: LocalDate(row.string("issue_date")) ?? LocalDate(daysSinceEpoch: 0),
            dueDate: LocalDate(row.string("due_date")) ?? LocalDate(daysSinceEpoch: 0), unattended: row.bool("unattended"))
        r.cancelled = row.bool("cancelled")
        r.exchangeRate = row.optionalString("exchange_rate").flatMap { Decimal(string: $0) }
        return r
    }

    // MARK: reading

    /// The open receivables matching `query`, by due date (oldest first) then id.
    public func pager(_ query: ReceivableQuery) -> KeysetPager<Receivable> {
        let (condition, args) = query.condition()
        return KeysetPager(db: db, from: "receivable r", where: condition, arguments: args,
                           columns: Self.columns.map { "r.\($0) AS \($0)" },
                           order: [SortKey("r.due_date"), SortKey("r.id")], decode: Self.decode)
    }

    /// Open balances per currency and aging bucket on `query.asOf` (the query's other filters apply too):
    /// one SQL aggregate over the open rows' covering index.
    public func agingTotals(_ query: ReceivableQuery) throws -> AgingTotals {
        var q = query
        q.bucket = nil
        let (condition, args) = q.condition()
        let d30 = query.asOf.adding(days: -30).description, d60 = query.asOf.adding(days: -60).description
        let d90 = query.asOf.adding(days: -90).description
        var totals = AgingTotals()
        try db.forEach(
            """
            SELECT r.currency AS currency,
                CASE WHEN r.due_date >= ? THEN 0 WHEN r.due_date >= ? THEN 1 WHEN r.due_date >= ? THEN 2 ELSE 3 END AS bucket,
                sum(r.amount_cents - r.settled_cents) AS open
            FROM receivable r WHERE \(condition) GROUP BY 1, 2
            """, [.text(d30), .text(d60), .text(d90)] + args) { row in
            guard let c = Currency(rawValue: row.string("currency")), let b = AgingBucket(rawValue: Int(row.int("bucket"))) else { return }
            totals.totals[c, default: [:]][b] = Money(minorUnits: row.int("open"), c)
        }
        return totals
    }

    public func receivable(id: Int64) throws -> Receivable? {
        try db.queryOne("SELECT \(Self.selectColumns) FROM receivable r WHERE r.id = ?", [.int(id)]).map(Self.decode)
    }

    /// The receivables of a document ("F001-12"), every part and cuota, cancelled ones included.
    public func receivables(documentID: String) throws -> [Receivable] {
        try db.query("SELECT \(Self.selectColumns) FROM receivable r WHERE r.document_ref = ? ORDER BY r.part, r.installment, r.id",
                     [.text(documentID.uppercased())]).map(Self.decode)
    }

    /// A customer's receivables, by due date: the open ones, or all (settled and cancelled too).
    public func receivables(customerId: Int64, openOnly: Bool = true) throws -> [Receivable] {
        try db.query("""
            SELECT \(Self.selectColumns) FROM receivable r WHERE r.customer_id = ? \(openOnly ? "AND r.is_open = 1" : "")
            ORDER BY r.due_date, r.id
            """, [.int(customerId)]).map(Self.decode)
    }

    /// What a customer owes per currency (open receivables), currencies with nothing open absent.
    public func balance(customerId: Int64) throws -> [Currency: Money] {
        var out: [Currency: Money] = [:]
        try db.forEach("""
            SELECT currency, sum(amount_cents - settled_cents) AS open FROM receivable
            WHERE customer_id = ? AND is_open = 1 GROUP BY currency
            """, [.int(customerId)]) { row in
            if let c = Currency(rawValue: row.string("currency")) { out[c] = Money(minorUnits: row.int("open"), c) }
        }
        return out
    }

    /// The customer's credit (saldo a favor) per currency; currencies without credit absent.
    public func credit(customerId: Int64) throws -> [Currency: Money] {
        var out: [Currency: Money] = [:]
        try db.forEach("SELECT currency, sum(amount_cents) AS total FROM customer_credit WHERE customer_id = ? GROUP BY currency",
                       [.int(customerId)]) { row in
            if let c = Currency(rawValue: row.string("currency")), row.int("total") != 0 {
                out[c] = Money(minorUnits: row.int("total"), c)
            }
        }
        return out
    }

    /// What settled a receivable (undone ones included, marked), oldest first.
    public func applications(receivableId: Int64) throws -> [ReceivableApplication] {
        try db.query("SELECT a.*, r.currency AS currency FROM receivable_application a JOIN receivable r ON r.id = a.receivable_id WHERE a.receivable_id = ? ORDER BY a.id",
                     [.int(receivableId)]).map(Self.application)
    }

    static func application(_ row: Row) -> ReceivableApplication {
        let currency = Currency(rawValue: row.string("currency")) ?? .pen
        let sourceCurrency = Currency(rawValue: row.string("source_currency")) ?? currency
        let source = SettlementSource(rawValue: row.string("source")) ?? .payment
        let sourceId: Int64?
        switch source {
        case .payment: sourceId = row["payment_id"].intValue
        case .creditNote: sourceId = row["credit_note_id"].intValue
        case .customerCredit: sourceId = row["credit_id"].intValue
        case .detraccionDeposit: sourceId = row["deposit_id"].intValue
        case .retentionReceipt: sourceId = row["retention_id"].intValue
        }
        return ReceivableApplication(
            id: row.int("id"), receivableId: row.int("receivable_id"), source: source, sourceId: sourceId,
            date: LocalDate(row.string("date")) ?? LocalDate(daysSinceEpoch: 0),
            amount: Money(minorUnits: row.int("amount_cents"), currency),
            sourceAmount: Money(minorUnits: row.int("source_amount_cents"), sourceCurrency),
            exchangeRate: row.optionalString("exchange_rate").flatMap { Decimal(string: $0) },
            exchangeDifference: row["exchange_difference_cents"].intValue.map { Money(minorUnits: $0, .pen) },
            undone: !row["undone_at"].isNull, undoneReason: row.optionalString("undone_reason"))
    }

    /// The customer of a document number (RUC, DNI…), for the doors that take one.
    public func customerId(docNumber: String) throws -> Int64? {
        try db.scalar("SELECT id FROM customer WHERE doc_number = ? ORDER BY archived, id LIMIT 1", [.text(docNumber)]).intValue
    }
}
