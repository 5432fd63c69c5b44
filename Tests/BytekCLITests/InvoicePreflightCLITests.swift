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

    @Test func rulesFolderThatGoesMissingIsSaid() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        let folder = fx.folder + "/reglas"
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: Self.rulesFolder)
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 8490, rulesFolder: folder)
        try FileManager.default.removeItem(atPath: folder)
        let r = try fx.run("invoice", "issue", "--file", try fx.write("f.json", InvoiceCLITests.invoiceJSON("Soporte")), extra: env)
        #expect(r.status == 1)
        #expect(r.stderr.contains("La carpeta de reglas de SUNAT \(folder) no se puede usar"), "\(r.stderr)")
        #expect(try Self.lastNumber(fx) == 0)
    }

    @Test func settingsRefuseAFolderWithoutSUNATRules() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        _ = try InvoiceCLITests.setUp(fx, emulatorPort: 8490, rulesFolder: Self.rulesFolder)
        // The same settings pointing at a folder without SUNAT's rules.
        let saved = try String(contentsOfFile: fx.file("ajustes.json"), encoding: .utf8)
        let settings = saved.replacingOccurrences(of: Self.rulesFolder, with: fx.folder)
        let r = try fx.run("invoice", "settings", "--file", try fx.write("otros.json", settings))
        #expect(r.status == 1)
        #expect(r.stderr.contains("falta ValidaExprRegFactura-2.0.1.xsl"), "\(r.stderr)")
        let shown = try fx.run("invoice", "settings")
        let escaped = { (path: String) in path.replacingOccurrences(of: "/", with: "\\/") }   // as JSONEncoder writes it
        #expect(shown.stdout.contains("\"\(escaped(Self.rulesFolder))\""), "\(shown.stdout)")   // kept as it was
    }

    @Test func checkListsWhatSUNATWouldSayOfAnIssuedDocument() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        // Issued before the rules were installed: nothing stopped the 501-character description.
        let env = try InvoiceCLITests.setUp(fx, emulatorPort: 8490)
        let long = try fx.run("invoice", "issue", "--file",
                              try fx.write("long.json", InvoiceCLITests.invoiceJSON(String(repeating: "x", count: 501))), extra: env)
        #expect(long.status == 0, "\(long.stderr)")
        let good = try fx.run("invoice", "issue", "--file", try fx.write("good.json", InvoiceCLITests.invoiceJSON("Soporte")),
                              extra: env)
        #expect(good.status == 0, "\(good.stderr)")

        let noFolder = try fx.run("invoice", "check", "F001-1")
        #expect(noFolder.status == 1)
        #expect(noFolder.stderr.contains("--rules CARPETA"))

        let rejected = try fx.run("invoice", "check", "F001-1", "--rules", Self.rulesFolder)
        #expect(rejected.status == 1, "\(rejected.stderr)")
        #expect(rejected.stdout.contains("E\t2027\tEl XML no contiene el tag"), "\(rejected.stdout)")
        #expect(rejected.stdout.contains("SUNAT rechazaría F001-1"))

        let accepted = try fx.run("invoice", "check", "F001-2", "--rules", Self.rulesFolder)
        #expect(accepted.status == 0, "\(accepted.stdout) \(accepted.stderr)")
        #expect(accepted.stdout.contains("SUNAT aceptaría F001-2"))
        #expect(!accepted.stdout.contains("E\t"))
    }
}
