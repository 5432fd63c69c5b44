import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek exchange-rate` (alias `tipo-cambio`) through the binary: finanzas enters and imports, every
/// user reads, and `show` applies the 7-day rule.
@Suite struct ExchangeRateCLITests {
    @Test func enterImportListAndShowAsFinanzas() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "fina", "--name", "Fina", "--role", "finanzas").status == 0)
        #expect(try fx.run("user", "add", "alma", "--name", "Alma", "--role", "almacen").status == 0)

        let refused = try fx.run("exchange-rate", "set", "01/12/2026", "3.741", "3.749", user: "alma")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("el rol almacén no tiene permiso para modificar Tipo de cambio (tipocambio.registrar)"), "\(refused.stderr)")

        let set = try fx.run("tipo-cambio", "set", "01/12/2026", "3.741", "3.749", user: "fina")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout.contains("Tipo de cambio del 01/12/2026 registrado"))
        let odd = try fx.run("exchange-rate", "set", "2026-12-02", "3.741", "7.5", user: "fina")
        #expect(odd.status == 1)
        #expect(odd.stderr.contains("no está entre 2.5 y 6") && odd.stderr.contains("--confirmar"), "\(odd.stderr)")
        let tooFine = try fx.run("exchange-rate", "set", "2026-12-02", "3.7415", "3.75", user: "fina")
        #expect(tooFine.stderr.contains("compra: El tipo de cambio admite hasta 3 decimales"), "\(tooFine.stderr)")

        let file = try fx.write("tc.txt", "02/12/2026|3.745|3.752|\n03/12/2026|3.750|3,7x|\n")
        let all = try fx.run("exchange-rate", "import", file, user: "fina")
        #expect(all.status == 1)
        #expect(all.stderr.contains("línea 2: venta: El tipo de cambio no es un número válido."), "\(all.stderr)")
        #expect(all.stderr.contains("no se guardó nada"))
        let partial = try fx.run("exchange-rate", "import", file, "--partial", user: "fina")
        #expect(partial.stdout.contains("1 nuevo(s)"), "\(partial.stdout)")

        let list = try fx.run("exchange-rate", "list", "--desde", "2026-12-02", user: "alma")
        #expect(list.status == 0)
        #expect(list.stdout.contains("02/12/2026  3.745   3.752   importado  fina"), "\(list.stdout)")
        #expect(!list.stdout.contains("01/12/2026"))

        let show = try fx.run("exchange-rate", "show", "05/12/2026", user: "alma")
        #expect(show.stdout.contains("Tipo de cambio para el 05/12/2026: compra 3.745 venta 3.752 — del 02/12 (3 días antes)"),
                "\(show.stdout)\(show.stderr)")
        let stale = try fx.run("exchange-rate", "show", "2026-12-10", user: "alma")
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("no hay tipo de cambio desde el 02/12: regístrelo en Finanzas › Tipo de cambio"))

        let store = try Store(path: fx.dbPath)
        let audit = try store.db.query("SELECT user_login, door, action FROM audit_log WHERE entity = 'exchange_rate' ORDER BY id")
        #expect(audit.map { "\($0.string("user_login")) \($0.string("door")) \($0.string("action"))" }
                == ["fina cli create", "fina cli import"])
    }
}
