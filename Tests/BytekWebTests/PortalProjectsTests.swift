import BytekModel
import BytekServices
import BytekStore
@testable import BytekWeb
import Foundation
import Testing

/// The portal's project pages, asked of `WebApp` as a contact's browser would: the list, one project with what
/// waits for the customer's approval, the download, the approve / ask-for-changes posts; another customer's
/// project or file is 404.
@Suite("Portal: projects and milestone sign-off")
struct PortalProjectsTests {
    /// A U2 project of each customer with one milestone (S/ 1,180.00), ready for approval with one file.
    static func project(_ f: PortalMoneyFixture, code: String, customer: Int64) throws -> (milestone: Int64, deliverable: Int64) {
        let db = f.store.db
        try db.execute("""
            INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by,
            created_at, updated_at) VALUES (?, 'Portal web', 'U2', 'hitos', ?, 'ops', 'PEN', '2026-11-01', '2027-01-29', 'setup',
            '2026-11-01T15:00:00.000Z', '2026-11-01T15:00:00.000Z')
            """, [.text(code), .int(customer)])
        let p = db.lastInsertRowID
        try db.execute("""
            INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date)
            VALUES (?, 1, 'Diseño', '100', 118000, '2026-12-15')
            """, [.int(p)])
        let m = db.lastInsertRowID
        let src = NSTemporaryDirectory() + "bytek-hito-\(UUID().uuidString).pdf"
        try Data("%PDF diseño \(code)".utf8).write(to: URL(fileURLWithPath: src))
        defer { try? FileManager.default.removeItem(atPath: src) }
        let ops = Services(store: f.store, actor: .staff("ops", role: .operaciones, door: .cli)).milestones
        let d = try ops.attach(milestoneId: m, path: src, name: "diseño-\(code).pdf")
        try ops.markReady(milestoneId: m)
        return (m, d.id)
    }

    @Test("list, project page, download streamed from disk, approve with CSRF; another customer's project is 404")
    func signOff() throws {
        let f = try PortalMoneyFixture()
        let mine = try Self.project(f, code: "PRY-T-\(UUID().uuidString.prefix(6))", customer: f.andina)
        let codeA = try f.store.db.scalar("SELECT code FROM project WHERE customer_id = ?", [.int(f.andina)]).stringValue ?? ""
        let theirs = try Self.project(f, code: "PRY-G-\(UUID().uuidString.prefix(6))", customer: f.gamma)
        let codeG = try f.store.db.scalar("SELECT code FROM project WHERE customer_id = ?", [.int(f.gamma)]).stringValue ?? ""

        #expect(f.get("/c/\(f.andina)", as: f.ana).text.contains("/c/\(f.andina)/proyectos"))
        let list = f.get("/c/\(f.andina)/proyectos", as: f.ana)
        #expect(list.status == 200)
        #expect(list.text.contains(codeA) && list.text.contains("Listo para aprobación") && list.text.contains("S/ 1,180.00")
                && list.text.contains("15/12/2026"))
        #expect(!list.text.contains(codeG))

        let page = f.get("/c/\(f.andina)/proyectos/\(codeA)", as: f.ana)
        #expect(page.status == 200)
        #expect(page.text.contains("Este hito espera su aprobación") && page.text.contains("diseño-\(codeA).pdf"))
        let file = f.get("/c/\(f.andina)/proyectos/\(codeA)/entregables/\(mine.deliverable)", as: f.ana)
        #expect(file.status == 200)
        #expect(file.filePath.flatMap { FileManager.default.contents(atPath: $0) } == Data("%PDF diseño \(codeA)".utf8))
        #expect(file.header("Content-Disposition")?.hasSuffix("filename*=UTF-8''dise%C3%B1o-\(codeA).pdf") == true, "\(file.headers)")

        // Another customer's project, file or milestone: 404, nothing decided.
        for path in ["/c/\(f.gamma)/proyectos", "/c/\(f.andina)/proyectos/\(codeG)",
                     "/c/\(f.andina)/proyectos/\(codeA)/entregables/\(theirs.deliverable)",
                     "/c/\(f.andina)/proyectos/\(codeG)/entregables/\(theirs.deliverable)"] {
            let r = f.get(path, as: f.ana)
            #expect(r.status == 404, "\(path)")
            #expect(r.filePath == nil && !r.text.contains(codeG), "\(path)")
        }
        #expect(f.post("/c/\(f.andina)/proyectos/\(codeA)/hitos/\(theirs.milestone)/aprobar", as: f.ana,
                       form: ["csrf": f.anaCSRF]).status == 404)
        // Without the CSRF token: refused.
        #expect(f.post("/c/\(f.andina)/proyectos/\(codeA)/hitos/\(mine.milestone)/aprobar", as: f.ana, form: [:]).status == 403)
        // Changes without a comment: 422 with the reason; then approve.
        let noComment = f.post("/c/\(f.andina)/proyectos/\(codeA)/hitos/\(mine.milestone)/cambios", as: f.ana,
                               form: ["csrf": f.anaCSRF, "comentario": "  "])
        #expect(noComment.status == 422 && noComment.text.contains("Comentario: diga qué cambios pide"))
        let ok = f.post("/c/\(f.andina)/proyectos/\(codeA)/hitos/\(mine.milestone)/aprobar", as: f.ana, form: ["csrf": f.anaCSRF])
        #expect(ok.status == 303)
        let after = f.get("/c/\(f.andina)/proyectos/\(codeA)", as: f.ana, query: ["aprobado": "1"])
        #expect(after.text.contains("el hito quedó aprobado") && after.text.contains("Aprobado por ana@andina.pe"))
        let signoffs = try f.store.db.query("SELECT who, how, milestone_id FROM milestone_signoff")
        #expect(signoffs.map { "\($0.string("who")) \($0.string("how")) \($0.int("milestone_id"))" } == ["ana@andina.pe portal \(mine.milestone)"])
        #expect(try f.store.db.scalar("SELECT state FROM project_milestone WHERE id = ?", [.int(theirs.milestone)]).stringValue == "listo")
    }
}
