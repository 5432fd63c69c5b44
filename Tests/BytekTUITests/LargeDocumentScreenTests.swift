import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// A factura of 1,000 lines (the most a document may have) in Facturación: the pane beside the list
/// lays out only what it can show, read once per selection; the full screen shows every line.
@MainActor
@Suite struct LargeDocumentScreenTests {
    @Test func thousandLineFacturaInTheListAndInFullScreen() throws {
        let h = try ScreenHarness()
        try Self.addFactura(h, lines: 1_000)
        h.go(.billing)
        #expect(h.screen.contains("1. Visita técnica 1 "))
        #expect(!h.screen.contains("Visita técnica 1000"))
        // Keystrokes with the document selected do not re-read or re-lay it out.
        let pane = try #require(h.billingList)
        for _ in 0..<20 { h.keys(.left) }
        #expect(pane.detailLoads == 1)
        h.keys(.enter)
        h.keys(.end)
        #expect(h.screen.contains("1000. Visita técnica 1000 "), "\(h.screen)")
    }

    /// The head of the document (forma de pago, cuotas, detracción) is read without decoding its lines.
    @Test func creditFacturaWithDetraccionShowsItsHead() throws {
        let h = try ScreenHarness()
        let due = [LocalDate(year: 2026, month: 12, day: 18)!, LocalDate(year: 2027, month: 1, day: 18)!]
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: ScreenHarness.fixedNow,
                            issuer: ScreenHarness.issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Comercial Andina S.A.C."),
                            lines: [EDocumentLine(description: "Implementación", quantity: 1, unit: .service, unitPrice: 1_000,
                                                  itemKind: .service)],
                            paymentForm: .credito(due.map { Installment(amount: Decimal(string: "519.20")!, dueDate: $0) }),
                            detraccion: Detraccion(account: "00-000-123456"))
        try h.edocs.issue(doc) { d in
            PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "hash", fileName: d.fileName)
        }
        h.go(.billing)
        #expect(h.screen.contains("Crédito en 2 cuota(s)"), "\(h.screen)")
        #expect(h.screen.contains("cód. 037, 12% = S/") && h.screen.contains("141.60, cta."))
        #expect(h.screen.contains("2. 18/01/2027 S/ 519.20"))
    }

    /// On a very tall terminal the pane shows its hundred lines and says how many more there are.
    @Test func paneListsTheFirstLinesAndSaysHowManyMore() throws {
        let h = try ScreenHarness(width: 120, height: 260)
        try Self.addFactura(h, lines: 250)
        h.go(.billing)
        #expect(h.screen.contains("100. Visita técnica 100 "))
        #expect(!h.screen.contains("101. Visita técnica 101 "))
        #expect(h.screen.contains("… y 150 líneas más"))
    }

    static func addFactura(_ h: ScreenHarness, lines count: Int) throws {
        let lines = (1...count).map { i in
            EDocumentLine(description: "Visita técnica \(i)", quantity: 1, unit: .service, unitPrice: Decimal(100 + i), itemKind: .service)
        }
        let doc = EDocument(kind: .factura, series: try Series("F001", for: .factura), number: 1, issuedAt: ScreenHarness.fixedNow,
                            issuer: ScreenHarness.issuer,
                            customer: DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Comercial Andina S.A.C."),
                            lines: lines)
        try h.edocs.issue(doc) { d in
            PreparedEDocument(signedXML: Array("<Invoice/>".utf8), zip: Data([0x50, 0x4b]), digestValue: "hash", fileName: d.fileName)
        }
    }
}
