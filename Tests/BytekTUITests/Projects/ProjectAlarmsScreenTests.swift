import BytekModel
import BytekServices
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// "Mis pendientes de proyectos" and the lift dialog over the real operations layer: PRY-0001 of Comercial
/// Andina (manager `oper`) whose milestone 1 factura F001-7 (S/ 5,900.00) fell due on 08/11/2026, ten days
/// before the harness's clock (18/11/2026).
@MainActor
@Suite struct ProjectAlarmsScreenTests {
    static func seed(_ h: ScreenHarness) throws -> Int64 {
        try h.addCustomers([("20100047218", "Comercial Andina S.A.C.", "Miraflores")])
        let db = h.store.db
        let customer = try #require(try db.queryOne("SELECT id FROM customer")).int("id")
        try db.execute("""
            INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type,
                customer_doc_number, customer_name, currency, taxable_cents, igv_cents, total_cents, file_name,
                document_json, signed_xml, zip, digest_value, created_at, updated_at)
            VALUES ('01', 'F001', 7, '2026-10-09', '2026-10-09T15:00:00Z', '20123456786', '6', '20100047218',
                'Comercial Andina S.A.C.', 'PEN', 500000, 90000, 590000, '20123456786-01-F001-7', '{}', x'00', x'00', 'd',
                '2026-10-09T15:00:00Z', '2026-10-09T15:00:00Z')
            """)
        let doc = db.lastInsertRowID
        try db.execute("""
            INSERT INTO receivable(document_id, document_ref, document_kind, customer_id, customer_name, customer_doc_number,
                part, currency, amount_cents, issue_date, due_date, unit, created_at)
            VALUES (?, 'F001-7', '01', ?, 'Comercial Andina S.A.C.', '20100047218', 'neto', 'PEN', 590000, '2026-10-09',
                '2026-11-08', 'U2', '2026-10-09T15:00:00Z')
            """, [.int(doc), .int(customer)])
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date,
                                created_by, created_at, updated_at)
            VALUES ('PRY-0001', 'ERP Andina', 'U2', 'hitos', ?, 'oper', 'PEN', '2026-09-01', '2027-01-31', 'setup',
                    '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')
            """, [.int(customer)])
        let project = db.lastInsertRowID
        try db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
            VALUES (?, 1, 'Análisis', '30', 590000, '2026-10-09', 'facturado', ?),
                   (?, 2, 'Desarrollo', '30', 590000, '2026-11-20', 'en_curso', NULL),
                   (?, 3, 'Entrega', '40', 786700, '2027-01-31', 'pendiente', NULL)
            """, [.int(project), .int(doc), .int(project), .int(project)])
        return project
    }

    static func open(_ h: ScreenHarness) {
        h.go(.projects)
        h.app.stacks[.projects]?.append(ProjectAlarmsScreen(services: h.app.context.services(h.store), strings: h.app.context.strings))
        h.app.draw()
    }

    @Test func theManagerSeesWhyAndHowMuchAndFinanzasLiftsItWithAReasonAndADate() throws {
        let oper = try ScreenHarness(role: .operaciones, login: "oper", width: 120, height: 30)
        let project = try Self.seed(oper)
        Self.open(oper)
        #expect(oper.screen.contains("Sus proyectos al 18/11/2026: 1 bloqueado(s) por pago, 0 aprobación(es) en espera, 1 hito(s) en 7 días."))
        #expect(oper.screen.contains("BLOQUEADO"))
        #expect(oper.screen.contains("F001-7 vencida hace 10 días, debe S/ 5,900.00 (hito 1)"))
        #expect(oper.screen.contains("hito 2 «Desarrollo» vence el 20/11/2026 (En curso)"))
        // operaciones may not lift: no key.
        oper.keys(.char("l"))
        #expect(!oper.screen.contains("Levantar bloqueo por pago"))
        // Someone else's view: 'a' shows everyone's (the same here); a manager with no projects sees none of them.
        let other = try ScreenHarness(role: .operaciones, login: "lucia", width: 120, height: 30, sharing: oper)
        Self.open(other)
        #expect(other.screen.contains("Sin alarmas"))
        other.keys(.char("a"))
        #expect(other.screen.contains("BLOQUEADO"))

        let fina = try ScreenHarness(role: .finanzas, login: "fina", width: 120, height: 30, sharing: oper)
        Self.open(fina)
        fina.keys(.char("a"))
        fina.keys(.char("l"))
        #expect(fina.screen.contains("Levantar bloqueo por pago"))
        #expect(fina.screen.contains("2026-11-25"))  // a week by default
        fina.keys(.enter)                            // no reason
        #expect(fina.screen.contains("Motivo: es obligatorio para levantar el bloqueo por pago"))
        fina.type("Cliente paga el 30/11")
        fina.keys(.tab)
        for _ in 0..<10 { fina.keys(.backspace) }
        fina.type("2027-03-01")                      // beyond 90 days
        fina.keys(.enter)
        #expect(fina.screen.contains("Hasta: 2027-03-01 es más de 90 días; use a lo más 2027-02-16"))
        for _ in 0..<10 { fina.keys(.backspace) }
        fina.type("2026-11-30")
        fina.keys(.enter)
        #expect(fina.screen.contains("Bloqueo por pago de PRY-0001 ERP Andina levantado hasta el 30/11/2026."))
        #expect(!fina.screen.contains("BLOQUEADO"))
        let services = fina.app.context.services(fina.store)
        #expect(try services.projectGate.status(projectId: project).lift?.reason == "Cliente paga el 30/11")
    }

    @Test func theGatesRefusalReadsInTheStatusLine() throws {
        let b = GateBlock(projectId: 1, overdueMilestonePosition: 1, overdueMilestoneName: "Análisis", documents: ["F001-7"],
                          owed: [Money(minorUnits: 590_000, .pen)], dueSince: LocalDate("2026-11-08")!, daysOverdue: 10)
        let text = ErrorText(Strings(language: .es)).describe(ProjectGateError.blocked(b))
        #expect(text == "Bloqueado por pago: F001-7 vencida hace 10 días, debe S/ 5,900.00 (hito 1 «Análisis»); "
            + "registre el pago o pida a finanzas que levante el bloqueo")
    }
}
