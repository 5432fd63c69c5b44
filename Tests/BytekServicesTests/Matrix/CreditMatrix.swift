import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The credit limit. The case (on its own copy of the store) gives customer A a limit of S/ 1.00 — not the
/// seed, so the other areas' quotes and documents stay within —; the case takes S/ 100.00 over it with a
/// reason, as issuing or accepting does (the worker passes flagged as unattended).
enum CreditMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        _ = (store, world)
    }

    static let expected: [String: String] = [
        "credito.sobregiro": "admin finanzas worker",
        "credito.avisos": "admin finanzas",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.creditAlerts) { s, _, _ in
            try s.credit.setAlertRecipients("cobranzas@bytek.pe, gerencia@bytek.pe")
        },
        MatrixCase(.creditOverride) { s, w, _ in
            let c = w.customerA
            try s.db.execute("UPDATE customer SET credit_limit_cents = 100 WHERE id = ?", [.int(c)])
            let customer = try s.credit.repository.customer(id: c)
            guard let g = try s.credit.gate(customer: customer, newAmount: Money(100, .pen), what: "esta cotización",
                                            override: "Cliente con pago confirmado") else { throw ServiceError.notFound }
            try s.credit.repository.record(.init(customerId: c, documentId: nil, quoteId: 1, reference: "COT-1 v1",
                                                 exposure: g.exposure, reason: g.reason, unattended: g.unattended))
        },
    ]
}
