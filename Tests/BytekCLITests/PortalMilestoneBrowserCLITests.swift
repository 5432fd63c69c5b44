import BytekModel
import BytekStore
import Foundation
import Testing

/// A milestone approved in a real browser: `bytek serve`, headless chromium; the approval then appears with its
/// hash in `bytek hitos list`.
@Suite("portal: approve a milestone in the browser")
struct PortalMilestoneBrowserCLITests {
    @Test("in chromium: log in → Proyectos → the project → download the deliverable → approve; bytek hitos list shows it with its hash")
    func approveInBrowser() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let fileText = "Acta de diseño v1 — portal"
        let sha = SHA256.hex(fileText)
        let web = try WebFixture { db, andina in
            try db.execute("""
                INSERT INTO project(code, name, unit, kind, customer_id, manager, currency, start_date, promised_date, created_by,
                created_at, updated_at) VALUES ('PRY-2026-00042', 'Portal de clientes', 'U2', 'hitos', ?, 'admin', 'PEN', '2026-11-02',
                '2027-01-29', 'admin', '2026-11-02T15:00:00.000Z', '2026-11-02T15:00:00.000Z')
                """, [.int(andina)])
            let project = db.lastInsertRowID
            try db.execute("""
                INSERT INTO project_milestone(project_id, position, name, percent, amount_cents, planned_date, state)
                VALUES (?, 1, 'Diseño', '100', 118000, '2026-12-11', 'listo')
                """, [.int(project)])
            try db.execute("""
                INSERT INTO project_deliverable(project_id, milestone_id, file_name, stored_path, sha256, bytes, uploaded_by, uploaded_at)
                VALUES (?, last_insert_rowid(), 'acta-diseno.txt', 'entregables/PRY-2026-00042/1/acta-diseno.txt', ?, ?, 'admin',
                '2026-11-20T15:00:00.000Z')
                """, [.int(project), .text(sha), .int(Int64(fileText.utf8.count))])
        }
        let dir = web.cli.folder + "/entregables/PRY-2026-00042/1"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(fileText.utf8).write(to: URL(fileURLWithPath: dir + "/acta-diseno.txt"))
        let downloads = web.cli.file("descargas")
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)

        let token = try web.invite("ana@andina.pe")
        let script = folder.appendingPathComponent("portal_milestone_browser.py").path
        let (status, text) = try runTool(
            "/usr/bin/python3", [script, web.base, token, "\(web.andina)", "PRY-2026-00042", "acta-diseno.txt", fileText, downloads],
            environment: ["PATH": "/usr/bin:/bin", "HOME": web.cli.folder, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"], withErrors: true)
        #expect(status == 0, "\(text)")
        #expect(text.contains("ok: approved: the page says so"), "\(text)")

        let hash = MilestoneSignoffHash.hash([.init(sha256: sha, fileName: "acta-diseno.txt")])
        let list = try web.cli.run("hitos", "list", "PRY-2026-00042")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("Aprobado") && list.stdout.contains("aprobado por ana@andina.pe vía portal"), "\(list.stdout)")
        #expect(list.stdout.contains("hash \(hash)"), "\(list.stdout)")
    }
}
