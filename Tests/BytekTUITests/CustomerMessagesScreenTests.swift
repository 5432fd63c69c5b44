import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The quote builder's `m` (the quote PDF by e-mail, recipients prefilled and editable) and the customer's
/// messages pane (`M` in Clientes).
@MainActor
@Suite struct CustomerMessagesScreenTests {
    @Test func quoteIsMailedFromTheBuilderAndListedOnTheCustomer() throws {
        let h = try ScreenHarness()
        let customer = try #require(try h.customers.create(Customer(
            docType: .ruc, docNumber: "20100047218", legalName: "Comercial Andina S.A.C.",
            contacts: [Contact(name: "Ana", role: "Compras", email: "ana@andina.pe")])).id)
        try h.addQuote()
        h.go(.quotes); h.keys(.enter, .char("m"))
        #expect(h.screen.contains("Enviar cotización por correo"))
        #expect(h.screen.contains("› ana@andina.pe"), "prefilled with the customer's contacts\n\(h.screen)")
        // A bad address is refused, naming the field; nothing is queued.
        h.keys(.ctrl("u")); h.type("ana@andina")
        h.keys(.enter)
        #expect(h.screen.contains("Destinatarios: «ana@andina» no es un correo válido"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM customer_message").intValue == 0)
        h.keys(.char("m")); h.type(", pagos@andina.pe")
        h.keys(.enter)
        #expect(h.screen.contains("Cotización COT-2026-00001 v1 en cola para ana@andina.pe, pagos@andina.pe."), "\(h.screen)")
        let row = try #require(try h.store.db.queryOne("SELECT customer_id, attachments, purpose FROM customer_message"))
        #expect(row.int("customer_id") == customer && row.string("purpose") == "cotizacion")
        #expect(row.string("attachments").contains("cotizacion_pdf"))
        #expect(try h.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'mensaje.enviar'").intValue == 1)

        h.keys(.escape)
        h.go(.customers); h.keys(.char("M"))
        #expect(h.screen.contains("Mensajes de Comercial Andina S.A.C."), "\(h.screen)")
        #expect(h.screen.contains("Correo   Cotización"))
        #expect(h.screen.contains("COT-2026-00001 v1"))
        #expect(h.screen.contains("Pendiente"))
        #expect(h.screen.contains("Cotización COT-2026-00001 v1 — "))
        // The customer's accepted documents by e-mail: on by default, to its contact; `c` turns it off (audited).
        #expect(h.screen.contains("Comprobantes aceptados por correo: sí · a: ana@andina.pe · adjuntos: PDF, XML, CDR"))
        h.keys(.char("c"))
        #expect(h.screen.contains("Comprobantes aceptados por correo: no"))
        #expect(h.screen.contains("Los comprobantes aceptados ya no se enviarán por correo a este cliente."))
        #expect(try h.store.db.scalar("SELECT enabled FROM customer_document_mail WHERE customer_id = ?", customer).intValue == 0)
    }
}
