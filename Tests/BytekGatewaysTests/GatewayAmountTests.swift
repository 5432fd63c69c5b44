import BytekGateways
import BytekModel
import Foundation
import Testing

@Suite struct GatewayAmountTests {
    @Test func exactMoneyBecomesCents() throws {
        let amount = try GatewayAmount(Money(Decimal(string: "1180.50")!, .pen))
        #expect(amount.cents == 118_050)
        #expect(amount.currency == .pen)
        #expect(amount.money == Money(Decimal(string: "1180.5")!, .pen))
    }

    @Test func zeroNegativeAndSubCentAreRefused() {
        for text in ["0", "-1.00", "10.005"] {
            #expect(throws: GatewayError.self) { try GatewayAmount(Money(Decimal(string: text)!, .usd)) }
        }
    }
}
