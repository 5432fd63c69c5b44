import BytekModel
import BytekStore
import Foundation
import Testing

/// Cobranzas from the command line, on the built binary: bank account, payment applied to a document,
/// the same operation twice, the list with aging, the estado de cuenta, the detracción, a reversal and
/// amounts beyond the limits.
@Suite struct ReceivableCLITests {
    static let ruc = validRUC("2010004721")

    /// A factura of S/ 1,000.00 + IGV = 1,180.00 with detracción 12 % (141.60): neto 1,038.40, due today.
    static func seed(_ fx: CLIFixture) throws {
        try fx.withAdmin()
        let db = try Database(path: fx.dbPath)
        _ = try CustomerRepository(db: db, user: "admin").create(Customer(docType: .ruc, docNumber: ruc, legalName: "Cliente CLI S.A.C."))
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1", district: "Miraflores", province: "Lima",
                                                   department: "Lima"))
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: Date(), issuer: issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: ruc, name: "Cliente CLI S.A.C."),
                            lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 1_000, itemKind: .service)],
                            detraccion: Detraccion(account: "00-000-123456"))
        try EDocumentRepository(db: db, user: "admin").issue(doc) { d in
            PreparedEDocument(signedXML: Array("<x>\(d.id)</x>".utf8), zip: Data([0x50, 0x4b]), digestValue: "d", fileName: d.fileName)
        }
    }

    @Test func recordApplyListStatementDetraccionAndReverse() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try Self.seed(fx)
        let account = try fx.run("cuenta-bancaria", "agregar", "--banco", "BCP", "--numero", "193-1234567-0-12", "--moneda", "PEN")
        #expect(account.status == 0, "\(account.stderr)")
        #expect(account.stdout.contains("Cuenta bancaria 1 agregada: BCP 193-1234567-0-12 (PEN)"))

        let pay = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "1,200.00", "--moneda", "PEN", "--metodo",
                             "transferencia", "--cuenta", "1", "--operacion", "556677", "--aplicar", "F001-1:500")
        #expect(pay.status == 0, "\(pay.stderr)")
        // 1,038.40 − 500.00 = 538.40 open; 1,200.00 − 500.00 = 700.00 of credit.
        #expect(pay.stdout.contains("F001-1: S/ 500.00 — saldo S/ 538.40"), "\(pay.stdout)")
        #expect(pay.stdout.contains("Saldo a favor del cliente: S/ 700.00"))

        let again = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "1200", "--cuenta", "1", "--operacion", "556677")
        #expect(again.status == 1)
        #expect(again.stderr.contains("La operación 556677 de la cuenta BCP 193-1234567-0-12 (PEN) ya está registrada (pago 1)"),
                "\(again.stderr)")

        let list = try fx.run("cobranzas", "--cliente", Self.ruc)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("F001-1        Neto"), "\(list.stdout)")
        #expect(list.stdout.contains("S/ 538.40"))
        #expect(list.stdout.contains("F001-1        Detracción"))
        // 538.40 + 141.60 = 680.00, all in 0–30.
        #expect(list.stdout.contains("Antigüedad PEN — 0–30: S/ 680.00"), "\(list.stdout)")

        let deposit = try fx.run("detraccion", "registrar", "F001-1", "--constancia", "44556677", "--monto", "141.60")
        #expect(deposit.status == 0, "\(deposit.stderr)")
        #expect(deposit.stdout.contains("pendiente S/ 0.00"))

        let statement = try fx.run("estado-cuenta", Self.ruc)
        #expect(statement.status == 0, "\(statement.stderr)")
        #expect(statement.stdout.contains("Estado de cuenta — Cliente CLI S.A.C."))
        // Charges 1,038.40 + 141.60 = 1,180.00; credits 500.00 + 141.60; closing 538.40.
        #expect(statement.stdout.contains("Saldo final S/ 538.40"), "\(statement.stdout)")
        #expect(statement.stdout.contains("Saldo a favor: S/ 700.00"))

        let reverse = try fx.run("pago", "revertir", "1", "--motivo", "Depósito duplicado")
        #expect(reverse.status == 0, "\(reverse.stderr)")
        let after = try fx.run("cobranzas", "--cliente", Self.ruc)
        #expect(after.stdout.contains("S/ 1,038.40"), "\(after.stdout)")
    }

    @Test func wrongInputIsRefusedInSpanishAndWritesNothing() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try Self.seed(fx)
        let huge = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "12345678901234567890", "--metodo", "efectivo")
        #expect(huge.status == 1)
        #expect(huge.stderr.contains("El importe del pago no es válido: supera el máximo permitido."), "\(huge.stderr)")
        let noAccount = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "10")
        #expect(noAccount.status == 1)
        #expect(noAccount.stderr.contains("necesita la cuenta bancaria"), "\(noAccount.stderr)")
        let above = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "2000", "--metodo", "efectivo",
                               "--aplicar", "F001-1:1500")
        #expect(above.status == 1)
        #expect(above.stderr.contains("A F001-1 se aplican S/ 1,500.00 y su saldo es S/ 1,038.40"), "\(above.stderr)")
        let usage = try fx.run("pago", "registrar", "--monto", "10")
        #expect(usage.status == 2)
        let ventas = try fx.run("user", "add", "vendedora", "--name", "V", "--role", "ventas")
        #expect(ventas.status == 0)
        let refused = try fx.run("pago", "registrar", "--cliente", Self.ruc, "--monto", "10", "--metodo", "efectivo", user: "vendedora")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cobranzas.registrarpago"), "\(refused.stderr)")
        let db = try Database(path: fx.dbPath)
        #expect(try db.scalar("SELECT count(*) FROM payment").intValue == 0)
    }

    /// Finanzas names who gets the e-mail about documents the worker issued over a credit limit.
    @Test func creditAlertRecipients() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try Self.seed(fx)
        let none = try fx.run("cobranzas", "avisos")
        #expect(none.status == 0 && none.stdout.contains("Nadie recibe los avisos de sobregiro"), "\(none.stdout)")
        let wrong = try fx.run("cobranzas", "avisos", "--correos", "fina@bytek.pe, fina@")
        #expect(wrong.status == 1 && wrong.stderr.contains("«fina@» no es un correo válido"), "\(wrong.stderr)")
        let set = try fx.run("cobranzas", "avisos", "--correos", "fina@bytek.pe, gerencia@bytek.pe")
        #expect(set.status == 0 && set.stdout.contains("Reciben los avisos de sobregiro: fina@bytek.pe, gerencia@bytek.pe"))
        #expect(try fx.run("cobranzas", "avisos").stdout.contains("fina@bytek.pe, gerencia@bytek.pe"))
    }
}
