import BytekGateways
import BytekModel
import Foundation
import Testing

@Suite struct GatewaySettingsTests {
    static let izipaySecrets = [
        "izipay_url": "https://api.micuentaweb.pe", "izipay_shop_id": "33148340",
        "izipay_password": "testpassword_X", "izipay_public_key": "33148340:testpublickey_X", "izipay_hmac_key": "hmac",
    ]

    @Test func configuredFromTheSecretsWithTheScriptAndOrigins() throws {
        let config = try #require(try GatewaySettings.izipay({ Self.izipaySecrets[$0] }, timeout: 7))
        #expect(config.shopId == "33148340" && config.password == "testpassword_X" && config.hmacKey == "hmac")
        #expect(config.scriptURL == "https://api.micuentaweb.pe/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js")
        #expect(config.allowedOrigins == ["https://api.micuentaweb.pe"])
        #expect(config.timeout == 7)
        var withScript = Self.izipaySecrets
        withScript["izipay_script_url"] = "https://static.micuentaweb.pe/static/js/krypton-client/V4.0/stable/kr-payment-form.min.js"
        let split = try #require(try GatewaySettings.izipay({ withScript[$0] }))
        #expect(split.allowedOrigins == ["https://api.micuentaweb.pe", "https://static.micuentaweb.pe"])
        let niubiz = try #require(try GatewaySettings.niubiz({
            ["niubiz_url": "https://apisandbox.vnforappstest.com", "niubiz_merchant_id": "456879852",
             "niubiz_user": "u@n.pe", "niubiz_password": "p"][$0]
        }))
        #expect(niubiz.scriptURL == "https://apisandbox.vnforappstest.com/checkout.js" && niubiz.merchantId == "456879852")
        #expect(try GatewaySettings.gateways({ Self.izipaySecrets[$0] }).map(\.name) == [.izipay])
        #expect(try GatewaySettings.gateway(.izipay, { Self.izipaySecrets[$0] })?.name == .izipay)
        #expect(try GatewaySettings.gateway(.niubiz, { Self.izipaySecrets[$0] }) == nil)
    }

    @Test func absentIsNotConfiguredAndPartialNamesWhatIsMissing() throws {
        #expect(try GatewaySettings.izipay({ _ in nil }) == nil)
        #expect(try GatewaySettings.niubiz({ _ in "" }) == nil)
        var partial = Self.izipaySecrets
        partial["izipay_hmac_key"] = nil
        partial["izipay_password"] = "  "
        #expect {
            _ = try GatewaySettings.izipay({ partial[$0] })
        } throws: { error in
            guard case GatewayError.rejected(_, let message) = error else { return false }
            return message.contains("izipay_password, izipay_hmac_key") && message.contains("secretos")
        }
        var badURL = Self.izipaySecrets
        badURL["izipay_url"] = "ftp://x"
        #expect(throws: GatewayError.self) { _ = try GatewaySettings.izipay({ badURL[$0] }) }
    }

    @Test func jsonIsWrittenExactlyAndEscaped() {
        let json = GatewayJSON.object([("a", .number("10.50")), ("b", .string("ñ\"\\\n\u{1}")), ("c", .array([.int(-3), .null, .bool(true)]))])
        #expect(json.text == #"{"a":10.50,"b":"ñ\"\\\n\u0001","c":[-3,null,true]}"#)
    }

    @Test func amountsAtTheirLimits() throws {
        #expect(try GatewayAmount(Money(Decimal(string: "0.01")!, .pen)).cents == 1)
        #expect(try GatewayAmount(Money(Decimal(string: "99999999.99")!, .pen)).cents == 9_999_999_999)
        for text in ["100000000.00", "99999999999999999999"] {
            #expect(throws: GatewayError.self) { try GatewayAmount(Money(Decimal(string: text)!, .pen)) }
        }
    }
}
