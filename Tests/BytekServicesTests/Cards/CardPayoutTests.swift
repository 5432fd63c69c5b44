import BytekGateways
import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// A gateway payout: gross S/ 1,038.40 (the one approved charge) − commission 3.5 % = 36.34 → net 1,002.06,
/// deposited two days later; the statement line of 1,002.06 "ABONO IZIPAY" is suggested (alta) and accepted:
/// the line reconciled, the commission recorded as a cost, audited. A line of another amount is not suggested.
@Suite struct CardPayoutTests {
    typealias F = LedgerFixture

    @Test func payoutMeetsItsNetBankLineAndRecordsTheCommission() throws {
        let f = try CardFixture()
        let charge = try #require(try f.engine().chargeNow(customerId: f.customer).charge)
        #expect(throws: CardError.payoutAmounts("los cobros suman S/ 1,038.40 y el bruto es S/ 1,100.00")) {
            try f.engine().recordPayout(gateway: .izipay, date: F.today, gross: "1100.00", commission: "36.34", currency: .pen,
                                        chargeIds: [charge.id])
        }
        let payout = try f.engine().recordPayout(gateway: .izipay, date: F.today, gross: "1038.40", commission: "36.34", currency: .pen,
                                                 reference: "LIQ-77", chargeIds: [charge.id])
        #expect(payout.net == F.pen("1002.06"))
        #expect(throws: CardError.payoutChargeTaken(charge.orderKey)) {
            try f.engine().recordPayout(gateway: .izipay, date: F.today, gross: "1038.40", commission: "0", currency: .pen, chargeIds: [charge.id])
        }
        let statements = BankStatementRepository(db: f.store.db, user: "fina", now: LedgerFixture.now)
        func line(_ n: Int, _ text: String, _ amount: String, day: Int) -> BankStatementLine {
            BankStatementLine(fileLine: n, date: F.today.adding(days: day), description: text, amount: F.pen(amount),
                              operationNumber: "OP\(n)", key: "op:OP\(n)")
        }
        _ = try statements.importLines(accountId: f.ledger.bcpPEN, accountLabel: "BCP", [
            line(1, "TRANSF CLIENTE X", "1002.06", day: 9),      // too late
            line(2, "ABONO IZIPAY LIQ", "1002.06", day: 2),
            line(3, "ABONO IZIPAY LIQ", "1002.07", day: 2),      // one céntimo off
        ])
        let ids = try statements.pending().reduce(into: [String: Int64]()) { $0[$1.line.operationNumber] = $1.id }
        let suggestions = try f.engine().payoutSuggestions()
        #expect(suggestions.map(\.lineId) == [ids["OP2"]!] && suggestions.first?.confidence == .alta)
        let matched = try f.engine().acceptPayout(lineId: ids["OP2"]!, payoutId: payout.id)
        #expect(matched.statementLineId == ids["OP2"])
        #expect(try f.count("SELECT amount_cents FROM gateway_commission WHERE payout_id = \(payout.id)") == 3_634)
        #expect(try statements.line(id: ids["OP2"]!)?.status == .conciliada)
        #expect(try f.count("SELECT count(*) FROM audit_log WHERE entity = 'card_payout'") == 2)
        #expect(try f.engine().payoutSuggestions().isEmpty)
        #expect(throws: CardError.payoutAmounts("la liquidación \(payout.id) ya está conciliada")) {
            try f.engine().acceptPayout(lineId: ids["OP3"]!, payoutId: payout.id)
        }
    }
}
