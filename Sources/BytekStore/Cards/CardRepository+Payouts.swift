import BytekModel
import Foundation

/// A gateway's payout: what it deposited (net of its commission) for a set of approved charges.
public struct CardPayout: Sendable, Hashable, Identifiable, Codable {
    public var id: Int64
    public var gateway: String
    public var date: LocalDate
    public var gross: Money
    public var commission: Money
    public var net: Money
    public var reference: String
    public var chargeIds: [Int64]
    public var statementLineId: Int64?
}

extension CardRepository {
    func decodePayout(_ row: Row) throws -> CardPayout {
        let c = Currency(rawValue: row.string("currency")) ?? .pen
        let ids = try db.query("SELECT charge_id FROM card_payout_charge WHERE payout_id = ? ORDER BY charge_id", [.int(row.int("id"))])
            .map { $0.int("charge_id") }
        return CardPayout(id: row.int("id"), gateway: row.string("gateway"), date: LocalDate(row.string("date")) ?? LocalDate(daysSinceEpoch: 0),
                          gross: Money(minorUnits: row.int("gross_cents"), c), commission: Money(minorUnits: row.int("commission_cents"), c),
                          net: Money(minorUnits: row.int("net_cents"), c), reference: row.string("reference"), chargeIds: ids,
                          statementLineId: row["statement_line_id"].intValue)
    }

    public func payouts(unmatchedOnly: Bool = false) throws -> [CardPayout] {
        try db.query("SELECT * FROM card_payout \(unmatchedOnly ? "WHERE statement_line_id IS NULL" : "") ORDER BY date DESC, id DESC")
            .map(decodePayout)
    }

    public func payout(id: Int64) throws -> CardPayout? {
        try db.queryOne("SELECT * FROM card_payout WHERE id = ?", [.int(id)]).map(decodePayout)
    }

    /// Records a payout: gross − commission = net, each charge approved, in its currency and in no other payout.
    @discardableResult
    public func recordPayout(gateway: String, date: LocalDate, gross: Money, commission: Money, reference: String,
                             chargeIds: [Int64]) throws -> CardPayout {
        guard gross.currency == commission.currency, gross.minorUnits > commission.minorUnits, commission.minorUnits >= 0 else {
            throw CardError.payoutAmounts("la comisión debe ser menor que el bruto y en la misma moneda")
        }
        return try db.write {
            var sum: Int64 = 0
            for id in chargeIds {
                guard let c = try charge(id: id) else { throw CardError.chargeNotFound("\(id)") }
                guard c.status == .aprobado, c.gateway == gateway, c.amount.currency == gross.currency else {
                    throw CardError.payoutChargeNotApproved(c.orderKey)
                }
                if try db.queryOne("SELECT payout_id FROM card_payout_charge WHERE charge_id = ?", [.int(id)]) != nil {
                    throw CardError.payoutChargeTaken(c.orderKey)
                }
                sum += c.amount.minorUnits - c.refunded.minorUnits
            }
            guard chargeIds.isEmpty || sum == gross.minorUnits else {
                throw CardError.payoutAmounts("los cobros suman \(Money(minorUnits: sum, gross.currency).formatted) y el bruto es \(gross.formatted)")
            }
            let net = gross.minorUnits - commission.minorUnits
            try db.execute("""
                INSERT INTO card_payout(gateway, date, currency, gross_cents, commission_cents, net_cents, reference, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.text(gateway), .text(date.description), .text(gross.currency.rawValue), .int(gross.minorUnits), .int(commission.minorUnits),
                      .int(net), .text(reference), .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            for c in chargeIds { try db.execute("INSERT INTO card_payout_charge(payout_id, charge_id) VALUES (?, ?)", [.int(id), .int(c)]) }
            guard let p = try payout(id: id) else { throw CardError.payoutAmounts("no se guardó") }
            try audit.append(entity: CardAuditEntity.cardPayoutEntity, entityId: id, action: .create,
                             summary: "Liquidación de \(gateway) del \(date): bruto \(gross.formatted), comisión \(commission.formatted), neto \(p.net.formatted)",
                             after: p)
            return p
        }
    }

    /// The payout meets its bank statement line: the line is marked, and the commission recorded as a cost.
    @discardableResult
    public func matchPayout(id: Int64, statementLineId: Int64) throws -> CardPayout {
        try db.write {
            guard let p = try payout(id: id) else { throw CardError.payoutAmounts("la liquidación \(id) no existe") }
            guard p.statementLineId == nil else { return p }
            try db.execute("UPDATE card_payout SET statement_line_id = ?, matched_at = ? WHERE id = ?", [.int(statementLineId), .text(stamp), .int(id)])
            try db.execute("""
                INSERT INTO gateway_commission(payout_id, date, currency, amount_cents, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)
                """, [.int(id), .text(p.date.description), .text(p.commission.currency.rawValue), .int(p.commission.minorUnits),
                      .text(user), .text(stamp)])
            guard let after = try payout(id: id) else { return p }
            try audit.append(entity: CardAuditEntity.cardPayoutEntity, entityId: id, action: .update,
                             summary: "Liquidación \(id) conciliada con la línea \(statementLineId); comisión \(p.commission.formatted) registrada como gasto",
                             before: p, after: after)
            return after
        }
    }
}
