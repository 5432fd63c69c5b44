import BytekGateways
import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// The ledger fixture with a card engine over a fake gateway: the gateway's bank account set (PEN), a card saved
/// for customer A, and a factura of S/ 1,000.00 + IGV 180.00 = 1,180.00 with detracción (12 % of 1,180.00 =
/// 141.60): neto 1,180.00 − 141.60 = 1,038.40 — what a card may pay.
final class CardFixture: @unchecked Sendable {
    let ledger: LedgerFixture
    let gateway: FakeGateway
    var card: SavedCard!
    var invoice: EDocumentRecord!
    var clock: Date

    var store: Store { ledger.store }
    var customer: Int64 { ledger.customer }

    init(gateway: GatewayName = .izipay) throws {
        ledger = try LedgerFixture()
        self.gateway = FakeGateway(gateway)
        clock = LedgerFixture.now()
        try engine().setGatewayAccount(gateway: gateway, currency: .pen, bankAccountId: ledger.bcpPEN)
        card = try CardRepository(db: store.db, user: "setup", now: LedgerFixture.now).saveCard(
            customerId: customer, gateway: gateway.rawValue, token: "tok-A-1", brand: "VISA", maskedNumber: "497010XXXXXX0055",
            expiryMonth: 12, expiryYear: 2030, holderEmail: "pagos@cliente-a.pe", accountId: nil)
        invoice = try ledger.issue(try LedgerFixture.factura(price: 1_000, detraccion: true))
    }

    /// The engine as `actor` (finanzas by default) on the fixture's movable clock.
    func engine(_ actor: Actor = .staff("fina", role: .finanzas, door: .cli)) -> CardService {
        let now = clock
        let g = gateway
        return Services(store: store, actor: actor, now: { now }, environment: { [:] }).cards(gateways: { _ in g })
    }

    func moveClock(days: Int) { clock = clock.addingTimeInterval(Double(days) * 86_400) }

    var neto: Receivable { get throws { try ledger.receivables(invoice.documentID).first { $0.part == .neto }! } }

    /// Payments recorded for the customer that stand (not reversed).
    func standingPayments() throws -> [Payment] {
        try ledger.fina.receivables.payments(customerId: customer).filter { !$0.isReversed }
    }

    func count(_ sql: String) throws -> Int64 { try store.db.scalar(sql).intValue ?? -1 }
}
