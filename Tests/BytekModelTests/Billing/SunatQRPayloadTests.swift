import Foundation
import Testing
@testable import BytekModel

/// The QR text printed on invoices, field by field against hand-computed figures.
@Suite struct SunatQRPayloadTests {
    typealias F = EDocumentFixtures

    @Test func facturaFieldsInSunatOrderWithTrailingPipe() throws {
        // 2 × 100.00 + 1 × 50.50 = 250.50; IGV 18% = 45.09; total 295.59.
        let doc = F.factura([F.line(2, 100), F.line(1, Decimal(string: "50.50") ?? 0)])
        let text = try SunatQRPayload.text(for: doc, digestValue: "qW3r+ty/Z9=")
        #expect(text == "\(F.issuerRUC)|01|F001|123|45.09|295.59|2026-11-26|6|\(F.customerRUC)|qW3r+ty/Z9=|")
        #expect(text.hasSuffix("|"))
        #expect(text.split(separator: "|", omittingEmptySubsequences: false).count == 11)
    }

    @Test func boletaWithExoneradoLineAndDNI() throws {
        // Exonerado: 3 × 10.00 = 30.00, no IGV; total 30.00.
        let doc = F.boleta([F.line(3, 10, .onerous(.exonerado))], customer: F.dniCustomer)
        let text = try SunatQRPayload.text(for: doc, digestValue: "abc")
        #expect(text == "\(F.issuerRUC)|03|B001|7|0.00|30.00|2026-11-26|1|45678912|abc|")
    }

    @Test func thousandsAreWrittenWithoutGroupingAndUSDFiguresAsStated() throws {
        // 1 × 1,500.00 USD; IGV 270.00; total 1,770.00.
        let doc = F.factura([F.line(1, 1500)], currency: .usd, exchangeRate: Decimal(string: "3.75"))
        let fields = try SunatQRPayload.text(for: doc, digestValue: "d").split(separator: "|").map(String.init)
        #expect(fields[4] == "270.00")
        #expect(fields[5] == "1770.00")
    }

    @Test func creditNoteUsesItsOwnKindSeriesAndNumber() throws {
        let doc = F.creditNote(on: F.facturaReference)
        let fields = try SunatQRPayload.text(for: doc, digestValue: "h").split(separator: "|").map(String.init)
        #expect(Array(fields[1...5]) == ["07", "FC01", "1", "18.00", "118.00"])
    }

    @Test func aPipeInsideAFieldCannotShiftTheOthers() throws {
        var doc = F.boleta([F.line(1, 10)], customer: F.dniCustomer)
        doc.customer.number = "4567|8912"
        let text = try SunatQRPayload.text(for: doc, digestValue: "x")
        #expect(text.split(separator: "|", omittingEmptySubsequences: false).count == 11)
        #expect(text.contains("|4567 8912|"))
    }
}
