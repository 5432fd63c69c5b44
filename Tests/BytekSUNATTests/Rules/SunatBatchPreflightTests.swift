import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekSUNAT

/// Resúmenes diarios (RC) and comunicaciones de baja (RA) with SUNAT's rules folder configured: each batch is
/// checked before it is stored; one the rules reject is not stored and the job says SUNAT's code.
@Suite("Pre-flight of RC and RA batches against SUNAT's rules")
struct SunatBatchPreflightTests {
    /// A boleta waiting for its RC and an accepted factura whose baja was requested.
    static func pending(_ f: BillingFixture) throws {
        try f.issuer.issue(try BillingFixture.boleta())
        let factura = try f.issuer.issue(try BillingFixture.factura())
        try f.accept(factura)
        try f.repository.requestVoid(id: factura.id, reason: "Error en la descripción")
    }

    static func batches(_ f: BillingFixture) throws -> Int64 {
        try f.store.db.scalar("SELECT count(*) FROM e_batch").intValue ?? -1
    }

    @Test("a batch is stored when the rules accept what would be stored, refused with SUNAT's code otherwise")
    func batchesFollowTheRulesVerdict() throws {
        // Without the folder: the RC and RA exactly as the jobs store them, and the rules' verdict on each.
        let plain = try BillingFixture()
        try Self.pending(plain)
        let rules = try SunatRulesFixtures.rules()
        var verdicts: [String?] = []
        for make in [{ try SunatSummaryJob.createSummaries(db: plain.store.db, signer: { _ in plain.signer }, clock: plain.clock.clock) },
                     { try SunatVoidJob.createVoids(db: plain.store.db, signer: { _ in plain.signer }, clock: plain.clock.clock) }] {
            let batch = try #require(try make().first)
            let xml = try #require(try plain.batches.signedXML(id: batch.id))
            verdicts.append(try rules.check(xml, fileName: batch.fileName + ".xml").errors.first?.code)
        }

        // With the folder: the same documents.
        let f = try BillingFixture()
        try Self.pending(f)
        var settings = EInvoicingSettings(issuer: BillingFixture.issuer)
        settings.rulesFolder = SunatRulesFixtures.rulesFolder
        try EInvoicingSettingsRepository(db: f.store.db).save(settings)
        let runs: [(String, () throws -> [EBatchRecord])] = [
            ("RC", { try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock) }),
            ("RA", { try SunatVoidJob.createVoids(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock) }),
        ]
        for ((kind, run), verdict) in zip(runs, verdicts) {
            let before = try Self.batches(f)
            if let code = verdict {
                do {
                    _ = try run()
                    Issue.record("\(kind) stored although the rules reject it with \(code)")
                } catch let e as SunatJobError {
                    #expect(e.message.hasPrefix("SUNAT rechazaría \(kind)-"), "\(e.message)")
                    #expect(e.message.contains("código \(code): "), "\(e.message)")
                }
                #expect(try Self.batches(f) == before)
            } else {
                #expect(try run().count == 1, "\(kind)")
                #expect(try Self.batches(f) == before + 1)
            }
        }
    }

    @Test("a configured rules folder that is missing stops the batch jobs with a clear message")
    func missingFolder() throws {
        let f = try BillingFixture()
        try Self.pending(f)
        var settings = EInvoicingSettings(issuer: BillingFixture.issuer)
        settings.rulesFolder = f.folder + "/reglas-sunat"
        try EInvoicingSettingsRepository(db: f.store.db).save(settings)
        #expect {
            try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock)
        } throws: { ($0 as? SunatJobError)?.message.contains("reglas-sunat") == true }
        #expect {
            try SunatVoidJob.createVoids(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock)
        } throws: { ($0 as? SunatJobError)?.message.contains("La carpeta de reglas de SUNAT") == true }
        #expect(try Self.batches(f) == 0)
    }
}
