import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Finanzas › Recurrentes as finanzas uses it: the next run's preview with its total, `r` billing now
/// (through the service, as the user, door tui), the runs, and a subscription's price and pause; ventas
/// reads it without the keys that write.
@MainActor
@Suite struct RecurringScreenTests {
    func harness(_ role: Role, _ login: String) throws -> ScreenHarness {
        let h = try ScreenHarness(role: role, login: login, width: 140, height: 30)
        let now: @Sendable () -> Date = { ScreenHarness.fixedNow }
        try EInvoicingSettingsRepository(db: h.store.db, user: "admin", now: now)
            .save(EInvoicingSettings(issuer: ScreenHarness.issuer, detraccionAccount: "00-000-123456"))
        let customer = try h.customers.create(Customer(docType: .ruc, docNumber: "20100047218", legalName: "Cliente A S.A.C.")).id ?? 0
        let seed = RecurringSeeder(db: h.store.db, now: now)
        let quote = try seed.holderQuote(customerId: customer, issueDate: LocalDate("2026-11-01")!)
        // Monthly in advance from 1 Nov: on 18/11/2026 November is due, S/ 100.00 + IGV = S/ 118.00.
        try seed.subscription(customerId: customer, quote: quote, description: "Hosting Pro", price: Money(100, .pen),
                              period: .monthly, start: LocalDate("2026-11-01")!)
        return h
    }

    @Test func finanzasSeesTheNextRunBillsItAndChangesASubscription() throws {
        let h = try harness(.finanzas, "fina")
        h.app.context.environment = try BillingTestCredentials.environment.get()
        h.go(.recurring)
        #expect(h.screen.contains("Próxima corrida (18/11/2026): 1 comprobante(s), 1 línea(s) — S/ 118.00"), "\(h.screen)")
        #expect(h.screen.contains("Cliente A S.A.C.") && h.screen.contains("Hosting Pro — nov 2026"), "\(h.screen)")

        h.keys(.char("r"))
        #expect(h.screen.contains("Facturación recurrente: 1 comprobante(s), 1 línea(s)."), "\(h.screen)")
        #expect(h.screen.contains("Próxima corrida (18/11/2026): 0 comprobante(s)"), "\(h.screen)")
        let doc = try h.store.db.queryOne("SELECT e.total_cents, c.period_start FROM e_document e JOIN subscription_charge c ON c.document_id = e.id")
        #expect(doc?.int("total_cents") == 11_800 && doc?.string("period_start") == "2026-11-01")
        let audit = try h.store.db.queryOne("SELECT user_login, door FROM audit_log WHERE entity = 'e_document' ORDER BY id DESC")
        #expect(audit?.string("user_login") == "fina" && audit?.optionalString("door") == "tui")

        h.keys(.tab)
        #expect(h.screen.contains("[Corridas]") && h.screen.contains("terminada") && h.screen.contains("S/ 100.00"), "\(h.screen)")
        h.keys(.tab)
        #expect(h.screen.contains("[Suscripciones]") && h.screen.contains("activa") && h.screen.contains("Cliente A S.A.C."), "\(h.screen)")
        // 20 digits typed as a price: refused in words, nothing stored.
        h.keys(.char("m"))
        h.type("12345678901234567890")
        h.keys(.enter)
        #expect(h.screen.contains("Precio: «12345678901234567890» no es un importe válido"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM subscription_price").intValue == 0)
        h.keys(.char("m"))
        h.type("120.50")
        h.keys(.enter)
        #expect(h.screen.contains("Nuevo precio desde el 01/12/2026."), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT price_cents FROM subscription_price").intValue == 12_050)
        h.keys(.char("p"))
        #expect(h.screen.contains("Suscripción en pausa desde hoy.") && h.screen.contains("en pausa"), "\(h.screen)")
    }

    @Test func ventasReadsWithoutBilling() throws {
        let h = try harness(.ventas, "vero")
        h.go(.recurring)
        #expect(h.screen.contains("S/ 118.00"), "\(h.screen)")
        #expect(!h.screen.contains("Facturar ahora"))
        h.keys(.char("r"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM e_document").intValue == 0)
    }
}
