import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// Facturación with SUNAT's rules folder in the settings: issuing by hand goes through the pre-flight, a
/// pre-flight that cannot run is said on screen (the form stays open, no number is taken), and a good
/// document is issued once the rules are there. (The rejection with SUNAT's code goes through the same
/// message; the CLI and store tests drive it, since the form's fields cannot hold what the rules reject.)
@MainActor
@Suite struct BillingPreflightScreenTests {
    /// ../shared/sunat/xsl/contenido beside the checkout.
    static let rulesFolder: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/sunat/xsl/contenido").path

    static func configure(_ h: ScreenHarness, folder: String) throws {
        var settings = EInvoicingSettings(issuer: ScreenHarness.issuer, detraccionAccount: "00-000-123456")
        settings.rulesFolder = folder
        try EInvoicingSettingsRepository(db: h.store.db).save(settings)
    }

    @Test func issuingByHandGoesThroughTheRules() throws {
        let env = try BillingTestCredentials.environment.get()
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try Self.configure(h, folder: "/nonexistent/reglas-sunat")
        h.openBilling(environment: env)
        h.keys(.char("m"))
        h.type("andina")
        h.keys(.enter)
        h.keys(.ctrl("s"))  // no line yet: refused, and the focus goes to the first description
        h.type("Mantenimiento de servidores")
        h.keys(.tab, .tab)
        h.type("500")
        h.keys(.ctrl("s"))
        #expect(h.question?.hasPrefix("¿Emitir Factura F001-1 por S/ 590.00") == true)
        h.keys(.char("s"))  // yes: the pre-flight runs now, and cannot
        #expect(h.app.topScreen is FormScreen)
        #expect(h.screen.contains("La carpeta de reglas de SUNAT /nonexistent/reglas-sunat"), "\(h.screen)")
        #expect(try h.edocs.list().isEmpty)
        #expect(try Numbering.last("F001", in: h.store.db) == 0)

        try Self.configure(h, folder: Self.rulesFolder)
        h.keys(.ctrl("s"), .char("s"))  // save, and answer «¿Emitir …? Se enviará a SUNAT.»
        #expect(h.app.topScreen is BillingListScreen)
        #expect(h.screen.contains("Factura F001-1 emitida por S/ 590.00"), "\(h.screen)")
    }
}
