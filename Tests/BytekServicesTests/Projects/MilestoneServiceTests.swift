import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// Deliverables, readiness, sign-off and the milestone's invoice through the operations layer.
@Suite(.serialized) struct MilestoneServiceTests {
    typealias W = MilestoneWorld

    static func sha256sum(_ args: [String], cwd: String, stdin: Data? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func attachCopiesTheFileWithItsHashAndRefusesBadNames() throws {
        let w = try W(); defer { w.cleanup() }
        let ops = w.services(W.operaciones).milestones
        let m1 = w.milestones[0]
        let d = try ops.attach(milestoneId: m1, path: try w.file("informe.pdf", "%PDF informe v1"))
        #expect(d.storedPath == "entregables/PRY-0001/1/informe.pdf")
        let copy = w.folder + "/" + d.storedPath
        #expect(FileManager.default.contents(atPath: copy) == Data("%PDF informe v1".utf8))
        #expect(d.sha256 == String(try Self.sha256sum(["sha256sum informe.pdf"], cwd: w.folder + "/entregables/PRY-0001/1").prefix(64)))
        #expect(d.bytes == 15)
        // The same name again gets a suffix; both stay.
        let again = try ops.attach(milestoneId: m1, path: try w.file("informe.pdf", "%PDF informe v2"))
        #expect(again.fileName == "informe (2).pdf")
        for bad in ["../x.pdf", "a/b.pdf", "ma\u{7}l.pdf", ""] {
            #expect(throws: MilestoneServiceError.self) { try ops.attach(milestoneId: m1, path: try w.file("ok.txt", "x"), name: bad) }
        }
        // Over 200 MB (a sparse file: nothing is read): refused naming the limit, nothing copied or recorded.
        let big = try w.file("respaldo.zip", "")
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(DeliverableName.maxBytes) + 1)
        try handle.close()
        do { try ops.attach(milestoneId: m1, path: big); Issue.record("200 MB + 1 aceptado") } catch let e as MilestoneServiceError {
            #expect(e.message.contains("el límite es 200 MB"), "\(e.message)")
        }
        #expect(!FileManager.default.fileExists(atPath: w.folder + "/entregables/PRY-0001/1/respaldo.zip"))
        #expect(try ops.deliverables(milestoneId: m1).count == 2)
        #expect(try ops.milestone(m1).milestone.state == .inProgress)
        // A milestone without deliverables cannot be marked ready.
        do { try ops.markReady(milestoneId: w.milestones[1]); Issue.record("listo sin entregables") } catch let e as MilestoneServiceError {
            #expect(e.message.contains("no tiene entregables"))
        }
        // Approval only from "listo".
        #expect(throws: MilestoneServiceError.self) {
            try w.services(.staff("admin", role: .admin, door: .cli)).milestones
                .recordSignoff(milestoneId: m1, channel: .email, who: "Ana", evidencePath: try w.file("correo.eml", "ok"))
        }
    }

    @Test func approvalQueuesTheInvoiceJobInItsOwnTransactionAndTheJobIssuesOnce() throws {
        let w = try W(); defer { w.cleanup() }
        let ops = w.services(W.operaciones).milestones
        let m2 = w.milestones[1]
        try ops.attach(milestoneId: m2, path: try w.file("manual.pdf", "manual"))
        try ops.attach(milestoneId: m2, path: try w.file("codigo.zip", "PK código"))
        try ops.markReady(milestoneId: m2)
        let contact = w.services(w.contact(of: w.customerA)).milestones
        // A failing job insert rolls the approval back: nothing of it stays.
        try w.store.db.execute("CREATE TEMP TRIGGER no_job BEFORE INSERT ON job BEGIN SELECT RAISE(ABORT, 'sin cola'); END")
        #expect(throws: (any Error).self) { try contact.decide(milestoneId: m2, decision: .approved) }
        #expect(try w.store.db.scalar("SELECT count(*) FROM milestone_signoff").intValue == 0)
        #expect(try ops.milestone(m2).milestone.state == .ready)
        try w.store.db.execute("DROP TRIGGER no_job")

        let s = try contact.decide(milestoneId: m2, decision: .approved)
        #expect(s.who == "ana@cliente-a.pe" && s.how == "portal")
        // The hash is SHA-256 of the sorted `sha256sum` lines of the files.
        let folder = w.folder + "/entregables/PRY-0001/2"
        #expect(s.approvedHash == (try Self.sha256sum(["sha256sum * | LC_ALL=C sort | sha256sum"], cwd: folder)).prefix(64).description)
        let jobs = try w.store.db.query("SELECT kind, payload FROM job WHERE kind = 'hitos.facturar'")
        #expect(jobs.map { $0.string("payload") } == ["{\"hito\":\(m2)}"])
        #expect(try ops.milestone(m2).milestone.state == .approved)

        let clock: MillisecondClock = { Int64(W.now().timeIntervalSince1970 * 1000) }
        let first = try MilestoneInvoiceJob.run(db: w.store.db, nowMs: clock, environment: BillingMatrix.environment, payload: ["hito": m2])
        #expect(first.contains("\"comprobante\":\"F001-1\""), "\(first)")
        let second = try MilestoneInvoiceJob.run(db: w.store.db, nowMs: clock, environment: BillingMatrix.environment, payload: ["hito": m2])
        #expect(second.contains("ya_facturado"))
        #expect(try w.store.db.scalar("SELECT count(*) FROM e_document").intValue == 1)
        let m = try ops.milestone(m2)
        #expect(m.milestone.state == .invoiced && m.documentNumber == "F001-1")
        // 3,540.00 (> S/ 700: detracción), credit 30 days; order reference = the quote number.
        let doc = try #require(try EDocumentRepository(db: w.store.db, user: "t").document(id: m.milestone.documentId ?? 0))
        #expect(try doc.amounts().total == Money(3540, .pen))
        #expect(doc.detraccion?.code == "037")
        #expect(doc.lines.first?.description.hasPrefix("Hito 2 de 3: Desarrollo — COT-") == true)
        guard case .credito(let cuotas) = doc.paymentForm else { Issue.record("sin cuota"); return }
        #expect(cuotas.first?.amount == Decimal(string: "3115.20"))
        // A receivable exists for it, as for any invoice.
        #expect(try w.store.db.scalar("SELECT count(*) FROM receivable WHERE document_id = ?", [.int(m.milestone.documentId ?? 0)]).intValue ?? 0 >= 1)
    }

    @Test func withTheFinanzasSettingApprovalIsQueuedAndFinanzasIssuesIt() throws {
        let w = try W(creditDays: 0); defer { w.cleanup() }
        try w.services(.staff("admin", role: .admin, door: .cli)).milestones.setBillingMode(.finance)
        let ops = w.services(W.operaciones).milestones
        let m1 = w.milestones[0]
        try ops.attach(milestoneId: m1, path: try w.file("acta.pdf", "acta"))
        try ops.markReady(milestoneId: m1)
        // Changes first (comment required), then fixed and approved by e-mail recorded by staff.
        let contact = w.services(w.contact(of: w.customerA)).milestones
        #expect(throws: MilestoneServiceError.commentRequired) { try contact.decide(milestoneId: m1, decision: .changes) }
        try contact.decide(milestoneId: m1, decision: .changes, comment: "Falta el anexo B")
        #expect(try ops.milestone(m1).milestone.state == .changesRequested)
        try ops.attach(milestoneId: m1, path: try w.file("anexo-b.pdf", "anexo"))
        try ops.markReady(milestoneId: m1)
        let s = try ops.recordSignoff(milestoneId: m1, channel: .email, who: "Ana Torres", evidencePath: try w.file("aprobacion.eml", "Aprobado. Ana"))
        #expect(s.evidencePath == "entregables/PRY-0001/1/evidencias/aprobacion.eml")
        #expect(s.evidenceSha256 == SHA256.hex("Aprobado. Ana"))
        #expect(try w.store.db.scalar("SELECT count(*) FROM job WHERE kind = 'hitos.facturar'").intValue == 0)
        let fin = w.services(W.finanzas).milestones
        #expect(try fin.queuedForFinance().map(\.milestone.id) == [m1])
        let record = try fin.issueInvoice(milestoneId: m1)
        #expect(record.documentID == "F001-1")
        #expect(try fin.queuedForFinance().isEmpty)
        #expect(throws: MilestoneServiceError.self) { try fin.issueInvoice(milestoneId: m1) }
        let doc = try #require(try EDocumentRepository(db: w.store.db, user: "t").document(id: record.id))
        #expect(doc.paymentForm == .contado)
        // Operaciones may not issue.
        #expect(throws: ServiceError.self) { try ops.issueInvoice(milestoneId: m1) }
    }

    @Test func aContactSeesOnlyItsCustomersMilestones() throws {
        let w = try W(); defer { w.cleanup() }
        let ops = w.services(W.operaciones).milestones
        let d = try ops.attach(milestoneId: w.milestoneB, path: try w.file("b.pdf", "b"))
        try ops.markReady(milestoneId: w.milestoneB)
        let a = w.services(w.contact(of: w.customerA)).milestones
        #expect(throws: ServiceError.notFound) { try a.milestone(w.milestoneB) }
        #expect(throws: ServiceError.notFound) { try a.download(deliverableId: d.id) }
        #expect(throws: ServiceError.notFound) { try a.decide(milestoneId: w.milestoneB, decision: .approved) }
        #expect(throws: ServiceError.notFound) { try a.milestones(projectCode: "PRY-0002") }
        let b = w.services(w.contact(of: w.customerB, email: "beto@cliente-b.pe")).milestones
        #expect(try b.download(deliverableId: d.id).path.hasSuffix("entregables/PRY-0002/1/b.pdf"))
        // Not released and not waiting for approval: hidden from the contact.
        let d2 = try ops.attach(milestoneId: w.milestones[0], path: try w.file("borrador.pdf", "x"))
        #expect(throws: ServiceError.notFound) { try a.download(deliverableId: d2.id) }
        try ops.release(deliverableId: d2.id)
        #expect(try a.download(deliverableId: d2.id).record.released)
    }
}
