import BytekModel
import Foundation
import Testing
@testable import BytekStore

/// The `recurring` migration over a database that already has subscriptions: they keep billing on the 1st,
/// in advance, in their price's currency; and a (subscription, period) key is refused a second time.
@Suite struct RecurringMigrationTests {
    @Test func existingSubscriptionsGetTheDefaultsAndAPeriodKeyIsUnique() throws {
        let folder = TempFolder()
        let db = try Database(path: folder.file())
        let before = try #require(Schema.migrations.firstIndex(of: Schema.recurring))
        try Migrator.migrate(db, upTo: before)
        try db.execute("""
            INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at)
              VALUES ('RUC', '20100070970', 'Gamma S.A.C.', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
            INSERT INTO quote(number, version, customer_id, unit, currency, prices_include_igv, issue_date, validity_days,
              payment_kind, state, created_at, updated_at)
              VALUES ('COT-1', 1, 1, 'U1', 'USD', 0, '2026-11-01', 15, 'cash', 'accepted', '2026-01-01T00:00:00.000Z',
                      '2026-01-01T00:00:00.000Z');
            INSERT INTO subscription(customer_id, description, unit, tax_category, price_cents, currency, period, periods,
              start_date, quote_id, quote_number, quote_version, created_at)
              VALUES (1, 'Licencia', 'U1', 'gravado', 5000, 'USD', 'monthly', '12', '2026-11-10', 1, 'COT-1', 1,
                      '2026-01-01T00:00:00.000Z');
            """)
        try Migrator.migrate(db)
        let sub = try #require(try RecurringRepository(db: db, user: "test").all().first)
        #expect(sub.billingDay == 1 && sub.timing == .advance && sub.billCurrency == .usd && sub.endsOn == nil)
        #expect(sub.customerName == "Gamma S.A.C.")
        try db.execute("""
            INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type, customer_doc_number,
              customer_name, currency, taxable_cents, igv_cents, total_cents, file_name, document_json, signed_xml, zip, digest_value,
              created_at, updated_at)
            SELECT '01', 'F001', 1, '2026-11-10', '2026-11-10T15:00:00.000Z', '20123456786', '6', '20100070970', 'Gamma S.A.C.',
              'USD', 5000, 900, 5900, 'f', '{}', x'00', x'00', 'd', '2026-11-10T15:00:00.000Z',
              '2026-11-10T15:00:00.000Z'
            """)
        let key = "INSERT INTO subscription_charge(subscription_id, period_start, period_end, document_id, billed_days, period_days, "
            + "amount_cents, currency, billed_cents, bill_currency) VALUES (1, '2026-11-01', '2026-12-01', 1, 21, 30, 3500, 'USD', 3500, 'USD')"
        try db.execute(key)
        do {
            try db.execute(key)
            Issue.record("the same (subscription, period) was billed twice")
        } catch let e as DatabaseError {
            #expect(e.isConstraintViolation)
        }
    }
}
