import BytekGateways
import BytekModel
import Foundation
import Testing

/// The same faults told to both gateways: declines with the gateway's codes, a lost answer after the card was
/// charged (timeout, cut connection, unreadable body) → `.indeterminate`, then `findOrder` → `.approved` with
/// ONE charge counted by the emulator; HTTP 5xx before charging → `.indeterminate`, then `.notFound`.
@Suite struct GatewayFaultTests {
    typealias Kind = GatewayEmulatorProcess.Kind

    /// An emulator, a card that is accepted, saved there, and a client with `timeout`.
    struct Setup {
        let emulator: GatewayEmulatorProcess
        let token: String

        init(_ kind: Kind) throws {
            emulator = try GatewayEmulatorProcess(kind)
            token = try emulator.savedCard(kind == .izipay ? "4970100000000055" : "4919148107859067")
        }

        func client(timeout: TimeInterval = 5) -> any CardGateway {
            emulator.kind == .izipay ? emulator.izipay(timeout: timeout) : emulator.niubiz(timeout: timeout)
        }

        /// Charges S/ `amount` for `order` (numeric: both gateways take it) expecting `.indeterminate`.
        func chargeIsIndeterminate(_ order: String, _ amount: String = "5", timeout: TimeInterval = 5) throws -> String {
            let charge = SavedCardCharge(orderId: order, amount: try pen(amount), cardToken: token, customer: customer)
            var why = ""
            #expect {
                _ = try client(timeout: timeout).charge(charge)
            } throws: { error in
                guard case GatewayError.indeterminate(let text) = error else { return false }
                why = text
                return true
            }
            return why
        }
    }

    static let declines: [(Kind, String)] = [(.izipay, "05"), (.izipay, "51"), (.izipay, "57"),
                                             (.niubiz, "116"), (.niubiz, "190"), (.niubiz, "129")]

    @Test(arguments: declines) func declineCodesComeBackAsDeclined(kind: Kind, code: String) throws {
        let s = try Setup(kind)
        try s.emulator.fault(["tipo": "rechazo", "orden": "2001", "codigo": code])
        let outcome = try s.client().charge(SavedCardCharge(orderId: "2001", amount: try pen("50"), cardToken: s.token, customer: customer))
        guard case .declined(let got, let message) = outcome else { Issue.record("no rechazado: \(outcome)"); return }
        #expect(got == code)
        #expect(!message.isEmpty)
        #expect(try s.client().findOrder("2001") == .declined(code: code, message: message))
        #expect(try s.emulator.totalCharges() == 0)
    }

    /// A test card the gateway refuses, and an accepted card saved with a past expiry.
    static let refusals: [(Kind, String, String, String)] = [(.izipay, "4970100000000113", "05", "54"),
                                                             (.niubiz, "4000000000009995", "116", "101")]

    @Test(arguments: refusals) func refusedTestCardAndExpiredCardAreDeclined(kind: Kind, refusedCard: String, refusedCode: String,
                                                                             expiredCode: String) throws {
        let s = try Setup(kind)
        let refused = try s.emulator.savedCard(refusedCard)
        let expired = try s.emulator.savedCard(kind == .izipay ? "4970100000000055" : "4919148107859067", expiry: "03/21")
        let a = try s.client().charge(SavedCardCharge(orderId: "3001", amount: try pen("10"), cardToken: refused, customer: customer))
        let b = try s.client().charge(SavedCardCharge(orderId: "3002", amount: try pen("10"), cardToken: expired, customer: customer))
        guard case .declined(refusedCode, _) = a, case .declined(expiredCode, _) = b else { Issue.record("\(a) / \(b)"); return }
        #expect(try s.emulator.totalCharges() == 0)
    }

    @Test(arguments: [Kind.izipay, .niubiz]) func timeoutAfterChargingIsIndeterminateAndTheOrderShowsOneCharge(kind: Kind) throws {
        let s = try Setup(kind)
        try s.emulator.fault(["tipo": "timeout", "orden": "4001", "segundos": 5])
        _ = try s.chargeIsIndeterminate("4001", "45.10", timeout: 2)
        guard case .approved(let tx) = try s.client().findOrder("4001") else { Issue.record("no aprobada"); return }
        #expect(tx.amount.cents == 4_510)
        #expect(try s.emulator.charges(order: "4001") == 1)
    }

    /// The connection cut, or an answer that is not the gateway's JSON, after the card was charged.
    @Test(arguments: [Kind.izipay, .niubiz], ["corte", "ilegible"]) func lostAnswerAfterChargingIsIndeterminate(kind: Kind, fault: String) throws {
        let s = try Setup(kind)
        try s.emulator.fault(["tipo": fault, "orden": "4101"])
        _ = try s.chargeIsIndeterminate("4101")
        guard case .approved = try s.client().findOrder("4101") else { Issue.record("no aprobada"); return }
        #expect(try s.emulator.charges(order: "4101") == 1)
    }

    @Test(arguments: [Kind.izipay, .niubiz]) func serverErrorIsIndeterminateAndNothingWasCharged(kind: Kind) throws {
        let s = try Setup(kind)
        try s.emulator.fault(["tipo": "5xx", "orden": "5001", "estado": 503])
        #expect(try s.chargeIsIndeterminate("5001").contains("503"))
        #expect(try s.client().findOrder("5001") == .notFound)
        #expect(try s.emulator.totalCharges() == 0)
    }
}
