import BytekGateways
import BytekModel
import Foundation
import Testing

@Suite struct IzipayClientTests {
    @Test func savedCardChargeIsApprovedAndCountedOnce() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let token = try emulator.savedCard("4970100000000055")
        let outcome = try emulator.izipay().charge(SavedCardCharge(orderId: "COB-1", amount: try pen("1180.50"),
                                                                   cardToken: token, customer: customer))
        guard case .approved(let tx) = outcome else { Issue.record("no aprobado: \(outcome)"); return }
        #expect(tx.orderId == "COB-1")
        #expect(tx.amount == GatewayAmount(cents: 118_050, currency: .pen))
        #expect(tx.card == CardDetails(brand: "VISA", maskedNumber: "497010XXXXXX0055", expiryMonth: 12, expiryYear: 2030))
        #expect(tx.cardToken == token)
        #expect(!tx.transactionId.isEmpty)
        #expect(try emulator.charges(order: "COB-1") == 1)
        #expect(try emulator.izipay().findOrder("COB-1") == .approved(tx))
    }

    @Test func unknownOrderIsNotFound() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        #expect(try emulator.izipay().findOrder("NUNCA-1") == .notFound)
    }

    @Test func connectionRefusedIsUnavailable() throws {
        let client = IzipayClient(IzipayConfig(baseURL: URL(string: "http://127.0.0.1:\(closedPort())")!, shopId: "1",
                                               password: "p", publicKey: "k", hmacKey: "h", timeout: 2))
        #expect {
            _ = try client.findOrder("X-1")
        } throws: { error in
            if case GatewayError.unavailable = error { return true }
            return false
        }
    }

    @Test func wrongPasswordIsRejected() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        #expect(throws: GatewayError.rejected(code: "INT_905", message: "Invalid authentication (shopId:password)")) {
            _ = try emulator.izipay(password: "testpassword_OTRA").findOrder("X-1")
        }
    }
}
