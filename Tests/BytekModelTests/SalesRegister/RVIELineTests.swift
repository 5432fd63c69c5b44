import Foundation
import Testing
@testable import BytekModel

/// Each RVIE line field by field against lines written out by hand (34 pipe-separated fields: see `RVIELine`).
@Suite struct RVIELineTests {
    typealias F = EDocumentFixtures
    static let ruc = F.issuerRUC
    static let cust = F.customerRUC
    static let period = YearMonth(year: 2026, month: 11)

    static func line(_ doc: EDocument, voided: Bool = false, referenceDate: LocalDate? = nil) throws -> RVIELine {
        try RVIELine(SalesRegisterDocument(document: doc, voided: voided, referenceDate: referenceDate),
                     ruc: ruc, legalName: "BYTEK SOLUCIONES S.A.C.", period: period)
    }

    @Test func facturaInSoles() throws {
        let l = try Self.line(F.factura([F.line(2, 250), F.line(1, 500)]))
        #expect(l.fields.count == 34)
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)01F0010000000123|26/11/2026||01|F001|123||6|\(Self.cust)|CLIENTE DEMO S.A."
                + "|0.00|1000.00|0.00|180.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|1180.00|PEN|||||||")
    }

    @Test func facturaInDollarsStatesItsRate() throws {
        let l = try Self.line(F.factura([F.line(1, 100)], currency: .usd, exchangeRate: Decimal(string: "3.75")))
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)01F0010000000123|26/11/2026||01|F001|123||6|\(Self.cust)|CLIENTE DEMO S.A."
                + "|0.00|100.00|0.00|18.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|118.00|USD|3.750||||||")
    }

    @Test func anonymousBoleta() throws {
        let l = try Self.line(F.boleta([F.line(1, 50, includesIGV: true)]))
        #expect(l.fields[6...12] == ["03", "B001", "7", "", "-", "-", "CLIENTES VARIOS"])
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)03B0010000000007|26/11/2026||03|B001|7||-|-|CLIENTES VARIOS"
                + "|0.00|42.37|0.00|7.63|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|50.00|PEN|||||||")
    }

    @Test func creditNoteIsNegativeAndNamesTheFactura() throws {
        let note = F.creditNote(on: F.facturaReference)
        let l = try Self.line(note, referenceDate: LocalDate(year: 2026, month: 11, day: 20))
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)07FC010000000001|26/11/2026||07|FC01|1||6|\(Self.cust)|CLIENTE DEMO S.A."
                + "|0.00|-100.00|0.00|-18.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|-118.00|PEN||20/11/2026|01|F001|123||")
    }

    @Test func voidedDocumentKeepsItsIdentityWithZeroAmounts() throws {
        let l = try Self.line(F.factura([F.line(1, 100)]), voided: true)
        #expect(l.voided)
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)01F0010000000123|26/11/2026||01|F001|123||6|\(Self.cust)|CLIENTE DEMO S.A."
                + "|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|PEN|||||||")
    }

    @Test func exportGoesToFieldFourteen() throws {
        var doc = F.factura([F.line(4, 125, .export)])
        doc.customer = DocumentCustomer(documentType: .nonDomiciled, number: "-", name: "ACME Inc.")
        let l = try Self.line(doc)
        #expect(l.text == "\(Self.ruc)|BYTEK SOLUCIONES S.A.C.|202611|\(Self.ruc)01F0010000000123|26/11/2026||01|F001|123||0|-|ACME Inc."
                + "|500.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|0.00|500.00|PEN|||||||")
    }

    @Test func exoneradoAndInafectoApart() throws {
        let l = try Self.line(F.factura([F.line(1, 100), F.line(1, 100, .onerous(.exonerado)), F.line(1, 50, .onerous(.inafecto))]))
        #expect(l.fields[13...25] == ["0.00", "100.00", "0.00", "18.00", "0.00", "100.00", "50.00", "0.00", "0.00", "0.00",
                                      "0.00", "0.00", "268.00"])
    }

    @Test func textFieldsCannotBreakTheLine() throws {
        var doc = F.factura([F.line(1, 100)])
        doc.customer.name = "PEÑA | HNOS\nS.A."
        let l = try Self.line(doc)
        #expect(l.fields.count == 34)
        #expect(l.fields[12] == "PEÑA   HNOS S.A.")
    }

    @Test func periodIsTypedAsAMonth() throws {
        #expect(try SalesRegisterPeriod.parse("2026-11") == YearMonth(year: 2026, month: 11))
        #expect(try SalesRegisterPeriod.parse("202602") == YearMonth(year: 2026, month: 2))
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "20261", "2026-11-01", "99999999999999999999"] {
            #expect(throws: SalesRegisterError.badPeriod(bad)) { try SalesRegisterPeriod.parse(bad) }
        }
        #expect(SalesRegisterError.badPeriod("2026-13").message.contains("AAAA-MM"))
        let days = SalesRegisterPeriod.days(YearMonth(year: 2028, month: 2))
        #expect(days.last.description == "2028-02-29")
    }
}
