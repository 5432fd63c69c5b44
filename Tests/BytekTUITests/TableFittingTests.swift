import BytekModel
import Foundation
import Testing
@testable import BytekTUI

/// Money columns never cut an amount, and status words are not cut inside a word.
@MainActor
@Suite struct TableFittingTests {
    static func row(_ id: Int64, _ cells: [String]) -> TableRow { TableRow(id: id, cells: cells, cursor: [.int(id)]) }

    func draw(_ t: Table, width: Int, height: Int = 8) -> String {
        WidgetFixtures.draw(width: width, height: height) { c, r in t.render(&c, in: r) }.text
    }

    /// The visible text of the cell under `title` for the line containing `key`.
    func line(_ screen: String, _ key: String) -> String {
        screen.split(separator: "\n").first { $0.contains(key) }.map(String.init) ?? ""
    }

    @Test func amountColumnGrowsToItsWidestVisibleAmount() {
        let t = Table(columns: [TableColumn("Cliente", weight: 1, minWidth: 10), .amount("Total", width: 10),
                                .words("Estado", width: 6)],
                      source: ArrayRowSource([
                          Self.row(1, ["Comercial Andina S.A.C.", "S/ 999,999,999,999.99", "aceptado"]),
                          Self.row(2, ["Panadería Ñuñoa", "US$ 5.00", "baja pendiente"]),
                      ]))
        let screen = draw(t, width: 80)
        #expect(screen.contains("S/ 999,999,999,999.99"))
        #expect(screen.contains("US$ 5.00"))
        #expect(screen.contains("aceptado"))
        #expect(screen.contains("baja pendiente"))
        #expect(!screen.contains("…"), "\(screen)")
    }

    /// Too narrow for the grouped amount: the grouping goes first, then the symbol; a digit never.
    @Test func amountsLoseGroupingThenSymbolNeverDigits() {
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 15) == "S/ 1,234,567.50")
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 14) == "S/ 1234567.50")
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 13) == "S/ 1234567.50")
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 12) == "…1234567.50")
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 10) == "1234567.50")
        #expect(TableColumn.fitAmount("S/ 1,234,567.50", 9) == "#########")
        #expect(TableColumn.fitAmount("-S/ 1,234.50", 9) == "…-1234.50")
        #expect(TableColumn.fitAmount("1,234,567.50", 11) == "1234567.50")
        #expect(TableColumn.fitAmount("-1,234,567.50", 9) == "#########")
        for width in 1...20 {
            let shown = TableColumn.fitAmount("US$ 12,345,678,901.25", width)
            #expect(SafeText.width(shown) <= width)
            let digits = shown.filter(\.isNumber)
            #expect(digits.isEmpty || digits == "1234567890125", "\(width): \(shown)")
        }
    }

    /// In a table too narrow to grow the column, the cell shows the ungrouped amount, whole.
    @Test func narrowTableShowsWholeAmounts() {
        let t = Table(columns: [TableColumn("Cliente", weight: 1, minWidth: 20), .amount("Total", width: 10)],
                      source: ArrayRowSource([Self.row(1, ["Comercial Andina S.A.C.", "S/ 12,345,678.90"])]))
        let screen = draw(t, width: 36)
        #expect(line(screen, "Comercial").contains("12345678.90"), "\(screen)")
    }

    @Test func wordsAreCutBetweenWords() {
        #expect(TableColumn.cutBetweenWords("U1 Propuesta enviada", 17) == "U1 Propuesta…")
        #expect(TableColumn.cutBetweenWords("U1 Propuesta enviada", 13) == "U1 Propuesta…")
        #expect(TableColumn.cutBetweenWords("U1 Propuesta enviada", 20) == "U1 Propuesta enviada")
        #expect(TableColumn.cutBetweenWords("rechazado", 5) == "rech…")
    }
}

/// The way a user meets it: the quote builder and Facturación at 120×40 with amounts near the limits.
@MainActor
@Suite struct AmountColumnsScreenTests {
    @Test func quoteBuilderShowsEveryDigitOfLargeAmounts() throws {
        let h = try ScreenHarness()
        try h.addCustomers(ScreenHarness.sampleCustomers)
        try h.addQuote(lines: [
            .product("Servidores para el centro de datos", quantity: 1_000, unitPrice: Money(Decimal(string: "99999999.99")!, .pen),
                     unitCost: Money(Decimal(string: "88888888.88")!, .pen)),
            .service("Soporte", quantity: 2, rate: Money(120, .pen)),
        ], terms: .cash)
        h.go(.quotes); h.keys(.enter)
        let line = try #require(h.screen.split(separator: "\n").first { $0.contains("Servidores") }.map(String.init), "\(h.screen)")
        #expect(line.contains("99,999,999.99") || line.contains("99999999.99"), "\(line)")
        #expect(line.contains("99,999,999,990.00") || line.contains("99999999990.00"), "\(line)")
        #expect(!line.contains("…9") && !line.contains("9…"), "\(line)")
        #expect(h.screen.contains("240.00"))
    }

    @Test func billingListShowsTheWholeTotal() throws {
        let h = try ScreenHarness()
        _ = try h.addFactura("Centro de datos", price: Decimal(string: "1234567890.12")!)
        h.go(.billing)
        #expect(h.screen.contains("S/ 1,456,790,110.34"), "\(h.screen)")
    }
}
