import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The two screens of part E reached from the palette: Cierre de períodos (`c` closes with the SIRE
/// confirmation and ticket, `a` reopens for an admin with a reason) and Conciliación bancaria (Enter accepts
/// the suggestion, recording the payment; `s` skips; `x` discards).
@MainActor
@Suite struct MoneyInScreenTests {
    func open(_ h: ScreenHarness, _ query: String) {
        h.keys(.char(":"))
        h.type(query)
        h.keys(.enter)
    }

    @Test func closeAndReopenAMonth() throws {
        let h = try ScreenHarness(role: .admin, login: "admin", width: 130, height: 30)
        open(h, "cierre")
        #expect(h.screen.contains("Cierre de períodos") && h.screen.contains("octubre de 2026"), "\(h.screen)")
        h.keys(.char("c"))
        #expect(h.screen.contains("¿Se presentó en SIRE el registro de ventas de octubre de"), "\(h.screen)")
        h.keys(.char("s"))
        h.keys(.enter)
        #expect(h.screen.contains("Escriba el número de ticket"), "\(h.screen)")
        h.type("T-5521")
        h.keys(.enter)
        #expect(h.screen.contains("Período octubre de 2026 cerrado."), "\(h.screen)")
        #expect(h.screen.contains("cerrado") && h.screen.contains("T-5521"), "\(h.screen)")
        h.keys(.char("a"))
        h.type("Nota de crédito olvidada")
        h.keys(.enter)
        #expect(h.screen.contains("Período octubre de 2026 reabierto."), "\(h.screen)")
        #expect(h.screen.contains("reabierto por admin: Nota de crédito olvidada"), "\(h.screen)")
        let audit = try h.store.db.query("SELECT door FROM audit_log WHERE entity = 'period'").map { $0.string("door") }
        #expect(audit == ["tui", "tui"])
    }

    @Test func finanzasMayNotReopen() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fina", width: 130, height: 30)
        try PeriodRepository(db: h.store.db, user: "admin", now: { ScreenHarness.fixedNow }).close(YearMonth(year: 2026, month: 10), sireNote: "T-1")
        open(h, "periodos")
        h.keys(.char("a"))
        h.type("Quiero corregir")
        h.keys(.enter)
        #expect(h.screen.contains("admin") && !h.screen.contains("reabierto."), "\(h.screen)")
        #expect(try ClosedPeriods(db: h.store.db).isClosed(YearMonth(year: 2026, month: 10)))
    }

    @Test func acceptSkipAndDiscardStatementLines() throws {
        let h = try ScreenHarness(role: .finanzas, login: "fina", width: 160, height: 30)
        let now: @Sendable () -> Date = { ScreenHarness.fixedNow }
        let customer = try h.customers.create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.")).id ?? 0
        let ledger = ReceivableRepository(db: h.store.db, user: "admin", now: now)
        let account = try ledger.addBankAccount(bank: "BCP", number: "193-1", currency: .pen)
        // A factura of S/ 236.00 issued (stand-in signed bytes): the ledger makes its receivable.
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                   province: "Lima", department: "Lima"))
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: now(), issuer: issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente A S.A.C."),
                            lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 200, itemKind: .service)])
        let record = try EDocumentRepository(db: h.store.db, user: "admin", now: now).issue(doc) { d in
            PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h", fileName: d.fileName)
        }
        let lines = [
            BankStatementLine(fileLine: 2, date: LocalDate("2026-11-18")!, description: "TRANSF 20100047218 CLIENTE A",
                              amount: Money(236, .pen), operationNumber: "55001", key: "op:55001"),
            BankStatementLine(fileLine: 3, date: LocalDate("2026-11-18")!, description: "ABONO VARIOS",
                              amount: Money(10, .pen), operationNumber: "55002", key: "op:55002"),
        ]
        _ = try BankStatementRepository(db: h.store.db, user: "admin", now: now).importLines(accountId: account.id, accountLabel: account.label, lines)
        open(h, "conciliar")
        #expect(h.screen.contains("Conciliación bancaria") && h.screen.contains("2 línea(s) pendientes, 1 con coincidencia exacta."), "\(h.screen)")
        #expect(h.screen.contains(record.documentID) && h.screen.contains("alta"), "\(h.screen)")
        #expect(h.screen.contains("sin coincidencia: queda pendiente"), "\(h.screen)")
        h.keys(.enter)
        #expect(h.screen.contains("registrado por S/ 236.00."), "\(h.screen)")
        #expect(h.screen.contains("1 línea(s) pendientes"), "\(h.screen)")
        let balance = try ledger.balance(customerId: customer)
        #expect(balance[.pen] == nil || balance[.pen]?.isZero == true, "\(balance)")
        h.keys(.char("s"))
        #expect(h.screen.contains("La línea queda pendiente."), "\(h.screen)")
        h.keys(.char("x"))
        #expect(h.screen.contains("Línea descartada.") && h.screen.contains("No hay líneas de extracto pendientes"), "\(h.screen)")
        let payment = try #require(try ledger.payments(customerId: customer).first)
        #expect(payment.operationNumber == "55001" && payment.createdBy == "fina")
        // `i` imports a file into the one account; the same file again adds nothing.
        let csv = h.dir.appendingPathComponent("bcp.csv").path
        try "Fecha,Descripción,Monto,Operación\n18/11/2026,ABONO YAPE,15.00,55003\n".write(toFile: csv, atomically: true, encoding: .utf8)
        for added in ["1", "0"] {
            h.keys(.char("i"))
            #expect(h.screen.contains("Ruta del CSV del banco"), "\(h.screen)")
            h.type(csv)
            h.keys(.enter)
            #expect(h.screen.contains("Extracto de BCP 193-1 (PEN): \(added) línea(s) nuevas"), "\(h.screen)")
        }
        #expect(h.screen.contains("ABONO YAPE"), "\(h.screen)")
    }
}

