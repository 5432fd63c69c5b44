import BytekModel
import BytekStore
import BytekWorker
import Foundation
import Testing
@testable import BytekSUNAT

/// Resúmenes diarios and comunicaciones de baja through the worker and the local SUNAT emulator:
/// sendSummary → ticket → getStatus (98 first) → the documents' final status.
@Suite("RC/RA through the worker and the SUNAT emulator", .serialized)
struct BatchEmulatorTests {
    @Test func boletasOfTheDayAreSummarisedPolledAndAccepted() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let b1 = try f.issuer.issue(try BillingFixture.boleta())
        let b2 = try f.issuer.issue(try BillingFixture.boleta("Teclado", price: 80))
        // Boletas do not go through sendBill.
        #expect(try f.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'sunat.send'").intValue == 0)
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)

        let worker = f.batchWorker(emulator.client())
        let first = try worker.runOnce()
        // summary + send done; the ticket job got 98 and waits for its backoff.
        #expect(first.completed == 2)
        #expect(first.failed == 1)
        let batch = try #require(try f.batches.list().first)
        #expect(batch.kind == .resumen)
        let today = LimaTime.date(f.batches.nowDate).description.replacingOccurrences(of: "-", with: "")
        #expect(batch.identifier == "RC-\(today)-1")
        #expect(batch.fileName == "\(BillingFixture.issuerRUC)-RC-\(today)-1")
        #expect(batch.status == .enviado)
        #expect(batch.ticket != nil)
        #expect(batch.documentCount == 2)
        #expect(batch.lastError?.contains("98") == true)
        #expect(try f.repository.record(id: b1.id)?.status == .enviado)

        f.clock.advance(seconds: 60)
        #expect(try worker.runOnce().completed == 1)
        let done = try #require(try f.batches.batch(id: batch.id))
        #expect(done.status == .aceptado)
        #expect(done.responseCode == "0")
        #expect(try f.batches.cdrZip(id: batch.id) != nil)
        for id in [b1.id, b2.id] {
            let r = try #require(try f.repository.record(id: id))
            #expect(r.status == .aceptado)
            #expect(r.ticket == batch.ticket)
            #expect(r.responseDescription?.contains(batch.identifier) == true)
        }
        #expect(try emulator.requests("sendSummary").count == 1)
        #expect(try emulator.requests("getStatus").count == 2)

        // Nothing left: another summary builds nothing, nothing is sent again.
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        f.clock.advance(seconds: 60)
        try f.drain(worker)
        #expect(try f.batches.list().count == 1)
        #expect(try emulator.requests("sendSummary").count == 1)
    }

    @Test func voidOfAnAcceptedFacturaGoesInAnRAAndEndsAnulado() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let factura = try f.issuer.issue(try BillingFixture.factura())
        try f.drain(worker)
        #expect(try f.repository.record(id: factura.id)?.status == .aceptado)

        try f.repository.requestVoid(id: factura.id, reason: "Error en el RUC del cliente")
        let requested = try #require(try f.repository.record(id: factura.id))
        #expect(requested.voidReason == "Error en el RUC del cliente")
        #expect(requested.isVoidPending)
        #expect(requested.status == .aceptado)

        try f.drain(worker)
        let batch = try #require(try f.batches.list().first)
        #expect(batch.kind == .baja)
        #expect(batch.identifier.hasPrefix("RA-"))
        #expect(batch.status == .aceptado)
        #expect(try f.batches.lines(batchID: batch.id) == [EBatchLine(documentID: factura.id, line: 1, lineStatus: "3",
                                                                         voidReason: "Error en el RUC del cliente")])
        let voided = try #require(try f.repository.record(id: factura.id))
        #expect(voided.status == .anulado)
        #expect(voided.voidedAt != nil)
        #expect(voided.voidReason == "Error en el RUC del cliente")
        #expect(!voided.isVoidPending)
        let docs = try JSONSerialization.jsonObject(with: try emulator.http("/__documents", body: nil))
        #expect(String(describing: docs).contains("voided"))
        #expect(try emulator.requests("sendSummary").count == 1)
    }

    @Test func voidOfAnAcceptedBoletaGoesInASummaryLineWithStatus3() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let boleta = try f.issuer.issue(try BillingFixture.boleta())
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        try f.drain(worker)
        #expect(try f.repository.record(id: boleta.id)?.status == .aceptado)

        try f.repository.requestVoid(id: boleta.id, reason: "Venta anulada")
        try f.drain(worker)
        let list = try f.batches.list()
        #expect(list.count == 2)
        let rc2 = try #require(list.first)
        #expect(rc2.kind == .resumen)
        #expect(rc2.sequence == 2)
        #expect(rc2.status == .aceptado)
        #expect(try f.batches.lines(batchID: rc2.id).map(\.lineStatus) == ["3"])
        let xml = String(decoding: try #require(try f.batches.signedXML(id: rc2.id)), as: UTF8.self)
        #expect(xml.contains("<cbc:ConditionCode>3</cbc:ConditionCode>"))
        #expect(try f.repository.record(id: boleta.id)?.status == .anulado)
    }

    @Test func rejectedSummaryMarksItsBoletasRejectedWithTheReason() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["reject_code": "2017"])
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let boleta = try f.issuer.issue(try BillingFixture.boleta())
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        try f.drain(worker)
        let batch = try #require(try f.batches.list().first)
        #expect(batch.status == .rechazado)
        #expect(batch.responseCode == "2017")
        let r = try #require(try f.repository.record(id: boleta.id))
        #expect(r.status == .rechazado)
        #expect(r.responseCode == "2017")
        #expect(r.responseDescription?.contains(batch.identifier) == true)

        // The number stays spent; a new boleta goes in a new summary.
        try emulator.control(["reject_code": NSNull()])
        let next = try f.issuer.issue(try BillingFixture.boleta("Otro"))
        #expect(next.number == 2)
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        try f.drain(worker)
        #expect(try f.repository.record(id: next.id)?.status == .aceptado)
        #expect(try f.repository.record(id: boleta.id)?.status == .rechazado)
        #expect(try f.batches.list().map(\.sequence) == [2, 1])
    }

    @Test func rejectedVoidLeavesTheFacturaAcceptedAndSaysWhy() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let factura = try f.issuer.issue(try BillingFixture.factura())
        try f.drain(worker)
        try emulator.control(["reject_code": "2017"])
        try f.repository.requestVoid(id: factura.id, reason: "Duplicada")
        try f.drain(worker)
        let r = try #require(try f.repository.record(id: factura.id))
        #expect(r.status == .aceptado)
        #expect(r.voidReason == nil)
        #expect(r.voidError?.contains("2017") == true)
        // It may be requested again.
        try emulator.control(["reject_code": NSNull()])
        try f.repository.requestVoid(id: factura.id, reason: "Duplicada")
        try f.drain(worker)
        #expect(try f.repository.record(id: factura.id)?.status == .anulado)
    }

    /// SUNAT got the summary but its answer (the ticket) never reached the store, as when the worker is
    /// killed between sendSummary and storing the ticket: the retry sends the SAME stored ZIP (same
    /// identifier, same bytes), never a second summary, and the boletas are accepted once.
    @Test func ticketLostAfterSendResendsTheStoredZipOnly() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let boleta = try f.issuer.issue(try BillingFixture.boleta())
        try emulator.control(["mode": "drop", "fail_next": 1, "process": true])
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        let first = try worker.runOnce()
        #expect(first.failed == 1)
        let lost = try #require(try f.batches.list().first)
        #expect(lost.ticket == nil)
        #expect(lost.status == .enviado)
        let zipBefore = try #require(try f.batches.zip(id: lost.id))

        try f.drain(worker)
        let batches = try f.batches.list()
        #expect(batches.count == 1)
        let b = try #require(batches.first)
        #expect(b.status == .aceptado)
        #expect(b.attempts == 2)
        #expect(try f.batches.zip(id: b.id) == zipBefore)
        let sends = try emulator.requests("sendSummary")
        #expect(sends.count == 2)
        #expect(Set(sends.compactMap { $0["fileName"] as? String }) == [b.fileName + ".zip"])
        #expect(try f.repository.record(id: boleta.id)?.status == .aceptado)
    }

    /// The same, but SUNAT had already accepted the first copy when the stored ZIP is sent again:
    /// it answers 2223 ("ya fue presentado"), which is this batch's acceptance.
    @Test func resendOfAnAlreadyAcceptedSummaryCountsAsAccepted() throws {
        let emulator = try RunningEmulator(extraArguments: ["--polls", "0"])
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        let boleta = try f.issuer.issue(try BillingFixture.boleta())
        try emulator.control(["mode": "drop", "fail_next": 1, "process": true])
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        #expect(try worker.runOnce().failed == 1)
        // Someone (SUNAT's own processing) settles the lost ticket.
        let lostTicket = try #require(try emulator.requests("sendSummary").first?["ticket"] as? String)
        #expect(try emulator.client().getStatus(ticket: lostTicket).statusCode == "0")

        try f.drain(worker)
        let b = try #require(try f.batches.list().first)
        #expect(b.status == .aceptado)
        #expect(b.responseCode == "2223")
        #expect(try f.repository.record(id: boleta.id)?.status == .aceptado)
        #expect(try f.batches.list().count == 1)
    }

    /// Killed after the ticket was stored but before the send job was marked done: the send job runs
    /// again and only makes sure the ticket is polled. sendSummary is called once.
    @Test func batchWithATicketIsOnlyPolled() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        try f.issuer.issue(try BillingFixture.boleta())
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        _ = try worker.runOnce()
        let b = try #require(try f.batches.list().first)
        #expect(b.ticket != nil)
        // As if the worker died before completing the send job: its lease expired, it is due again.
        try f.store.db.execute(
            "UPDATE job SET state = 'running', lease_owner = 'muerto', lease_until = 0, finished_at = NULL WHERE idempotency_key = ?",
            [.text(EBatchRepository.sendJobKey(b.identifier))])
        try f.drain(worker)
        #expect(try f.batches.batch(id: b.id)?.status == .aceptado)
        #expect(try emulator.requests("sendSummary").count == 1)
        #expect(try JobQueue(db: f.store.db).job(idempotencyKey: EBatchRepository.sendJobKey(b.identifier))?.state == .done)
    }

    @Test func http500OnSendSummaryIsRetried() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let worker = f.batchWorker(emulator.client())
        try f.issuer.issue(try BillingFixture.boleta())
        try emulator.control(["mode": "http500", "fail_next": 1])
        try JobQueue(db: f.store.db).enqueue(kind: SunatSummaryJob.kind)
        #expect(try worker.runOnce().failed == 1)
        #expect(try f.batches.list().first?.lastError?.contains("0100") == true)
        try f.drain(worker)
        #expect(try f.batches.list().first?.status == .aceptado)
        #expect(try emulator.requests("sendSummary").count == 2)
    }
}
