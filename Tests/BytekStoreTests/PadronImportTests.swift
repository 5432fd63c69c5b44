import BytekModel
import Foundation
import Testing
@testable import BytekStore

/// SUNAT's padrón reducido into `padron.sqlite`: Latin-1 lines in, UTF-8 entries out; bad lines reported
/// by number; a failed import leaves the previous file; a reader keeps the file it opened.
@Suite struct PadronImportTests {
    static let header = "RUC|NOMBRE O RAZÓN SOCIAL|ESTADO DEL CONTRIBUYENTE|CONDICIÓN DE DOMICILIO|UBIGEO|TIPO DE VÍA|"
        + "NOMBRE DE VÍA|CÓDIGO DE ZONA|TIPO DE ZONA|NÚMERO|INTERIOR|LOTE|DEPARTAMENTO|MANZANA|KILÓMETRO|"

    /// Writes `lines` (after the header) in Latin-1 with CRLF, as bytes: `\u{0}` and other controls pass through.
    func latin1File(_ tmp: TempFolder, _ name: String, _ lines: [String]) throws -> String {
        let text = ([Self.header] + lines).joined(separator: "\r\n") + "\r\n"
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        try Data(bytes).write(to: URL(fileURLWithPath: tmp.file(name)))
        return tmp.file(name)
    }

    var goodLines: [String] {
        [
            "\(ruc("2010004721"))|BANCO DE CRÉDITO DEL PERÚ|ACTIVO|HABIDO|150114|CAL.|CENTENARIO|URB.|LAS LADERAS DE MELGAREJO|156|-|-|-|-|-|",
            "\(ruc("1040506070"))|ÑAHUI CÁCERES JOSÉ|BAJA DE OFICIO|NO HABIDO|080108|-|-|A.H.|SEÑOR DE LOS MILAGROS|-|-|12|-|B|-|",
            "\(ruc("2060000001"))|COMERCIAL PIÑA E.I.R.L.|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|",
        ]
    }

