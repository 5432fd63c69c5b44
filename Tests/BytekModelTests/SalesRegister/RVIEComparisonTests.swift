import Foundation
import Testing
@testable import BytekModel

/// SUNAT's proposal (our own hand-made sample, Tests/SalesRegister/Fixtures) read and compared with a period's
/// documents: one line of the sample for each kind of difference.
@Suite struct RVIEComparisonTests {
    typealias F = EDocumentFixtures
    static let period = YearMonth(year: 2026, month: 11)
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SalesRegister/Fixtures")

    static func proposalBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("propuesta-RVIE-202611.txt")))
    }

    static func factura(_ number: Int, _ lines: [EDocumentLine] = [F.line(1, 1000)]) -> EDocument {
        var d = F.factura(lines)
        d.number = number
        return d
    }

    /// Our books for November 2026.
    static func ours() throws -> [RVIELine] {
        var usd = F.factura([F.line(1, 100)], currency: .usd, exchangeRate: Decimal(string: "3.75"))
        usd.number = 124
        let docs = [
            SalesRegisterDocument(document: factura(123)),                                       // same on both sides
            SalesRegisterDocument(document: usd),                                                // SUNAT: rate 3.760
            SalesRegisterDocument(document: factura(125, [F.line(3, 1000)]), voided: true),        // SUNAT: in force
            SalesRegisterDocument(document: F.boleta([F.line(1, 59, includesIGV: true)], customer: F.dniCustomer)),  // in SUNAT's range B001-7…8
            SalesRegisterDocument(document: F.creditNote(on: F.facturaReference),
                                  referenceDate: LocalDate(year: 2026, month: 11, day: 20)),     // SUNAT: 25/11, modifies F001-122
            SalesRegisterDocument(document: factura(126, [F.line(1, 100)]), status: "pendiente"), // SUNAT lacks it
            SalesRegisterDocument(document: factura(128)),                                       // SUNAT: another customer
            SalesRegisterDocument(document: factura(129)),                                       // SUNAT: other amounts
        ]
        return try docs.map { try RVIELine($0, ruc: F.issuerRUC, legalName: "BYTEK SOLUCIONES S.A.C.", period: period) }
    }

    @Test func readsTheProposal() throws {
        #expect(F.issuerRUC == "20600123450" && F.customerRUC == "20100454522")
        let lines = try RVIEProposal.parse(Self.proposalBytes(), ruc: F.issuerRUC, period: Self.period)
        try #require(lines.count == 8)
        let range = lines[3]
        #expect(range.type == "03" && range.number == 7 && range.finalNumber == 8 && range.documentID == "B001-7…B001-8")
        #expect(range.customerName == "María Quispe")
        let note = lines[4]
        #expect(note.amounts.total == Money(-118, .pen))
        #expect(note.modified == RVIEModifiedDocument(issueDate: LocalDate(year: 2026, month: 11, day: 20), type: "01",
                                                      series: "F001", number: "122"))
        #expect(lines[1].currency == .usd && lines[1].exchangeRate == Decimal(string: "3.76"))
        #expect(lines.allSatisfy { !$0.voided })
    }

    @Test func everyKindOfDifference() throws {
        let sunat = try RVIEProposal.parse(Self.proposalBytes(), ruc: F.issuerRUC, period: Self.period)
        let c = RVIEComparison(ours: try Self.ours(), sunat: sunat)
        #expect(c.matched == 7 && c.oursCount == 8 && c.sunatCount == 9)
        #expect(c.differences.map(\.sentence) == [
            "F001-124 · Importe · tipo de cambio: BYTEK 3.750, SUNAT 3.760",
            "F001-125 · Estado · estado: BYTEK anulado, SUNAT vigente",
            "F001-126 · Solo en BYTEK: BYTEK S/ 118.00, SUNAT —",
            "F001-127 · Solo en SUNAT: BYTEK —, SUNAT S/ 236.00",
            "F001-128 · Cliente · documento del cliente: BYTEK 6 20100454522, SUNAT 6 20131312955",
            "F001-129 · Importe · IGV: BYTEK 180.00, SUNAT 183.05",
            "F001-129 · Importe · base imponible: BYTEK 1000.00, SUNAT 1016.95",
            "F001-129 · Importe · total: BYTEK 1180.00, SUNAT 1200.00",
            "B001-8 · Solo en SUNAT: BYTEK —, SUNAT en el rango B001-7…B001-8",
            "FC01-1 · Fecha · fecha de emisión: BYTEK 26/11/2026, SUNAT 25/11/2026",
            "FC01-1 · Doc. modificado · comprobante modificado: BYTEK 01 F001-123, SUNAT 01 F001-122",
        ])
        #expect(c.countsByKind.map { "\($0.kind.label) \($0.count)" } == [
            "Solo en SUNAT 2", "Solo en BYTEK 1", "Importe 4", "Fecha 1", "Cliente 1", "Estado 1", "Doc. modificado 1",
        ])
        let csv = String(decoding: SalesRegisterCSV.differences(c), as: UTF8.self)
        #expect(csv.contains("\r\nImporte,F001-129,total,1180.00,1200.00\r\n"))
    }

    @Test func ourOwnFileComparedWithItselfHasNoDifference() throws {
        let ours = try Self.ours()
        let file = RVIEFile(ruc: F.issuerRUC, period: Self.period, lines: ours)
        let text = RVIEProposal.text(ours)
        #expect(text.hasPrefix("RUC|Razón social|Periodo|CAR SUNAT|"))
        #expect(text.components(separatedBy: "\r\n")[3].split(separator: "|", omittingEmptySubsequences: false).count == 40)
        let back = try RVIEProposal.parse(Array(text.utf8), ruc: F.issuerRUC, period: Self.period)
        let c = RVIEComparison(ours: ours, sunat: back)
        #expect(c.isClean, "\(c.differences.map(\.sentence))")
        #expect(c.matched == file.lines.count)
    }

    @Test func badProposalsSayWhichLineAndWhy() throws {
        let header = RVIEProposal.columnTitles.joined(separator: "|")
        let good = String(decoding: try Self.proposalBytes(), as: UTF8.self).components(separatedBy: "\r\n")[1]
        func parse(_ text: String) throws(SalesRegisterError) -> [RVIELine] {
            try RVIEProposal.parse(Array(text.utf8), ruc: F.issuerRUC, period: Self.period)
        }
        #expect(throws: SalesRegisterError.proposalLine(line: 1, reason: "el archivo está vacío")) { try parse("") }
        do {
            _ = try parse(good + "\n")
            Issue.record("sin cabecera")
        } catch { #expect(error.message.contains("línea 1") && error.message.contains("cabecera")) }
        do {
            _ = try parse(header + "\n" + good + "\n\n" + "a|b|c\n")
            Issue.record("línea corta")
        } catch { #expect(error.message == "propuesta, línea 4: tiene 3 columnas y se esperaban al menos 35 (separadas por «|»)") }
        var cols = good.components(separatedBy: "|")
        cols[25] = "12345678901234567890"
        do {
            _ = try parse(header + "\n" + cols.joined(separator: "|"))
            Issue.record("importe de 20 dígitos")
        } catch { #expect(error.message == "propuesta, línea 2: columna 26 («Total CP»): «12345678901234567890» no es un importe (use punto decimal y hasta 2 decimales)") }
        cols = good.components(separatedBy: "|")
        cols[4] = "31/02/2026"
        do {
            _ = try parse(header + "\n" + cols.joined(separator: "|"))
            Issue.record("fecha imposible")
        } catch { #expect(error.message.contains("«31/02/2026» no es una fecha dd/mm/aaaa")) }
        #expect(throws: SalesRegisterError.proposalMismatch(line: 2, field: "RUC", found: "20600123450", expected: "20100454522")) {
            try RVIEProposal.parse(Array((header + "\n" + good).utf8), ruc: "20100454522", period: Self.period)
        }
        #expect(throws: SalesRegisterError.proposalMismatch(line: 2, field: "periodo", found: "202611", expected: "202610")) {
            try RVIEProposal.parse(Array((header + "\n" + good).utf8), ruc: F.issuerRUC, period: YearMonth(year: 2026, month: 10))
        }
    }
}
