import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek periodo` through the binary: finanzas closes November with the SIRE ticket, ventas may not,
/// reopening needs an admin and a reason, and the audit log names who did each through the command line.
@Suite struct PeriodCLITests {
    @Test func closeListAndReopen() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        #expect(try fx.run("user", "add", "vent", "--name", "Vent", "--role", "ventas").status == 0)

        let refused = try fx.run("periodo", "cerrar", "2026-11", user: "vent")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no tiene permiso para modificar Registro de ventas (periodo.cerrar)"), "\(refused.stderr)")
        let bad = try fx.run("periodo", "cerrar", "2026-13", user: "fina")
        #expect(bad.stderr.contains("período: «2026-13» no es un mes; escríbalo como aaaa-mm"), "\(bad.stderr)")
        let future = try fx.run("periodo", "cerrar", "2999-01", user: "fina")
        #expect(future.stderr.contains("aún no termina"), "\(future.stderr)")

        let closed = try fx.run("periodo", "cerrar", "2026-11", "--nota", "Ticket 8812", user: "fina")
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stdout.contains("Período noviembre de 2026 cerrado (SIRE: Ticket 8812)."))
        let list = try fx.run("periodo", "listar", user: "fina")
        #expect(list.stdout.contains("2026-11  cerrado  fina          Ticket 8812"), "\(list.stdout)")

        let notAdmin = try fx.run("periodo", "reabrir", "2026-11", "--motivo", "Corregir", user: "fina")
        #expect(notAdmin.status == 1)
        #expect(notAdmin.stderr.contains("no es admin; este comando requiere el rol admin"), "\(notAdmin.stderr)")
        let noReason = try fx.run("periodo", "reabrir", "2026-11")
        #expect(noReason.stderr.contains("motivo: es obligatorio para reabrir un período"), "\(noReason.stderr)")
        let reopened = try fx.run("periodo", "reabrir", "2026-11", "--motivo", "Factura F001-9 con RUC errado")
        #expect(reopened.status == 0, "\(reopened.stderr)")
        let after = try fx.run("periodo", "listar", user: "fina")
        #expect(after.stdout.contains("reabierto por admin") && after.stdout.contains("Factura F001-9 con RUC errado"), "\(after.stdout)")

        let store = try Store(path: fx.dbPath)
        let audit = try store.db.query("SELECT user_login, door, action FROM audit_log WHERE entity = 'period' ORDER BY id")
        #expect(audit.map { "\($0.string("user_login")) \($0.string("door")) \($0.string("action"))" }
                == ["fina cli create", "admin cli update"])
    }
}