    @Test func importedEntriesComeBackInUTF8WithTheirAddress() throws {
        let tmp = TempFolder()
        let source = try latin1File(tmp, "padron.txt", goodLines)
        let destination = tmp.file("padron.sqlite")
        let report = try PadronImporter(destination: destination).run(source: source)
        #expect(report.lines == 3 && report.imported == 3 && report.malformed == 0)
        let padron = try Padron(path: destination)
        let bank = try #require(try padron.entry(ruc: ruc("2010004721")))
        #expect(bank.razonSocial == "BANCO DE CRÉDITO DEL PERÚ")
        #expect(bank.isActiveAndHabido && bank.ubigeo == "150114")
        #expect(bank.direccion == "CAL. CENTENARIO NRO. 156 URB. LAS LADERAS DE MELGAREJO")
        let person = try #require(try padron.entry(ruc: " " + ruc("1040506070") + " "))
        #expect(person.razonSocial == "ÑAHUI CÁCERES JOSÉ")
        #expect(!person.isActiveAndHabido && person.estado == "BAJA DE OFICIO" && person.condicion == "NO HABIDO")
        #expect(person.formFill == PadronFormFill(razonSocial: "ÑAHUI CÁCERES JOSÉ",
                                                  direccion: "MZA. B LOTE. 12 A.H. SEÑOR DE LOS MILAGROS", ubigeo: "080108"))
        let bare = try #require(try padron.entry(ruc: ruc("2060000001")))
        #expect(bare.ubigeo == nil && bare.direccion == "" && bare.address == PadronAddress())
        #expect(try padron.entry(ruc: ruc("2099999999")) == nil)
        #expect(try padron.entry(ruc: "2010004721") == nil, "ten digits are not a RUC")
        let info = try padron.info()
        #expect(info.taxpayers == 3 && info.source == "padron.txt" && info.importedAt != nil)
        #expect(!FileManager.default.fileExists(atPath: destination + ".tmp"))
    }

    @Test func malformedLinesAreReportedByNumberAndTheRestImported() throws {
        let tmp = TempFolder()
        var lines = goodLines
        lines.insert("\(ruc("2070000001"))|SOLO TRES CAMPOS", at: 1)                                          // line 3
        lines.insert("\(wrong("2070000002"))|DÍGITO MALO S.A.C.|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|", at: 2)  // line 4
        lines.insert("\(ruc("2070000003"))|NUL\u{0} S.A.|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|", at: 3)       // line 5
        lines.append("\(ruc("2070000004"))|C1 \u{85} S.A.|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|")               // line 8
        lines.append("\(ruc("2010004721"))|OTRO BANCO|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|")                   // line 9
        lines.append("\(ruc("2070000005"))|-|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-|")                           // line 10
        lines.append("\(ruc("2070000006"))|SIN BARRA FINAL S.A.C.|ACTIVO|HABIDO|-|-|-|-|-|-|-|-|-|-|-")        // line 11
        let importer = PadronImporter(destination: tmp.file("padron.sqlite"))
        importer.shownProblems = 5
        let report = try importer.run(source: try latin1File(tmp, "roto.txt", lines))
        #expect(report.lines == 10 && report.imported == 4 && report.malformed == 6)
        #expect(report.problems.map(\.line) == [3, 4, 5, 8, 9], "only the first five are kept, all are counted")
        #expect(report.problems.map(\.reason) == [
            .fieldCount(2), .badRUC(wrong("2070000002")), .badByte(0, field: 2), .badByte(0x85, field: 2),
            .duplicate(ruc("2010004721")),
        ])
        #expect(report.problems[0].description == "línea 3: tiene 2 campos; se esperan 15 separados por «|»")
        let padron = try Padron(path: tmp.file("padron.sqlite"))
        #expect(try padron.entry(ruc: ruc("2010004721"))?.razonSocial == "BANCO DE CRÉDITO DEL PERÚ", "the first one stays")
        #expect(try padron.entry(ruc: ruc("2070000006"))?.razonSocial == "SIN BARRA FINAL S.A.C.")
        #expect(try padron.info().malformedLines == 6)
    }

    @Test func aFailedImportLeavesThePreviousPadronIntact() throws {
        let tmp = TempFolder()
        let destination = tmp.file("padron.sqlite")
        let source = try latin1File(tmp, "padron.txt", goodLines)
        _ = try PadronImporter(destination: destination).run(source: source)
        let before = try Data(contentsOf: URL(fileURLWithPath: destination))

        #expect(throws: PadronImportError.notFound(path: tmp.file("no-existe.zip"))) {
            try PadronImporter(destination: destination).run(source: tmp.file("no-existe.zip"))
        }
        // A download cut short: the zip's central directory is missing.
        try PadronArchive.zip(textFile: source, entryName: "padron_reducido_ruc.txt", into: tmp.file("padron.zip"))
        let zip = try Data(contentsOf: URL(fileURLWithPath: tmp.file("padron.zip")))
        try zip.prefix(zip.count / 2).write(to: URL(fileURLWithPath: tmp.file("cortado.zip")))
        let cut = #expect(throws: PadronImportError.self) {
            try PadronImporter(destination: destination).run(source: tmp.file("cortado.zip"))
        }
        guard case .badZip? = cut else { Issue.record("a cut zip is a bad zip, not \(String(describing: cut))"); return }
        #expect(cut?.message.hasSuffix("el padrón anterior se mantiene") == true)
        // Not one good line (the wrong file): refused.
        let junk = try latin1File(tmp, "otro.txt", ["a;b;c", "d;e;f"])
        #expect(throws: PadronImportError.noValidLines(path: junk, malformed: 2)) {
            try PadronImporter(destination: destination).run(source: junk)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == before)
        #expect(!FileManager.default.fileExists(atPath: destination + ".tmp"))
        // The whole zip imports.
        let report = try PadronImporter(destination: destination).run(source: tmp.file("padron.zip"))
        #expect(report.imported == 3)
        #expect(try Padron(path: destination).info().source == "padron.zip")
    }

    @Test func aReaderKeepsTheFileItOpenedUntilItOpensAgain() throws {
        let tmp = TempFolder()
        let destination = PadronFiles.path(besideDatabase: tmp.file("bytek.sqlite"))
        #expect(destination == tmp.file("padron.sqlite"))
        #expect(try Padron.open(besideDatabase: tmp.file("bytek.sqlite")) == nil)
        _ = try PadronImporter(destination: destination).run(source: try latin1File(tmp, "enero.txt", goodLines))
        let old = try #require(try Padron.open(besideDatabase: tmp.file("bytek.sqlite")))
        #expect(try old.entry(ruc: ruc("2010004721"))?.estado == "ACTIVO")
        let february = [
            "\(ruc("2010004721"))|BANCO DE CRÉDITO DEL PERÚ|SUSPENSION TEMPORAL|HABIDO|150114|-|-|-|-|-|-|-|-|-|-|",
        ]
        _ = try PadronImporter(destination: destination).run(source: try latin1File(tmp, "febrero.txt", february))
        #expect(try old.entry(ruc: ruc("2010004721"))?.estado == "ACTIVO", "the open reader still reads January")
        #expect(try old.entry(ruc: ruc("1040506070")) != nil)
        let reopened = try Padron(path: destination)
        #expect(try reopened.entry(ruc: ruc("2010004721"))?.estado == "SUSPENSION TEMPORAL")
        #expect(try reopened.entry(ruc: ruc("1040506070")) == nil)
    }

    func wrong(_ firstTen: String) -> String {
        let good = ruc(firstTen)
        return String(good.dropLast()) + String(((good.last?.wholeNumberValue ?? 0) + 1) % 10)
    }
}
