import BytekModel
import BytekStore
import Foundation
import Testing

/// `bytek quote accept` (what the builder's Aceptar does, through QuoteService) and `bytek proyectos tarea
/// --hito`: the sent U2 quote by milestones becomes a project with its milestones, and a task joins milestone 2,
/// whose payment gate then holds it. Through the binary.
@Suite(.serialized) struct QuoteAcceptCLITests {
    @Test func acceptingMakesTheProjectAndATaskJoinsAMilestone() throws {
        let fx = try SalesCLITests.demo()
        defer { fx.cleanup() }
        let sent = try #require(try SalesCLITests.versions(fx).first {
            $0.state == .sent && $0.unit == .software && { if case .milestones = $0.paymentTerms { return true } else { return false } }($0)
        })
        let id = try #require(sent.id)

        // Over the customer's credit line: refused without finanzas' reason, and nothing written.
        let over = try fx.run("quote", "accept", sent.number, user: "admin")
        #expect(over.status == 1)
        #expect(over.stderr.contains("supera su línea de crédito"), "\(over.stderr)")
        let store = try Store(path: fx.dbPath)
        #expect(try QuoteRepository(db: store.db, user: "admin").get(id)?.state == .sent)
        // finanzas may authorize the overdraft but not accept a quote.
        let readOnly = try fx.run("quote", "accept", sent.number, "--sobre-credito", "adelanto", user: "finanzas")
        #expect(readOnly.status == 1)
        #expect(readOnly.stderr.contains("no tiene permiso para modificar Cotizaciones"), "\(readOnly.stderr)")
        let badProject = try fx.run("quote", "accept", sent.number, "--proyecto", "PRY-1999-00001", user: "admin")
        #expect(badProject.status == 2)
        #expect(badProject.stderr.contains("--proyecto"), "\(badProject.stderr)")

        let r = try fx.run("quote", "accept", sent.number, "--sobre-credito", "Contrato firmado", user: "admin")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\(sent.number) v\(sent.version) aceptada."))
        #expect(r.stdout.contains("Hito 1: "))
        let code = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("Proyecto PRY-") }?
            .split(separator: " ").dropFirst().first.map(String.init))
        #expect(try QuoteRepository(db: store.db, user: "admin").get(id)?.state == .accepted)
        let milestones = try store.db.query("""
            SELECT m.id, m.position FROM project_milestone m JOIN project p ON p.id = m.project_id
            WHERE p.code = ? ORDER BY m.position
            """, [.text(code)]).map { $0.int("id") }
        #expect(milestones.count == 3)
        let audit = try store.db.query("SELECT user_login, door FROM audit_log WHERE entity = 'quote' AND entity_id = ? AND action = 'update'",
                                       [.int(id)])
        #expect(audit.contains { $0.string("user_login") == "admin" && $0.optionalString("door") == "cli" })
        let twice = try fx.run("quote", "accept", sent.number, "--sobre-credito", "otra vez", user: "admin")
        #expect(twice.status == 1)

        // A task of milestone 2; a milestone of another project is refused and writes nothing.
        let t = try fx.run("proyectos", "tarea", code, "Pantallas de la beta", "--hito", String(milestones[1]), user: "operaciones")
        #expect(t.status == 0, "\(t.stderr)")
        #expect(try store.db.scalar("SELECT milestone_id FROM project_task WHERE title = 'Pantallas de la beta'").intValue == milestones[1])
        let other = try #require(try store.db.scalar("""
            SELECT m.id FROM project_milestone m JOIN project p ON p.id = m.project_id WHERE p.code <> ? LIMIT 1
            """, [.text(code)]).intValue)
        let wrong = try fx.run("proyectos", "tarea", code, "Fuera del hito", "--hito", String(other), user: "operaciones")
        #expect(wrong.status != 0)
        #expect(try store.db.scalar("SELECT count(*) FROM project_task WHERE title = 'Fuera del hito'").intValue == 0)
        let junk = try fx.run("proyectos", "tarea", code, "Sin hito", "--hito", "dos", user: "operaciones")
        #expect(junk.status != 0)
        #expect(junk.stderr.contains("no es un número de hito"), "\(junk.stderr)")
    }
}
