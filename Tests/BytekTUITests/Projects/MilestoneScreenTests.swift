import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The milestone screen driven by keys over the real operations layer: attach a file by path, refuse a
/// missing one in Spanish, mark ready, record an approval by e-mail with its evidence.
@MainActor
@Suite struct MilestoneScreenTests {
    @Test func attachReadyAndRecordAnApprovalByEmail() throws {
        let h = try ScreenHarness(role: .operaciones, login: "ops", width: 120, height: 30)
        try h.addCustomers([("20100047218", "Comercial Andina S.A.C.", "Lince")])
        let db = h.store.db
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by,
            created_at, updated_at) VALUES ('PRY-2026-00003', 'Intranet', 'U2', 'hitos', (SELECT min(id) FROM customer), 'ops', 'PEN',
            '2026-11-02', '2027-01-29', 'admin', '2026-11-02T15:00:00.000Z', '2026-11-02T15:00:00.000Z')
            """)
        try db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date)
            VALUES (last_insert_rowid(), 1, 'Diseño', '40', 472000, '2026-12-11')
            """)
        let milestone = db.lastInsertRowID
        let file = h.dir.appendingPathComponent("maqueta.pdf").path
        try Data("%PDF maqueta".utf8).write(to: URL(fileURLWithPath: file))
        let mail = h.dir.appendingPathComponent("ok-cliente.eml").path
        try Data("Aprobado".utf8).write(to: URL(fileURLWithPath: mail))

        h.go(.projects)
        h.app.stacks[.projects]?.append(MilestoneScreen(services: h.app.context.services(h.store), milestoneId: milestone,
                                                        strings: h.app.context.strings))
        h.app.draw()
        #expect(h.screen.contains("PRY-2026-00003 · Pendiente · S/ 4,720.00 · previsto 11/12/2026"), "\(h.screen)")

        h.keys(.char("l"))
        #expect(h.screen.contains("no tiene entregables"), "\(h.screen)")
        h.keys(.char("a")); h.type(h.dir.path + "/no-existe.pdf"); h.keys(.enter)
        #expect(h.screen.contains("no se puede leer"), "\(h.screen)")
        h.keys(.char("a")); h.type(file); h.keys(.enter)
        #expect(h.screen.contains("Adjuntado maqueta.pdf") && h.screen.contains("Entregable"), "\(h.screen)")
        #expect(h.screen.contains(String(SHA256.hex("%PDF maqueta").prefix(16))), "\(h.screen)")
        h.keys(.char("l"))
        #expect(h.screen.contains("Listo para aprobación"), "\(h.screen)")
        h.keys(.char("r")); h.type("correo"); h.keys(.enter); h.type("Ana Torres"); h.keys(.enter); h.type(mail); h.keys(.enter)
        #expect(h.screen.contains("Aprobación registrada") && h.screen.contains("Aprobado · Correo") && h.screen.contains("Ana Torres"),
                "\(h.screen)")
        #expect(try db.scalar("SELECT state FROM project_milestone WHERE id = ?", [.int(milestone)]).stringValue == "aprobado")
        // Operaciones may not issue the invoice: the refusal in the status line.
        h.keys(.char("f"))
        #expect(h.screen.contains("no tiene permiso"), "\(h.screen)")
    }
}
