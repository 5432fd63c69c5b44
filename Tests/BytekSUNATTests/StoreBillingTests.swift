import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekSUNAT

@Suite("Billing store: numbering, atomic issue, settings and credentials")
struct StoreBillingTests {
    /// Stand-in for build+sign+zip: fast, so many writers contend for the lock.
    static func fakePrepare(_ doc: EDocument) throws -> PreparedEDocument {
        PreparedEDocument(signedXML: Array("<x>\(doc.id)</x>".utf8), zip: Data([0x50, 0x4b]), digestValue: "d",
                          fileName: doc.fileName)
    }

    @Test func concurrentConnectionsGetAGaplessDuplicateFreeSequence() throws {
        let f = try BillingFixture()
        let path = f.store.path
        let writers = 6, each = 15
        let errors = ErrorBag()
        DispatchQueue.concurrentPerform(iterations: writers) { _ in
            do {
                let db = try Database(path: path)
                let repo = EDocumentRepository(db: db)
                for _ in 0..<each { try repo.issue(try BillingFixture.factura(), prepare: Self.fakePrepare) }
            } catch { errors.add(error) }
        }
        #expect(errors.all.isEmpty, "\(errors.all)")
        let numbers = try f.store.db.query("SELECT number FROM e_document WHERE series = 'F001' ORDER BY number")
            .map { Int($0.int("number")) }
        #expect(numbers == Array(1...(writers * each)))
        #expect(try Numbering.last("F001", in: f.store.db) == writers * each)
        let jobs = try f.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'sunat.send'").intValue
        #expect(jobs == Int64(writers * each))
    }

    @Test func failedPreparationWritesNothingAndKeepsTheNumber() throws {
        let f = try BillingFixture()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try f.repository.issue(try BillingFixture.factura()) { _ in throw Boom() }
        }
        #expect(try Numbering.last("F001", in: f.store.db) == 0)
        #expect(try f.store.db.scalar("SELECT count(*) FROM e_document").intValue == 0)
        #expect(try f.store.db.scalar("SELECT count(*) FROM job").intValue == 0)
        let r = try f.repository.issue(try BillingFixture.factura(), prepare: Self.fakePrepare)
        #expect(r.number == 1)
    }

    @Test func invalidDocumentIsRefusedBeforeNumbering() throws {
        let f = try BillingFixture()
        var doc = try BillingFixture.factura()
        doc.customer = DocumentCustomer(documentType: .dni, number: "12345678", name: "Juan")
        #expect(throws: EDocumentError.self) { try f.repository.issue(doc, prepare: Self.fakePrepare) }
        #expect(try Numbering.last("F001", in: f.store.db) == 0)
    }

    @Test func realIssueStoresSignedBytesAndEnqueuesOnce() throws {
        let f = try BillingFixture()
        let r = try f.issuer.issue(try BillingFixture.factura(), quoteNumber: "COT-2026-0007")
        #expect(r.fileName == "20123456786-01-F001-1")
        #expect(r.quoteNumber == "COT-2026-0007")
        #expect(r.total.amount == 118)
        #expect(r.igv.amount == 18)
        #expect(!r.digestValue.isEmpty)
        let job = try #require(try JobQueue(db: f.store.db).job(idempotencyKey: EDocumentRepository.sendJobKey(series: "F001", number: 1)))
        #expect(job.kind == "sunat.send")
        #expect(try f.repository.document(id: r.id)?.number == 1)
        #expect(try f.repository.list().map(\.documentID) == ["F001-1"])
    }

    @Test func settingsRoundTripWithDefaults() throws {
        let f = try BillingFixture()
        let repo = EInvoicingSettingsRepository(db: f.store.db)
        #expect(try repo.load() == nil)
        let json = """
        {"issuer": {"ruc": "20123456786", "legalName": "BYTEK S.A.C.", "establishmentCode": "0000",
          "address": {"ubigeo": "150122", "line": "Av. Larco 1", "district": "Miraflores", "province": "Lima",
                      "department": "Lima", "countryCode": "PE"}},
         "endpoints": {"emulator": {"billService": "http://127.0.0.1:9/b", "consultService": "http://127.0.0.1:9/c"}}}
        """
        let s = try JSONDecoder().decode(EInvoicingSettings.self, from: Data(json.utf8))
        #expect(s.series(for: .boleta) == "B001")
        #expect(s.environment == .emulator)
        #expect(s.activeEndpoints.billService == "http://127.0.0.1:9/b")
        try repo.save(s)
        #expect(try repo.load() == s)
        var bad = s
        bad.issuer.ruc = "20123456789"
        #expect(throws: EInvoicingSettingsError.invalidRUC("20123456789")) { try repo.save(bad) }
    }

    @Test func credentialsFileMustBeOwnerOnly() throws {
        let f = try BillingFixture()
        let path = f.folder + "/sunat-credenciales"
        try "sol_user=MODDATOS\nsol_password=moddatos\ncert_pfx=/tmp/x.pfx\ncert_password=clave\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        do {
            _ = try EInvoicingCredentials.load(environment: [:], path: path)
            Issue.record("a 0644 file was accepted")
        } catch let e as EInvoicingSettingsError {
            #expect(e == .credentialsFileTooOpen(path: path, mode: "0644"))
            #expect(e.message.contains("chmod 600"))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let c = try EInvoicingCredentials.load(environment: [:], path: path)
        #expect(c.solUser == "MODDATOS")
        #expect(c.certificatePath == "/tmp/x.pfx")
        #expect(c.username(ruc: "20123456786") == "20123456786MODDATOS")
        // Environment variables win over the file.
        let e = try EInvoicingCredentials.load(environment: ["BYTEK_SOL_PASSWORD": "otra", "BYTEK_CERT_PFX_BASE64": "QUJD"],
                                               path: path)
        #expect(e.solPassword == "otra")
        #expect(e.certificateBase64 == "QUJD")
        #expect(e.certificatePath == nil)
        #expect(throws: EInvoicingSettingsError.self) {
            _ = try EInvoicingCredentials.load(environment: [:], path: f.folder + "/no-existe")
        }
    }
}

final class ErrorBag: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [any Error] = []
    func add(_ e: any Error) { lock.withLock { errors.append(e) } }
    var all: [any Error] { lock.withLock { errors } }
}
