import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// A BCP statement as finanzas meets it: imported twice without a duplicate, the columns remembered for the
/// bank, the exact line accepted records the payment with the line's operation number, the others wait, and a
/// line dated in a closed month cannot be accepted.
@Suite struct BankStatementServiceTests {
    static let csv = """
    Fecha,Descripción operación,Monto,Saldo,Operación - Número
    18/11/2026,TRANSF 20100047218 CLIENTE A,"1,180.00","5,180.00",00451234
    18/11/2026,ABONO VARIOS,77.00,"5,257.00",
    17/11/2026,COMISION,-5.00,"5,252.00",00451240
    """

    @Test func importTwiceAcceptTheExactOneTheOthersWait() throws {
        let fx = try LedgerFixture()
        let doc = try fx.issue(LedgerFixture.factura(price: 1000))  // S/ 1,180.00
        let statements = fx.fina.bankStatements
        let first = try statements.importStatement(accountId: fx.bcpPEN, bytes: Array(Self.csv.utf8))
        #expect(first.saved && first.added == 2 && first.repeated == 0 && first.charges == 1)
        let again = try statements.importStatement(accountId: fx.bcpPEN, bytes: Array(Self.csv.utf8))
        #expect(again.added == 0 && again.repeated == 2)
        #expect(try statements.mapping(bank: "bcp")?.operation == "Operación - Número")

        let pending = try statements.pending()
        #expect(pending.count == 2)
        let exact = try #require(pending.first { $0.line.line.operationNumber == "00451234" })
        #expect(exact.suggestion?.isExact == true && exact.receivables.map(\.documentID) == [doc.documentID])
        #expect(exact.suggestion?.reason == "monto exacto de \(doc.documentID); RUC 20100047218 en la descripción")

        // A viewer (ventas) sees the suggestions but may not accept them.
        let ventas = Services(store: fx.store, actor: .staff("vera", role: .ventas, door: .tui), now: LedgerFixture.now,
                              environment: { [:] })
        #expect(try ventas.bankStatements.pending().count == 2)
        #expect(throws: ServiceError.forbidden(operation: "banco.aceptar", role: .ventas)) {
            try ventas.bankStatements.acceptExact()
        }

        let r = try statements.acceptExact()
        #expect(r.accepted == 1 && r.waiting == 1)
        #expect(try fx.balance(doc.documentID) == LedgerFixture.pen("0.00"))
        let payment = try #require(try fx.fina.receivables.payments(customerId: fx.customer).first)
        #expect(payment.operationNumber == "00451234" && payment.bankAccountId == fx.bcpPEN && payment.amount == LedgerFixture.pen("1180"))
        #expect(try statements.pending().map(\.line.line.description) == ["ABONO VARIOS"])
        // Re-importing after the match still adds nothing, and the recorded line stays reconciled.
        #expect(try statements.importStatement(accountId: fx.bcpPEN, bytes: Array(Self.csv.utf8)).added == 0)
        let audit = try fx.store.db.query("SELECT action FROM audit_log WHERE entity = 'bank_statement' ORDER BY id").map { $0.string("action") }
        #expect(audit == ["create", "import", "update"])
    }

    @Test func aLineOfAClosedMonthWaitsAndABadFileStoresNothing() throws {
        let fx = try LedgerFixture()
        let doc = try fx.issue(LedgerFixture.factura(price: 100))  // S/ 118.00
        let csv = "Fecha,Descripción,Monto,Operación\n31/10/2026,PAGO \(doc.documentID),118.00,9001\n"
        _ = try fx.fina.bankStatements.importStatement(accountId: fx.bcpPEN, bytes: Array(csv.utf8))
        try PeriodRepository(db: fx.store.db, user: "fina", now: LedgerFixture.now).close(YearMonth(year: 2026, month: 10), sireNote: "")
        let line = try #require(try fx.fina.bankStatements.pending().first)
        #expect(line.suggestion?.confidence == .alta)
        do {
            try fx.fina.bankStatements.accept(lineId: line.line.id, receivableIds: line.suggestion?.receivableIds ?? [])
            Issue.record("a payment dated in a closed month must be refused")
        } catch let e as PeriodError {
            #expect(e.message.hasPrefix("el período octubre de 2026 está cerrado: no se puede registrar el pago con fecha 31/10/2026"))
        }
        #expect(try fx.fina.bankStatements.pending().count == 1)
        #expect(try fx.balance(doc.documentID) == LedgerFixture.pen("118.00"))

        let bad = "Fecha,Descripción,Monto\n01/11/2026,UNO,10.00\n02/11/2026,DOS,12345678901234567890\n"
        let report = try fx.fina.bankStatements.importStatement(accountId: fx.bcpPEN, bytes: Array(bad.utf8))
        #expect(!report.saved && report.problems.count == 1)
        #expect(try fx.fina.bankStatements.pending().count == 1)
        #expect(throws: BankStatementError.unknownAccount(999)) {
            try fx.fina.bankStatements.importStatement(accountId: 999, bytes: Array(bad.utf8))
        }
    }
}