/// Accepting a quote beyond the customer's credit limit: ventas is warned with the figures, admin is asked
/// for the override's reason and the acceptance goes through with the override recorded.
@MainActor
@Suite struct CreditLimitScreenTests {
    @Test func ventasIsWarnedAdminOverridesWithAReason() throws {
        let h = try ScreenHarness(role: .ventas, login: "vera")
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let customerId = try #require(try h.store.db.scalar("SELECT min(id) FROM customer").intValue)
        try h.store.db.execute("UPDATE customer SET credit_limit_cents = 10000 WHERE id = ?", [.int(customerId)])
        let q = try h.addQuote()
        _ = try h.quotes.send(try #require(q.id), on: ScreenHarness.today)
        h.go(.quotes); h.keys(.enter, .char("A"), .char("s"))
        #expect(h.screen.contains("supera su línea de crédito") && h.screen.contains("S/ 100.00") && h.screen.contains("Pida a"),
                "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT state FROM quote WHERE id = ?", [.int(q.id ?? 0)]).stringValue == "sent")

        let admin = try ScreenHarness(role: .admin, login: "admin", sharing: h)
        admin.go(.quotes); admin.keys(.enter, .char("A"), .char("s"))
        #expect(admin.screen.contains("supera su línea de crédito"), "\(admin.screen)")
        admin.keys(.enter)
        #expect(admin.screen.contains("Motivo del sobregiro"), "\(admin.screen)")
        admin.type("Anticipo recibido")
        admin.keys(.enter)
        #expect(admin.screen.contains("1 suscripción creada."), "\(admin.screen)")
        let row = try #require(try admin.store.db.queryOne("SELECT reason, user_login, reference FROM credit_override"))
        #expect(row.string("reason") == "Anticipo recibido" && row.string("user_login") == "admin"
                && row.string("reference") == "COT-2026-00001 v1")
    }
}
