import Foundation
import Testing
@testable import BytekModel

@Suite struct PaymentSuggestionTests {
    static let day = LocalDate(year: 2026, month: 11, day: 1)!

    static func r(_ id: Int64, _ cents: Int64, _ currency: Currency = .pen, due: Int, part: ReceivablePart = .neto,
                  settled: Int64 = 0) -> Receivable {
        Receivable(id: id, documentId: id, documentID: "F001-\(id)", documentKind: .factura, customerId: 1,
                   customerName: "Cliente", customerDocNumber: "20100000001", unit: nil, part: part, installment: 0,
                   amount: Money(minorUnits: cents, currency), settled: Money(minorUnits: settled, currency),
                   issueDate: day, dueDate: day.adding(days: due))
    }

    static func pen(_ cents: Int64) -> Money { Money(minorUnits: cents, .pen) }

    @Test func anExactBalanceWinsEvenWhenItIsNotTheOldest() {
        let open = [Self.r(1, 100_00, due: 0), Self.r(2, 250_00, due: 10), Self.r(3, 300_00, due: 20)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(300_00), exchangeRate: nil, open: open)
        #expect(s.rule == .exactOne)
        #expect(s.applications == [PaymentApplication(receivableId: 3, amount: Self.pen(300_00))])
    }

    @Test func theExactBalanceIsTheRemainingOneAfterPartialPayments() {
        let open = [Self.r(1, 500_00, due: 0, settled: 200_00), Self.r(2, 400_00, due: 5)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(300_00), exchangeRate: nil, open: open)
        #expect(s.applications == [PaymentApplication(receivableId: 1, amount: Self.pen(300_00))])
    }

    @Test func aSetOfTheOldestThatAddsUpExactly() {
        // No single balance is 400; 100 + 250 + 50 is, and it beats the younger 250 + 150.
        let open = [Self.r(1, 100_00, due: 0), Self.r(2, 250_00, due: 10), Self.r(3, 99_00, due: 20),
                    Self.r(4, 50_00, due: 30), Self.r(5, 150_00, due: 40)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(400_00), exchangeRate: nil, open: open)
        #expect(s.rule == .exactSet)
        #expect(s.applications.map(\.receivableId) == [1, 2, 4])
        #expect(s.applications.map(\.amount) == [Self.pen(100_00), Self.pen(250_00), Self.pen(50_00)])
    }

    @Test func otherwiseOldestFirstTheLastPartially() {
        let open = [Self.r(2, 250_00, due: 10), Self.r(1, 100_00, due: 0), Self.r(3, 300_00, due: 20)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(420_50), exchangeRate: nil, open: open)
        #expect(s.rule == .oldestFirst)
        #expect(s.applications == [PaymentApplication(receivableId: 1, amount: Self.pen(100_00)),
                                   PaymentApplication(receivableId: 2, amount: Self.pen(250_00)),
                                   PaymentApplication(receivableId: 3, amount: Self.pen(70_50))])
        #expect(PaymentSuggestion.credit(of: Self.pen(420_50), applied: s.applications.map(\.amount), exchangeRate: nil)
                == Self.pen(0))
    }

    @Test func anOverpaymentLeavesTheRestAsCredit() {
        let open = [Self.r(1, 100_00, due: 0), Self.r(2, 50_00, due: 3)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(200_00), exchangeRate: nil, open: open)
        #expect(s.applications.map(\.amount) == [Self.pen(100_00), Self.pen(50_00)])
        #expect(PaymentSuggestion.credit(of: Self.pen(200_00), applied: s.applications.map(\.amount), exchangeRate: nil)
                == Self.pen(50_00))
    }

    @Test func detraccionAndRetentionPartsAndSettledOnesAreNotProposed() {
        let open = [Self.r(1, 100_00, due: 0, part: .detraccion), Self.r(2, 30_00, due: 0, part: .retencion),
                    Self.r(3, 100_00, due: 1, settled: 100_00), Self.r(4, 900_00, due: 2)]
        let s = PaymentSuggestion.suggest(amount: Self.pen(100_00), exchangeRate: nil, open: open)
        #expect(s.applications == [PaymentApplication(receivableId: 4, amount: Self.pen(100_00))])
    }

    @Test func aDollarReceivablePaidInSolesNeedsTheRate() {
        let open = [Self.r(1, 100_00, .usd, due: 0)]
        let none = PaymentSuggestion.suggest(amount: Self.pen(375_00), exchangeRate: nil, open: open)
        #expect(none.rule == .nothingOpen)
        let s = PaymentSuggestion.suggest(amount: Self.pen(375_00), exchangeRate: Decimal(string: "3.750"), open: open)
        #expect(s.rule == .exactOne)
        #expect(s.applications == [PaymentApplication(receivableId: 1, amount: Money(minorUnits: 100_00, .usd))])
        // Half of it: 187.50 soles are 50 dollars.
        let half = PaymentSuggestion.suggest(amount: Self.pen(187_50), exchangeRate: Decimal(string: "3.750"), open: open)
        #expect(half.applications == [PaymentApplication(receivableId: 1, amount: Money(minorUnits: 50_00, .usd))])
    }

    @Test func nothingToSuggestForZeroOrNothingOpen() {
        #expect(PaymentSuggestion.suggest(amount: Self.pen(0), exchangeRate: nil, open: [Self.r(1, 1_00, due: 0)]).rule == .nothingOpen)
        #expect(PaymentSuggestion.suggest(amount: Self.pen(5_00), exchangeRate: nil, open: []).applications.isEmpty)
    }

    @Test func manyOpenCuotasAnswerAtOnceAtTheLimits() {
        // 2,000 cuotas of odd amounts and the largest amount typed: the search stays within its budget.
        let open = (1...2_000).map { Self.r(Int64($0), Int64(1_000 + $0 * 7), due: $0) }
        let big = Money(AmountLimits.maxAmount, .pen)
        let clock = ContinuousClock()
        let t = clock.measure {
            let s = PaymentSuggestion.suggest(amount: big, exchangeRate: nil, open: open)
            #expect(s.applications.count == 2_000)
        }
        #expect(t < .seconds(1))
        let odd = PaymentSuggestion.suggest(amount: Self.pen(3), exchangeRate: nil, open: open)
        #expect(odd.rule == .oldestFirst)
        #expect(odd.applications == [PaymentApplication(receivableId: 1, amount: Self.pen(3))])
    }
}
