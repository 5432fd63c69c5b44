import BytekModel
import BytekStore
import Foundation
import Testing

/// The worker's `proyectos.atrasos` job (`bytek worker --once` on a clock file) e-mails the manager their late
/// cards through a real SMTP server, and a second run the same day sends nothing.
@Suite struct ProjectLateMailCLITests {
    @Test func theWorkerMailsTheLateCardsThroughSMTPOnceADay() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let smtp = try LocalSMTP(folder: fx.folder)
        try SecretsFile.upsert([("smtp_host", "127.0.0.1"), ("smtp_port", "\(smtp.port)"), ("smtp_starttls", "no"),
                                ("smtp_from", "BYTEK <proyectos@bytek.pe>")], at: fx.file(Secrets.fileName))
        let clock = fx.file("reloj")
        try "2026-12-10T13:00:00Z".write(toFile: clock, atomically: true, encoding: .utf8)   // 08:00 in Lima

        // On 03/12, gina's landing from its template: diseño is due 07/12 (08 and 09/12 are holidays).
        #expect(try fx.run("user", "add", "gina", "--name", "Gina", "--role", "operaciones").status == 0)
        let store = try Store(path: fx.dbPath)
        _ = try CustomerRepository(db: store.db, user: "admin").create(
            Customer(docType: .ruc, docNumber: "20100047218", legalName: "Panadería Lima S.A.C.", tradeName: "Pan Lima"))
        let made = try fx.run("proyectos", "nuevo", "--cliente", "20100047218", "--nombre", "Landing Pan Lima", "--responsable", "gina",
                              "--prometida", "2026-12-16", "--vendido", "1,500.00", "--plantilla", "Landing page 7 días", user: "gina",
                              extra: ["BYTEK_CLOCK_FILE": try fx.write("creado", "2026-12-03T15:00:00Z")])
        #expect(made.status == 0, "\(made.stderr)")
        try SettingsRepository(db: store.db).set("correo.gina", "gina@bytek.pe")

        let at = Int64(LocalDate("2026-12-10")!.daysSinceEpoch) * 86_400_000 + 13 * 3_600_000
        for _ in 0..<2 {
            _ = try JobQueue(db: store.db).enqueue(kind: "proyectos.atrasos", runAt: at)
            let run = try fx.run("worker", "--once", extra: ["BYTEK_CLOCK_FILE": clock])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
        let mails = try MessagingCLITests.parsedMail(smtp)
        try #require(mails.count == 1, "\(mails)")
        #expect(mails[0]["to"] as? String == "gina@bytek.pe")
        #expect((mails[0]["subject"] as? String ?? "").hasPrefix("Tarjetas que no llegarán a su fecha (10/12/2026): "), "\(mails[0])")
        #expect((mails[0]["text"] as? String ?? "").contains("  - PRY-2026-00001 «diseño» vence 07/12/2026: atrasada 3 día(s)"),
                "\(mails[0])")
        let results = try store.db.query("SELECT result FROM job WHERE kind = ? AND state = 'done' ORDER BY id",
                                         [.text("proyectos.atrasos")]).map { $0.string("result") }
        #expect(results.first?.contains("\"correos\":[\"gina\"]") == true && results.last?.contains("\"correos\":[]") == true,
                "\(results)")
    }
}
