import Foundation
import Testing
@testable import BytekModel

/// The replacement file: its name, its ISO-8859-1 text with CR LF, and the period's totals equal to the sum
/// of its documents (computed here by hand).
@Suite struct RVIEFileTests {
    typealias F = EDocumentFixtures
    static let period = YearMonth(year: 2026, month: 11)

    static func lines() throws -> [RVIELine] {
        var usd = F.factura([F.line(1, 100)], currency: .usd, exchangeRate: Decimal(string: "3.75"))
        usd.number = 124
        var voided = F.factura([F.line(3, 1000)])
        voided.number = 125
        var named = F.boleta([F.line(1, 59, includesIGV: true)], customer: F.dniCustomer)
        named.customer.name = "José Peñaloza"
        let docs = [
            SalesRegisterDocument(document: F.factura([F.line(2, 250), F.line(1, 500)])),  // 1000 + 180 = 1180
            SalesRegisterDocument(document: usd),                                          // US$ 100 + 18 = 118
            SalesRegisterDocument(document: voided, voided: true),                          // 0
            SalesRegisterDocument(document: named),                                        // 50 + 9 = 59
            SalesRegisterDocument(document: F.creditNote(on: F.facturaReference)),          // -100 - 18 = -118
        ]
        return try docs.map { try RVIELine($0, ruc: F.issuerRUC, legalName: "BYTEK SOLUCIONES S.A.C.", period: period) }
    }

    @Test func nameAndEncoding() throws {
        let file = RVIEFile(ruc: F.issuerRUC, period: Self.period, lines: try Self.lines())
        #expect(file.baseName == "LE" + F.issuerRUC + "202611" + "00140400021112")
        #expect(file.baseName.count == 33)
        #expect(file.textName == file.baseName + ".txt" && file.zipName == file.baseName + ".zip")
        #expect(RVIEFile(ruc: F.issuerRUC, period: Self.period, lines: []).baseName.hasSuffix("00140400021012"))
        let bytes = file.bytes
        // ñ and é as one Latin-1 byte each, never as UTF-8 pairs.
        #expect(bytes.contains(0xF1) && bytes.contains(0xE9))
        #expect(!bytes.contains(0xC3))
        let text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        #expect(text.contains("|José Peñaloza|"))
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows.count == 6 && rows.last == "")
        for row in rows.dropLast() { #expect(row.split(separator: "|", omittingEmptySubsequences: false).count == 34) }
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func charactersOutsideLatin1() {
        var out: [UInt8] = []
        RVIEFile.appendLatin1("Łódź €\r\ne\u{301}", to: &out)
        #expect(out == [UInt8(ascii: "?"), 0xF3, UInt8(ascii: "d"), UInt8(ascii: "z"), UInt8(ascii: " "), UInt8(ascii: "?"), 13, 10, 0xE9])
    }

    @Test func totalsAreTheSumOfTheDocuments() throws {
        let lines = try Self.lines()
        let totals = SalesRegisterTotals(lines)
        let pen = try #require(totals.sums(.pen))
        #expect(pen.documents == 4 && pen.voided == 1)
        #expect(pen.amounts.taxable == Money(Decimal(string: "950.00")!, .pen))   // 1000 + 0 + 50 - 100
        #expect(pen.amounts.igv == Money(Decimal(string: "171.00")!, .pen))       // 180 + 0 + 9 - 18
        #expect(pen.amounts.total == Money(Decimal(string: "1121.00")!, .pen))    // 1180 + 0 + 59 - 118
        let usd = try #require(totals.sums(.usd))
        #expect(usd.documents == 1 && usd.amounts.total == Money(118, .usd))
        // And field by field, the sums equal the lines' own columns added up.
        for col in RVIEAmounts.columns {
            let sum = lines.filter { $0.currency == .pen }.reduce(Money.zero(.pen)) { $0 + $1.amounts[keyPath: col.key] }
            #expect(pen.amounts[keyPath: col.key] == sum, "\(col.name)")
        }
        #expect(totals.summaryLines.first == "Soles: 4 documentos (1 anulado) · base S/ 950.00 · IGV S/ 171.00 · total S/ 1,121.00")
    }

    @Test func csvForTheAccountant() throws {
        let bytes = SalesRegisterCSV.documents(try Self.lines())
        let text = String(decoding: bytes, as: UTF8.self)
        let rows = text.dropFirst().components(separatedBy: "\r\n")
        #expect(rows[0] == SalesRegisterCSV.documentHeader.joined(separator: ","))
        #expect(rows[1] == "2026-11-26,01,F001,123,aceptado,6,\(F.customerRUC),CLIENTE DEMO S.A.,PEN,,0.00,1000.00,0.00,0.00,180.00,1180.00,")
        #expect(rows[3].hasPrefix("2026-11-26,01,F001,125,anulado,"))
        #expect(rows[5].hasSuffix(",-100.00,0.00,0.00,-18.00,-118.00,01 F001-123"))
    }
}
