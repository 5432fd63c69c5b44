import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek feriados` through the binary: the year's list with origin and law, an admin adding and removing
/// a day by decree (others refused), working-day counts that see it, and bad dates and years refused in
/// Spanish with exit code 1 (2 for a usage error).
@Suite struct HolidayCLITests {
    @Test func listAddCountAndRemove() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "vent", "--name", "Vent", "--role", "ventas").status == 0)
        let clock = try fx.write("clock", "2026-12-03T15:00:00Z")

        let list = try fx.run("feriados", user: "vent", extra: ["BYTEK_CLOCK_FILE": clock])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Feriados de 2026"), "\(list.stdout)")
        #expect(list.stdout.contains("2026-04-02  jueves     Jueves Santo"), "\(list.stdout)")
        #expect(list.stdout.contains("Semana Santa  D. Leg. 713"), "\(list.stdout)")
        #expect(list.stdout.contains("2026-06-07  domingo    Batalla de Arica y Día de la Bandera     fijo          Ley 31788"),
                "\(list.stdout)")
        #expect(list.stdout.contains("16 días, 13 de lunes a viernes."), "\(list.stdout)")

        let dec = try fx.run("feriados", "dias-habiles", "2026-12-01", "2026-12-31", user: "vent")
        #expect(dec.stdout.contains("20 días hábiles del 2026-12-01 al 2026-12-31 (ambos incluidos)."), "\(dec.stdout)\(dec.stderr)")

        let refused = try fx.run("feriados", "agregar", "2026-12-24", "Día no laborable", "--decreto", "D.S. 123-2026-PCM", user: "vent")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("no es admin; este comando requiere el rol admin"), "\(refused.stderr)")
        let added = try fx.run("feriados", "agregar", "2026-12-24", "Día no laborable", "--decreto", "D.S. 123-2026-PCM")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("Agregado: 2026-12-24 (jueves) «Día no laborable», D.S. 123-2026-PCM."), "\(added.stdout)")
        let again = try fx.run("feriados", "agregar", "2026-12-24", "Otro", "--decreto", "D.S. 1-2026-PCM")
        #expect(again.status == 1 && again.stderr.contains("fecha: el 24/12/2026 ya es feriado (Día no laborable)"), "\(again.stderr)")
        let christmas = try fx.run("feriados", "agregar", "2026-12-25", "Otro", "--decreto", "D.S. 1-2026-PCM")
        #expect(christmas.stderr.contains("fecha: el 25/12/2026 ya es feriado (Navidad)"), "\(christmas.stderr)")
        let noDecree = try fx.run("feriados", "agregar", "2026-12-30", "Día no laborable")
        #expect(noDecree.status == 1 && noDecree.stderr.contains("decreto (p. ej. D.S. 123-2026-PCM): es obligatorio"), "\(noDecree.stderr)")

        let withDecree = try fx.run("feriados", "dias-habiles", "2026-12-01", "2026-12-31", user: "vent")
        #expect(withDecree.stdout.hasPrefix("19 días hábiles"), "\(withDecree.stdout)")
        let listed = try fx.run("feriados", "2026", user: "vent")
        #expect(listed.stdout.contains("2026-12-24  jueves     Día no laborable                         decreto       D.S. 123-2026-PCM"),
                "\(listed.stdout)")

        let law = try fx.run("feriados", "quitar", "2026-12-25")
        #expect(law.status == 1)
        #expect(law.stderr.contains("fecha: el 25/12/2026 (Navidad) es feriado por ley (D. Leg. 713); solo se quitan los días agregados por decreto"),
                "\(law.stderr)")
        let removed = try fx.run("feriados", "quitar", "2026-12-24")
        #expect(removed.status == 0 && removed.stdout.contains("Quitado: 2026-12-24 «Día no laborable» (D.S. 123-2026-PCM)."),
                "\(removed.stdout)\(removed.stderr)")
        let gone = try fx.run("feriados", "quitar", "2026-12-24")
        #expect(gone.stderr.contains("fecha: el 24/12/2026 no está en la tabla de feriados"), "\(gone.stderr)")

        let store = try Store(path: fx.dbPath)
        func audit(_ id: Int64) throws -> [String] {
            try store.db.query("SELECT user_login, door, action FROM audit_log WHERE entity = 'feriado' AND entity_id = ? ORDER BY id",
                               [.int(id)]).map { "\($0.string("user_login")) \($0.string("door")) \($0.string("action"))" }
        }
        #expect(try audit(20261224) == ["admin cli create", "admin cli delete"])
        // The law's days of 2026 were written once, by the first reader.
        #expect(try audit(2026) == ["vent cli create"])
    }

    @Test func badDatesAndYearsAreRefusedInSpanish() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let year = try fx.run("feriados", "99999")
        #expect(year.status == 1)
        #expect(year.stderr.contains("año: «99999» no es un año entre 1900 y 2199"), "\(year.stderr)")
        let old = try fx.run("feriados", "1492")
        #expect(old.stderr.contains("año: «1492» no es un año entre 1900 y 2199"), "\(old.stderr)")
        let day = try fx.run("feriados", "dias-habiles", "2026-02-30", "2026-03-31")
        #expect(day.status == 1)
        #expect(day.stderr.contains("desde: «2026-02-30» no es una fecha; escríbala como aaaa-mm-dd"), "\(day.stderr)")
        let reversed = try fx.run("feriados", "dias-habiles", "2026-12-31", "2026-12-01")
        #expect(reversed.stderr.contains("hasta: el 01/12/2026 es anterior al 31/12/2026 (desde)"), "\(reversed.stderr)")
        let farDay = try fx.run("feriados", "quitar", "3026-01-01")
        #expect(farDay.stderr.contains("año: «3026» no es un año entre 1900 y 2199"), "\(farDay.stderr)")
        let long = try fx.run("feriados", "agregar", "2026-12-30", String(repeating: "x", count: 121), "--decreto", "D.S. 1-2026-PCM")
        #expect(long.stderr.contains("nombre: use a lo más 120 caracteres"), "\(long.stderr)")
        let unknown = try fx.run("feriados", "borrar")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("subcomando desconocido: borrar"), "\(unknown.stderr)")
        let missing = try fx.run("feriados", "dias-habiles", "2026-12-01")
        #expect(missing.status == 2 && missing.stderr.contains("falta HASTA (aaaa-mm-dd)"), "\(missing.stderr)")
    }
}
