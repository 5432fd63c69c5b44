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

    @Test(arguments: ["116", "190", "129"]) func declineCodesComeBackAsDeclined(code: String) throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4474118355632240")
        try emulator.fault(["tipo": "rechazo", "orden": "2001", "codigo": code])
        let client = emulator.niubiz()
        let outcome = try client.charge(SavedCardCharge(orderId: "2001", amount: try pen("10"), cardToken: token, customer: customer))
        guard case .declined(let got, let message) = outcome else { Issue.record("no rechazado: \(outcome)"); return }
        #expect(got == code)
        #expect(message.hasPrefix("Operacion Denegada"))
        #expect(try client.findOrder("2001") == .declined(code: code, message: message))
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func refusedAndExpiredCardsAreDeclined() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let poor = try emulator.savedCard("4000000000009995")
        let expired = try emulator.savedCard("4919148107859067", expiry: "03/21")
        let a = try client.charge(SavedCardCharge(orderId: "3001", amount: try pen("10"), cardToken: poor, customer: customer))
        let b = try client.charge(SavedCardCharge(orderId: "3002", amount: try pen("10"), cardToken: expired, customer: customer))
        guard case .declined("116", _) = a, case .declined("101", _) = b else { Issue.record("\(a) / \(b)"); return }
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func timeoutAfterChargingIsIndeterminateAndTheOrderShowsOneCharge() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4919148107859067")
        try emulator.fault(["tipo": "timeout", "orden": "4001", "segundos": 5])
        let charge = SavedCardCharge(orderId: "4001", amount: try pen("45.10"), cardToken: token, customer: customer)
        #expect {
            _ = try emulator.niubiz(timeout: 2).charge(charge)
        } throws: { error in
            if case GatewayError.indeterminate = error { return true }
            return false
        }
        guard case .approved(let tx) = try emulator.niubiz().findOrder("4001") else { Issue.record("no aprobada"); return }
        #expect(tx.amount.cents == 4_510)
        #expect(try emulator.charges(order: "4001") == 1)
    }

    /// The connection cut, or an answer that is not Niubiz's JSON, after the card was charged.
    @Test(arguments: ["corte", "ilegible"]) func lostAnswerAfterChargingIsIndeterminate(fault: String) throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4919148107859067")
        try emulator.fault(["tipo": fault, "orden": "4101"])
        #expect {
            _ = try emulator.niubiz().charge(SavedCardCharge(orderId: "4101", amount: try pen("5"), cardToken: token, customer: customer))
        } throws: { error in
            if case GatewayError.indeterminate = error { return true }
            return false
        }
        guard case .approved = try emulator.niubiz().findOrder("4101") else { Issue.record("no aprobada"); return }
        #expect(try emulator.charges(order: "4101") == 1)
    }

    @Test func serverErrorIsIndeterminateAndNothingWasCharged() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let token = try emulator.savedCard("4919148107859067")
        try emulator.fault(["tipo": "5xx", "orden": "5001"])
        let client = emulator.niubiz()
        #expect {
            _ = try client.charge(SavedCardCharge(orderId: "5001", amount: try pen("5"), cardToken: token, customer: customer))
        } throws: { error in
            if case GatewayError.indeterminate = error { return true }
            return false
        }
        #expect(try client.findOrder("5001") == .notFound)
        #expect(try emulator.totalCharges() == 0)
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
