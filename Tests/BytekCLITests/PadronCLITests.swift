import Foundation
import Testing

/// `bytek padron generate | import | show` through the binary, as an admin would use it.
@Suite struct PadronCLITests {
    @Test func aGeneratedPadronImportsFromItsZipAndShowsAnEntry() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let none = try fx.run("padron", "show", "20100047218")
        #expect(none.status == 1 && none.stderr.contains("no hay padrón"), "\(none.stderr)")
        for name in ["padron.zip", "padron.txt"] {
            let gen = try fx.run("padron", "generate", fx.file(name), "--lines", "3000", "--broken", "30", user: nil)
            #expect(gen.status == 0, "\(gen.stderr)")
        }
        let imported = try fx.run("padron", "import", fx.file("padron.zip"))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2,970 contribuyentes de 3,000 líneas"), "\(imported.stdout)")
        #expect(imported.stderr.contains("línea 52: tiene 5 campos"), "\(imported.stderr)")
        #expect(imported.stderr.contains("línea 152: RUC no válido"))
        #expect(imported.stderr.contains("línea 252: carácter no válido (byte 0x0) en el campo 2"))
        #expect(imported.stderr.contains("30 línea(s) con errores no se importaron (se muestran las primeras 20)"))
        #expect(FileManager.default.fileExists(atPath: fx.file("padron.sqlite")))
        #expect(try fx.run("user", "add", "vendedora", "--name", "V", "--role", "ventas").status == 0)
        let refused = try fx.run("padron", "import", fx.file("padron.txt"), user: "vendedora")
        #expect(refused.status == 1 && refused.stderr.contains("su rol (ventas) no es admin; este comando requiere el rol admin"),
                "\(refused.stderr)")

        // The same file as text, read as Latin-1: a name with Ñ comes back from `padron show` in UTF-8.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fx.file("padron.txt")))
        let lines = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).split(separator: "\n")
        #expect(lines.count == 3001)
        let fields = lines.dropFirst().map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count == 16 && $0[0].count == 11 }
        let withEnye = try #require(fields.first { $0[1].contains("Ñ") && $0[2] == "ACTIVO" && $0[3] == "HABIDO" })
        let show = try fx.run("padron", "show", withEnye[0], user: "admin")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Razón social  \(withEnye[1])\n"), "\(show.stdout)")
        #expect(show.stdout.contains("Estado        ACTIVO\nCondición     HABIDO\n"))
        #expect(show.stdout.contains("Ubigeo        \(withEnye[4] == "-" ? "—" : withEnye[4])"))
        #expect(show.stderr.isEmpty)
        let flagged = try #require(fields.first { $0[3] == "NO HABIDO" })
        let warned = try fx.run("padron", "show", flagged[0], user: "admin")
        #expect(warned.status == 0 && warned.stderr.contains("Aviso: el contribuyente no está ACTIVO y HABIDO"))
        let missing = try fx.run("padron", "show", "20999999995")
        #expect(missing.status == 1 && missing.stderr.contains("no está en el padrón"), "\(missing.stderr)")
        let typo = try fx.run("padron", "show", "2010004721")
        #expect(typo.status == 1 && typo.stderr.contains("escriba sus 11 dígitos"))
    }
}
