import BytekGateways
import BytekModel
import BytekStore
import Foundation

extension CardService {
    /// Refunds all (no amount) or part of an approved charge through the gateway, then records it: the payment
    /// reversed, and for a partial refund a new payment of the rest applied to the same receivables — one
    /// transaction. The refund row is stored before the gateway is called; no answer leaves it `desconocido`.
    @discardableResult
    public func refund(chargeId: Int64, amount: String?, reason: String) throws -> CardRefund {
        try actor.authorize(.chargeRefund)
        guard let c = try repository.charge(id: chargeId) else { throw CardError.chargeNotFound("\(chargeId)") }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw CardError.reasonRequired }
        guard c.status == .aprobado, c.paymentId != nil, let tx = c.transactionId else { throw CardError.refundNotApproved(c.orderKey) }
        let money: Money
        if let text = amount?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            money = try ReceivableService.amount(text, currency: c.amount.currency, field: "monto del reembolso")
        } else {
            money = c.refundable
        }
        let row = try repository.startRefund(chargeId: chargeId, amount: money, reason: why)
        let g = try gateway(c.gateway)
        let done: GatewayRefund
        do {
            done = try g.refund(transactionId: tx, amount: GatewayAmount(cents: money.minorUnits, currency: money.currency))
        } catch {
            let unknown = if case .indeterminate = error { true } else { false }
            try repository.failRefund(id: row.id, unknown: unknown, message: error.message)
            throw error
        }
        return try repository.completeRefund(id: row.id, gatewayRefundId: done.refundId, date: today)
    }

    /// Records a gateway's payout (gross − commission = net, the charges it covers).
    @discardableResult
    public func recordPayout(gateway: GatewayName, date: LocalDate, gross: String, commission: String, currency: Currency,
                             reference: String = "", chargeIds: [Int64]) throws -> CardPayout {
        try actor.authorize(.chargePayout)
        let g = try ReceivableService.amount(gross, currency: currency, field: "bruto de la liquidación")
        let c: Money
        do { c = try Money.parse(commission, currency: currency) } catch { throw ReceivableError.amount(field: "comisión de la liquidación", error) }
        return try repository.recordPayout(gateway: gateway.rawValue, date: date, gross: g, commission: c, reference: reference,
                                           chargeIds: chargeIds)
    }

    /// The payouts (not yet matched to the bank only, when asked).
    public func payouts(unmatchedOnly: Bool = false) throws -> [CardPayout] {
        try actor.authorize(.cardView)
        guard actor.customerScope == nil else { throw ServiceError.notFound }
        return try repository.payouts(unmatchedOnly: unmatchedOnly)
    }

    /// A payout meets its bank statement line: the commission is recorded as a cost.
    @discardableResult
    public func matchPayout(id: Int64, statementLineId: Int64) throws -> CardPayout {
        try actor.authorize(.chargePayout)
        return try repository.matchPayout(id: id, statementLineId: statementLineId)
    }
}
