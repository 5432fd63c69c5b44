import BytekModel
import BytekStore
import BytekWorker
import Foundation
import Testing
@testable import BytekSUNAT

/// Void requests, what goes in each batch, and the stored RC/RA: schema-valid and signed.
@Suite("RC/RA batches: requests, contents, XML", .serialized)
struct BatchDocumentsTests {
    @Test func boletasAreNotSentWithSendBillButFacturasAre() throws {
        let f = try BillingFixture()
        let b = try f.issuer.issue(try BillingFixture.boleta())
        let fa = try f.issuer.issue(try BillingFixture.factura())
        let queue = JobQueue(db: f.store.db)
        #expect(try queue.job(idempotencyKey: EDocumentRepository.sendJobKey(series: "B001", number: b.number)) == nil)
        #expect(try queue.job(idempotencyKey: EDocumentRepository.sendJobKey(series: "F001", number: fa.number)) != nil)
        #expect(b.status == .pendiente)
        #expect(try f.batches.unsummarisedBoletas().map(\.id) == [b.id])
    }

    @Test func voidRequestsAreValidated() throws {
        let f = try BillingFixture()
        let repo = f.repository
        #expect(throws: EBatchError.documentNotFound(999)) { try repo.requestVoid(id: 999, reason: "x") }
        let fa = try f.issuer.issue(try BillingFixture.factura())
        #expect(throws: EBatchError.notAccepted(document: "F001-1", status: .pendiente)) {
            try repo.requestVoid(id: fa.id, reason: "Error")
        }
        try f.accept(fa)
        #expect(throws: EBatchError.emptyReason) { try repo.requestVoid(id: fa.id, reason: "   ") }
        #expect(throws: EBatchError.reasonTooLong(101)) {
            try repo.requestVoid(id: fa.id, reason: String(repeating: "a", count: 101))
        }
        let jobsBefore = try JobQueue(db: f.store.db).count()
        try repo.requestVoid(id: fa.id, reason: "  Error en el monto  ")
        #expect(try repo.record(id: fa.id)?.voidReason == "Error en el monto")
        #expect(try JobQueue(db: f.store.db).count() == jobsBefore + 1)
        #expect(try JobQueue(db: f.store.db).list(kind: SunatVoidJob.kind).count == 1)
        #expect(throws: EBatchError.voidAlreadyRequested("F001-1")) { try repo.requestVoid(id: fa.id, reason: "Otra vez") }
        let audit = try f.store.db.scalar(
            "SELECT summary FROM audit_log WHERE entity = 'e_document' AND entity_id = ? ORDER BY id DESC LIMIT 1", [.int(fa.id)])
        #expect(audit.stringValue?.contains("Baja solicitada") == true)
        // The message is Spanish text for the screens.
        #expect(EBatchError.voidAlreadyRequested("F001-1").message.contains("ya se solicitó la baja"))

        try f.store.db.execute("UPDATE e_document SET status = 'anulado' WHERE id = ?", [.int(fa.id)])
        #expect(throws: EBatchError.alreadyVoided("F001-1")) { try repo.requestVoid(id: fa.id, reason: "x") }
    }

    @Test func voidWindowIsSevenDaysAfterTheIssueDate() throws {
        let f = try BillingFixture()
        let today = LimaTime.date(Date())
        let old = try f.issuer.issue(try BillingFixture.factura(), quoteNumber: nil)
        try f.accept(old)
        // Eight days ago: refused. Seven days ago: still accepted.
        try f.store.db.execute("UPDATE e_document SET issue_date = ? WHERE id = ?",
                               [.text(today.adding(days: -8).description), .int(old.id)])
        #expect(throws: EBatchError.voidWindowExpired(document: "F001-1", issueDate: today.adding(days: -8).description,
                                                      lastDay: today.adding(days: -1).description)) {
            try f.repository.requestVoid(id: old.id, reason: "Error")
        }
        try f.store.db.execute("UPDATE e_document SET issue_date = ? WHERE id = ?",
                               [.text(today.adding(days: -7).description), .int(old.id)])
        try f.repository.requestVoid(id: old.id, reason: "Error")
        #expect(try f.repository.record(id: old.id)?.isVoidPending == true)
    }

    @Test func oneSummaryPerIssueDayWithConsecutiveSequences() throws {
        let f = try BillingFixture()
        let today = LimaTime.date(Date())
        let yesterday = LimaTime.instant(today.adding(days: -1), hour: 10)
        let old = try f.issuer.issue(try BillingFixture.boleta(issuedAt: yesterday))
        let new1 = try f.issuer.issue(try BillingFixture.boleta())
        let new2 = try f.issuer.issue(try BillingFixture.boleta())
        let created = try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock)
        #expect(created.map(\.sequence) == [1, 2])
        #expect(created.map(\.referenceDate) == [today.adding(days: -1).description, today.description])
        #expect(try f.batches.lines(batchID: created[0].id).map(\.documentID) == [old.id])
        #expect(try f.batches.lines(batchID: created[1].id).map(\.documentID) == [new1.id, new2.id])
        #expect(try f.repository.record(id: new1.id)?.status == .enviado)
        // Stored as the worker actor: its audit name and its door.
        let audit = try f.store.db.queryOne("SELECT user_login, door FROM audit_log WHERE entity = 'e_batch' ORDER BY id DESC LIMIT 1")
        #expect(audit?.string("user_login") == "worker")
        #expect(audit?.optionalString("door") == "worker")
        // Each batch has its send job, and running the collector again adds nothing.
        for b in created {
            #expect(try JobQueue(db: f.store.db).job(idempotencyKey: EBatchRepository.sendJobKey(b.identifier)) != nil)
        }
        #expect(try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock).isEmpty)
        // A date limits it to that day. (A boleta dated yesterday goes in another series: within one
        // series the numbers stay in date order, see IssueDateRule.)
        var late = try BillingFixture.boleta(issuedAt: yesterday)
        late.series = try Series("B002", for: .boleta)
        let later = try f.issuer.issue(late)
        _ = try f.issuer.issue(try BillingFixture.boleta())
        let only = try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock,
                                                       date: today.adding(days: -1).description)
        #expect(only.count == 1)
        #expect(only.first?.sequence == 3)
        #expect(try f.batches.lines(batchID: try #require(only.first).id).map(\.documentID) == [later.id])
    }

    @Test func storedSummaryAndVoidValidateAndVerifyWithTheCommandLineTools() throws {
        let f = try BillingFixture()
        let cert = try TestCertificate.shared.get().certPEM
        try f.issuer.issue(try BillingFixture.boleta())
        let fa = try f.issuer.issue(try BillingFixture.factura())
        try f.accept(fa)
        try f.repository.requestVoid(id: fa.id, reason: "Error en la descripción")
        let rc = try #require(try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer },
                                                                  clock: f.clock.clock).first)
        let ra = try #require(try SunatVoidJob.createVoids(db: f.store.db, signer: { _ in f.signer }, clock: f.clock.clock).first)
        #expect(ra.kind == .baja)
        for b in [rc, ra] {
            let xml = try #require(try f.batches.signedXML(id: b.id))
            let schema = try SchemaFixtures.schema(for: Data(xml))
            let lint = try xmllintValidate(xml, schema: schema)
            #expect(lint.status == 0, "\(b.identifier) does not validate:\n\(lint.output)")
            let verify = try xmlsecVerify(xml, certificate: cert)
            #expect(verify.status == 0, "\(b.identifier) signature:\n\(verify.output)")
            #expect(try XMLSigner.digestValue(of: xml) == b.digestValue)
            // The ZIP holds exactly the stored bytes under the SUNAT name.
            let entries = try SunatZip.read(try #require(try f.batches.zip(id: b.id)))
            #expect(entries.map(\.name) == [b.fileName + ".xml"])
            #expect(entries.first?.bytes == xml)
            // Changed after signing: xmlsec1 refuses it.
            let tampered = Array(xml.text.replacingOccurrences(of: b.identifier, with: b.identifier + "9").utf8)
            #expect(try xmlsecVerify(tampered, certificate: cert).status != 0)
        }
        let raXML = try #require(try f.batches.signedXML(id: ra.id)).text
        #expect(raXML.contains("<sac:VoidReasonDescription>Error en la descripción</sac:VoidReasonDescription>"))
        #expect(raXML.contains("<sac:DocumentSerialID>F001</sac:DocumentSerialID>"))
    }

    @Test func sweepRequeuesBatchesWhoseJobsRanOut() throws {
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.boleta())
        let b = try #require(try SunatSummaryJob.createSummaries(db: f.store.db, signer: { _ in f.signer },
                                                                 clock: f.clock.clock).first)
        let key = EBatchRepository.sendJobKey(b.identifier)
        try f.store.db.execute("UPDATE job SET state = 'failed', attempts = 20 WHERE idempotency_key = ?", [.text(key)])
        #expect(try f.batches.sweep() == 1)
        #expect(try JobQueue(db: f.store.db).job(idempotencyKey: key)?.state == .pending)
        #expect(try f.batches.sweep() == 0)
    }

    @Test func schedulesAreEnsuredOnce() throws {
        let f = try BillingFixture()
        #expect(try SunatBatchJobs.ensureSchedules(db: f.store.db).sorted() == ["resumen-diario", "sunat-lotes-pendientes"])
        #expect(try SunatBatchJobs.ensureSchedules(db: f.store.db).isEmpty)
        let s = try #require(try ScheduleStore(db: f.store.db).schedule(named: "resumen-diario"))
        #expect(s.kind == "sunat.summary")
        #expect(s.rule == "daily 21:00")
    }
}
