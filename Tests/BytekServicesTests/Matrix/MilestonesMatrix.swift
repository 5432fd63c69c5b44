import BytekModel
import BytekStore
import Foundation
@testable import BytekServices

/// Hitos. Customers A and B each have an accepted quote in three milestones (30/30/40 of S/ 1,180.00) and its
/// U2 project (HITO-A, HITO-B) with milestone 1 in progress with a file, milestone 2 ready for approval with a
/// file, and milestone 3 approved and queued for finanzas.
enum MilestonesMatrix: MatrixArea {
    static let seed: MatrixSeed = { store, world in
        let db = store.db
        let quotes = QuoteRepository(db: db, user: "setup", now: MatrixWorld.now)
        let today = LimaTime.date(MatrixWorld.now())
        let evidence = world.folder + "/acta-hito.pdf"
        try Data("%PDF acta".utf8).write(to: URL(fileURLWithPath: evidence))
        for (suffix, customer) in [("A", world.customerA), ("B", world.customerB)] {
            let q = try quotes.createDraft(Quote(QuoteContent(
                customerId: customer, unit: .digital, issueDate: today, validityDays: 15,
                paymentTerms: .milestones([Milestone(name: "Análisis", percent: 30), Milestone(name: "Desarrollo", percent: 30),
                                           Milestone(name: "Cierre", percent: 40)]),
                lines: [.service("Portal", quantity: 1, rate: Money(1000, .pen))], owner: "admin")))
            _ = try quotes.send(q.id ?? -1, on: today)
            let quoteId = try quotes.accept(q.id ?? -1, on: today).quote.id ?? -1
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, quote_id, manager, currency, start_date, promised_date,
                created_by, created_at, updated_at) VALUES (?, 'Portal', 'U2', 'hitos', ?, ?, 'm_operaciones', 'PEN', '2026-05-01',
                '2026-08-01', 'setup', '2026-05-01T15:00:00.000Z', '2026-05-01T15:00:00.000Z')
                """, [.text("HITO-" + suffix), .int(customer), .int(quoteId)])
            let project = db.lastInsertRowID
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, quote_milestone_id, state,
                invoice_queued_at)
                SELECT ?, position, name, percent, amount_cents, '2026-07-01', id,
                CASE position WHEN 1 THEN 'en_curso' WHEN 2 THEN 'listo' ELSE 'aprobado' END,
                CASE position WHEN 3 THEN '2026-05-20T15:00:00.000Z' END
                FROM quote_milestone WHERE quote_id = ? ORDER BY position
                """, [.int(project), .int(quoteId)])
            let ids = try db.query("SELECT id FROM project_milestone WHERE project_id = ? ORDER BY position", [.int(project)]).map { $0.int("id") }
            for (k, m) in ids.prefix(2).enumerated() {
                try db.execute("""
                    INSERT INTO project_deliverable(project_id, milestone_id, file_name, stored_path, sha256, bytes, uploaded_by, uploaded_at)
                    VALUES (?, ?, 'informe.pdf', ?, ?, 9, 'setup', '2026-05-10T15:00:00.000Z')
                    """, [.int(project), .int(m), .text("entregables/HITO-\(suffix)/\(k + 1)/informe.pdf"), .text(SHA256.hex("%PDF acta"))])
                world.ids["deliverable\(k + 1)" + suffix] = db.lastInsertRowID
            }
            for (k, m) in ids.enumerated() { world.ids["milestone\(k + 1)" + suffix] = m }
        }
    }

    static func id(_ w: MatrixWorld, _ name: String, _ t: MatrixTarget) -> Int64 { w.ids[name + (t == .own ? "A" : "B")] ?? -1 }
    static func evidence(_ w: MatrixWorld) -> String { w.folder + "/acta-hito.pdf" }

    static let expected: [String: String] = [
        "hito.ver": "admin ventas finanzas operaciones tecnico soporte contacto",
        "hito.adjuntar": "admin operaciones tecnico",
        "hito.liberar": "admin operaciones tecnico",
        "hito.listo": "admin operaciones tecnico",
        "hito.registrar_aprobacion": "admin ventas operaciones",
        "hito.decidir": "contacto",
        "hito.facturar": "admin finanzas worker",
        "hito.por_facturar": "admin finanzas",
        "hito.configurar_facturacion": "admin",
    ]

    static let cases: [MatrixCase] = [
        MatrixCase(.milestoneView) { s, _, t in
            let list = try s.milestones.milestones(projectCode: t == .own ? "HITO-A" : "HITO-B")
            guard list.count == 3 else { throw MatrixMilestoneError.wrong("\(list.count)") }
        },
        MatrixCase(.deliverableAttach) { s, w, t in
            try s.milestones.attach(milestoneId: id(w, "milestone1", t), path: evidence(w), name: "avance.pdf")
        },
        MatrixCase(.deliverableRelease) { s, w, t in try s.milestones.release(deliverableId: id(w, "deliverable1", t)) },
        MatrixCase(.milestoneReady) { s, w, t in try s.milestones.markReady(milestoneId: id(w, "milestone1", t)) },
        MatrixCase(.milestoneSignoffRecord) { s, w, t in
            try s.milestones.recordSignoff(milestoneId: id(w, "milestone2", t), channel: .signedRecord, who: "Ana A",
                                           evidencePath: evidence(w))
        },
        MatrixCase(.milestoneSignoffPortal) { s, w, t in
            try s.milestones.decide(milestoneId: id(w, "milestone2", t), decision: .approved)
        },
        MatrixCase(.milestoneInvoice) { s, w, t in
            let r = try BillingMatrix.signing(s).milestones.issueInvoice(milestoneId: id(w, "milestone3", t))
            guard r.documentID.hasPrefix("F001-") else { throw MatrixMilestoneError.wrong(r.documentID) }
        },
        MatrixCase(.milestoneInvoiceQueue) { s, _, _ in
            guard try s.milestones.queuedForFinance().count == 2 else { throw MatrixMilestoneError.wrong("cola") }
        },
        MatrixCase(.milestoneBillingSetting) { s, _, _ in try s.milestones.setBillingMode(.finance) },
    ]
}

enum MatrixMilestoneError: Error { case wrong(String) }
