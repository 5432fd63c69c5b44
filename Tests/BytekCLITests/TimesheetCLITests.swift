import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek horas` through the binary on a fixed Thursday (03/12/2026): a técnico logs hours on a task by
/// title, sees the week, copies nothing twice, runs the timer, sends the week; cost rates refused to the
/// técnico and set by finanzas; the admin approves; 20 digits refused in Spanish with exit code 1.
@Suite struct TimesheetCLITests {
    @Test func logWeekTimerRatesAndApproval() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "tec", "--name", "Tec", "--role", "tecnico").status == 0)
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        let store = try Store(path: fx.dbPath)
        let at = "2026-01-01T00:00:00Z"
        try store.db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, created_at, updated_at) VALUES ('RUC', '20100047218', 'Comercial Andina S.A.C.', ?, ?)", [.text(at), .text(at)])
        try store.db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by, created_at, updated_at)
            VALUES ('PRY-2026-00003', 'Soporte Andina', 'U3', 'hitos', 1, 'admin', 'PEN', '2026-01-01', '2027-12-31', 'setup', ?, ?)
            """, [.text(at), .text(at)])
        try store.db.execute("INSERT INTO project_task(project_id, position, title, state_since, created_at) VALUES (1, 1, 'Migración de correo', ?, ?)",
                             [.text(at), .text(at)])
        let clock = try fx.write("clock", "2026-12-03T15:00:00Z")
        let env = ["BYTEK_CLOCK_FILE": clock]

        let logged = try fx.run("horas", "registrar", "pry-2026-00003", "1:30", "--tarea", "migración", "--nota", "buzones", user: "tec", extra: env)
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("Registradas 1:30 el 2026-12-03 en PRY-2026-00003. Total del día: 1:30."), "\(logged.stdout)")
        let huge = try fx.run("horas", "registrar", "PRY-2026-00003", "99999999999999999999", user: "tec", extra: env)
        #expect(huge.status == 1 && huge.stderr.contains("duración: «99999999999999999999» pasa de 24 h"), "\(huge.stderr)")
        let future = try fx.run("horas", "registrar", "PRY-2026-00003", "1", "--fecha", "2026-12-04", user: "tec", extra: env)
        #expect(future.status == 1 && future.stderr.contains("es un día futuro"), "\(future.stderr)")

        #expect(try fx.run("horas", "timer", "iniciar", "PRY-2026-00003", "--tarea", "1", user: "tec", extra: env).status == 0)
        _ = try fx.write("clock", "2026-12-03T15:44:30Z")
        let stopped = try fx.run("horas", "timer", "detener", user: "tec", extra: env)
        #expect(stopped.stdout.contains("Registradas 0:45 el 2026-12-03 (cronómetro)."), "\(stopped.stdout)\(stopped.stderr)")

        let week = try fx.run("horas", "semana", user: "tec", extra: env)
        #expect(week.stdout.contains("Semana 2026-W49 (2026-11-30 al 2026-12-06) · Abierta"), "\(week.stdout)")
        #expect(week.stdout.contains("PRY-2026-00003 · Migración de correo") && week.stdout.contains("2:15"), "\(week.stdout)")

        let refused = try fx.run("horas", "tarifa", "tec", "50", "--desde", "2026-01-01", user: "tec", extra: env)
        #expect(refused.status == 1, "\(refused.stdout)")
        #expect(try fx.run("horas", "tarifas", user: "tec", extra: env).status == 1)
        let rate = try fx.run("horas", "tarifa", "tec", "50", "--desde", "2026-01-01", user: "fina", extra: env)
        #expect(rate.stdout.contains("Tarifa de costo de tec desde el 2026-01-01: S/ 50.00 por hora."), "\(rate.stdout)\(rate.stderr)")

        #expect(try fx.run("horas", "enviar", user: "tec", extra: env).stdout.contains("Semana 2026-W49 enviada para aprobación."))
        let approved = try fx.run("horas", "aprobar", "tec", "2026-W49", extra: env)
        #expect(approved.status == 0, "\(approved.stderr)")
        let locked = try fx.run("horas", "registrar", "PRY-2026-00003", "1", user: "tec", extra: env)
        #expect(locked.status == 1 && locked.stderr.contains("está aprobada y sus horas están cerradas"), "\(locked.stderr)")
        #expect(try store.db.scalar("SELECT sum(minutes * cost_rate_cents) / 60 FROM timesheet_entry").intValue == 11_250)
    }
}
