import Foundation
import Testing

/// `bytek secrets check` on the card gateways' keys: configured, not configured, or what is missing —
/// never a value.
@Suite struct GatewaySecretsCLITests {
    @Test func checkNamesTheMissingGatewayKeysAndNeverPrintsValues() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let none = try fx.run("secrets", "check")
        #expect(none.status == 0, "\(none.stdout)\(none.stderr)")
        #expect(none.stdout.contains("Izipay: no configurado (izipay_url, izipay_shop_id"), "\(none.stdout)")
        #expect(none.stdout.contains("Niubiz: no configurado"))

        let partial = try fx.run("secrets", "check", extra: [
            "BYTEK_SECRET_IZIPAY_URL": "https://api.micuentaweb.pe", "BYTEK_SECRET_IZIPAY_SHOP_ID": "33148340",
            "BYTEK_SECRET_IZIPAY_PASSWORD": "testpassword_SECRETO",
        ])
        #expect(partial.status == 1)
        #expect(partial.stdout.contains("Faltan izipay_public_key, izipay_hmac_key de Izipay"), "\(partial.stdout)")

        let full = try fx.run("secrets", "check", extra: [
            "BYTEK_SECRET_NIUBIZ_URL": "https://apisandbox.vnforappstest.com", "BYTEK_SECRET_NIUBIZ_MERCHANT_ID": "456879852",
            "BYTEK_SECRET_NIUBIZ_USER": "integraciones@niubiz.com.pe", "BYTEK_SECRET_NIUBIZ_PASSWORD": "clave-SECRETA",
        ])
        #expect(full.status == 0, "\(full.stdout)\(full.stderr)")
        #expect(full.stdout.contains("✓ niubiz_password: variable de entorno BYTEK_SECRET_NIUBIZ_PASSWORD"), "\(full.stdout)")
        #expect(full.stdout.contains("· Niubiz: configurado, https://apisandbox.vnforappstest.com"))
        #expect(!full.stdout.contains("Otros secretos"))
        for value in ["testpassword_SECRETO", "clave-SECRETA"] {
            #expect(!partial.stdout.contains(value) && !partial.stderr.contains(value))
            #expect(!full.stdout.contains(value) && !full.stderr.contains(value))
        }
    }
}
