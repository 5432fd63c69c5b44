import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Cobranzas over the real operations layer (`services.receivables`): the module as the app builds it,
/// and the service's refusal worded by the TUI when a role that may only read records a payment.
@MainActor
@Suite struct CobranzasServicesScreenTests {
    @Test func ventasReadsCobranzasButTheServiceRefusesItsPayment() throws {
        let h = try ScreenHarness(role: .ventas, login: "vero", width: 140, height: 40)
        try h.addCustomers([("20100047218", "Comercial Andina S.A.C.", "Miraflores")])
        h.go(.receivables)
        #expect(h.screen.contains("No hay saldos por cobrar con este filtro.") && h.screen.contains("Sin saldos abiertos."), "\(h.screen)")
        #expect(!h.screen.contains("p Pago"), "a role that only reads is not offered «p»")
        let customer = try #require(try h.store.db.queryOne("SELECT id FROM customer")).int("id")
        let services = h.app.context.services(h.store)
        let form = PaymentFormScreen(desk: ServicesCobranzasDesk(services: services, strings: h.app.context.strings),
                                     customerId: customer, customerName: "Comercial Andina S.A.C.", drafts: services.drafts,
                                     strings: h.app.context.strings)
        h.app.stacks[.receivables]?.append(form)
        h.app.draw()
        #expect(h.screen.contains("El cliente no tiene saldos netos abiertos"), "\(h.screen)")
        form.form.focus("method")
        h.keys(.right, .right)                      // efectivo: no bank account nor operation number
        form.form.focus("amount")
        h.type("150")
        #expect(h.screen.contains("Saldo a favor del cliente: S/ 150.00"), "\(h.screen)")
        h.keys(.ctrl("s"))
        #expect(h.screen.contains("Su rol (ventas) no tiene permiso para modificar en Cobranzas."), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM payment").intValue == 0)
        #expect(form.form.value("amount") == "150", "nothing typed is lost")
    }
}
