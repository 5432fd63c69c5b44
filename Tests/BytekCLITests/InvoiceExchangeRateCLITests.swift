import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek invoice issue` of a factura in dollars without "exchangeRate": the venta rate of the issue day
/// (or the latest of the 7 days before, said so) is taken; without one, a refusal that says what to do
/// and no number spent.
@Suite("bytek invoice issue: the day's exchange rate by default", .serialized)
struct InvoiceExchangeRateCLITests {
    @Test func aDollarFacturaTakesTheDaysRateOrIsRefusedWithoutOne() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 9)
        let today = LimaTime.date(Date())
        let usd = ", \"currency\": \"USD\""
        let json = InvoiceLimitsCLITests.json(quantity: "1", price: "100", extra: usd)

        let refused = try fx.run("invoice", "issue", "--file", try fx.write("u1.json", json), extra: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no hay tipo de cambio para el \(ExchangeRateRule.dayMonth(today)): "
            + "regístrelo en Finanzas › Tipo de cambio, o indique \"exchangeRate\" en el comprobante"), "\(refused.stderr)")
        #expect(try InvoiceLimitsCLITests.numbersTaken(fx) == 0)

        let twoDaysAgo = today.adding(days: -2)
        try ExchangeRateRepository(db: try Database(path: fx.dbPath), user: "admin")
            .save(ExchangeRate(date: twoDaysAgo, buyMilli: 3_741, sellMilli: 3_752))
        let issued = try fx.run("invoice", "issue", "--file", try fx.write("u2.json", json), extra: env)
        #expect(issued.status == 0, "\(issued.stderr)")
        #expect(issued.stdout.contains("Tipo de cambio: TC 3.752 del \(ExchangeRateRule.dayMonth(twoDaysAgo)) (2 días antes)."),
                "\(issued.stdout)")
        let docs = EDocumentRepository(db: try Database(path: fx.dbPath))
        let record = try #require(try docs.record(documentID: "F001-1"))
        #expect(record.currency == .usd)
        #expect(try docs.document(id: record.id)?.exchangeRate == Decimal(string: "3.752"))

        // A rate typed in the file is used as typed.
        let typed = InvoiceLimitsCLITests.json(quantity: "1", price: "100", extra: usd + ", \"exchangeRate\": \"3.7\"")
        let own = try fx.run("invoice", "issue", "--file", try fx.write("u3.json", typed), extra: env)
        #expect(own.status == 0, "\(own.stderr)")
        #expect(!own.stdout.contains("Tipo de cambio: TC"))
        let second = try #require(try docs.record(documentID: "F001-2"))
        #expect(try docs.document(id: second.id)?.exchangeRate == Decimal(string: "3.7"))
    }
}
