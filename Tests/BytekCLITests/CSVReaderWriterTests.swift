import BytekModel
import Foundation
import Testing

@Suite struct CSVReaderTests {
    @Test func readsCommaFileWithBOMAndCRLF() throws {
        let t = try CSVReader.parse(Array("\u{FEFF}a,b,c\r\n1,2,3\r\nx,,z\r\n".utf8))
        #expect(t.delimiter == ",")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.records == [CSVRecord(line: 2, fields: ["1", "2", "3"]), CSVRecord(line: 3, fields: ["x", "", "z"])])
    }

    @Test func detectsSemicolonsAndKeepsCommasInFields() throws {
        let t = try CSVReader.parse(text: "nombre;importe\nAcme, S.A.;1,50\n")
        #expect(t.delimiter == ";")
        #expect(t.records.first?.fields == ["Acme, S.A.", "1,50"])
    }

    @Test func quotedFieldsWithEscapedQuotesAndNewlinesKeepLineNumbers() throws {
        let t = try CSVReader.parse(text: "a,b\n\"dijo \"\"hola\"\"\",\"dos\r\nlíneas\"\nfin,ok\n\"\",x")
        #expect(t.records.count == 3)
        #expect(t.records[0] == CSVRecord(line: 2, fields: ["dijo \"hola\"", "dos\r\nlíneas"]))
        #expect(t.records[1] == CSVRecord(line: 4, fields: ["fin", "ok"]))
        #expect(t.records[2] == CSVRecord(line: 5, fields: ["", "x"]))
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let t = try CSVReader.parse(text: "a,b\n\n1,2\n;\n,\n3,4")
        #expect(t.records.map(\.line) == [3, 4, 6])
        #expect(t.records[1].fields == [";"])
    }

    @Test func errorsNameTheLine() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) { try CSVReader.parse(text: "a\nb\n\"abierta\nsigue") }
        #expect(throws: CSVError.invalidUTF8(line: 2)) { try CSVReader.parse(Array("a\n".utf8) + [0xE9, 0x0A]) }
        #expect(throws: CSVError.empty) { try CSVReader.parse([]) }
        #expect(throws: CSVError.empty) { try CSVReader.parse(text: "\u{FEFF}\n\n") }
    }
}

@Suite struct CSVWriterTests {
    @Test func writesBOMCRLFAndQuotesOnlyWhenNeeded() {
        let bytes = CSVWriter().encode(header: ["a", "b"], rows: [["Núñez", "x,y"], ["di \"no\"", " borde"], ["dos\nlíneas", ""]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\nNúñez,\"x,y\"\r\n\"di \"\"no\"\"\",\" borde\"\r\n\"dos\nlíneas\",\r\n")
    }

    @Test func whatIsWrittenReadsBackTheSame() throws {
        let rows = [["ñandú", "a;b", "\"q\""], ["", "línea\r\nnueva", "  espacios  "], ["=1+1", "S/ 1,234.50", "fin"]]
        for delimiter in [",", ";"] as [Character] {
            let bytes = CSVWriter(delimiter: delimiter).encode(header: ["x", "y", "z"], rows: rows)
            let table = try CSVReader.parse(bytes)
            #expect(table.delimiter == delimiter)
            #expect(table.header == ["x", "y", "z"])
            #expect(table.records.map(\.fields) == rows)
        }
    }
}

@Suite struct CSVMappingTests {
    func record(_ map: CSVColumnMap, _ fields: [String]) -> CSVRecord { CSVRecord(line: 7, fields: fields) }

    @Test func headerNamesAreMatchedLoosely() throws {
        let map = try CSVCustomerMapping.columnMap(header: ["Tipo doc", "NÚMERO-DOC", " Razón Social "])
        let c = try CSVCustomerMapping.customer(from: record(map, ["dni", " 45678912 ", "Ana"]), columns: map)
        #expect(c.docType == .dni)
        #expect(c.docNumber == "45678912")
        #expect(c.legalName == "Ana")
    }

    @Test func customerLineCollectsEveryProblem() throws {
        let map = try CSVCustomerMapping.columnMap(header: CSVCustomerMapping.columns)
        var fields = Array(repeating: "", count: CSVCustomerMapping.columns.count)
        fields[0] = "RUC"; fields[1] = wrongRUC("2010000000"); fields[2] = ""
        fields[8] = "mal"; fields[10] = "U1,U9"; fields[11] = "x"; fields[12] = "1.2.3"; fields[13] = "EUR"
        do {
            _ = try CSVCustomerMapping.customer(from: record(map, fields), columns: map)
            Issue.record("expected problems")
        } catch {
            let columns = error.problems.map(\.column)
            #expect(columns == ["numero_doc", "razon_social", "email", "unidades", "dias_credito", "limite_credito",
                                "moneda_credito"])
            #expect(error.problems.contains(CSVCellProblem(column: "numero_doc", issue: .customer(.invalidDocument(.checkDigitMismatch)))))
            #expect(error.problems.contains(CSVCellProblem(column: "razon_social", issue: .missing)))
        }
    }

    @Test func extraFieldsAreAProblem() throws {
        let map = try CSVCustomerMapping.columnMap(header: ["tipo_doc", "numero_doc", "razon_social"])
        #expect(throws: CSVLineError.self) {
            try CSVCustomerMapping.customer(from: record(map, ["DNI", "45678912", "Pérez", " Ana"]), columns: map)
        }
        // Trailing empty fields (as some spreadsheets write) are fine.
        _ = try CSVCustomerMapping.customer(from: record(map, ["DNI", "45678912", "Pérez", "", ""]), columns: map)
    }

    @Test func catalogRowRoundTrips() throws {
        let item = CatalogItem(sku: "AP-U6", name: "Access point \"U6\", techo", description: "Wi-Fi 6\ncon PoE",
                               unit: .infrastructure, niche: "Redes", kind: .subscription, uom: "licencia",
                               sunatUnit: .year, price: Money(minorUnits: 120_000, .usd), cost: Money(minorUnits: 80_000, .usd),
                               period: .annual, taxCategory: .exonerado, active: false)
        let map = try CSVCatalogMapping.columnMap(header: CSVCatalogMapping.columns)
        let back = try CSVCatalogMapping.item(from: record(map, CSVCatalogMapping.row(item)), columns: map)
        #expect(back == item.normalized())
    }

    @Test func customerRowRoundTrips() throws {
        let c = Customer(docType: .ruc, docNumber: validRUC("2060000001"), legalName: "Núñez; \"Hnos\"", tradeName: "NH",
                         address: "Av. Larco 123, Of. 4", department: "Lima", province: "Lima", district: "Miraflores",
                         email: "a@b.pe", phone: "999 888 777", units: [.digital, .infrastructure], creditDays: 45,
                         creditLimit: Money(minorUnits: 1_234_567, .usd), notes: "dos\nlíneas", archived: true)
        let map = try CSVCustomerMapping.columnMap(header: CSVCustomerMapping.columns)
        let back = try CSVCustomerMapping.customer(from: record(map, CSVCustomerMapping.row(c)), columns: map)
        #expect(back == c.normalized())
    }
}
