import BytekModel
import BytekStore
import Foundation
import Testing

/// NUL and the other control characters never reach the database from a CSV: the file is refused
/// with the line that holds one.
@Suite struct CSVControlCharacterTests {
    @Test(arguments: [(UInt32(0), "NUL"), (0x1B, "U+001B"), (0x07, "U+0007"), (0x7F, "U+007F"), (0x85, "U+0085"), (0x9B, "U+009B")])
    func readerRefusesTheLine(code: UInt32, name: String) throws {
        let c = String(Character(Unicode.Scalar(code)!))
        #expect(throws: CSVError.controlCharacter(line: 3, code: code)) {
            try CSVReader.parse(text: "a,b\n1,2\nx\(c)y,3\n4,5")
        }
        // Inside quotes, after a line end that the quotes keep: still its own line.
        #expect(throws: CSVError.controlCharacter(line: 5, code: code)) {
            try CSVReader.parse(text: "a,b\n1,\"dos\nlíneas\"\n\"x\ny\(c)\",3\n")
        }
    }

    @Test func tabsAndQuotedLineEndsAreNotControlCharactersHere() throws {
        let t = try CSVReader.parse(text: "a,b\n\"uno\r\ndos\",\ttab\n")
        #expect(t.records.map(\.fields) == [["uno\r\ndos", "\ttab"]])
    }

    /// The way a user meets it: `bytek import customers` with a NUL pasted into a name.
    @Test func importRefusesTheFileNamingTheLine() throws {
        let fx = try CLIFixture(); defer { fx.cleanup() }
        try fx.withAdmin()
        let csv = "tipo_doc,numero_doc,razon_social\nDNI,45678912,José Núñez\nDNI,45678913,Ana\u{0}Rojas\nDNI,45678914,Luz\u{1B}[2JPaz\n"
        let file = try fx.write("clientes.csv", csv)
        for partial in [false, true] {
            let r = try partial ? fx.run("import", "customers", file, "--partial") : fx.run("import", "customers", file)
            #expect(r.status == 1)
            #expect(r.stderr.contains("línea 3:"), "\(r.stderr)")
            #expect(r.stderr.contains("carácter de control (NUL)"))
            let db = try Database(path: fx.dbPath)
            #expect(try db.scalar("SELECT count(*) FROM customer").intValue == 0, "nothing written")
        }
    }
}
