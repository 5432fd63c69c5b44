import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Credit notes (07) issued for real against a project's factura lower what it invoiced, each at its own
/// exchange rate, and the part of a receivable a credit note settled is never counted as collected.
@Suite struct ProfitabilityCreditNoteTests {
    typealias F = LedgerFixture

    /// A milestone project (made by SQL: projects are another part's) whose milestone was invoiced by `invoice`.
    static func project(_ f: F, code: String, currency: String, invoice: EDocumentRecord) throws -> Int64 {
        let id = try ProfitabilitySeed.project(f.store.db, code: code, kind: "hitos", customer: f.customer, currency: currency,
                                               soldCents: 1_000_000, rate: nil)
        try f.store.db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
            VALUES (?, 1, 'Entrega', '100', 1000000, '2026-11-01', 'facturado', ?)
            """, [.int(id), .int(invoice.id)])
        return id
    }

    /// A transfer of `amount` soles applied to the document's net receivable.
    static func pay(_ f: F, _ document: EDocumentRecord, _ amount: String, operation: String) throws {
        _ = try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN, operationNumber: operation,
            amount: F.pen(amount), applications: [PaymentApplication(receivableId: try f.id(document.documentID), amount: F.pen(amount))]))
    }

    @Test func aPartialCreditNoteLowersInvoicedAndIsNotCollected() throws {
        let f = try F()
        // Factura S/ 10,000 + IGV 1,800 = 11,800; credit note S/ 2,500 + 450 = 2,950 settles that much of it.
        let invoice = try f.issue(try F.factura(price: 10_000))
        let project = try Self.project(f, code: "PRY-2026-00001", currency: "PEN", invoice: invoice)
        try f.issue(try F.note(.notaCredito, on: invoice, price: 2_500))
        #expect(try f.balance(invoice.documentID) == F.pen("8850.00"))
        var figures = try #require(try f.fina.profitability.project(project).figures)
        #expect(figures.invoicedCents == 750_000, "10,000.00 − 2,500.00")
        #expect(figures.collectedCents == 0, "the credit note settled 2,950.00 but nothing was paid")

        // The customer pays the 8,850.00 left: collected = 10,000 × 8,850 ÷ 11,800 = 7,500.00, all of the invoiced.
        try Self.pay(f, invoice, "8850.00", operation: "OP-77")
        figures = try #require(try f.fina.profitability.project(project).figures)
        #expect(figures.invoicedCents == 750_000)
        #expect(figures.collectedCents == 750_000)

        // The CSV's facturado and cobrado columns.
        let csv = String(decoding: try f.fina.profitability.csv(), as: UTF8.self)
        let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("PRY-2026-00001,") })
        #expect(row.contains(",PEN,10000.00,7500.00,7500.00,"), "\(row)")

        // A rejected credit note counts no more.
        try f.store.db.execute("UPDATE e_document SET status = 'rechazado' WHERE kind = '07'")
        #expect(try f.fina.profitability.project(project).figures?.invoicedCents == 1_000_000)
    }

    @Test func dollarCreditNotesOfASolesProjectUseTheirOwnRate() throws {
        let f = try F()
        // Factura US$ 1,000 at 3.800 = S/ 3,800.00; credit note US$ 200 at 3.750 = S/ 750.00 (not 760.00).
        let invoice = try f.issue(try F.factura(price: 1_000, currency: .usd, rate: Decimal(string: "3.800")))
        let pen = try Self.project(f, code: "PRY-2026-00001", currency: "PEN", invoice: invoice)
        var note = try F.note(.notaCredito, on: invoice, price: 200, currency: .usd)
        note.exchangeRate = Decimal(string: "3.750")
        try f.issue(note)
        let figures = try #require(try f.fina.profitability.project(pen).figures)
        #expect(figures.invoicedCents == 380_000 - 75_000)
        #expect(figures.collectedCents == 0)

        // The same documents on a dollar project: US$ 1,000 − 200 = US$ 800.
        let usd = try ProfitabilitySeed.project(f.store.db, code: "PRY-2026-00002", kind: "hitos", customer: f.customer,
                                                currency: "USD", soldCents: 100_000, rate: "3.700")
        try f.store.db.execute("UPDATE project_milestone SET project_id = ? WHERE project_id = ?", [.int(usd), .int(pen)])
        #expect(try f.fina.profitability.project(usd).figures?.invoicedCents == 80_000)
        let csv = String(decoding: try f.fina.profitability.csv(), as: UTF8.self)
        let row = try #require(csv.split(separator: "\r\n").first { $0.hasPrefix("PRY-2026-00002,") })
        #expect(row.contains(",USD,1000.00,800.00,0.00,"), "\(row)")
    }

    /// A debit note (08) on the project's factura adds to what it invoiced, and its own receivable is collected
    /// when paid; rejected, it counts no more.
    @Test func aDebitNoteAddsToInvoicedAndIsCollectedWhenPaid() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 10_000))
        let project = try Self.project(f, code: "PRY-2026-00001", currency: "PEN", invoice: invoice)
        let debit = try f.issue(try F.note(.notaDebito, on: invoice, price: 500))
        var figures = try #require(try f.fina.profitability.project(project).figures)
        #expect(figures.invoicedCents == 1_050_000, "10,000.00 + 500.00")
        #expect(figures.collectedCents == 0)

        try Self.pay(f, debit, "590.00", operation: "OP-78")
        figures = try #require(try f.fina.profitability.project(project).figures)
        #expect(figures.invoicedCents == 1_050_000)
        #expect(figures.collectedCents == 50_000, "the debit note's 590.00 paid: its base 500.00")

        // A rejected debit note counts no more.
        try f.store.db.execute("UPDATE e_document SET status = 'rechazado' WHERE kind = '08'")
        #expect(try f.fina.profitability.project(project).figures?.invoicedCents == 1_000_000)
    }
}
