import BytekModel
import Foundation
import Testing

/// Section 4: CSV exports defuse spreadsheet formulas; import takes the protection away again.
@Suite struct CSVFormulaGuardTests {
    @Test func formulaCellsAreWrittenAsTextAndNumbersStayNumbers() {
        let rows = [
            ["=HYPERLINK(\"http://x\";\"clic\")", "+51 999 888 777", "-1234.50", "@SUMA(A1)"],
            ["\tTAB", "\rCR", "-5", "-2+3+cmd|' /C calc'!A0"],
            ["0", "12.5", "-0,25", "Núñez"],
        ]
        let text = String(decoding: CSVWriter(includeBOM: false).encode(header: ["a", "b", "c", "d"], rows: rows), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\",'+51 999 888 777,-1234.50,'@SUMA(A1)")
        #expect(lines[2].hasPrefix("'\tTAB,\"'\rCR\",-5,'-2+3+cmd|"))
        #expect(lines[3] == "0,12.5,\"-0,25\",Núñez")
    }

    @Test func importTakesTheProtectionAwaySoARoundTripChangesNothing() throws {
        let values = ["=1+1", "'=ya tenía apóstrofo", "''@dos", "'hola", "'", "-", "+", "-7", "'-7", "--", "+51 (01) 555-1234",
                      "@", "a=b", "", "=", "'\t"]
        let bytes = CSVWriter().encode(header: ["v"], rows: values.map { [$0] })
        let table = try CSVReader.parse(bytes)
        #expect(table.records.map { $0.fields[0] } == values.filter { !$0.isEmpty })
        for v in values {
            #expect(CSVFormulaGuard.unprotect(CSVFormulaGuard.protect(v)) == v, "\(v)")
            let written = CSVFormulaGuard.protect(v)
            if let first = written.first { #expect(!["=", "+", "@", "\t", "\r"].contains(first), "\(v)") }
        }
        // A hand-made file protected the same way imports the bare values.
        let hand = try CSVReader.parse(text: "nombre,telefono\r\n'=A1,'+51 999 888 777\r\n")
        #expect(hand.records[0].fields == ["=A1", "+51 999 888 777"])
    }
}
