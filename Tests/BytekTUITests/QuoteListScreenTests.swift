import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

@MainActor
@Suite struct QuoteListScreenTests {
    @Test(arguments: [(120, 40), (80, 24)])
    func listShowsStatesInTextAndColour(size: (Int, Int)) throws {
        let h = try ScreenHarness(width: size.0, height: size.1)
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let a = try h.addQuote()
        _ = try h.addQuote(terms: .cash)
        _ = try h.quotes.send(try #require(a.id), on: ScreenHarness.today)
        h.go(.quotes)
        #expect(h.screen.contains("COT-2026-00001"))
        #expect(h.screen.contains("enviada"))
        #expect(h.screen.contains("borrador"))
        assertGolden(h.app.lastFrame, "quote-list-\(size.0)x\(size.1)")
    }

    @Test func filtersByStateAndSearchesByCustomer() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        let a = try h.addQuote()
        _ = try h.quotes.send(try #require(a.id), on: ScreenHarness.today)
        _ = try h.addQuote(terms: .cash)
        h.go(.quotes)
        #expect(h.screen.contains("2 filas"))
        h.keys(.char("f"))  // borrador
        #expect(h.screen.contains("1 fila"))
        #expect(h.screen.contains("COT-2026-00002"))
        h.keys(.char("f"))  // enviada
        #expect(h.screen.contains("COT-2026-00001"))
        #expect(!h.screen.contains("COT-2026-00002"))
        h.keys(.char("f"), .char("f"), .char("f"), .char("f"))  // back to all
        h.keys(.char("/"))
        h.type("00002")
        #expect(h.screen.contains("1 fila"))
        h.keys(.escape, .char("/"))
        h.type("andina")
        #expect(h.screen.contains("2 filas"))
        h.keys(.ctrl("u"))
        h.type("titicaca")
        #expect(h.screen.contains("0 filas"))
    }
}
