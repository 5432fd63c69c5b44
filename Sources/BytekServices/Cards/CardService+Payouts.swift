import BytekModel
import BytekStore
import Foundation

extension CardService {
    /// The pending statement lines that look like a gateway payout's deposit (its net amount, within 7 days).
    public func payoutSuggestions(accountId: Int64? = nil) throws -> [PayoutSuggestion] {
        try actor.authorize(.chargePayout)
        let lines = try services.acting(BankStatementRepository.self).pending(accountId: accountId).map { (id: $0.id, line: $0.line) }
        let payouts = try repository.payouts(unmatchedOnly: true).map {
            PayoutCandidate(id: $0.id, gateway: $0.gateway, date: $0.date, net: $0.net)
        }
        return PayoutMatcher.suggest(lines: lines, payouts: payouts)
    }

    /// Accepts a statement line as a payout's deposit: the line reconciled (no customer payment: the charges were
    /// recorded when approved) and the gateway's commission recorded as a cost — one transaction, audited.
    @discardableResult
    public func acceptPayout(lineId: Int64, payoutId: Int64) throws -> CardPayout {
        try actor.authorize(.chargePayout)
        let statements = services.acting(BankStatementRepository.self)
        guard let line = try statements.line(id: lineId) else { throw BankStatementError.notPending(lineId) }
        guard let payout = try repository.payout(id: payoutId) else { throw CardError.payoutAmounts("la liquidación \(payoutId) no existe") }
        guard payout.statementLineId == nil else { throw CardError.payoutAmounts("la liquidación \(payoutId) ya está conciliada") }
        guard line.line.amount == payout.net else {
            throw CardError.payoutAmounts("la línea es de \(line.line.amount.formatted) y el neto de la liquidación es \(payout.net.formatted)")
        }
        return try services.db.write {
            let matched = try repository.matchPayout(id: payoutId, statementLineId: lineId)
            try statements.resolve(id: lineId, status: .conciliada, paymentId: nil,
                                   summary: "Extracto: línea \(lineId) es la liquidación \(payoutId) de \(payout.gateway) "
                                    + "(neto \(payout.net.formatted), comisión \(payout.commission.formatted))")
            return matched
        }
    }
}
