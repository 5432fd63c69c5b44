import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The payment gate over the real ledger: a U2 project of Cliente A with three milestones; milestone 1's
/// factura (S/ 1,180.00 with detracción S/ 141.60 apart, 10 days of credit: due 28/11/2026) issued for real.
@Suite struct ProjectGateServiceTests {
    let f: LedgerFixture
    let document: String
    let project: Int64
    var milestones: [Int64] = []

    init() throws {
        f = try LedgerFixture(creditDays: 10)
        let doc = try f.issue(LedgerFixture.factura(price: 1_000, detraccion: true))
        document = doc.documentID
        project = try Self.insertProject(f.store.db, customer: f.customer, code: "PRY-0001", manager: "oper")
        milestones = try Self.insertMilestones(f.store.db, project: project, documents: [doc.id, nil, nil])
    }

    static func insertProject(_ db: Database, customer: Int64, code: String, manager: String) throws -> Int64 {
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date,
                                created_by, created_at, updated_at)
            VALUES (?, 'Sistema de ventas', 'U2', 'hitos', ?, ?, 'PEN', '2026-10-01', '2027-03-31', 'setup',
                    '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z')
            """, [.text(code), .int(customer), .text(manager)])
        return db.lastInsertRowID
    }

    static func insertMilestones(_ db: Database, project: Int64, documents: [Int64?],
                                 planned: [String] = ["2026-11-15", "2026-12-15", "2027-03-31"]) throws -> [Int64] {
        var ids: [Int64] = []
        for (i, doc) in documents.enumerated() {
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
                VALUES (?, ?, ?, '30', 118000, ?, ?, ?)
                """, [.int(project), .int(Int64(i + 1)), .text(["Análisis", "Desarrollo", "Entrega"][i % 3]),
                      .text(planned[i % planned.count]), .text(doc == nil ? "pendiente" : "facturado"),
                      doc.map { .int($0) } ?? .null])
            ids.append(db.lastInsertRowID)
        }
        return ids
    }

    /// Services at 08:00 Lima on `day`.
    func on(_ day: String, _ actor: Actor = .staff("fina", role: .finanzas, door: .cli)) -> Services {
        ReminderServiceTests.services(f.store, day, actor: actor)
    }

    func gate(_ day: String) -> ProjectGateService { on(day).projectGate }

    @Test func anOverdueMilestoneInvoiceHoldsTheLaterMilestonesUntilEveryPartIsPaid() throws {
        #expect(try f.receivables(document).map(\.dueDate.description) == ["2026-11-28", "2026-11-28"])
        #expect(try gate("2026-11-28").block(projectId: project, milestoneId: milestones[1]) == nil)  // due today
        let g = gate("2026-12-03")
        #expect(try g.block(projectId: project, milestoneId: milestones[0]) == nil)  // its own milestone is not held
        let b = try #require(try g.block(projectId: project, milestoneId: milestones[1]))
        #expect(try g.block(projectId: project, milestoneId: milestones[2]) == b)
        #expect(try g.block(projectId: project, milestoneId: nil) == b)
        #expect(b.documents == [document] && b.owed == [LedgerFixture.pen("1180.00")] && b.daysOverdue == 5)
        #expect(throws: ProjectGateError.blocked(b)) { try g.check(projectId: project, milestoneId: milestones[1]) }
        #expect(ProjectGateError.blocked(b).message
            == "Bloqueado por pago: \(document) vencida hace 5 días, debe S/ 1,180.00 (hito 1 «Análisis»); "
            + "registre el pago o pida a finanzas que levante el bloqueo")
        #expect(try g.blockedProjects() == [project: b])
        #expect(try g.status(projectId: project).block == b)

        // The net paid through Cobranzas: the detracción still holds it.
        let neto = try f.id(document)
        _ = try on("2026-12-03").receivables.recordPayment(PaymentInput(
            customerId: f.customer, date: LocalDate("2026-12-03")!, method: .transferencia, bankAccountId: f.bcpPEN,
            operationNumber: "OP-1", amount: LedgerFixture.pen("1038.40"),
            applications: [PaymentApplication(receivableId: neto, amount: LedgerFixture.pen("1038.40"))]))
        let still = try #require(try g.block(projectId: project, milestoneId: milestones[1]))
        #expect(still.owed == [LedgerFixture.pen("141.60")])
        #expect(try g.blockedProjects()[project]?.owed == [LedgerFixture.pen("141.60")])
        // The detracción deposited: nothing holds it, nothing was written by the gate.
        _ = try on("2026-12-03").receivables.recordDetraccionDeposit(documentID: document, constancia: "12345678",
                                                                     date: LocalDate("2026-12-03")!,
                                                                     amount: LedgerFixture.pen("141.60"))
        #expect(try g.block(projectId: project, milestoneId: milestones[1]) == nil)
        try g.check(projectId: project, milestoneId: milestones[2])
        #expect(try g.blockedProjects().isEmpty)
    }

    @Test func graceDaysFromTheSetting() throws {
        try SettingsRepository(db: f.store.db).set(PaymentGate.graceSetting, "5")
        #expect(try gate("2026-12-03").block(projectId: project, milestoneId: nil) == nil)
        #expect(try gate("2026-12-03").blockedProjects().isEmpty)
        #expect(try gate("2026-12-04").block(projectId: project, milestoneId: nil)?.daysOverdue == 6)
        #expect(try gate("2026-12-04").blockedProjects().count == 1)
    }

    @Test func aLiftHoldsUntilItsDateAuditedAndFallsBackUnpaid() throws {
        let g = gate("2026-12-03")
        let oper = on("2026-12-03", .staff("oper", role: .operaciones, door: .tui)).projectGate
        #expect(throws: ServiceError.forbidden(operation: "compuerta.levantar", role: .operaciones)) {
            try oper.lift(projectId: project, reason: "Pago comprometido", until: LocalDate("2026-12-10")!)
        }
        #expect(throws: GateLiftError.reasonRequired) {
            try g.lift(projectId: project, reason: "   ", until: LocalDate("2026-12-10")!)
        }
        #expect(throws: GateLiftError.untilInPast(LocalDate("2026-12-02")!, today: LocalDate("2026-12-03")!)) {
            try g.lift(projectId: project, reason: "x", until: LocalDate("2026-12-02")!)
        }
        #expect(throws: GateLiftError.untilTooFar(LocalDate("2027-03-04")!, max: LocalDate("2027-03-03")!)) {
            try g.lift(projectId: project, reason: "x", until: LocalDate("2027-03-04")!)
        }
        #expect(throws: GateLiftError.reasonTooLong(max: 500)) {
            try g.lift(projectId: project, reason: String(repeating: "a", count: 501), until: LocalDate("2026-12-10")!)
        }
        #expect(throws: GateLiftError.projectNotFound(999)) {
            try g.lift(projectId: 999, reason: "x", until: LocalDate("2026-12-10")!)
        }
        #expect(try f.store.db.scalar("SELECT count(*) FROM project_gate_lift").intValue == 0)

        let lift = try g.lift(projectId: project, reason: "Gerente del cliente promete pago el 9/12", until: LocalDate("2026-12-10")!)
        #expect(lift.liftedBy == "fina")
        #expect(try g.block(projectId: project, milestoneId: milestones[1]) == nil)
        #expect(try g.blockedProjects().isEmpty)
        let st = try oper.status(projectId: project)
        #expect(st.block == nil && st.lift?.reason == "Gerente del cliente promete pago el 9/12" && st.overdue?.daysOverdue == 5)
        let audit = try f.store.db.query("SELECT summary, door FROM audit_log WHERE entity = 'desbloqueo_proyecto'")
        #expect(audit.map { $0.string("summary") } == ["Bloqueo por pago levantado en PRY-0001 hasta 2026-12-10: Gerente del cliente promete pago el 9/12"])
        #expect(audit.first?.string("door") == "cli")

        #expect(try gate("2026-12-10").block(projectId: project, milestoneId: nil) == nil)  // its last day
        #expect(try gate("2026-12-11").block(projectId: project, milestoneId: nil)?.daysOverdue == 13)  // falls back
        #expect(try gate("2026-12-11").blockedProjects().count == 1)

        // Ended early by admin: held again at once.
        let admin = on("2026-12-05", .staff("admin", role: .admin, door: .tui)).projectGate
        try admin.endLift(projectId: project)
        #expect(try admin.block(projectId: project, milestoneId: nil) != nil)
        #expect(throws: GateLiftError.noActiveLift(project)) { try admin.endLift(projectId: project) }
        #expect(try admin.lifts(projectId: project).first?.revokedAt != nil)
    }

    @Test func cancelledAndLastMilestoneInvoicesHoldNothing() throws {
        // A second project whose only invoiced milestone is its last one.
        let other = try Self.insertProject(f.store.db, customer: f.customer, code: "PRY-0002", manager: "oper")
        let doc = try f.issue(LedgerFixture.factura(price: 500))
        _ = try Self.insertMilestones(f.store.db, project: other, documents: [nil, doc.id])
        #expect(try gate("2026-12-20").block(projectId: other, milestoneId: nil) == nil)
        #expect(try gate("2026-12-20").blockedProjects().keys.sorted() == [project])
        // Archived projects are not listed.
        try f.store.db.execute("UPDATE project SET status = 'archivado' WHERE id = ?", [.int(project)])
        #expect(try gate("2026-12-20").blockedProjects().isEmpty)
    }
}
