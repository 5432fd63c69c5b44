import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek invoice issue` with SUNAT's rules folder in the settings (`rulesFolder`), as an administrator
/// configures it: a document the rules reject exits 1 with SUNAT's code and text, and takes no number.
@Suite("bytek invoice issue: pre-flight against SUNAT's rules", .serialized)
struct InvoicePreflightCLITests {
    /// ../shared/sunat/xsl/contenido beside the checkout.
    static let rulesFolder: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/sunat/xsl/contenido").path

    static func lastNumber(_ fx: CLIFixture) throws -> Int64 {
        try Database(path: fx.dbPath).scalar("SELECT coalesce(max(last_number), 0) FROM numbering WHERE series = 'F001'")
            .intValue ?? -1
    }

    @Test func rejectedDocumentExitsOneAndKeepsTheNumber() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 8490, rulesFolder: Self.rulesFolder)
        // 501 characters: the model accepts any description, SUNAT's rules at most 500 (error 2027).
        let description = String(repeating: "x", count: 501)
        let bad = try fx.run("invoice", "issue", "--file", try fx.write("bad.json", InvoiceCLITests.invoiceJSON(description)),
                             extra: env)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("SUNAT rechazaría F001-1, código 2027: "), "\(bad.stderr)")
        #expect(bad.stderr.contains("el número sigue libre"))
        #expect(try Self.lastNumber(fx) == 0)
        #expect(try Database(path: fx.dbPath).scalar("SELECT count(*) FROM e_document").intValue == 0)

        let good = try fx.run("invoice", "issue", "--file", try fx.write("good.json", InvoiceCLITests.invoiceJSON("Soporte")),
                              extra: env)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("F001-1"))
        #expect(try Self.lastNumber(fx) == 1)
    }

    @Test func missingRulesFolderIsSaid() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 8490, rulesFolder: fx.folder + "/no-existe")
        let r = try fx.run("invoice", "issue", "--file", try fx.write("f.json", InvoiceCLITests.invoiceJSON("Soporte")), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("La carpeta de reglas de SUNAT"), "\(r.stderr)")
        #expect(r.stderr.contains("no-existe"))
        #expect(try Self.lastNumber(fx) == 0)
    }
}
