import BytekGateways
import BytekModel
import Foundation
import Testing

/// The embedded form's flow as the browser drives it (the script's own call to /_krypton/pay), the IPN that
/// follows, and kr-hash verification.
@Suite struct IzipayCheckoutTests {
    /// Starts a checkout whose IPN goes to the emulator's mailbox, pays it as the form would, and returns the
    /// session, the browser-return fields and the IPN's fields.
    func pay(_ emulator: GatewayEmulatorProcess, orderId: String, amount: GatewayAmount, saveCard: Bool = false,
             card: String = "4970100000000055") throws -> (CheckoutSession, [String: String], [String: String]) {
        let client = emulator.izipay()
        let session = try client.startCheckout(CheckoutRequest(
            orderId: orderId, amount: amount, customer: customer, saveCard: saveCard,
            returnURL: "https://portal.bytek.pe/pagar/vuelta", notificationURL: emulator.base + "/_emulador/buzon"))
        let answer = try emulator.admin("POST", "/_krypton/pay", [
            "publicKey": session.publicKey, "formToken": session.token, "numero": card, "vencimiento": "11/31",
            "cvv": "123",
        ]) as? [String: Any]
        let browser = (answer ?? [:]).compactMapValues { $0 as? String }.filter { $0.key.hasPrefix("kr-") }
        let ipn = try #require(try emulator.mailbox(count: 1).first)
        return (session, browser, ipn)
    }

