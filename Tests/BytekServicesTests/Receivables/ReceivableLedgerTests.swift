import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The receivables ledger driven by real issued documents, with every expected figure computed by hand.
@Suite struct ReceivableLedgerTests {
    typealias F = LedgerFixture

    /// PEN factura on credit with detracción, a credit note, a debit note, a partial payment and the deposit.
    @Test func cuotasNotesPartialPaymentAndDetraccionInSoles() throws {
        let f = try F()
        // 10,000.00 + IGV 18 % 1,800.00 = 11,800.00; detracción 12 % = 1,416.00; neto = 11,800.00 − 1,416.00 = 10,384.00
        // in two cuotas of 5,192.00 (due 18/12 and 17/01).
        let cuotas = PaymentForm.credito([Installment(amount: 5_192, dueDate: LocalDate("2026-12-18")!),
                                          Installment(amount: 5_192, dueDate: LocalDate("2027-01-17")!)])
        let invoice = try f.issue(try F.factura(price: 10_000, paymentForm: cuotas, detraccion: true))
        let rs = try f.receivables(invoice.documentID)
        #expect(rs.map(\.part) == [.detraccion, .neto, .neto])
        #expect(try f.balance(invoice.documentID, .neto, installment: 1) == F.pen("5192.00"))
        #expect(try f.balance(invoice.documentID, .neto, installment: 2) == F.pen("5192.00"))
        #expect(try f.balance(invoice.documentID, .detraccion) == F.pen("1416.00"))
        #expect(rs.first { $0.installment == 2 }?.dueDate == LocalDate("2027-01-17"))
        #expect(rs.allSatisfy { $0.customerId == f.customer && !$0.unattended })

        // Credit note: 1,000.00 + 180.00 = 1,180.00 settles the latest cuota first: 5,192.00 − 1,180.00 = 4,012.00.
        try f.issue(try F.note(.notaCredito, on: invoice, price: 1_000))
        #expect(try f.balance(invoice.documentID, .neto, installment: 2) == F.pen("4012.00"))
        #expect(try f.balance(invoice.documentID, .neto, installment: 1) == F.pen("5192.00"))
        // Debit note: 200.00 + 36.00 = 236.00, its own receivable due at issue (0 credit days).
        let debit = try f.issue(try F.note(.notaDebito, on: invoice, price: 200))
        #expect(try f.balance(debit.documentID) == F.pen("236.00"))
        #expect(try f.receivables(debit.documentID).first?.dueDate == F.today)

        // A partial payment of 3,000.00 on cuota 1: 5,192.00 − 3,000.00 = 2,192.00.
        let payment = try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN, operationNumber: "OP-1001",
            amount: F.pen("3000.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID, installment: 1), amount: F.pen("3000.00"))]))
        #expect(payment.unapplied == F.pen("0.00"))
        #expect(try f.balance(invoice.documentID, .neto, installment: 1) == F.pen("2192.00"))

        // The detracción only by its deposit: 1,416.00 − 1,416.00 = 0.
        #expect(throws: ReceivableError.wrongPartForPayment(document: invoice.documentID, part: .detraccion)) {
            try f.fina.receivables.recordPayment(PaymentInput(
                customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN, operationNumber: "OP-1002",
                amount: F.pen("10.00"),
                applications: [PaymentApplication(receivableId: try f.id(invoice.documentID, .detraccion), amount: F.pen("10.00"))]))
        }
        try f.fina.receivables.recordDetraccionDeposit(documentID: invoice.documentID, constancia: "12345678",
                                                        date: F.today, amount: F.pen("1416.00"))
        #expect(try f.balance(invoice.documentID, .detraccion) == F.pen("0.00"))

        // What the customer owes: 2,192.00 + 4,012.00 + 236.00 = 6,440.00.
        #expect(try f.fina.receivables.balance(customerId: f.customer) == [.pen: F.pen("6440.00")])
        let aging = try f.fina.receivables.agingTotals(ReceivableQuery(asOf: F.today))
        #expect(aging.total(.pen) == F.pen("6440.00"))
    }
}
