import Foundation
import Testing
@testable import BytekSUNAT

@Suite("ZIP SUNAT (libzip)")
struct ZipTests {
    static let python = """
        import sys, zipfile, json
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        out = [{"name": i.filename, "size": i.file_size, "method": i.compress_type, "utf8": bool(i.flag_bits & 0x800),
                "hex": z.read(i.filename).hex()} for i in z.infolist()]
        print(json.dumps(out))
        """

    struct Listed: Decodable { let name: String; let size: Int; let method: Int; let hex: String }

    func listWithPython(_ zip: Data) throws -> [Listed] {
        let file = try writeTemp([UInt8](zip), name: "package.zip")
        let run = try ToolRun.run(["python3", "-c", Self.python, file.path])
        try #require(run.status == 0, "\(run.output)")
        return try JSONDecoder().decode([Listed].self, from: Data(run.output.utf8))
    }

    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("un solo archivo, con el nombre y los bytes exactos, comprimido con deflate")
    func makeSingleEntry() throws {
        let xml = Array(String(repeating: "<cbc:Note>SON: CIEN CON 00/100 SOLES — ñandú</cbc:Note>\n", count: 50).utf8)
        let zip = try SunatZip.make(entryName: "20123456789-01-F001-1.xml", xml: xml)
        let listed = try listWithPython(zip)
        #expect(listed.count == 1)
        #expect(listed.first?.name == "20123456789-01-F001-1.xml")
        #expect(listed.first?.size == xml.count)
        #expect(listed.first?.method == 8)
        #expect(listed.first?.hex == hex(xml))
        #expect(zip.count < xml.count)   // the repetitive text really was deflated

        let file = try writeTemp([UInt8](zip), name: "20123456789-01-F001-1.zip")
        let unzip = try ToolRun.run(["unzip", "-l", file.path])
        #expect(unzip.status == 0, "\(unzip.output)")
        #expect(unzip.output.contains("\(xml.count)"))
        #expect(unzip.output.contains("20123456789-01-F001-1.xml"))
        #expect(unzip.output.contains("1 file"))
        let test = try ToolRun.run(["unzip", "-t", file.path])
        #expect(test.output.contains("No errors detected"))
    }

    @Test("leer el ZIP devuelve los mismos bytes")
    func roundTrip() throws {
        let xml = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Invoice>Ñ</Invoice>\n".utf8)
        let zip = try SunatZip.make(entryName: "20123456789-03-B001-42.xml", xml: Data(xml))
        let entries = try SunatZip.read(zip)
        #expect(entries == [SunatZipEntry(name: "20123456789-03-B001-42.xml", bytes: xml)])
    }

    @Test("un ZIP vacío de contenido también funciona")
    func emptyEntry() throws {
        let zip = try SunatZip.make(entryName: "vacio.xml", xml: [UInt8]())
        #expect(try SunatZip.read(zip) == [SunatZipEntry(name: "vacio.xml", bytes: [])])
    }

    @Test("lee un CDR con carpeta dummy/ hecho por otra herramienta")
    func readsForeignCDR() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bytek-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cdr = "<ar:ApplicationResponse>aceptada</ar:ApplicationResponse>"
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("dummy/", "")
                z.writestr("R-20123456789-01-F001-1.xml", sys.argv[2])
            """
        let path = dir.appendingPathComponent("R-20123456789-01-F001-1.zip").path
        let run = try ToolRun.run(["python3", "-c", script, path, cdr])
        try #require(run.status == 0, "\(run.output)")
        let entries = try SunatZip.read(Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(entries == [SunatZipEntry(name: "R-20123456789-01-F001-1.xml", bytes: Array(cdr.utf8))])
    }

    @Test("bytes que no son ZIP, o ZIP dañado, dan error")
    func corrupt() throws {
        #expect(throws: SunatZipError.self) { try SunatZip.read(Data("esto no es un zip".utf8)) }
        #expect(throws: SunatZipError.self) { try SunatZip.read(Data()) }
        let xml = Array(String(repeating: "<a>datos de prueba 12345</a>", count: 40).utf8)
        var zip = [UInt8](try SunatZip.make(entryName: "a.xml", xml: xml))
        // Flip a byte inside the compressed data (after the 30-byte local header and the name).
        let offset = 30 + "a.xml".utf8.count + 5
        zip[offset] ^= 0xFF
        #expect(throws: SunatZipError.self) { try SunatZip.read(Data(zip)) }
    }

    @Test("nombres de entrada no válidos", arguments: ["", "a/b.xml", "..", "c\\d.xml", "x\ny.xml"])
    func invalidNames(name: String) {
        #expect(throws: SunatZipError.invalidEntryName(name)) { try SunatZip.make(entryName: name, xml: [1, 2, 3]) }
    }
}
