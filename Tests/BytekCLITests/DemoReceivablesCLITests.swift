import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek demo` leaves receivables in every state Cobranzas shows.
@Suite(.serialized) struct DemoReceivablesCLITests {
    @Test func theDemoHasReceivablesInEveryState() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let demo = try fx.run("demo", user: nil)
        #expect(demo.status == 0, "\(demo.stderr)")
        let db = try Database(path: fx.dbPath)
        func count(_ condition: String) throws -> Int64 {
            try db.scalar("SELECT count(*) FROM receivable WHERE \(condition)").intValue ?? 0
        }
        let today = LimaTime.date(Date()).description
        #expect(try count("is_open = 1 AND settled_cents = 0") > 0, "open")
        #expect(try count("is_open = 1 AND settled_cents > 0") > 0, "partly paid")
        #expect(try count("is_open = 1 AND due_date < '\(today)'") > 0, "overdue")
        #expect(try count("is_open = 1 AND part = 'detraccion'") > 0, "detracción pending")
        #expect(try count("is_open = 0 AND cancelled = 0 AND settled_cents = amount_cents") > 0, "settled")
        #expect(try count("cancelled = 1") >= 2, "rejected and voided")
        #expect(try count("part = 'retencion' AND customer_id IN (SELECT id FROM customer WHERE retention_agent = 1)") == 1)
        #expect(try db.scalar("SELECT count(*) FROM receivable_application WHERE exchange_difference_cents IS NOT NULL").intValue == 1)
        #expect(try db.scalar("SELECT sum(amount_cents) FROM customer_credit").intValue ?? 0 > 0, "customer credit")
        let list = try fx.run("cobranzas", "--vencidas", user: "finanzas")
        #expect(list.status == 0 && list.stdout.contains("F002-1"), "\(list.stdout)\(list.stderr)")
    }
}
