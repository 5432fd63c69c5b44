import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek recurrentes` by hand: the preview with its total, billing now (once), the refusal of a role
/// that may only read, and a price of 20 digits refused in words.
@Suite(.serialized) struct RecurringCLITests {
    @Test func previewBillOnceAndRefusals() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        #expect(try fx.run("user", "add", "vero", "--name", "Vero", "--role", "ventas").status == 0)
        let db = try Database(path: fx.dbPath)
        let customer = try CustomerRepository(db: db, user: "setup")
            .create(Customer(docType: .ruc, docNumber: validRUC("2010007097"), legalName: "Gamma S.A.C.")).id ?? 0
        let seed = RecurringSeeder(db: db)
        let day = LocalDate(ProcessClock.now(), in: TimeZone(identifier: "America/Lima")!)
        let start = LocalDate(year: day.year, month: day.month, day: 1)!
        let sub = try seed.subscription(customerId: customer, quote: try seed.holderQuote(customerId: customer, issueDate: start),
                                        description: "Hosting Pro", price: Money(100, .pen), period: .monthly, start: start)

        let preview = try fx.run("recurrentes", "preview", extra: env)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("1 comprobante(s), 1 línea(s)") && preview.stdout.contains("Total PEN: S/ 118.00"), "\(preview.stdout)")
        #expect(preview.stdout.contains("Hosting Pro — "), "\(preview.stdout)")

        let refused = try fx.run("recurrentes", "facturar", user: "vero", extra: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no tiene permiso para modificar Recurrentes (recurrentes.facturar)"), "\(refused.stderr)")
        #expect(try db.scalar("SELECT count(*) FROM e_document").intValue == 0)

        let price = try fx.run("recurrentes", "precio", "\(sub)", "12345678901234567890", extra: env)
        #expect(price.status == 1)
        #expect(price.stderr.contains("Precio: «12345678901234567890» no es un importe válido"), "\(price.stderr)")
        #expect(try db.scalar("SELECT count(*) FROM subscription_price").intValue == 0)

        let billed = try fx.run("recurrentes", "facturar", extra: env)
        #expect(billed.status == 0, "\(billed.stderr)")
        #expect(billed.stdout.contains("1 comprobante(s), 1 línea(s)") && billed.stdout.contains("F001-1"), "\(billed.stdout)")
        let again = try fx.run("recurrentes", "facturar", extra: env)
        #expect(again.stdout.contains("0 comprobante(s)"), "\(again.stdout)")
        #expect(try db.scalar("SELECT count(*) FROM subscription_charge").intValue == 1)
        let history = try fx.run("recurrentes", "historial", extra: env)
        #expect(history.stdout.contains("\tadmin\t1\t1\tS/ 100.00\t0\tterminada"), "\(history.stdout)")
    }
}
