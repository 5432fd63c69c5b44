import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekSUNAT

/// Issuing with SUNAT's rules folder configured: checked before the number is taken, outside the write
/// transaction; a rejection takes no number; a number taken meanwhile by someone else means a rebuilt and
/// re-signed document.
@Suite("Pre-flight of issuing against SUNAT's rules")
struct SunatPreflightTests {
    static func configure(_ f: BillingFixture, folder: String?) throws {
        var settings = EInvoicingSettings(issuer: BillingFixture.issuer)
        settings.rulesFolder = folder
        try EInvoicingSettingsRepository(db: f.store.db).save(settings)
    }

    static func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }

    @Test("a document SUNAT's rules reject is not issued and its number stays free")
    func rejectionKeepsTheCounter() throws {
        let f = try BillingFixture()
        try Self.configure(f, folder: SunatRulesFixtures.rulesFolder)
        let tooLong = String(repeating: "Licencia anual ", count: 34)   // 510 characters: SUNAT allows 500
        do {
            try f.issuer.issue(try BillingFixture.factura(tooLong))
            Issue.record("issued a document SUNAT rejects")
        } catch let e as EDocumentError {
            guard case .rejectedBySunatRules(let document, let code, _) = e else { Issue.record("\(e)"); return }
            #expect(document == "F001-1")
            #expect(code == "2027")
            #expect(e.message.hasPrefix("SUNAT rechazaría F001-1, código 2027: "))
            #expect(e.message.contains("cac:Item/cbc:Description"))
            #expect(e.message.count < 600, "long values are cut: \(e.message.count)")
        }
        #expect(try Numbering.last("F001", in: f.store.db) == 0)
        #expect(try f.store.db.scalar("SELECT count(*) FROM e_document").intValue == 0)
        #expect(try f.store.db.scalar("SELECT count(*) FROM job").intValue == 0)

        let good = try f.issuer.issue(try BillingFixture.factura("Soporte técnico"))
        #expect(good.number == 1)
        let xml = try f.repository.signedXML(id: good.id)
        #expect(Self.text(xml).contains("<cbc:ID>F001-1</cbc:ID>"))
        #expect(try SunatRulesFixtures.rules().check(xml ?? [], fileName: good.fileName + ".xml").errors.isEmpty)
    }

    @Test("a number taken meanwhile by another user: the document is rebuilt and re-signed with its own")
    func numberTakenMeanwhile() throws {
        let f = try BillingFixture()
        try Self.configure(f, folder: SunatRulesFixtures.rulesFolder)
        var issuer = f.issuer
        let other = f.repository
        let key = f.key
        issuer.afterPreflight = {
            // Another user issues F001-1 while ours was being checked as F001-1.
            try other.issue(try BillingFixture.factura("Otro usuario")) { try EDocumentIssuer.prepare($0, key: key) }
        }
        let record = try issuer.issue(try BillingFixture.factura("Nuestro"))
        #expect(record.number == 2)
        #expect(record.fileName == "\(BillingFixture.issuerRUC)-01-F001-2")
        let xml = try f.repository.signedXML(id: record.id) ?? []
        #expect(Self.text(xml).contains("<cbc:ID>F001-2</cbc:ID>"))
        #expect(!Self.text(xml).contains("F001-1<"))
        #expect(try XMLSigner.verify(xml, key: f.key))
        let zip = try f.repository.zip(id: record.id) ?? Data()
        #expect(!zip.isEmpty)
    }

    @Test("a configured folder that is not there stops issuing with a clear message")
    func missingFolder() throws {
        let f = try BillingFixture()
        try Self.configure(f, folder: "/nonexistent/sunat/reglas")
        #expect {
            try f.issuer.issue(try BillingFixture.factura())
        } throws: { error in
            guard let e = error as? EDocumentError, case .sunatRulesUnavailable = e else { return false }
            return e.message.contains("/nonexistent/sunat/reglas") && e.message.contains("rulesFolder")
        }
        #expect(try Numbering.last("F001", in: f.store.db) == 0)
    }

    @Test("without a rules folder issuing works as before")
    func withoutFolder() throws {
        let f = try BillingFixture()
        try Self.configure(f, folder: nil)
        let tooLong = String(repeating: "Licencia anual ", count: 34)
        #expect(try f.issuer.issue(try BillingFixture.factura(tooLong)).number == 1)
    }
}
