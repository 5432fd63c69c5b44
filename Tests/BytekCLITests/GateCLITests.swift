import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek compuerta` through the binary on a fixed clock (03/12/2026): PRY-0001 of Comercial Andina whose
/// milestone 1 factura F001-7 (S/ 5,900.00) fell due on 08/11/2026. The state says why and how much; a lift
/// needs finanzas/admin, a reason and a date within 90 days; bloqueados and alarmas list it until lifted.
@Suite struct GateCLITests {
    static func seed(_ path: String) throws {
        let store = try Store(path: path)
        let db = store.db
        _ = try CustomerRepository(db: db, user: "setup").create(Customer(docType: .ruc, docNumber: "20100047218",
                                                                          legalName: "Comercial Andina S.A.C."))
        try db.execute("""
            INSERT INTO e_document(kind, series, number, issue_date, issued_at, issuer_ruc, customer_doc_type,
                customer_doc_number, customer_name, currency, taxable_cents, igv_cents, total_cents, file_name,
                document_json, signed_xml, zip, digest_value, created_at, updated_at)
            VALUES ('01', 'F001', 7, '2026-10-09', '2026-10-09T15:00:00Z', '20123456786', '6', '20100047218',
                'Comercial Andina S.A.C.', 'PEN', 500000, 90000, 590000, 'x', '{}', x'00', x'00', 'd',
                '2026-10-09T15:00:00Z', '2026-10-09T15:00:00Z');
            INSERT INTO receivable(document_id, document_ref, document_kind, customer_id, customer_name, customer_doc_number,
                part, currency, amount_cents, issue_date, due_date, unit, created_at)
            VALUES (1, 'F001-7', '01', 1, 'Comercial Andina S.A.C.', '20100047218', 'neto', 'PEN', 590000, '2026-10-09',
                '2026-11-08', 'U2', '2026-10-09T15:00:00Z');
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date,
                                created_by, created_at, updated_at)
            VALUES ('PRY-0001', 'ERP Andina', 'U2', 'hitos', 1, 'oper', 'PEN', '2026-09-01', '2027-01-31', 'setup',
                    '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state, document_id)
            VALUES (1, 1, 'Análisis', '30', 590000, '2026-10-09', 'facturado', 1),
                   (1, 2, 'Desarrollo', '70', 1376700, '2027-01-31', 'en_curso', NULL);
            """)
    }

    @Test func stateLiftListAndAlarms() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        #expect(try fx.run("user", "add", "oper", "--name", "Oper", "--role", "operaciones").status == 0)
        try Self.seed(fx.dbPath)
        let clock = ["BYTEK_CLOCK_FILE": try fx.write("clock", "2026-12-03T15:00:00Z")]

        let state = try fx.run("compuerta", "estado", "PRY-0001", user: "oper", extra: clock)
        #expect(state.status == 0, "\(state.stderr)")
        #expect(state.stdout.contains("PRY-0001 ERP Andina (responsable oper)"), "\(state.stdout)")
        #expect(state.stdout.contains("Bloqueado por pago: F001-7 vencida hace 25 días, debe S/ 5,900.00 (hito 1 «Análisis»)"),
                "\(state.stdout)")
        let blocked = try fx.run("compuerta", "bloqueados", user: "oper", extra: clock)
        #expect(blocked.stdout.contains("PRY-0001  ERP Andina  (oper)  Bloqueado por pago: F001-7"), "\(blocked.stdout)")

        let refused = try fx.run("compuerta", "levantar", "PRY-0001", "--motivo", "x", "--hasta", "2026-12-10", user: "oper", extra: clock)
        #expect(refused.status == 1 && refused.stderr.contains("no tiene permiso para modificar"), "\(refused.stderr)")
        let noDate = try fx.run("compuerta", "levantar", "PRY-0001", "--motivo", "x", user: "fina", extra: clock)
        #expect(noDate.status == 2 && noDate.stderr.contains("falta --hasta FECHA"), "\(noDate.stderr)")
        let badDate = try fx.run("compuerta", "levantar", "PRY-0001", "--motivo", "x", "--hasta", "10/12/2026", user: "fina", extra: clock)
        #expect(badDate.status == 1 && badDate.stderr.contains("hasta: «10/12/2026» no es una fecha"), "\(badDate.stderr)")
        let noReason = try fx.run("compuerta", "levantar", "PRY-0001", "--hasta", "2026-12-10", user: "fina", extra: clock)
        #expect(noReason.status == 1 && noReason.stderr.contains("motivo: es obligatorio"), "\(noReason.stderr)")
        let unknown = try fx.run("compuerta", "estado", "PRY-9999", user: "fina", extra: clock)
        #expect(unknown.status == 1 && unknown.stderr.contains("proyecto: no existe"), "\(unknown.stderr)")

        let lifted = try fx.run("compuerta", "levantar", "PRY-0001", "--motivo", "Promesa de pago", "--hasta", "2026-12-10",
                                user: "fina", extra: clock)
        #expect(lifted.status == 0, "\(lifted.stderr)")
        #expect(lifted.stdout.contains("Bloqueo por pago de PRY-0001 levantado hasta el 2026-12-10 (inclusive): Promesa de pago"))
        let after = try fx.run("compuerta", "estado", "PRY-0001", user: "oper", extra: clock)
        #expect(after.stdout.contains("Vencido: Bloqueado por pago: F001-7") && after.stdout.contains("Levantado por fina hasta el 2026-12-10: Promesa de pago"),
                "\(after.stdout)")
        #expect(try fx.run("compuerta", "bloqueados", user: "oper", extra: clock).stdout.contains("Ningún proyecto bloqueado"))
        let alarms = try fx.run("compuerta", "alarmas", "--responsable", "oper", user: "oper", extra: clock)
        #expect(alarms.stdout.contains("Sin alarmas"), "\(alarms.stdout)")

        let ended = try fx.run("compuerta", "terminar", "PRY-0001", user: "admin", extra: clock)
        #expect(ended.status == 0 && ended.stdout.contains("Levantamiento terminado en PRY-0001. Bloqueado por pago"), "\(ended.stdout)\(ended.stderr)")
        let alarmsAgain = try fx.run("compuerta", "alarmas", user: "oper", extra: clock)
        #expect(alarmsAgain.stdout.contains("PRY-0001 ERP Andina: Bloqueado por pago: F001-7 vencida hace 25 días, debe S/ 5,900.00"),
                "\(alarmsAgain.stdout)")
    }
}
