import BytekModel
import BytekSUNAT
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Credit notes beyond what is open, a rejected credit note, a baja accepted by SUNAT, and the estado de
/// cuenta, each with hand-computed figures.
@Suite struct ReceivableNotesAndVoidTests {
    typealias F = LedgerFixture

    @Test func aCreditNoteBeyondWhatIsOpenLeavesCreditAndItsRejectionUndoesIt() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 1_000))  // 1,180.00
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "", amount: F.pen("1000.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("1000.00"))]))
        // Open 1,180.00 − 1,000.00 = 180.00; a credit note of 500.00 + 90.00 = 590.00 settles 180.00 and
        // leaves 590.00 − 180.00 = 410.00 of credit.
        let note = try f.issue(try F.note(.notaCredito, on: invoice, price: 500))
        #expect(try f.balance(invoice.documentID) == F.pen("0.00"))
        #expect(try f.fina.receivables.credit(customerId: f.customer) == [.pen: F.pen("410.00")])
        // SUNAT rejects the note: the factura owes its 180.00 again and the 410.00 of credit is taken back.
        try EDocumentRepository(db: f.store.db, user: "worker", now: F.now)
            .recordAnswer(id: note.id, status: .rechazado, cdrZip: nil, responseCode: "2116", description: "rechazado", observations: [])
        #expect(try f.balance(invoice.documentID) == F.pen("180.00"))
        #expect(try f.fina.receivables.credit(customerId: f.customer).isEmpty)
        // Answered twice (the worker retrying): nothing changes.
        try EDocumentRepository(db: f.store.db, user: "worker", now: F.now)
            .recordAnswer(id: note.id, status: .rechazado, cdrZip: nil, responseCode: "2116", description: "rechazado", observations: [])
        #expect(try f.balance(invoice.documentID) == F.pen("180.00"))
    }

    @Test func aBajaAcceptedBySunatCancelsTheFacturaAndReturnsItsPaymentAsCredit() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 200))  // 236.00
        let docs = EDocumentRepository(db: f.store.db, user: "worker", now: F.now)
        try docs.recordAnswer(id: invoice.id, status: .aceptado, cdrZip: nil, responseCode: "0", description: "ok", observations: [])
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .transferencia, bankAccountId: f.bcpPEN, operationNumber: "B-1",
            amount: F.pen("236.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("236.00"))]))
        let batches = EBatchRepository(db: f.store.db, user: "worker", clock: { Int64(F.now().timeIntervalSince1970 * 1000) })
        let batch = try batches.store(PreparedBatch(kind: .baja, identifier: "RA-20261118-1", issueDate: "2026-11-18", sequence: 1,
                                                    referenceDate: "2026-11-18", issuerRUC: F.issuer.ruc,
                                                    fileName: "\(F.issuer.ruc)-RA-20261118-1", signedXML: [0x3c], zip: Data([0x50]),
                                                    digestValue: "d"),
                                      lines: [EBatchLine(documentID: invoice.id, line: 1, lineStatus: "3", voidReason: "Error")])
        try batches.recordAccepted(id: batch.id, cdrZip: nil, responseCode: "0", description: "aceptada")
        #expect(try docs.record(id: invoice.id)?.status == .anulado)
        #expect(try f.receivables(invoice.documentID).allSatisfy(\.cancelled))
        #expect(try f.fina.receivables.credit(customerId: f.customer) == [.pen: F.pen("236.00")])
        let audit = try f.store.db.scalar("SELECT summary FROM audit_log WHERE entity = 'receivable' ORDER BY id DESC LIMIT 1").stringValue
        #expect(audit == "Cuentas por cobrar de \(invoice.documentID) anulado: canceladas")
    }

    /// Estado de cuenta: factura 1,180.00 and debit note 118.00 charged, payment 500.00 and credit note 236.00
    /// credited: 1,180.00 + 118.00 − 236.00 − 500.00 = 562.00.
    @Test func theStatementRunsTheBalanceInDateOrder() throws {
        let f = try F()
        let invoice = try f.issue(try F.factura(price: 1_000))
        try f.issue(try F.note(.notaDebito, on: invoice, price: 100))
        try f.issue(try F.note(.notaCredito, on: invoice, price: 200))
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: LocalDate("2026-11-20")!, method: .efectivo, bankAccountId: nil, operationNumber: "",
            amount: F.pen("500.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID), amount: F.pen("500.00"))]))
        let s = try f.fina.receivables.statement(customerId: f.customer, from: LocalDate("2026-11-01")!, to: LocalDate("2026-11-30")!)
        let pen = try #require(s.sections.first)
        #expect(pen.opening == F.pen("0.00"))
        #expect(pen.lines.map(\.reference) == ["F001-1", "FD01-1", "FC01-1", "Pago 000001"])
        #expect(pen.lines.map(\.balance) == [F.pen("1180.00"), F.pen("1298.00"), F.pen("1062.00"), F.pen("562.00")])
        #expect(pen.closing == F.pen("562.00"))
        #expect(pen.aging[.upTo30] == F.pen("562.00"))
        // From the 19th on, the documents of the 18th are the opening balance: 1,062.00.
        let later = try f.fina.receivables.statement(customerId: f.customer, from: LocalDate("2026-11-19")!, to: LocalDate("2026-11-30")!)
        #expect(later.sections.first?.opening == F.pen("1062.00"))
        #expect(later.sections.first?.lines.count == 1)
    }
}


