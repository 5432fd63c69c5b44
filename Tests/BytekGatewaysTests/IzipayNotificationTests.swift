import BytekGateways
import BytekModel
import Foundation
import Testing

/// IzipayNotification on hand-made answers: the states a payment can be in when it is notified.
@Suite struct IzipayNotificationTests {
    func fields(_ answer: String, key: String = "pw", keyName: String = "password") -> [String: String] {
        let hash = GatewaySignature.hex(GatewaySignature.hmacSHA256(key: Array(key.utf8), message: Array(answer.utf8)))
        return ["kr-answer": answer, "kr-hash": hash, "kr-hash-algorithm": "sha256_hmac", "kr-hash-key": keyName,
                "kr-answer-type": "V4/Payment"]
    }

    func answer(_ status: String, transactions: String = "[]") -> String {
        #"{"orderStatus": "\#(status)", "orderDetails": {"orderId": "N-1"}, "transactions": \#(transactions), "_type": "V4/Payment"}"#
    }

    @Test func abandonedUnpaidAndRunningPayments() throws {
        let abandoned = try IzipayNotification(fields: fields(answer("ABANDONED")), password: "pw", hmacKey: "hk")
        #expect(abandoned.result == .declined(code: "ABANDONED", message: "El cliente abandonó el pago"))
        #expect(abandoned.transactionId == nil && abandoned.card == nil)
        let unpaid = try IzipayNotification(fields: fields(answer("UNPAID")), password: "pw", hmacKey: "hk")
        guard case .declined("UNPAID", _) = try unpaid.chargeOutcome() else { Issue.record("\(unpaid.result)"); return }
        let running = try IzipayNotification(fields: fields(answer("RUNNING", transactions:
            #"[{"uuid": "u1", "amount": 500, "currency": "USD", "status": "RUNNING", "operationType": "DEBIT"}]"#)),
            password: "pw", hmacKey: "hk")
        #expect(running.result == .pending && running.amount == GatewayAmount(cents: 500, currency: .usd))
        #expect(throws: GatewayError.self) { _ = try running.chargeOutcome() }
    }

    @Test func browserReturnIsCheckedWithTheHMACKeyOnly() throws {
        let signed = fields(answer("ABANDONED"), key: "hk", keyName: "sha256_hmac")
        #expect(try IzipayNotification(fields: signed, password: "pw", hmacKey: "hk").hashKey == .sha256_hmac)
        #expect(throws: GatewayError.badSignature) { _ = try IzipayNotification(fields: signed, password: "hk", hmacKey: "pw") }
        #expect(throws: GatewayError.badSignature) { _ = try IzipayNotification(fields: signed, password: "pw", hmacKey: "") }
        var odd = signed
        odd["kr-hash"] = "zz" + signed["kr-hash"]!.dropFirst(2)
        #expect(throws: GatewayError.badSignature) { _ = try IzipayNotification(fields: odd, password: "pw", hmacKey: "hk") }
    }

    @Test func aSignedAnswerThatIsNotAPaymentIsRefused() throws {
        #expect(throws: GatewayError.self) { _ = try IzipayNotification(fields: fields("[1, 2]"), password: "pw", hmacKey: "hk") }
        #expect(throws: GatewayError.self) { _ = try IzipayNotification(fields: fields(#"{"orderStatus": "PAID"}"#), password: "pw", hmacKey: "hk") }
    }
}
