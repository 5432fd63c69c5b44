import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek proyectos` through the binary: a project by hand from a template (cards due across the holidays
/// of 08 and 09/12/2026), moves with a WIP limit refused then forced with a reason, a blocked card, the
/// board, the list, archive; bad input refused in Spanish with nothing written.
@Suite struct ProjectCLITests {
    @Test func aProjectFromATemplateMovedOnTheBoardAndArchived() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        #expect(try fx.run("user", "add", "gina", "--name", "Gina", "--role", "operaciones").status == 0)
        #expect(try fx.run("user", "add", "vera", "--name", "Vera", "--role", "ventas").status == 0)
        do {
            let store = try Store(path: fx.dbPath)
            _ = try CustomerRepository(db: store.db, user: "admin").create(
                Customer(docType: .ruc, docNumber: "20100047218", legalName: "Panadería Lima S.A.C.", tradeName: "Pan Lima"))
        }
        let env = ["BYTEK_CLOCK_FILE": try fx.write("clock", "2026-12-03T15:00:00Z")]

        let templates = try fx.run("proyectos", "plantillas", user: "gina", extra: env)
        #expect(templates.status == 0, "\(templates.stderr)")
        #expect(templates.stdout.contains("Landing page 7 días"), "\(templates.stdout)")
        let landing = try fx.run("proyectos", "plantillas", "landing page 7 días", user: "gina", extra: env)
        #expect(landing.stdout.contains("4. desarrollo") && landing.stdout.contains("[ ] Maquetación responsive"), "\(landing.stdout)")

        let made = try fx.run("proyectos", "nuevo", "--cliente", "20100047218", "--nombre", "Landing Pan Lima", "--responsable", "gina",
                              "--prometida", "2026-12-16", "--vendido", "1,500.00", "--rol", "diseñador=10@50", "--plantilla",
                              "Landing page 7 días", user: "gina", extra: env)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("Creado: PRY-2026-00001 «Landing Pan Lima» (Kanban), prometido para el 2026-12-16."), "\(made.stdout)")
        #expect(made.stdout.contains("6 tareas de la plantilla."), "\(made.stdout)")

        let tasks = try fx.run("proyectos", "tareas", "PRY-2026-00001", user: "vera", extra: env)
        #expect(tasks.status == 0, "\(tasks.stderr)")
        // diseño is due on Monday 07/12: Tuesday 08 and Wednesday 09/12 are holidays
        #expect(tasks.stdout.contains("#2      Por hacer   diseño                          2026-12-07"), "\(tasks.stdout)")

        #expect(try fx.run("proyectos", "wip", "U1", "en_curso", "1", user: "vera", extra: env).status == 1)
        let wip = try fx.run("proyectos", "wip", "U1", "en_curso", "1", user: "gina", extra: env)
        #expect(wip.status == 0 && wip.stdout.contains("En curso     1"), "\(wip.stdout)\(wip.stderr)")
        #expect(try fx.run("proyectos", "mover", "1", ">", user: "gina", extra: env).stdout.contains("#1 «brief» → En curso."))
        let refused = try fx.run("proyectos", "mover", "2", "en_curso", user: "gina", extra: env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Límite WIP: la columna «En curso» del tablero equipo:U1 ya tiene 1 de 1 tarjetas."), "\(refused.stderr)")
        let forced = try fx.run("proyectos", "mover", "#2", ">", "--forzar", "el cliente adelantó la reunión", user: "gina", extra: env)
        #expect(forced.status == 0, "\(forced.stderr)")

        #expect(try fx.run("proyectos", "bloquear", "3", "--motivo", "Faltan los textos", user: "gina", extra: env).status == 0)
        let blocked = try fx.run("proyectos", "mover", "3", ">", user: "gina", extra: env)
        #expect(blocked.status == 1 && blocked.stderr.contains("La tarea está bloqueada: Faltan los textos."), "\(blocked.stderr)")

        let board = try fx.run("proyectos", "tablero", "U1", user: "vera", extra: env)
        #expect(board.stdout.contains("== En curso (2/1) SOBRE EL LÍMITE"), "\(board.stdout)")
        #expect(board.stdout.contains("#3 PRY-2026-00001 contenido · Pan Lima · sin asignar · vence 2026-12-10 · 0/3 · 0 d · BLOQUEADA: Faltan los textos"),
                "\(board.stdout)")
        let filtered = try fx.run("proyectos", "tablero", "PRY-2026-00001", "--filtro", "PUBLICACION", user: "vera", extra: env)
        #expect(filtered.stdout.contains("publicación") && !filtered.stdout.contains("diseño"), "\(filtered.stdout)")

        let list = try fx.run("proyectos", user: "vera", extra: env)
        #expect(list.stdout.contains("PRY-2026-00001") && list.stdout.contains("Panadería Lima") && list.stdout.contains("1 proyecto."),
                "\(list.stdout)")
        let archived = try fx.run("proyectos", "archivar", "PRY-2026-00001", "--motivo", "prueba", user: "gina", extra: env)
        #expect(archived.status == 0, "\(archived.stderr)")
        #expect(try fx.run("proyectos", user: "vera", extra: env).stdout.contains("0 proyectos."))
        #expect(try fx.run("proyectos", "--archivados", user: "vera", extra: env).stdout.contains("PRY-2026-00001"))

        let store = try Store(path: fx.dbPath)
        let audit = try store.db.query("SELECT user_login, door, summary FROM audit_log WHERE entity = 'tarea' AND summary LIKE '%forzado%'")
        #expect(audit.count == 1 && audit.first?.string("door") == "cli" && audit.first?.string("user_login") == "gina")
        #expect(audit.first?.string("summary").hasSuffix("el cliente adelantó la reunión)") == true)
    }

    @Test func badInputIsRefusedInSpanishWithNothingWritten() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        do {
            let store = try Store(path: fx.dbPath)
            _ = try CustomerRepository(db: store.db, user: "admin").create(
                Customer(docType: .ruc, docNumber: "20100047218", legalName: "Panadería Lima S.A.C."))
        }
        let env = ["BYTEK_CLOCK_FILE": try fx.write("clock", "2026-12-03T15:00:00Z")]
        func nuevo(_ extra: String...) throws -> RunResult {
            try fx.start(["proyectos", "nuevo", "--cliente", "20100047218", "--responsable", "admin"] + extra, extra: env).wait()
        }
        let twenty = try nuevo("--nombre", "Web", "--prometida", "2026-12-31", "--vendido", "12345678901234567890")
        #expect(twenty.status == 1 && twenty.stderr.contains("vendido: el importe es demasiado grande"), "\(twenty.stderr)")
        let name = try nuevo("--nombre", String(repeating: "n", count: 201), "--prometida", "2026-12-31")
        #expect(name.stderr.contains("nombre: demasiado largo (máximo 200 caracteres)."), "\(name.stderr)")
        let date = try nuevo("--nombre", "Web", "--prometida", "2026-02-30")
        #expect(date.stderr.contains("fecha prometida: «2026-02-30» no es una fecha válida"), "\(date.stderr)")
        let far = try nuevo("--nombre", "Web", "--prometida", "99999-01-01")
        #expect(far.stderr.contains("fecha prometida: «99999-01-01» no es una fecha válida"), "\(far.stderr)")
        let before = try nuevo("--nombre", "Web", "--inicio", "2026-12-10", "--prometida", "2026-12-01")
        #expect(before.stderr.contains("fecha prometida: 2026-12-01 es anterior al inicio 2026-12-10"), "\(before.stderr)")
        let manager = try fx.run("proyectos", "nuevo", "--cliente", "20100047218", "--responsable", "nadie", "--nombre", "Web",
                                 "--prometida", "2026-12-31", extra: env)
        #expect(manager.stderr.contains("responsable: «nadie» no es un usuario activo."), "\(manager.stderr)")
        let role = try nuevo("--nombre", "Web", "--prometida", "2099-12-31", "--rol", "dev=99999999999@1")
        #expect(role.stderr.contains("horas del rol «dev»: un número de 0 a 100000."), "\(role.stderr)")
        let store = try Store(path: fx.dbPath)
        #expect(try store.db.scalar("SELECT count(*) FROM project").intValue == 0)
        let usage = try fx.run("proyectos", "volar")
        #expect(usage.status == 2, "\(usage.stderr)")
    }
}
