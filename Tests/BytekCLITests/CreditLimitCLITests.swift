import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek invoice issue` beyond the customer's credit limit: refused with the figures and the way out, then
/// issued with `--sobregiro` by admin (the override recorded with the document).
@Suite struct CreditLimitCLITests {
    @Test func refusedThenIssuedWithTheOverride() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        do {
            let store = try Store(path: fx.dbPath)
            _ = try CustomerRepository(db: store.db, user: "admin").create(Customer(
                docType: .ruc, docNumber: validRUC("2010007097"), legalName: "CLIENTE S.A.C.", creditLimit: Money(300, .pen)))
        }
        let file = try fx.write("f.json", InvoiceCLITests.invoiceJSON("Soporte"))  // S/ 354.00
        let refused = try fx.run("invoice", "issue", "--file", file, extra: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("CLIENTE S.A.C. supera su línea de crédito: debe S/ 0.00, este comprobante suma S/ 354.00 "
                                        + "(total S/ 354.00) y su línea es S/ 300.00 (exceso S/ 54.00)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--sobregiro"), "\(refused.stderr)")
        let issued = try fx.run("invoice", "issue", "--file", file, "--sobregiro", "Pago adelantado confirmado", extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        let store = try Store(path: fx.dbPath)
        let row = try store.db.queryOne("SELECT reason, user_login FROM credit_override")
        #expect(row?.string("reason") == "Pago adelantado confirmado" && row?.string("user_login") == "admin")
    }
}
