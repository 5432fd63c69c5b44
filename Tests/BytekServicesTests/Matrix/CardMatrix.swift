import BytekGateways
import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The charge engine. The seed (series F003) issues a factura of S/ 118.00 to each customer, sets the PEN bank
/// account of Izipay, saves a card for each customer and records an approved charge of A (paid) to refund. The
/// cases run over a fake gateway that approves everything (`MatrixGateway`).
enum CardMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let db = store.db
        let edocs = EDocumentRepository(db: db, user: "setup", now: MatrixWorld.now)
        func factura(_ ruc: String, _ name: String, number: Int) throws -> EDocumentRecord {
            let doc = EDocument(kind: .factura, series: try Series("F003", for: .factura), number: number, issuedAt: MatrixWorld.now(),
                                issuer: BillingMatrix.issuer, customer: DocumentCustomer(documentType: .ruc, number: ruc, name: name),
                                lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 100, itemKind: .service)])
            return try edocs.issue(doc) { d in
                PreparedEDocument(signedXML: Array("<Invoice><cbc:ID>\(d.id)</cbc:ID></Invoice>".utf8), zip: Data([0x50, 0x4b]),
                                  digestValue: "hash-\(d.id)", fileName: d.fileName)
            }
        }
        let a1 = try factura("20100047218", "Cliente A S.A.C.", number: 1)
        _ = try factura("20100047218", "Cliente A S.A.C.", number: 2)
        _ = try factura("20131312955", "Cliente B S.A.", number: 3)
        let ledger = ReceivableRepository(db: db, user: "setup", now: MatrixWorld.now)
        let account = try ledger.addBankAccount(bank: "Izipay", number: "IZI-PEN", currency: .pen)
        let cards = CardRepository(db: db, user: "setup", now: MatrixWorld.now)
        try cards.setGatewayAccount("izipay", currency: .pen, bankAccountId: account.id)
        world.ids["cardA"] = try cards.saveCard(customerId: world.customerA, gateway: "izipay", token: "tok-A", brand: "VISA",
                                                maskedNumber: "497010XXXXXX0055", expiryMonth: 12, expiryYear: 2030,
                                                holderEmail: "ana@cliente-a.pe", accountId: nil).id
        world.ids["cardB"] = try cards.saveCard(customerId: world.customerB, gateway: "izipay", token: "tok-B", brand: "VISA",
                                                maskedNumber: "497010XXXXXX0066", expiryMonth: 12, expiryYear: 2030,
                                                holderEmail: "beto@cliente-b.pe", accountId: nil).id
        let today = LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima)
        let r = try ledger.receivables(documentID: a1.documentID).first { $0.part == .neto }!
        let charge = try cards.createCharge(.init(customerId: world.customerA, cardId: world.ids["cardA"], gateway: "izipay", currency: .pen,
                                                  items: [PaymentApplication(receivableId: r.id, amount: r.balance)], source: .manual,
                                                  today: today))
        try cards.settle(chargeId: charge.id, transactionId: "tx-seed", authorizationCode: nil, approved: charge.amount,
                         bankAccountId: account.id, date: today)
        world.ids["chargeA"] = charge.id
    }

    static let expected: [String: String] = [
        "tarjetas.ver": "admin ventas finanzas operaciones contacto",
        "tarjetas.guardar": "admin finanzas contacto",
        "tarjetas.quitar": "admin finanzas contacto",
        "cobros.cobrar": "admin finanzas",
        "cobros.pagar": "admin finanzas contacto",
        "cobros.reembolsar": "admin finanzas",
        "cobros.liquidacion": "admin finanzas",
        "cobros.automatico": "admin finanzas worker",
        "cobros.aviso": "worker",
        "cobros.configurar": "admin finanzas",
    ]

    static func engine(_ s: Services) -> CardService { s.cards(gateways: { _ in MatrixGateway() }) }

    static let cases: [MatrixCase] = [
        MatrixCase(.cardView) { s, w, t in
            guard try engine(s).savedCards(customerId: MatrixCase.customer(w, t)).count == 1 else { throw ServiceError.notFound }
        },
        MatrixCase(.cardSave) { s, w, t in
            let c = MatrixCase.customer(w, t)
            try engine(s).setAutopay(customerId: c, cardId: w.ids[t == .own ? "cardA" : "cardB"], enabled: true)
        },
        MatrixCase(.cardRemove) { s, w, t in
            try engine(s).removeCard(id: w.ids[t == .own ? "cardA" : "cardB"] ?? -1)
        },
        MatrixCase(.chargeNow) { s, w, _ in
            guard try engine(s).chargeNow(customerId: w.customerA).status == .approved else { throw ServiceError.notFound }
        },
        MatrixCase(.chargePay) { s, w, t in
            _ = try engine(s).startPayment(customerId: MatrixCase.customer(w, t), receivableIds: [], saveCard: false, gateway: .izipay,
                                           returnURL: "https://portal/pago", notificationURL: "https://portal/ipn")
        },
        MatrixCase(.chargeRefund) { s, w, _ in
            try engine(s).refund(chargeId: w.ids["chargeA"] ?? -1, amount: "18.00", reason: "Servicio no prestado")
        },
        MatrixCase(.chargePayout) { s, w, _ in
            try engine(s).recordPayout(gateway: .izipay, date: LocalDate(MatrixWorld.now(), in: ExchangeRateService.lima), gross: "118.00",
                                       commission: "4.13", currency: .pen, chargeIds: [w.ids["chargeA"] ?? -1])
        },
        MatrixCase(.chargeAutomatic) { s, _, _ in
            _ = try engine(s).runAutomatic()
        },
        MatrixCase(.chargeNotification, audited: false) { s, _, _ in
            _ = try engine(s).receiveNotification(gateway: .izipay, fields: ["kr-answer": "{}"])
        },
        MatrixCase(.chargeSettings) { s, _, _ in
            try engine(s).setRetrySchedule("0,2,5")
        },
    ]
}

/// Approves every charge; verifies every notification as declined.
struct MatrixGateway: CardGateway {
    var name: GatewayName { .izipay }
    func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome {
        .approved(GatewayTransaction(orderId: charge.orderId, transactionId: "tx-\(charge.orderId)", authorizationCode: nil,
                                     amount: charge.amount, card: nil, cardToken: nil))
    }
    func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup { .notFound }
    func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund {
        GatewayRefund(refundId: "rf-1", amount: amount)
    }
    func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession {
        CheckoutSession(gateway: .izipay, orderId: request.orderId, scriptURL: "https://static.fake.pe/form.js", publicKey: "pk",
                        token: "t", allowedOrigins: ["https://static.fake.pe"])
    }
    func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome {
        .declined(code: "05", message: "Denegada")
    }
    func removeCard(token: String) throws(GatewayError) {}
}
