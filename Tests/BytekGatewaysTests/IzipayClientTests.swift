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

    @Test(arguments: ["05", "51", "57"]) func declineCodesComeBackAsDeclined(code: String) throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let token = try emulator.savedCard("4970100000000055")
        try emulator.fault(["tipo": "rechazo", "orden": "COB-\(code)", "codigo": code])
        let outcome = try emulator.izipay().charge(SavedCardCharge(orderId: "COB-\(code)", amount: try pen("50"),
                                                                   cardToken: token, customer: customer))
        guard case .declined(let got, let message) = outcome else { Issue.record("no rechazado: \(outcome)"); return }
        #expect(got == code)
        #expect(!message.isEmpty)
        #expect(try emulator.charges(order: "COB-\(code)") == 0)
        #expect(try emulator.izipay().findOrder("COB-\(code)") == .declined(code: code, message: message))
    }

    @Test func refusedTestCardAndExpiredCardAreDeclined() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let client = emulator.izipay()
        let refused = try emulator.savedCard("4970100000000113")
        let expired = try emulator.savedCard("4970100000000055", expiry: "01/20")
        let a = try client.charge(SavedCardCharge(orderId: "R-1", amount: try pen("10"), cardToken: refused, customer: customer))
        let b = try client.charge(SavedCardCharge(orderId: "V-1", amount: try pen("10"), cardToken: expired, customer: customer))
        guard case .declined("05", _) = a, case .declined("54", _) = b else { Issue.record("\(a) / \(b)"); return }
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func timeoutAfterChargingIsIndeterminateAndTheOrderShowsOneCharge() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let token = try emulator.savedCard("4970100000000055")
        try emulator.fault(["tipo": "timeout", "orden": "T-1", "segundos": 5])
        let charge = SavedCardCharge(orderId: "T-1", amount: try pen("99.90"), cardToken: token, customer: customer)
        #expect {
            _ = try emulator.izipay(timeout: 2).charge(charge)
        } throws: { error in
            if case GatewayError.indeterminate = error { return true }
            return false
        }
        guard case .approved(let tx) = try emulator.izipay().findOrder("T-1") else { Issue.record("no aprobada"); return }
        #expect(tx.amount.cents == 9_990)
        #expect(try emulator.charges(order: "T-1") == 1)
    }

    /// The connection cut, or an answer that is not Izipay's JSON, after the card was charged.
    @Test(arguments: ["corte", "ilegible"]) func lostAnswerAfterChargingIsIndeterminate(fault: String) throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let token = try emulator.savedCard("5970100300000067")
        try emulator.fault(["tipo": fault, "orden": "C-1"])
        #expect {
            _ = try emulator.izipay().charge(SavedCardCharge(orderId: "C-1", amount: try pen("5"), cardToken: token, customer: customer))
        } throws: { error in
            if case GatewayError.indeterminate = error { return true }
            return false
        }
        guard case .approved = try emulator.izipay().findOrder("C-1") else { Issue.record("no aprobada"); return }
        #expect(try emulator.charges(order: "C-1") == 1)
    }

    @Test func serverErrorIsIndeterminateAndNothingWasCharged() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let token = try emulator.savedCard("4970100000000055")
        try emulator.fault(["tipo": "5xx", "orden": "E-1", "estado": 503])
        #expect {
            _ = try emulator.izipay().charge(SavedCardCharge(orderId: "E-1", amount: try pen("5"), cardToken: token, customer: customer))
        } throws: { error in
            if case GatewayError.indeterminate(let why) = error { return why.contains("503") }
            return false
        }
        #expect(try emulator.izipay().findOrder("E-1") == .notFound)
        #expect(try emulator.totalCharges() == 0)
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
