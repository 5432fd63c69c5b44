import BytekGateways
import BytekModel
import Foundation
import Testing

/// A clock tests move by hand.
final class ManualClock: @unchecked Sendable {
    // @unchecked: `now` is read and written under `lock`.
    private let lock = NSLock()
    private var value = Date(timeIntervalSince1970: 1_800_000_000)
    var now: Date { lock.withLock { value } }
    func advance(_ seconds: TimeInterval) { lock.withLock { value = value.addingTimeInterval(seconds) } }
}

@Suite struct NiubizClientTests {
    @Test func savedCardChargeIsApprovedAndCountedOnce() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4919148107859067")
        let client = emulator.niubiz()
        let outcome = try client.charge(SavedCardCharge(orderId: "1001", amount: try pen("236.00"), cardToken: token, customer: customer))
        guard case .approved(let tx) = outcome else { Issue.record("no aprobado: \(outcome)"); return }
        #expect(tx.orderId == "1001")
        #expect(tx.amount == GatewayAmount(cents: 23_600, currency: .pen))
        #expect(tx.card?.maskedNumber == "491914******9067")
        #expect(tx.card?.brand == "visa")
        #expect(tx.card?.expiryMonth == 12 && tx.card?.expiryYear == 2030)
        #expect(tx.cardToken == token)
        #expect(tx.authorizationCode?.isEmpty == false)
        #expect(try emulator.charges(order: "1001") == 1)
        #expect(try client.findOrder("1001") == .approved(tx))
        #expect(try client.findOrder("1002") == .notFound)
        #expect(client.securityTokensObtained == 1)
    }

    @Test(arguments: ["COB-1", "1234567890123", "12a4", "", "١٢٣"]) func nonNumericPurchaseNumberIsRefusedBeforeSending(orderId: String) throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4919148107859067")
        #expect {
            _ = try emulator.niubiz().charge(SavedCardCharge(orderId: orderId, amount: try pen("5"), cardToken: token, customer: customer))
        } throws: { error in
            if case GatewayError.rejected(code: "purchaseNumber", _) = error { return true }
            return false
        }
        #expect((try emulator.admin("GET", "/_emulador/solicitudes") as? [Any])?.isEmpty == true)
    }

    @Test func securityTokenIsReusedThenRenewedBeforeItExpires() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz, ["--token-segundos", "2"])
        let clock = ManualClock()
        let client = emulator.niubiz(now: { clock.now })
        #expect(try client.findOrder("1") == .notFound)
        clock.advance(1)
        #expect(try client.findOrder("2") == .notFound)
        #expect(client.securityTokensObtained == 1)
        // 1.7 s into a 2 s token: renewed although the gateway would still take the old one.
        clock.advance(0.7)
        #expect(try client.findOrder("3") == .notFound)
        #expect(client.securityTokensObtained == 2)
        let issued = (try emulator.admin("POST", "/_emulador/config", [:]) as? [String: Any])?["tokens_emitidos"] as? Int
        #expect(issued == 2)
    }

    @Test func anExpiredTokenIsRenewedOnceAndTheCallRepeated() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz, ["--token-segundos", "2"])
        let token = try emulator.savedCard("4919148107859067")
        // A clock that does not move: the client believes its token is fresh, the gateway answers 401.
        let stuck = emulator.niubiz(now: { Date(timeIntervalSince1970: 0) })
        #expect(try stuck.findOrder("1") == .notFound)
        Thread.sleep(forTimeInterval: 2.1)
        let outcome = try stuck.charge(SavedCardCharge(orderId: "6001", amount: try pen("5"), cardToken: token, customer: customer))
        guard case .approved = outcome else { Issue.record("\(outcome)"); return }
        #expect(stuck.securityTokensObtained == 2)
        #expect(try emulator.charges(order: "6001") == 1)
    }

    @Test func connectionRefusedIsUnavailable() throws {
        let client = NiubizClient(NiubizConfig(baseURL: URL(string: "http://127.0.0.1:\(closedPort())")!, merchantId: "1",
                                               user: "u", password: "p", timeout: 2))
        #expect {
            _ = try client.findOrder("1")
        } throws: { error in
            if case GatewayError.unavailable = error { return true }
            return false
        }
    }
}
