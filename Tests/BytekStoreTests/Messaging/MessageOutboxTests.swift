import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Message outbox")
struct MessageOutboxTests {
    static func setUp(_ folder: TempFolder) throws -> (Database, MessageOutbox, Int64) {
        let db = try makeDatabase(folder)
        let customer = try CustomerRepository(db: db, user: "ana").create(
            Customer(docType: .ruc, docNumber: ruc("2060123456"), legalName: "ACME Perú S.A.C."))
        return (db, MessageOutbox(db: db, user: "ana", now: SteppingClock().now), try #require(customer.id))
    }

    @Test func emailRowJobAndAuditCommitWithTheCallersTransaction() throws {
        let folder = TempFolder()
        let (db, outbox, customer) = try Self.setUp(folder)
        struct Boom: Error {}
        // The caller's transaction fails after queueing: neither the row, nor its job, nor its audit entry remain.
        #expect(throws: Boom.self) {
            try db.write {
                try outbox.queueEmail(customerId: customer, purpose: .recibo, reference: "PAGO-1", to: ["a@acme.pe"],
                                      subject: "Recibo", body: "Gracias")
                throw Boom()
            }
        }
        #expect(try count(db, "customer_message") == 0)
        #expect(try count(db, "job") == 0)
        let id = try db.write {
            try outbox.queueEmail(customerId: customer, purpose: .comprobante, reference: "F001-7",
                                  to: [" Ana@ACME.pe ", "ana@acme.pe", "luis@acme.pe"], subject: "Factura F001-7 — ñandú",
                                  body: "Adjuntamos su comprobante.", attachments: [.invoicePDF(3), .invoiceXML(3), .invoiceCDR(3)])
        }
        let m = try #require(try outbox.message(id: id))
        #expect(m.recipients == ["ana@acme.pe", "luis@acme.pe"])
        #expect(m.attachments == [.invoicePDF(3), .invoiceXML(3), .invoiceCDR(3)])
        #expect(m.status == .pendiente && m.channel == .correo && m.purpose == .comprobante && m.subject == "Factura F001-7 — ñandú")
        let job = try #require(try db.queryOne("SELECT kind, payload, idempotency_key FROM job"))
        #expect(job.string("kind") == "mensaje.enviar")
        #expect(job.string("payload") == "{\"mensaje\":\(id)}")
        #expect(job.string("idempotency_key") == MessageOutbox.jobKey(id))
        #expect(try db.scalar("SELECT count(*) FROM audit_log WHERE entity = 'mensaje' AND entity_id = ?", id).intValue == 1)
        #expect(try outbox.messages(customerId: customer).map(\.id) == [id])
    }

    @Test func badInputIsRefusedWithTheFieldNamedAndNothingWritten() throws {
        let folder = TempFolder()
        let (db, outbox, customer) = try Self.setUp(folder)
        #expect(throws: MessageOutboxError.noRecipients) {
            try outbox.queueEmail(customerId: customer, purpose: .recibo, reference: "", to: [" "], subject: "x", body: "")
        }
        #expect(throws: MessageOutboxError.badEmail("a@b.pe\r\nBcc: x@y.pe")) {
            try outbox.queueEmail(customerId: customer, purpose: .recibo, reference: "", to: ["a@b.pe\r\nBcc: x@y.pe"], subject: "x", body: "")
        }
        #expect(throws: MessageOutboxError.badSubject) {
            try outbox.queueEmail(customerId: customer, purpose: .recibo, reference: "", to: ["a@b.pe"], subject: "a\nBcc: x", body: "")
        }
        #expect(throws: MessageOutboxError.customerNotFound(999)) {
            try outbox.queueEmail(customerId: 999, purpose: .recibo, reference: "", to: ["a@b.pe"], subject: "x", body: "")
        }
        #expect(throws: MessageOutboxError.badWhatsApp("12345678901234567890")) {
            try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "", to: "12345678901234567890",
                                     template: "t", language: "es", parameters: [], fallback: nil)
        }
        #expect(MessageOutboxError.badEmail("x").description.hasPrefix("Destinatarios:"))
        #expect(try count(db, "customer_message") == 0)
        #expect(try count(db, "job") == 0)
    }

    @Test func statusReportsAreDeduplicatedNeverGoBackAndAFailureQueuesTheFallbackOnce() throws {
        let folder = TempFolder()
        let (db, outbox, customer) = try Self.setUp(folder)
        let wa = try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "F001-9 +3",
                                          to: "+51 987 654 321", template: "recordatorio_pago", language: "es",
                                          parameters: ["ACME", "S/ 118.00"],
                                          fallback: (to: ["pagos@acme.pe"], subject: "Recordatorio de pago", body: "Vence hoy"))
        #expect(try outbox.message(id: wa)?.recipients == ["51987654321"])
        #expect(try outbox.markSent(id: wa, providerId: "wamid.A"))
        #expect(try outbox.applyReport(providerId: "wamid.A", status: .leido) == .applied(messageId: wa, fallback: nil))
        #expect(try outbox.applyReport(providerId: "wamid.A", status: .leido) == .duplicate)
        #expect(try outbox.applyReport(providerId: "wamid.A", status: .entregado) == .ignored(messageId: wa))
        #expect(try outbox.message(id: wa)?.status == .leido)
        #expect(try outbox.applyReport(providerId: "wamid.X", status: .entregado) == .unknown)

        let wb = try outbox.queueWhatsApp(customerId: customer, purpose: .recordatorio, reference: "F001-10 +3",
                                          to: "51911222333", template: "recordatorio_pago", language: "es", parameters: [],
                                          fallback: (to: ["pagos@acme.pe"], subject: "Recordatorio de pago", body: "Vence hoy"))
        #expect(try outbox.markSent(id: wb, providerId: "wamid.B"))
        guard case .applied(wb, let fb?) = try outbox.applyReport(providerId: "wamid.B", status: .fallido, reason: "131026") else {
            Issue.record("the failure should queue the fallback"); return
        }
        #expect(try outbox.applyReport(providerId: "wamid.B", status: .fallido) == .duplicate)
        #expect(try outbox.markFailed(id: wb, reason: "otra vez") == nil)
        #expect(try outbox.queueFallback(of: wb) == nil)
        let email = try #require(try outbox.message(id: fb))
        #expect(email.channel == .correo && email.fallbackOf == wb && email.recipients == ["pagos@acme.pe"])
        #expect(try db.scalar("SELECT count(*) FROM customer_message WHERE fallback_of IS NOT NULL").intValue == 1)
        #expect(try outbox.message(id: wb)?.error == "131026")
    }
}