    @Test func checkoutSessionCarriesTheScriptTheKeyAndTheOrigins() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let session = try emulator.izipay().startCheckout(CheckoutRequest(
            orderId: "P-1", amount: try pen("10"), customer: customer, saveCard: true, returnURL: "x", notificationURL: "y"))
        #expect(session.gateway == .izipay)
        #expect(session.scriptURL == emulator.base + "/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js")
        #expect(session.publicKey == "33148340:testpublickey_BYTEKemulador0001")
        #expect(session.allowedOrigins == [emulator.base])
        #expect(session.token.hasPrefix("FT"))
        #expect(session.amount == (try pen("10")) && session.saveCard)
        let script = try GatewayHTTP(timeout: 5).send("GET", URL(string: session.scriptURL)!, headers: [:], body: nil)
        #expect(script.status == 200 && script.text.contains("kr-form-token"))
    }

    @Test func paidFormWithSavedCardIsApprovedFromTheBrowserReturnAndFromTheIPN() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let client = emulator.izipay()
        let (session, browser, ipn) = try pay(emulator, orderId: "P-2", amount: try pen("354.00"), saveCard: true)
        #expect(browser["kr-hash-key"] == "sha256_hmac" && ipn["kr-hash-key"] == "password")
        for fields in [browser, ipn] {
            guard case .approved(let tx) = try client.completeCheckout(fields: fields, session: session) else {
                Issue.record("no aprobado"); return
            }
            #expect(tx.orderId == "P-2")
            #expect(tx.amount == GatewayAmount(cents: 35_400, currency: .pen))
            #expect(tx.card == CardDetails(brand: "VISA", maskedNumber: "497010XXXXXX0055", expiryMonth: 11, expiryYear: 2031))
            let token = try #require(tx.cardToken)
            // The saved card charges later without the customer.
            let later = try client.charge(SavedCardCharge(orderId: "P-2-\(fields["kr-hash-key"]!)", amount: try pen("1"),
                                                          cardToken: token, customer: customer))
            guard case .approved = later else { Issue.record("\(later)"); return }
        }
        let notification = try client.verifyNotification(ipn)
        #expect(notification.orderStatus == "PAID" && notification.hashKey == .password)
        #expect(notification.paymentMethodToken != nil && notification.transactionId != nil)
        #expect(try emulator.charges(order: "P-2") == 1)
    }

    @Test func refusedFormIsDeclinedWithTheBankCode() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let (session, _, ipn) = try pay(emulator, orderId: "P-3", amount: try pen("20"), card: "4970100000000113")
        let outcome = try emulator.izipay().completeCheckout(fields: ipn, session: session)
        guard case .declined("05", _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try emulator.izipay().verifyNotification(ipn).paymentMethodToken == nil)
    }

    @Test func tamperedWrongKeyOrReserializedNotificationsAreRefused() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let client = emulator.izipay()
        let (session, browser, ipn) = try pay(emulator, orderId: "P-4", amount: try pen("100"))
        _ = try client.verifyNotification(ipn)
        _ = try client.verifyNotification(browser)

        var tampered = ipn
        tampered["kr-answer"] = ipn["kr-answer"]!.replacingOccurrences(of: "10000", with: "1")
        #expect(tampered["kr-answer"] != ipn["kr-answer"])
        // The IPN's hash checked with the HMAC key, the browser's with the password: both wrong.
        var wrongKey = ipn
        wrongKey["kr-hash-key"] = "sha256_hmac"
        var wrongKey2 = browser
        wrongKey2["kr-hash-key"] = "password"
        // The same JSON, re-serialized (compact): the raw field is what was signed.
        let object = try JSONSerialization.jsonObject(with: Data(ipn["kr-answer"]!.utf8))
        var reserialized = ipn
        reserialized["kr-answer"] = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        #expect(reserialized["kr-answer"] != ipn["kr-answer"])
        var noHash = ipn
        noHash["kr-hash"] = nil
        var otherAlgorithm = ipn
        otherAlgorithm["kr-hash-algorithm"] = "sha1_hmac"
        var upper = ipn
        upper["kr-hash"] = ipn["kr-hash"]!.uppercased()
        _ = try client.verifyNotification(upper)

        for fields in [tampered, wrongKey, wrongKey2, reserialized, noHash, otherAlgorithm] {
            #expect(throws: GatewayError.badSignature) { _ = try client.completeCheckout(fields: fields, session: session) }
        }
        // Verified with another shop's password: refused too.
        let other = IzipayNotification.self
        #expect(throws: GatewayError.badSignature) { _ = try other.init(fields: ipn, password: "testpassword_OTRA", hmacKey: "x") }
    }

    @Test func badIPNSignatureFaultIsRefusedWhileTheBrowserReturnVerifies() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        try emulator.fault(["tipo": "firma_ipn", "orden": "P-5"])
        let (session, browser, ipn) = try pay(emulator, orderId: "P-5", amount: try pen("7"))
        #expect(throws: GatewayError.badSignature) { _ = try emulator.izipay().completeCheckout(fields: ipn, session: session) }
        guard case .approved = try emulator.izipay().completeCheckout(fields: browser, session: session) else {
            Issue.record("no aprobado"); return
        }
    }

    @Test func notificationOfAnotherOrderIsRefused() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let (session, _, ipn) = try pay(emulator, orderId: "P-6", amount: try pen("7"))
        var other = session
        other.orderId = "P-7"
        #expect(throws: GatewayError.self) { _ = try emulator.izipay().completeCheckout(fields: ipn, session: other) }
    }

    @Test func refundsFullAndPartial() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let client = emulator.izipay()
        let token = try emulator.savedCard("4970100000000055")
        let full = try paid(client, orderId: "F-1", token: token)
        let refund = try client.refund(transactionId: full.transactionId, amount: full.amount)
        #expect(refund.amount == full.amount && !refund.refundId.isEmpty && refund.refundId != full.transactionId)

        let part = try paid(client, orderId: "F-2", token: token)
        #expect(try client.refund(transactionId: part.transactionId, amount: try pen("30.00")).amount.cents == 3_000)
        #expect(try client.refund(transactionId: part.transactionId, amount: try pen("70.00")).amount.cents == 7_000)
        #expect {
            _ = try client.refund(transactionId: part.transactionId, amount: try pen("0.01"))
        } throws: { error in
            if case GatewayError.rejected(code: "PSP_100", _) = error { return true }
            return false
        }
        let refunds = try emulator.admin("GET", "/_emulador/reembolsos") as? [[String: Any]]
        #expect(refunds?.compactMap { $0["monto"] as? Int } == [10_000, 3_000, 7_000])
        // A paid order stays approved for findOrder (its refunds are credits, not the payment).
        guard case .approved(let tx) = try client.findOrder("F-2") else { Issue.record("no aprobada"); return }
        #expect(tx.transactionId == part.transactionId)
    }

    @Test func removedCardCannotBeChargedAndRemovingTwiceIsFine() throws {
        let emulator = try GatewayEmulatorProcess(.izipay)
        let client = emulator.izipay()
        let token = try emulator.savedCard("4970100000000055")
        try client.removeCard(token: token)
        try client.removeCard(token: token)
        let outcome = try client.charge(SavedCardCharge(orderId: "RM-1", amount: try pen("1"), cardToken: token, customer: customer))
        guard case .declined("PSP_030", _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try emulator.totalCharges() == 0)
    }
}
