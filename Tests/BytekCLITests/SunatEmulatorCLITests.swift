import BytekModel
import Foundation
import Testing

/// `bytek sunat emulator --db …` starts the emulator as the company: its RUC from the database (without it
/// every send failed with 0102), and a binary copied away from the checkout finds the script through the
/// settings (`--guardar-script`).
@Suite struct SunatEmulatorCLITests {
    /// A stand-in emulator that prints the arguments it was started with (the command execs python3 on it).
    static let stub = "import json, sys\nprint(json.dumps(sys.argv[1:]))\n"

    @Test func emulatorTakesTheCompanyRUCAndTheSavedScript() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let ruc = validRUC("2060098765")
        let set = try fx.run("company", "set", "--ruc", ruc, "--name", "EMPRESA DEL CLIENTE S.A.C.", "--address", "Av. Lima 1")
        #expect(set.status == 0, "\(set.stderr)")

        let copied = try fx.write("copia-emulador.py", Self.stub)
        let saved = try fx.run("sunat", "emulator", "--guardar-script", copied)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(saved.stdout.contains(copied))

        let r = try fx.run("sunat", "emulator", "--db", fx.dbPath, "--port", "0", timeout: 30)
        #expect(r.status == 0, "\(r.stderr)")
        let argv = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String], "\(r.stdout)")
        let i = try #require(argv.firstIndex(of: "--ruc"), "\(argv)")
        #expect(argv[i + 1] == ruc)

        // A --ruc on the command line wins over the database.
        let other = validRUC("2010045452")
        let given = try fx.run("sunat", "emulator", "--ruc", other, timeout: 30)
        let argv2 = try #require(try JSONSerialization.jsonObject(with: Data(given.stdout.utf8)) as? [String], "\(given.stdout)")
        #expect(argv2.filter { $0 == "--ruc" }.count == 1)
        #expect(argv2[(argv2.firstIndex(of: "--ruc") ?? 0) + 1] == other)
    }

    @Test func savingAMissingScriptIsRefused() throws {
        let fx = try CLIFixture()
        defer { fx.cleanup() }
        try fx.withAdmin()
        let r = try fx.run("sunat", "emulator", "--guardar-script", fx.file("no-existe.py"))
        #expect(r.status == 1)
        #expect(r.stderr.contains("no existe el archivo"))
    }
}
