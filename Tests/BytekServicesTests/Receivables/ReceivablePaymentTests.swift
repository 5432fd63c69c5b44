import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Payments as finanzas records them: cross-currency with the exchange difference, retention, overpayment
/// into credit and its later use, reversal, the same bank operation twice, a voided document.
@Suite struct ReceivablePaymentTests {
    typealias F = LedgerFixture

    /// USD factura of a retention agent paid in soles, then the rest in dollars with an overpayment that
    /// becomes credit, applied later to a debit note; then the soles payment is reversed.
    @Test func dollarsRetentionOverpaymentCreditAndReversal() throws {
        let f = try F()
        // US$ 1,000.00 + IGV 180.00 = 1,180.00 at 3.750 → S/ 4,425.00 > 700: retención 3 % = 35.40;
        // neto = 1,180.00 − 35.40 = 1,144.60, due 18/11 + 15 credit days = 03/12.
        let invoice = try f.issue(try F.factura(F.agentRUC, price: 1_000, currency: .usd, rate: Decimal(string: "3.75")))
        let rs = try f.receivables(invoice.documentID)
        #expect(rs.map(\.part) == [.neto, .retencion])
        #expect(try f.balance(invoice.documentID) == F.usd("1144.60"))
        #expect(try f.balance(invoice.documentID, .retencion) == F.usd("35.40"))
        #expect(rs.first?.dueDate == LocalDate("2026-12-03"))
        #expect(rs.first?.exchangeRate == Decimal(string: "3.75"))

        // S/ 3,800.00 at 3.800 applied as US$ 1,000.00 (1,000.00 × 3.800 = 3,800.00 soles);
        // exchange difference 1,000.00 × (3.800 − 3.750) = S/ 50.00 (a gain). Neto left: 144.60.
        let soles = try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.agent, date: LocalDate("2026-11-25")!, method: .transferencia, bankAccountId: f.bcpPEN,
            operationNumber: "778899", amount: F.pen("3800.00"), exchangeRate: Decimal(string: "3.8"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.usd("1000.00"))]))
        #expect(soles.unapplied == F.pen("0.00"))
        #expect(try f.balance(invoice.documentID) == F.usd("144.60"))
        let app = try #require(try f.fina.receivables.applications(receivableId: try f.id(invoice.documentID)).first)
        #expect(app.sourceAmount == F.pen("3800.00"))
        #expect(app.exchangeDifference == F.pen("50.00"))

        // The comprobante de retención settles the 35.40.
        try f.fina.receivables.recordRetentionReceipt(documentID: invoice.documentID, number: "R001-5",
                                                      date: LocalDate("2026-11-25")!, amount: F.usd("35.40"))
        #expect(try f.balance(invoice.documentID, .retencion) == F.usd("0.00"))
        #expect(throws: ReceivableError.duplicateRetention("R001-5")) {
            try f.fina.receivables.recordRetentionReceipt(documentID: invoice.documentID, number: "r001-5",
                                                          date: LocalDate("2026-11-25")!, amount: F.usd("1.00"))
        }

        // US$ 200.00 applied 144.60: the rest 200.00 − 144.60 = 55.40 is credit.
        let dollars = try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.agent, date: LocalDate("2026-11-26")!, method: .deposito, bankAccountId: f.bcpUSD,
            operationNumber: "D-1", amount: F.usd("200.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.usd("144.60"))]))
        #expect(dollars.unapplied == F.usd("55.40"))
        #expect(try f.balance(invoice.documentID) == F.usd("0.00"))
        #expect(try f.fina.receivables.credit(customerId: f.agent) == [.usd: F.usd("55.40")])

        // A debit note of US$ 50.00 + 9.00 = 59.00; the credit 55.40 applied leaves 59.00 − 55.40 = 3.60.
        let debit = try f.issue(try F.note(.notaDebito, on: invoice, price: 50, ruc: F.agentRUC, currency: .usd))
        #expect(try f.balance(debit.documentID) == F.usd("59.00"))
        #expect(throws: ReceivableError.creditInsufficient(available: F.usd("55.40"), requested: F.usd("59.00"))) {
            try f.fina.receivables.applyCredit(customerId: f.agent, date: LocalDate("2026-11-27")!,
                                               applications: [PaymentApplication(receivableId: try f.id(debit.documentID), amount: F.usd("59.00"))])
        }
        try f.fina.receivables.applyCredit(customerId: f.agent, date: LocalDate("2026-11-27")!,
                                           applications: [PaymentApplication(receivableId: try f.id(debit.documentID), amount: F.usd("55.40"))])
        #expect(try f.balance(debit.documentID) == F.usd("3.60"))
        #expect(try f.fina.receivables.credit(customerId: f.agent).isEmpty)

        // The dollar payment cannot be reversed: the credit it left was used.
        #expect(throws: ReceivableError.creditAlreadyUsed(paymentId: dollars.id, available: F.usd("0.00"), needed: F.usd("55.40"))) {
            try f.fina.receivables.reversePayment(id: dollars.id, reason: "prueba")
        }
        // Reversing the soles payment restores the 1,000.00: the neto owes 0.00 + 1,000.00 = 1,000.00 again.
        let reversed = try f.fina.receivables.reversePayment(id: soles.id, reason: "Depósito de otro cliente")
        #expect(reversed.isReversed && reversed.reversalReason == "Depósito de otro cliente")
        #expect(try f.balance(invoice.documentID) == F.usd("1000.00"))
        #expect(throws: ReceivableError.alreadyReversed(soles.id)) { try f.fina.receivables.reversePayment(id: soles.id, reason: "otra vez") }
        // Audited with the door.
        let entries = try f.store.db.query("SELECT action, door FROM audit_log WHERE entity = 'payment' AND entity_id = ? ORDER BY id",
                                           [.int(soles.id)])
        #expect(entries.map { $0.string("action") } == ["create", "update"])
        #expect(entries.allSatisfy { $0.string("door") == "cli" })
        // Balance of the customer: 1,000.00 + 3.60 = 1,003.60 dollars; nothing in soles.
        #expect(try f.fina.receivables.balance(customerId: f.agent) == [.usd: F.usd("1003.60")])
        // The operation of a reversed payment may be entered again (corrected).
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.agent, date: LocalDate("2026-11-25")!, method: .transferencia, bankAccountId: f.bcpPEN,
            operationNumber: "778899", amount: F.pen("38.00"), exchangeRate: Decimal(string: "3.8")))
    }

    @Test func theSameBankOperationIsRefusedAndNothingIsWritten() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 100))
        let input = PaymentInput(customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN,
                                 operationNumber: "OP-7", amount: F.pen("50.00"),
                                 applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("50.00"))])
        let first = try f.fina.receivables.recordPayment(input)
        let audits = try f.store.db.scalar("SELECT count(*) FROM audit_log").intValue
        #expect(throws: ReceivableError.duplicateOperation(account: "BCP 193-1234567-0-12 (PEN)", operation: "OP-7", paymentId: first.id)) {
            try f.fina.receivables.recordPayment(input)
        }
        #expect(try f.store.db.scalar("SELECT count(*) FROM payment").intValue == 1)
        #expect(try f.store.db.scalar("SELECT count(*) FROM audit_log").intValue == audits)
        #expect(try f.balance(invoice.documentID) == F.pen("68.00"))  // 118.00 − 50.00
        // The same number on another account is another operation.
        var other = input
        other.bankAccountId = f.bcpUSD
        other.amount = F.usd("5.00")
        other.applications = []
        try f.fina.receivables.recordPayment(other)
    }

    /// Two connections (two users' processes) record the same operation at once: exactly one wins.
    @Test func twoConnectionsRecordingTheSameOperationOneWins() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 1_000))
        let receivable = try f.id(invoice.documentID)
        let results = ResultBag()
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            do {
                let store = try Store(path: f.path)
                let s = Services(store: store, actor: .staff("fina\(i)", role: .finanzas, door: .tui), now: F.now, environment: { [:] })
                try s.receivables.recordPayment(PaymentInput(
                    customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN,
                    operationNumber: "CONC-1", amount: F.pen("500.00"),
                    applications: [PaymentApplication(receivableId: receivable, amount: F.pen("500.00"))]))
                results.add(nil)
            } catch { results.add(error) }
        }
        #expect(results.successes == 1)
        #expect(results.errors.allSatisfy { if case ReceivableError.duplicateOperation = $0 { return true } else { return false } })
        #expect(try f.balance(invoice.documentID) == F.pen("680.00"))  // 1,180.00 − 500.00
    }

    /// A rejected document cancels its receivables; what its payment applied returns as credit.
    @Test func aRejectedDocumentCancelsAndItsPaymentBecomesCredit() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 500))  // 590.00
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "",
            amount: F.pen("300.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("200.00"))]))
        #expect(try f.fina.receivables.credit(customerId: f.customer) == [.pen: F.pen("100.00")])
        try EDocumentRepository(db: f.store.db, user: "worker", now: F.now)
            .recordAnswer(id: invoice.id, status: .rechazado, cdrZip: nil, responseCode: "2017", description: "rechazado",
                          observations: [])
        let rs = try f.receivables(invoice.documentID)
        #expect(rs.allSatisfy { $0.cancelled && !$0.isOpen })
        #expect(try f.fina.receivables.balance(customerId: f.customer).isEmpty)
        // 100.00 left over + 200.00 that was applied = 300.00 of credit.
        #expect(try f.fina.receivables.credit(customerId: f.customer) == [.pen: F.pen("300.00")])
        #expect(try f.fina.receivables.pager(ReceivableQuery(asOf: F.today)).count() == 0)
        #expect(try f.fina.receivables.agingTotals(ReceivableQuery(asOf: F.today)).totals.isEmpty)
        #expect(throws: ReceivableError.receivableCancelled(invoice.documentID)) {
            try f.fina.receivables.recordPayment(PaymentInput(
                customerId: f.customer, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "", amount: F.pen("1.00"),
                applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("1.00"))]))
        }
    }

    /// Limits: an application above the balance or the payment, amounts of 20 digits, 3 decimals.
    @Test func amountsAtAndBeyondTheirLimits() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 100))  // 118.00
        let r = try f.id(invoice.documentID)
        func pay(_ amount: Money, apply: Money?) throws {
            try f.fina.receivables.recordPayment(PaymentInput(
                customerId: f.customer, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "", amount: amount,
                applications: apply.map { [PaymentApplication(receivableId: r, amount: $0)] } ?? []))
        }
        #expect(throws: ReceivableError.applicationAboveBalance(document: invoice.documentID, balance: F.pen("118.00"), requested: F.pen("118.01"))) {
            try pay(F.pen("200.00"), apply: F.pen("118.01"))
        }
        #expect(throws: ReceivableError.applicationsAbovePayment(payment: F.pen("100.00"), applied: F.pen("118.00"))) {
            try pay(F.pen("100.00"), apply: F.pen("118.00"))
        }
        #expect(throws: ReceivableError.amountNotPositive(field: "importe del pago")) { try pay(F.pen("0"), apply: nil) }
        #expect(throws: ReceivableError.self) { try pay(F.pen("1.005"), apply: nil) }
        // Twenty digits typed: refused with the field's name, never stored as 0.00.
        do {
            _ = try ReceivableService.amount("12345678901234567890", currency: .pen, field: "importe del pago")
            Issue.record("20 digits accepted")
        } catch let e as ReceivableError {
            #expect(e.message == "El importe del pago no es válido: supera el máximo permitido.")
        }
        #expect(throws: ReceivableError.amountTooLarge(field: "importe del pago")) {
            try pay(Money(Decimal(string: "12345678901234567890")!, .pen), apply: nil)
        }
        #expect(try f.store.db.scalar("SELECT count(*) FROM payment").intValue == 0)
        #expect(try f.balance(invoice.documentID) == F.pen("118.00"))
    }

    /// Issued by the worker: unattended; a quote's unit; a contado document with credit days.
    @Test func unattendedUnitAndCreditDays() throws {
        let f = try F(creditDays: 30)
        let r = try f.issue(try F.factura(price: 100), user: "worker")
        let rs = try f.receivables(r.documentID)
        #expect(rs.count == 1 && rs[0].unattended && rs[0].dueDate == LocalDate("2026-12-18"))
        #expect(try f.fina.receivables.pager(ReceivableQuery(unattendedOnly: true, asOf: F.today)).count() == 1)
    }

    /// A contact reads only its own customer's statement.
    @Test func aContactReadsOnlyItsCustomersStatement() throws {
        let f = try F()
        try f.issue(try F.factura(price: 100))
        let contact = Services(store: f.store, actor: Actor(.contact(accountId: 1, customerId: f.customer, email: "a@a.pe"), door: .web),
                               now: F.now, environment: { [:] })
        let s = try contact.receivables.statement(customerId: f.customer, from: F.today.adding(days: -30), to: F.today)
        #expect(s.sections.first?.closing == F.pen("118.00"))
        #expect(throws: ServiceError.notFound) {
            try contact.receivables.statement(customerId: f.agent, from: F.today.adding(days: -30), to: F.today)
        }
        #expect(throws: ServiceError.self) { try contact.receivables.pager(ReceivableQuery(asOf: F.today)) }
    }
}

/// Outcomes collected from concurrent threads.
final class ResultBag: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Error?] = []
    func add(_ e: Error?) { lock.lock(); list.append(e); lock.unlock() }
    var successes: Int { lock.lock(); defer { lock.unlock() }; return list.filter { $0 == nil }.count }
    var errors: [Error] { lock.lock(); defer { lock.unlock() }; return list.compactMap { $0 } }
}
