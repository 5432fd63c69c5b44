import BytekModel
import BytekStore
import Foundation

/// Cobranzas in the demo, once its documents are billed: BYTEK's bank accounts, a retention agent customer
/// with its factura, a factura dated three days back and due at once (overdue), and payments so that the
/// receivables are in every state: open, partly paid (a cuota), overdue, detracción pending, settled
/// (hardware factura paid, net of its credit note), a dollar factura half paid in soles (with its exchange
/// difference), an overpayment left as customer credit, and the rejected and voided documents cancelled.
public enum DemoReceivables {
    public struct Summary: Sendable {
        public var payments = 0
        public var open = 0
    }

    /// `issue` issues (and, when SUNAT's emulator runs, sends) one more document of the demo.
    @discardableResult
    public static func seed(store: Store, now: Date, issue: (EDocument) throws -> EDocumentRecord) throws -> Summary {
        let db = store.db
        let clock: @Sendable () -> Date = { now }
        let today = LimaTime.date(now)
        let ledger = ReceivableRepository(db: db, user: "finanzas", now: clock)
        let bcp = try ledger.addBankAccount(bank: "BCP", number: "193-2456789-0-31", currency: .pen)
        let bcpUSD = try ledger.addBankAccount(bank: "BCP", number: "193-2456790-1-52", currency: .usd)
        _ = try ledger.addBankAccount(bank: "Interbank", number: "200-3001234567", currency: .pen)
        _ = try ledger.addBankAccount(bank: "Banco de la Nación", number: DemoBilling.detraccionAccount, currency: .pen, isDetraccion: true)

        // Two companies the billing plan left alone: a retention agent, and one paying cash (0 credit days).
        let customers = CustomerRepository(db: db, user: "ventas", now: clock)
        let invoiced = Set(try db.query("SELECT DISTINCT customer_doc_number FROM e_document").map { $0.string("customer_doc_number") })
        let free = try customers.pager(CustomerQuery()).first(200).map(\.item).filter { $0.docType == .ruc && !invoiced.contains($0.docNumber) }
        let series = try Series("F002", for: .factura)
        func factura(_ c: Customer, _ lines: [EDocumentLine], daysBack: Int = 0) -> EDocument {
            EDocument(kind: .factura, series: series, number: 1, issuedAt: now.addingTimeInterval(Double(-daysBack) * 86_400),
                      issuer: DemoBilling.issuer,
                      customer: DocumentCustomer(documentType: .ruc, number: c.docNumber, name: c.legalName,
                                                 address: c.address.isEmpty ? nil : c.address),
                      lines: lines)
        }
        func service(_ d: String, _ q: Decimal, _ p: Decimal) -> EDocumentLine {
            EDocumentLine(description: d, quantity: q, unit: .service, unitPrice: p, itemKind: .service)
        }
        // Dated three days back and due at issue: overdue today.
        if let cash = free.first(where: { $0.creditDays == 0 }) {
            _ = try issue(factura(cash, [service("Instalación de punto de acceso Wi-Fi", 2, 180)], daysBack: 3))
        }
        if var agent = free.first(where: { $0.creditDays > 0 }) {
            agent.retentionAgent = true
            agent = try customers.update(agent)
            let r = try issue(factura(agent, [service("Implementación de central telefónica IP", 1, 2_400)]))
            // The agent pays the 97 % (neto) and its comprobante de retención is still to come.
            if let neto = try ledger.receivables(documentID: r.documentID).first(where: { $0.part == .neto && $0.isOpen }) {
                try ledger.recordPayment(PaymentInput(
                    customerId: agent.id ?? 0, date: today, method: .transferencia, bankAccountId: bcp.id, operationNumber: "0457821",
                    amount: neto.balance, applications: [PaymentApplication(receivableId: neto.id, amount: neto.balance)]))
            }
        }

        var summary = Summary()
        func open(_ documentID: String) throws -> [Receivable] {
            try ledger.receivables(documentID: documentID).filter { $0.part == .neto && $0.isOpen }
        }
        func pay(_ r: Receivable, _ amount: Money, operation: String, account: BankAccount, extra: Money? = nil,
                 rate: Decimal? = nil, applied: Money? = nil) throws {
            guard let customerId = r.customerId else { return }
            try ledger.recordPayment(PaymentInput(
                customerId: customerId, date: today, method: .transferencia, bankAccountId: account.id, operationNumber: operation,
                amount: amount + (extra ?? .zero(amount.currency)), exchangeRate: rate,
                applications: [PaymentApplication(receivableId: r.id, amount: applied ?? amount)]))
            summary.payments += 1
        }
        // The hardware factura (net of its credit note): settled.
        if let r = try open("F001-1").first { try pay(r, r.balance, operation: "0456001", account: bcp) }
        // The development factura: half of cuota 1 paid; cuota 2 and the detracción still open.
        if let r = try open("F001-2").first {
            try pay(r, Money(minorUnits: r.balance.minorUnits / 2, .pen), operation: "0456002", account: bcp)
        }
        // The dollar factura: half paid in soles at the day's venta rate.
        if let r = try open("F001-3").first, let rate = try ExchangeRateRepository(db: db, user: "finanzas").latest(onOrBefore: today)?.sell {
            let half = Money(minorUnits: r.balance.minorUnits / 2, .usd)
            try pay(r, Money(half.amount * rate, .pen).rounded(), operation: "0456003", account: bcp, rate: rate, applied: half)
        }
        // The boleta over S/ 700 paid with S/ 50.00 more: customer credit.
        if let r = try open("B001-2").first {
            try pay(r, r.balance, operation: "0456004", account: bcp, extra: Money(50, .pen))
        }
        _ = bcpUSD
        summary.open = try ledger.pager(ReceivableQuery(asOf: today)).count()
        return summary
    }
}
