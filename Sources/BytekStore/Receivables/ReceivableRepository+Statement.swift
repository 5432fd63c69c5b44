import BytekModel
import Foundation

extension ReceivableRepository {
    /// The customer's estado de cuenta from `from` to `to`: per currency, the opening balance, every charge
    /// (a document's receivables in that currency, cancelled ones left out) and every credit (what each
    /// payment, credit note, customer credit, deposit or retention receipt settled, undone ones left out)
    /// in date order with the running balance; the aging of what is open on `asOf`; the customer's credit.
    public func statement(customerId: Int64, from: LocalDate, to: LocalDate, asOf: LocalDate) throws -> AccountStatement? {
        guard let c = try db.queryOne("SELECT legal_name, doc_number FROM customer WHERE id = ?", [.int(customerId)]) else {
            return nil
        }
        struct Entry { var date: LocalDate; var order: Int; var line: AccountStatement.Line; var signed: Int64 }
        var entries: [Currency: [Entry]] = [:]
        try db.forEach(
            """
            SELECT document_id, document_ref, document_kind, currency, issue_date, min(due_date) AS due, sum(amount_cents) AS total,
                group_concat(DISTINCT part) AS parts
            FROM receivable WHERE customer_id = ? AND cancelled = 0 AND issue_date <= ?
            GROUP BY document_id, currency ORDER BY issue_date, document_id
            """, [.int(customerId), .text(to.description)]) { row in
            guard let currency = Currency(rawValue: row.string("currency")) else { return }
            let kind = DocumentKind(rawValue: row.string("document_kind")) ?? .factura
            let parts = row.string("parts")
            let description = parts == "detraccion" ? "Detracción" : kind.displayName
            let amount = Money(minorUnits: row.int("total"), currency)
            let date = LocalDate(row.string("issue_date")) ?? from
            entries[currency, default: []].append(Entry(
                date: date, order: 0,
                line: .init(date: date, reference: row.string("document_ref"), description: description,
                            dueDate: LocalDate(row.string("due")), charge: amount, balance: amount),
                signed: amount.minorUnits))
        }
        try db.forEach(
            """
            SELECT a.source, a.date, r.currency, sum(a.amount_cents) AS total, a.payment_id, a.credit_note_id, a.deposit_id,
                a.retention_id, min(a.id) AS first, n.series || '-' || n.number AS note_ref, d.constancia, t.number AS retention_number,
                p.method
            FROM receivable_application a JOIN receivable r ON r.id = a.receivable_id
            LEFT JOIN e_document n ON n.id = a.credit_note_id
            LEFT JOIN detraccion_deposit d ON d.id = a.deposit_id
            LEFT JOIN retention_receipt t ON t.id = a.retention_id
            LEFT JOIN payment p ON p.id = a.payment_id
            WHERE r.customer_id = ? AND r.cancelled = 0 AND a.undone_at IS NULL AND a.date <= ?
            GROUP BY a.source, a.date, r.currency, a.payment_id, a.credit_note_id, a.deposit_id, a.retention_id
            ORDER BY a.date, first
            """, [.int(customerId), .text(to.description)]) { row in
            guard let currency = Currency(rawValue: row.string("currency")),
                  let source = SettlementSource(rawValue: row.string("source")) else { return }
            let reference: String
            var description = source.displayName
            switch source {
            case .payment:
                reference = "Pago " + String(format: "%06lld", row.int("payment_id"))
                if let m = PaymentMethod(rawValue: row.string("method")) { description = "Pago (\(m.displayName.lowercased()))" }
            case .creditNote: reference = row.string("note_ref")
            case .customerCredit: reference = "Saldo a favor"
            case .detraccionDeposit: reference = "Const. " + row.string("constancia")
            case .retentionReceipt: reference = row.string("retention_number")
            }
            let amount = Money(minorUnits: row.int("total"), currency)
            let date = LocalDate(row.string("date")) ?? from
            entries[currency, default: []].append(Entry(
                date: date, order: 1, line: .init(date: date, reference: reference, description: description, credit: amount, balance: amount),
                signed: -amount.minorUnits))
        }
        var open: [Currency: [AgingBucket: Money]] = [:]
        for r in try receivables(customerId: customerId) {
            open[r.currency, default: [:]][AgingBucket(daysOverdue: r.daysOverdue(on: asOf)), default: .zero(r.currency)] += r.balance
        }
        var sections: [AccountStatement.Section] = []
        for currency in Currency.allCases {
            guard let list = entries[currency] else { continue }
            let sorted = list.enumerated().sorted { ($0.element.date, $0.element.order, $0.offset) < ($1.element.date, $1.element.order, $1.offset) }
                .map(\.element)
            var balance: Int64 = 0
            var opening: Int64 = 0
            var lines: [AccountStatement.Line] = []
            for e in sorted {
                balance += e.signed
                if e.date < from { opening = balance; continue }
                var line = e.line
                line.balance = Money(minorUnits: balance, currency)
                lines.append(line)
            }
            sections.append(.init(currency: currency, opening: Money(minorUnits: opening, currency), lines: lines,
                                  closing: Money(minorUnits: balance, currency), aging: open[currency] ?? [:]))
        }
        let credits = try credit(customerId: customerId).values.sorted { $0.currency.rawValue > $1.currency.rawValue }
        return AccountStatement(customerName: c.string("legal_name"), customerDocNumber: c.string("doc_number"), from: from, to: to,
                                asOf: asOf, sections: sections, credits: credits)
    }
}
