import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek banco` through the binary: a BCP statement imported twice stores its lines once, `conciliar` lists
/// each line with its suggestion, `--aceptar-todas` records the exact one as a payment, ventas may look but
/// not import.
@Suite struct BankCLITests {
    @Test func importTwiceListAndAcceptTheExactOne() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        #expect(try fx.run("user", "add", "vent", "--name", "Vent", "--role", "ventas").status == 0)
        // The customer, the account and an issued factura of S/ 118.00 (stand-in signed bytes).
        let account: Int64
        let documentID: String
        do {
            let store = try Store(path: fx.dbPath)
            let now: @Sendable () -> Date = { Date() }
            _ = try CustomerRepository(db: store.db, user: "admin", now: now).create(
                Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C."))
            account = try ReceivableRepository(db: store.db, user: "admin", now: now).addBankAccount(bank: "BCP", number: "193-1",
                                                                                                      currency: .pen).id
            let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                                address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                       province: "Lima", department: "Lima"))
            let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: now(), issuer: issuer,
                                customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente A S.A.C."),
                                lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 100, itemKind: .service)])
            documentID = try EDocumentRepository(db: store.db, user: "admin", now: now).issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h", fileName: d.fileName)
            }.documentID
        }
        let today = ExchangeRateRule.dayMonthYear(LocalDate(Date(), in: TimeZone(identifier: "America/Lima")!))
        let file = try fx.write("bcp.csv", """
            Fecha,Descripción,Monto,Saldo,Nro. Operación
            \(today),TRANSF 20100047218 CLIENTE A,118.00,"1,118.00",70001
            \(today),ABONO VARIOS,50.00,"1,168.00",70002
            \(today),ITF,-0.05,"1,167.95",70003

            """)
        let refused = try fx.run("banco", "importar", "--cuenta", String(account), file, user: "vent")
        #expect(refused.stderr.contains("no tiene permiso para modificar Cobranzas (banco.importar)"), "\(refused.stderr)")
        let first = try fx.run("banco", "importar", "--cuenta", String(account), file, user: "fina")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Extracto de BCP 193-1 (PEN): 2 línea(s) nuevas, 0 ya importadas, 1 cargo(s) omitidos."), "\(first.stdout)")
        let again = try fx.run("banco", "importar", "--cuenta", String(account), file, user: "fina")
        #expect(again.stdout.contains("0 línea(s) nuevas, 2 ya importadas"), "\(again.stdout)")

        let list = try fx.run("banco", "conciliar", user: "vent")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("S/ 118.00  op. 70001  TRANSF 20100047218 CLIENTE A"), "\(list.stdout)")
        #expect(list.stdout.contains("→ \(documentID) S/ 118.00 — confianza alta: monto exacto de \(documentID); RUC 20100047218 en la descripción"),
                "\(list.stdout)")
        #expect(list.stdout.contains("→ sin coincidencia: queda pendiente"), "\(list.stdout)")

        let accepted = try fx.run("banco", "conciliar", "--aceptar-todas", user: "fina")
        #expect(accepted.stdout.contains("1 pago(s) registrados de coincidencias exactas; 1 línea(s) pendientes."), "\(accepted.stdout)\(accepted.stderr)")
        let store = try Store(path: fx.dbPath)
        let payment = try store.db.queryOne("SELECT operation_number, amount_cents FROM payment")
        #expect(payment?.string("operation_number") == "70001" && payment?.int("amount_cents") == 11_800)
        let bad = try fx.run("banco", "importar", "--cuenta", "999", file, user: "fina")
        #expect(bad.stderr.contains("cuenta: no existe la cuenta bancaria 999"), "\(bad.stderr)")
    }
}
