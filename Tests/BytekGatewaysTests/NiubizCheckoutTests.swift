import BytekGateways
import BytekModel
import Foundation
import Testing

/// The checkout as the browser drives it (the script's own call to /_checkout/pagar gives the transactionToken
/// it posts to our page), tokenization, refunds and card removal.
@Suite struct NiubizCheckoutTests {
    func checkout(_ emulator: GatewayEmulatorProcess, _ client: NiubizClient, orderId: String, amount: GatewayAmount,
                  saveCard: Bool, card: String = "4919148107859067", expiry: String = "08/29") throws
        -> (CheckoutSession, [String: String])
    {
        let session = try client.startCheckout(CheckoutRequest(
            orderId: orderId, amount: amount, customer: customer, saveCard: saveCard,
            returnURL: "https://portal.bytek.pe/pagar/niubiz", notificationURL: ""))
        let answer = try emulator.admin("POST", "/_checkout/pagar", [
            "sessionKey": session.token, "merchantId": session.publicKey, "purchaseNumber": orderId,
            "numero": card, "vencimiento": expiry, "cvv": "123", "email": "pagos@cliente.pe",
        ]) as? [String: Any]
        let token = try #require(answer?["transactionToken"] as? String)
        return (session, ["transactionToken": token, "customerEmail": "pagos@cliente.pe", "channel": "web"])
    }

    @Test func sessionCarriesTheMerchantTheScriptAndTheOrigins() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let session = try emulator.niubiz().startCheckout(CheckoutRequest(
            orderId: "7001", amount: try pen("59.00"), customer: customer, saveCard: false, returnURL: "x", notificationURL: ""))
        #expect(session.gateway == .niubiz && session.publicKey == "456879852" && !session.token.isEmpty)
        #expect(session.scriptURL == emulator.base + "/checkout.js")
        #expect(session.allowedOrigins == [emulator.base])
        let script = try GatewayHTTP(timeout: 5).send("GET", URL(string: session.scriptURL)!, headers: [:], body: nil)
        #expect(script.status == 200 && script.text.contains("transactionToken"))
    }

    @Test func payingWithoutSavingAuthorizesTheTransactionToken() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let (session, fields) = try checkout(emulator, client, orderId: "7002", amount: try pen("59.00"), saveCard: false)
        guard case .approved(let tx) = try client.completeCheckout(fields: fields, session: session) else {
            Issue.record("no aprobado"); return
        }
        #expect(tx.amount.cents == 5_900 && tx.cardToken == nil && tx.orderId == "7002")
        #expect(try emulator.charges(order: "7002") == 1)
        // The transactionToken is single use.
        #expect(throws: GatewayError.self) { _ = try client.completeCheckout(fields: fields, session: session) }
        #expect(try emulator.charges(order: "7002") == 1)
    }

    @Test func payingAndSavingTokenizesThenChargesTheCard() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let (session, fields) = try checkout(emulator, client, orderId: "7003", amount: try pen("120.00"), saveCard: true)
        guard case .approved(let tx) = try client.completeCheckout(fields: fields, session: session) else {
            Issue.record("no aprobado"); return
        }
        let token = try #require(tx.cardToken)
        #expect(tx.card == CardDetails(brand: "visa", maskedNumber: "491914******9067", expiryMonth: 8, expiryYear: 2029))
        #expect(tx.amount.cents == 12_000)
        let later = try client.charge(SavedCardCharge(orderId: "7004", amount: try pen("120.00"), cardToken: token, customer: customer))
        guard case .approved = later else { Issue.record("\(later)"); return }
        #expect(try emulator.totalCharges() == 2)
    }

    @Test func savingOnlyGivesATokenWithoutCharging() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let (session, fields) = try checkout(emulator, client, orderId: "7005", amount: GatewayAmount(cents: 0, currency: .pen),
                                             saveCard: true)
        guard case .approved(let tx) = try client.completeCheckout(fields: fields, session: session) else {
            Issue.record("no aprobado"); return
        }
        #expect(tx.amount.cents == 0 && tx.cardToken != nil)
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func savingAnExpiredCardIsDeclined() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let (session, fields) = try checkout(emulator, client, orderId: "7006", amount: try pen("10"), saveCard: true,
                                             expiry: "01/21")
        let outcome = try client.completeCheckout(fields: fields, session: session)
        guard case .declined("101", _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func aMissingOrForgedTransactionTokenIsRefused() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let session = try client.startCheckout(CheckoutRequest(
            orderId: "7007", amount: try pen("10"), customer: customer, saveCard: false, returnURL: "x", notificationURL: ""))
        for fields in [[:], ["transactionToken": "../../x"], ["transactionToken": "NOEXISTE"]] {
            #expect(throws: GatewayError.self) { _ = try client.completeCheckout(fields: fields, session: session) }
        }
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func refundsFullAndPartial() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let token = try emulator.savedCard("4474118355632240")
        let full = try paid(client, orderId: "8001", token: token)
        #expect(try client.refund(transactionId: full.transactionId, amount: full.amount).amount == full.amount)
        let part = try paid(client, orderId: "8002", token: token)
        #expect(try client.refund(transactionId: part.transactionId, amount: try pen("30.00")).amount.cents == 3_000)
        #expect(try client.refund(transactionId: part.transactionId, amount: try pen("70.00")).amount.cents == 7_000)
        #expect(throws: GatewayError.self) { _ = try client.refund(transactionId: part.transactionId, amount: try pen("0.01")) }
        let refunds = try emulator.admin("GET", "/_emulador/reembolsos") as? [[String: Any]]
        #expect(refunds?.compactMap { $0["monto"] as? String } == ["100.00", "30.00", "70.00"])
    }

    @Test func removedCardCannotBeCharged() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let token = try emulator.savedCard("4919148107859067")
        try client.removeCard(token: token)
        try client.removeCard(token: "OTRO")
        #expect(throws: GatewayError.self) {
            _ = try client.charge(SavedCardCharge(orderId: "9001", amount: try pen("1"), cardToken: token, customer: customer))
        }
        #expect(try emulator.totalCharges() == 0)
    }

    @Test func aReusedPurchaseNumberIsRefusedAndNotChargedAgain() throws {
        let emulator = try GatewayEmulatorProcess(.niubiz)
        let client = emulator.niubiz()
        let token = try emulator.savedCard("4919148107859067")
        let charge = SavedCardCharge(orderId: "9101", amount: try pen("1"), cardToken: token, customer: customer)
        guard case .approved = try client.charge(charge) else { Issue.record("no aprobado"); return }
        #expect(throws: GatewayError.self) { _ = try client.charge(charge) }
        #expect(try emulator.charges(order: "9101") == 1)
    }
}
