import BytekGateways
import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Answers the charges it is given in turn (declined with 51, then approved); refunds everything.
final class ScriptedGateway: CardGateway, @unchecked Sendable {
    var name: GatewayName { .izipay }
    private let lock = NSLock()
    private var declines: Int
    private(set) var charged: [Int64] = []
    init(declineFirst: Int) { declines = declineFirst }

    func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome {
        lock.withLock {
            if declines > 0 { declines -= 1; return .declined(code: "51", message: "Insufficient funds") }
            charged.append(charge.amount.cents)
            return .approved(GatewayTransaction(orderId: charge.orderId, transactionId: "tx-\(charge.orderId)", authorizationCode: "A1",
                                                amount: charge.amount, card: nil, cardToken: nil))
        }
    }
    func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup { .notFound }
    func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund { GatewayRefund(refundId: "rf-1", amount: amount) }
    func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession { throw .unavailable("sin formulario") }
    func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome { throw .badSignature }
    func removeCard(token: String) throws(GatewayError) {}
}

@MainActor
@Suite struct CardsScreenTests {
    /// A factura of S/ 1,000.00 + IGV = 1,180.00 (no detracción) to Comercial Andina, the Izipay account, a saved card.
    func seed(_ h: ScreenHarness) throws -> Int64 {
        try h.addCustomers([("20100047218", "Comercial Andina S.A.C.", "Lince")])
        let customer = try #require(try h.store.db.queryOne("SELECT id FROM customer")).int("id")
        let now: @Sendable () -> Date = { ScreenHarness.fixedNow }
        let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                            address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores", province: "Lima",
                                                   department: "Lima"))
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: now(), issuer: issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Comercial Andina S.A.C."),
                            lines: [EDocumentLine(description: "Soporte", quantity: 1, unit: .service, unitPrice: 1_000, itemKind: .service)])
        _ = try EDocumentRepository(db: h.store.db, user: "setup", now: now).issue(doc) { d in
            PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "h-\(d.id)", fileName: d.fileName)
        }
        let account = try ReceivableRepository(db: h.store.db, user: "setup", now: now).addBankAccount(bank: "Izipay", number: "IZI", currency: .pen)
        let cards = CardRepository(db: h.store.db, user: "setup", now: now)
        try cards.setGatewayAccount("izipay", currency: .pen, bankAccountId: account.id)
        try cards.saveCard(customerId: customer, gateway: "izipay", token: "tok", brand: "VISA", maskedNumber: "497010XXXXXX0055",
                           expiryMonth: 12, expiryYear: 2030, holderEmail: "pagos@andina.pe", accountId: nil)
        return customer
    }

    /// `t` on a row of Cobranzas opens the customer's cards and charges; `c` asks with the amount and card, a decline
    /// shows the bank's reason on the row, the second charge is approved with its payment; `r` refunds part of it.
    @Test func chargeDeclinedThenApprovedThenPartlyRefunded() throws {
        let h = try ScreenHarness(width: 140, height: 40)
        let customer = try seed(h)
        h.go(.receivables)
        h.keys(.char("t"))
        #expect(h.screen.contains("Tarjetas y cobros · Comercial Andina S.A.C."), "\(h.screen)")
        #expect(h.screen.contains("VISA •••• 0055 (vence 12/2030) · Izipay") && h.screen.contains("Sin cobros con tarjeta."), "\(h.screen)")

        // The same pane over a scripted gateway (the module's builds Izipay from the secrets file).
        let gateway = ScriptedGateway(declineFirst: 1)
        let services = h.app.context.services(h.store)
        let pane = CardsScreen(cards: services.cards(gateways: { _ in gateway }), customerId: customer, customerName: "Comercial Andina S.A.C.",
                               strings: h.app.context.strings, canWrite: true)
        h.app.stacks[.receivables]?.append(pane)
        h.app.draw()
        h.keys(.char("c"))
        #expect(h.screen.contains("¿Cobrar S/ 1,180.00 a la VISA •••• 0055 (vence 12/2030) por") && h.screen.contains("F001-1?"), "\(h.screen)")
        h.keys(.char("s"))
        #expect(h.screen.contains("Pago rechazado: Fondos insuficientes (51)"), "\(h.screen)")
        #expect(h.screen.contains("Rechazado") && h.screen.contains("manual"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM payment").intValue == 0)

        h.keys(.char("c"))
        h.keys(.char("n"))
        #expect(h.screen.contains("Cancelado: no se cobró nada."), "\(h.screen)")
        h.keys(.char("c"), .char("s"))
        #expect(h.screen.contains("Pago aprobado: F001-1 por S/ 1,180.00."), "\(h.screen)")
        #expect(gateway.charged == [118_000])
        let payment = try #require(try h.store.db.scalar("SELECT id FROM payment").intValue)
        #expect(h.screen.contains("Aprobado") && h.screen.contains("pago \(payment)"), "\(h.screen)")

        h.keys(.home)   // the newest attempt (approved) first
        h.keys(.char("r"))
        #expect(h.screen.contains("Monto a reembolsar (queda S/ 1,180.00):"), "\(h.screen)")
        h.type("99999999999999999999")
        h.keys(.enter)
        h.type("Descuento acordado")
        h.keys(.enter)
        #expect(h.screen.contains("supera el máximo"), "\(h.screen)")
        #expect(try h.store.db.scalar("SELECT count(*) FROM card_refund").intValue == 0)
        h.keys(.char("r"))
        h.type("180.00")
        h.keys(.enter)
        h.type("Descuento acordado")
        h.keys(.enter)
        #expect(h.screen.contains("Reembolso de S/ 180.00 del cobro"), "\(h.screen)")
        #expect(h.screen.contains("reembolsado S/ 180.00"), "\(h.screen)")
        let standing = try h.store.db.query("SELECT amount_cents FROM payment WHERE reversed_at IS NULL").map { $0.int("amount_cents") }
        #expect(standing == [100_000])

        h.keys(.escape)   // back to the module's own pane (opened with `t`, now showing the same charges), then to Cobranzas
        #expect(h.screen.contains("Tarjetas y cobros ·") && h.screen.contains("reembolsado S/ 180.00"), "\(h.screen)")
        h.keys(.escape)
        #expect(!h.screen.contains("Tarjetas y cobros ·") && h.screen.contains("Antigüedad"), "\(h.screen)")
    }
}
