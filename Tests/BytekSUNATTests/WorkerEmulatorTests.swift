import BytekModel
import BytekStore
import BytekWorker
import Foundation
import Testing
@testable import BytekSUNAT

/// Issue → worker → the local SUNAT emulator → the CDR stored, for each of SUNAT's kinds of answer.
@Suite("Worker sends e-documents to the SUNAT emulator", .serialized)
struct WorkerEmulatorTests {
    @Test func acceptedDocumentStoresTheCDR() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let issued = try f.issuer.issue(try BillingFixture.factura())
        #expect(issued.status == .pendiente)
        #expect(try JobQueue(db: f.store.db).job(idempotencyKey: "sunat.send:F001-1")?.state == .pending)

        let summary = try f.worker(emulator.client()).runOnce()
        #expect(summary.completed == 1)
        let r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .aceptado)
        #expect(r.responseCode == "0")
        #expect(r.responseDescription?.contains("F001-1") == true)
        #expect(r.attempts == 1)
        let cdr = try CDRReader.read(zip: try #require(try f.repository.cdrZip(id: r.id)))
        #expect(cdr.referenceID == "F001-1")
        #expect(try emulator.acceptedSends(r.fileName + ".zip") == 1)
        #expect(try JobQueue(db: f.store.db).job(idempotencyKey: "sunat.send:F001-1")?.state == .done)

        // A second pass sends nothing: the document has its answer.
        _ = try f.worker(emulator.client()).runOnce()
        #expect(try emulator.log().filter { ($0["operation"] as? String) == "sendBill" }.count == 1)
    }

    @Test func observationsAreKept() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["observations": ["4287"]])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        try f.worker(emulator.client()).runOnce()
        let r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .observado)
        #expect(r.responseCode == "0")
        #expect(r.observations.count == 1)
        #expect(r.observations.first?.hasPrefix("4287") == true)
    }

    @Test func rejectionKeepsTheNumberSpent() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["reject_code": "2017"])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        let summary = try f.worker(emulator.client()).runOnce()
        #expect(summary.completed == 1)
        let r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .rechazado)
        #expect(r.responseCode == "2017")
        #expect(try f.repository.cdrZip(id: r.id) != nil)

        try emulator.control(["reject_code": NSNull()])
        let next = try f.issuer.issue(try BillingFixture.factura("Otro servicio"))
        #expect(next.number == 2)
        try f.worker(emulator.client()).runOnce()
        #expect(try f.repository.record(series: "F001", number: 2)?.status == .aceptado)
        #expect(try f.repository.record(series: "F001", number: 1)?.status == .rechazado)
    }

    @Test func http500IsRetriedThenAccepted() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["mode": "http500", "fail_next": 1])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        let first = try f.worker(emulator.client()).runOnce()
        #expect(first.failed == 1)
        var r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .enviado)
        #expect(r.lastError?.contains("0100") == true)
        let job = try #require(try JobQueue(db: f.store.db).job(idempotencyKey: "sunat.send:F001-1"))
        #expect(job.state == .pending)
        #expect(job.runAt > f.clock.now())   // backoff

        // Not due yet: nothing happens until the backoff has passed.
        #expect(try f.worker(emulator.client()).runOnce().completed == 0)
        f.clock.advance(seconds: 60)
        #expect(try f.worker(emulator.client()).runOnce().completed == 1)
        r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .aceptado)
        #expect(r.lastError == nil)
        #expect(r.attempts == 2)
        #expect(try emulator.acceptedSends(r.fileName + ".zip") == 1)
    }

    @Test func timeoutThenAlreadyRegisteredFetchesTheCDR() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        // The emulator registers the document but answers after the client gave up.
        try emulator.control(["mode": "delay", "delay_seconds": 3, "fail_next": 1])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        let first = try f.worker(emulator.client(timeout: 1)).runOnce()
        #expect(first.failed == 1)
        #expect(try f.repository.record(series: "F001", number: 1)?.status == .enviado)
        Thread.sleep(forTimeInterval: 3.5)

        f.clock.advance(seconds: 60)
        #expect(try f.worker(emulator.client()).runOnce().completed == 1)
        let r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .aceptado)
        let log = try emulator.log()
        let sends = log.filter { ($0["operation"] as? String) == "sendBill" }
        #expect(sends.count == 2)
        #expect(sends.last?["code"] as? String == "1033")
        #expect(log.contains { ($0["operation"] as? String) == "getStatusCdr" })
        #expect(try emulator.acceptedSends(r.fileName + ".zip") == 1)
    }

    @Test func lostAnswerAfterProcessingUsesGetStatusCdr() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["mode": "http500", "fail_next": 1, "process": true])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        #expect(try f.worker(emulator.client()).runOnce().failed == 1)
        f.clock.advance(seconds: 60)
        #expect(try f.worker(emulator.client()).runOnce().completed == 1)
        let r = try #require(try f.repository.record(series: "F001", number: 1))
        #expect(r.status == .aceptado)
        #expect(try f.repository.cdrZip(id: r.id) != nil)
        let ops = try emulator.log().compactMap { $0["operation"] as? String }
        #expect(ops == ["sendBill", "sendBill", "getStatusCdr"])
    }

    @Test func droppedConnectionIsRetried() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        try emulator.control(["mode": "drop", "fail_next": 1])
        let f = try BillingFixture()
        try f.issuer.issue(try BillingFixture.factura())
        #expect(try f.worker(emulator.client()).runOnce().failed == 1)
        #expect(try f.repository.record(series: "F001", number: 1)?.lastError?.contains("red") == true)
        f.clock.advance(seconds: 60)
        #expect(try f.worker(emulator.client()).runOnce().completed == 1)
        #expect(try f.repository.record(series: "F001", number: 1)?.status == .aceptado)
    }

    @Test func storedZipIsSentAsIs() throws {
        let emulator = try RunningEmulator()
        defer { emulator.stop() }
        let f = try BillingFixture()
        let issued = try f.issuer.issue(try BillingFixture.factura())
        let xml = try #require(try f.repository.signedXML(id: issued.id))
        let zip = try #require(try f.repository.zip(id: issued.id))
        let entries = try SunatZip.read(zip)
        #expect(entries.map(\.name) == [issued.fileName + ".xml"])
        #expect(entries.first?.bytes == xml)
        #expect(try XMLSigner.digestValue(of: xml) == issued.digestValue)
        #expect(try XMLSigner.verify(xml, key: f.key))
    }
}