/// Boletas: to "clientes varios" nothing is owed; to a buyer registered later, the payment adopts it.
@Suite struct ReceivableBoletaTests {
    typealias F = LedgerFixture

    @Test func anonymousBoletasOweNothingAndAnUnregisteredBuyerIsAdoptedOnPayment() throws {
        let f = try F()
        func boleta(_ buyer: DocumentCustomer) throws -> EDocument {
            EDocument(kind: .boleta, series: try Series("B001", for: .boleta), number: 1, issuedAt: F.now(), issuer: F.issuer,
                      customer: buyer, lines: [F.line(100)])
        }
        let anonymous = try f.issue(try boleta(.anonymous()))
        #expect(try f.receivables(anonymous.documentID).isEmpty)
        let person = try f.issue(try boleta(DocumentCustomer(documentType: .dni, number: "45873216", name: "María Núñez")))
        #expect(try f.receivables(person.documentID).first?.customerId == nil)
        let maria = try CustomerRepository(db: f.store.db, user: "fina", now: F.now)
            .create(Customer(docType: .dni, docNumber: "45873216", legalName: "María Núñez")).id ?? 0
        let apps = try f.fina.receivables.applications(customerId: maria, documents: [.init(person.documentID)], available: F.pen("118.00"),
                                                       exchangeRate: nil)
        try f.fina.receivables.recordPayment(PaymentInput(customerId: maria, date: F.today, method: .yapePlin, bankAccountId: f.bcpPEN,
                                                          operationNumber: "Y-1", amount: F.pen("118.00"), applications: apps))
        let r = try #require(try f.receivables(person.documentID).first)
        #expect(r.customerId == maria && r.isSettled)
        // Another customer cannot take it.
        let other = try f.issue(try boleta(DocumentCustomer(documentType: .dni, number: "40123456", name: "Otro")))
        #expect(throws: ReceivableError.receivableOfOtherCustomer(other.documentID)) {
            try f.fina.receivables.recordPayment(PaymentInput(
                customerId: maria, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "", amount: F.pen("1.00"),
                applications: [PaymentApplication(receivableId: try f.id(other.documentID), amount: F.pen("1.00"))]))
        }
    }
}

/// A credit note 13 moves the due dates of the cuotas still open.
@Suite struct ReceivableDueDateNoteTests {
    typealias F = LedgerFixture

    @Test func aCreditNote13RestatesTheOpenCuotasDueDates() throws {
        let f = try F()
        // 1,180.00 in two cuotas of 590.00, due 18/12 and 17/01; the first paid.
        let invoice = try f.issue(try F.factura(price: 1_000, paymentForm: .credito([
            Installment(amount: 590, dueDate: LocalDate("2026-12-18")!), Installment(amount: 590, dueDate: LocalDate("2027-01-17")!)])))
        try f.fina.receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: F.today, method: .efectivo, bankAccountId: nil, operationNumber: "", amount: F.pen("590.00"),
            applications: [PaymentApplication(receivableId: try f.id(invoice.documentID, installment: 1), amount: F.pen("590.00"))]))
        var note = try F.note(.notaCredito, on: invoice, price: 0)
        note.note?.reason = .credit(.ajusteMontosFechas)
        note.paymentForm = .credito([Installment(amount: 590, dueDate: LocalDate("2027-03-01")!)])
        try f.issue(note)
        let rs = try f.receivables(invoice.documentID)
        #expect(rs.first { $0.installment == 2 }?.dueDate == LocalDate("2027-03-01"))
        #expect(rs.first { $0.installment == 1 }?.dueDate == LocalDate("2026-12-18"))
        #expect(try f.balance(invoice.documentID, installment: 2) == F.pen("590.00"))
    }
}
