import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The customer message outbox: a message of customer A waiting to be sent (the worker's delivery case), the
/// quotes and accepted invoices of the other areas' seeds sent by e-mail.
enum MessageMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        world.ids["messageA"] = try MessageOutbox(db: store.db, user: "setup", now: MatrixWorld.now).queueEmail(
            customerId: world.customerA, purpose: .recibo, reference: "PAGO-1", to: ["ana@cliente-a.pe"],
            subject: "Recibo de pago", body: "Gracias por su pago.")
    }

    static let expected: [String: String] = [
        "mensajes.ver": ExpectedMatrix.staffAll,
        "mensajes.enviar": "admin ventas",
        "mensajes.despachar": "worker",
        "comprobantes.enviar": "admin finanzas worker",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.messageView) { s, w, t in
            guard try s.messages.messages(customerId: MatrixCase.customer(w, t)).contains(where: { $0.reference == "PAGO-1" }) || t == .other
            else { throw ServiceError.notFound }
        },
        MatrixCase(.messageSend) { s, w, _ in
            let id = try s.messages.sendQuote(quoteId: w.ids["quoteSentA"] ?? -1)
            guard try s.messages.message(id: id).recipients == ["ana@cliente-a.pe"] else { throw ServiceError.notFound }
        },
        MatrixCase(.messageDeliver) { s, w, _ in
            guard let m = try s.messages.pendingMessage(id: w.ids["messageA"] ?? -1) else { throw ServiceError.notFound }
            try s.messages.recordSent(id: m.id)
        },
        MatrixCase(.documentSend) { s, w, _ in
            guard let record = try EDocumentRepository(db: s.db, user: "x").record(id: w.ids["invoiceA"] ?? -1) else {
                throw ServiceError.notFound
            }
            _ = try s.messages.sendDocument(documentID: record.documentID, to: ["pagos@cliente-a.pe"])
        },
    ]
}
