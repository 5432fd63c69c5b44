import Testing
@testable import BytekTUI

@MainActor
@Suite struct TableTests {
    func customerTable() -> Table {
        let t = Table(columns: WidgetFixtures.customerColumns(), source: ArrayRowSource(WidgetFixtures.customerRows()),
                      emptyMessage: "No hay clientes que coincidan con el filtro.")
        t.sortColumn = 1
        return t
    }

    @Test func customersAt120x40() {
        let t = customerTable()
        let screen = WidgetFixtures.draw(width: 120, height: 40) { c, r in t.render(&c, in: r) }
        _ = t.handle(.key(.down)); _ = t.handle(.key(.char("j")))
        let moved = WidgetFixtures.draw(width: 120, height: 40) { c, r in t.render(&c, in: r) }
        assertGolden(screen, "table_customers_120x40")
        assertGolden(moved, "table_customers_120x40_row3")
        #expect(t.selectedID == 3)
        #expect(moved.roles(row: 3).allSatisfy { $0 == .selected } == false)  // the scrollbar column is not highlighted
        #expect(moved.roles(row: 3).prefix(100).allSatisfy { $0 == .selected })
    }

    @Test func customersAt80x24Descending() {
        let t = customerTable()
        t.sortColumn = 4
        t.sortDescending = true
        t.isFocused = false
        t.footerText = "Filtro: todos"
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in t.render(&c, in: r) }
        assertGolden(screen, "table_customers_80x24")
        #expect(screen.roles(row: 1).prefix(70).allSatisfy { $0 == .selectedInactive })
        #expect(screen.roles(row: 6).contains(.dim))  // the archived row keeps its role
    }

    @Test func narrowTableDropsColumnsFromTheRight() {
        let t = customerTable()
        let screen = WidgetFixtures.draw(width: 50, height: 8) { c, r in t.render(&c, in: r) }
        assertGolden(screen, "table_customers_50x8")
        #expect(!screen.text.contains("Teléfono"))
        #expect(screen.text.contains("Razón social"))
    }

    @Test func emptyTableShowsTheScreensMessage() {
        let t = Table(columns: WidgetFixtures.customerColumns(), source: ArrayRowSource([]),
                      emptyMessage: "No hay clientes que coincidan con «nunez».")
        let screen = WidgetFixtures.draw(width: 80, height: 10) { c, r in t.render(&c, in: r) }
        assertGolden(screen, "table_empty_80x10")
        #expect(t.selectedRow == nil)
        #expect(t.positionText == "0/0")
        #expect(t.handle(.key(.down)))
    }

    @Test func scrollingLongTable() {
        let t = Table(columns: [TableColumn("N.º", width: 6, alignment: .right), TableColumn("Nombre", weight: 1)],
                      source: ArrayRowSource(WidgetFixtures.numberedRows(200_000)))
        _ = WidgetFixtures.draw(width: 80, height: 24) { c, r in t.render(&c, in: r) }
        for _ in 0..<30 { _ = t.handle(.key(.down)) }
        _ = t.handle(.key(.pageDown))
        let screen = WidgetFixtures.draw(width: 80, height: 24) { c, r in t.render(&c, in: r) }
        assertGolden(screen, "table_long_80x24")
        #expect(t.positionText == "53/200000")
    }

    @Test func positionStaysExactOverTenThousandRows() {
        let rows = WidgetFixtures.numberedRows(10_000)
        let t = Table(columns: [TableColumn("N.º", width: 6)], source: ArrayRowSource(rows))
        _ = WidgetFixtures.draw(width: 40, height: 24) { c, r in t.render(&c, in: r) }
        let page = t.pageSize
        #expect(page == 22)
        var expected = 0
        var rng = SplitMix(seed: 42)
        let keys: [Key] = [.down, .up, .pageDown, .pageUp, .char("j"), .char("k")]
        func check(_ what: String) {
            #expect(t.selectedIndex == expected, "\(what)")
            #expect(t.selectedRow?.id == rows[expected].id, "\(what)")
            #expect(t.positionText == "\(expected + 1)/10000", "\(what)")
            #expect(t.heldRows <= 3 * page + 1, "\(what): holds \(t.heldRows) rows")
        }
        for _ in 0..<3000 { _ = t.handle(.key(.down)); expected = min(expected + 1, 9999) }
        check("down ×3000")
        for _ in 0..<1000 { _ = t.handle(.key(.up)); expected = max(expected - 1, 0) }
        check("up ×1000")
        for _ in 0..<200 { _ = t.handle(.key(.pageDown)); expected = min(expected + page, 9999) }
        check("PgDn ×200")
        _ = t.handle(.key(.end)); expected = 9999
        check("End")
        for _ in 0..<25 { _ = t.handle(.key(.up)); expected -= 1 }
        check("End then up ×25")
        _ = t.handle(.key(.home)); expected = 0
        check("Home")
        _ = t.handle(.key(.char("G"))); expected = 9999
        _ = t.handle(.key(.char("g"))); expected = 0
        check("G then g")
        for step in 0..<4000 {
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            _ = t.handle(.key(key))
            switch key {
            case .down, .char("j"): expected = min(expected + 1, 9999)
            case .up, .char("k"): expected = max(expected - 1, 0)
            case .pageDown: expected = min(expected + page, 9999)
            case .pageUp: expected = max(expected - page, 0)
            default: break
            }
            if step % 97 == 0 { check("random step \(step)") }
        }
        check("random walk")
    }

    @Test func fetchesOnlyAWindowAndAtMostOncePerKey() {
        let spy = SpyRowSource(WidgetFixtures.numberedRows(10_000))
        let t = Table(columns: [TableColumn("N.º", width: 6)], source: spy)
        _ = WidgetFixtures.draw(width: 40, height: 24) { c, r in t.render(&c, in: r) }
        let page = t.pageSize
        spy.calls = 0
        var worstPerKey = 0
        for _ in 0..<1000 {
            let before = spy.calls
            _ = t.handle(.key(.down))
            worstPerKey = max(worstPerKey, spy.calls - before)
        }
        #expect(worstPerKey <= 1)
        #expect(spy.calls <= 1000 / page + 2, "fetched \(spy.calls) times for 1000 single steps (page \(page))")
        #expect(spy.calls >= 1000 / (3 * page), "suspiciously few fetches: the window must be small")
        for key: Key in [.pageDown, .pageDown, .end, .pageUp, .home, .pageDown, .char("G"), .up] {
            let before = spy.calls
            _ = t.handle(.key(key))
            #expect(spy.calls - before <= 1, "\(key) fetched \(spy.calls - before) times")
        }
        #expect(spy.largestFetch <= 3 * page)
        #expect(spy.countCalls == 1)  // only at creation: keys never count
        #expect(t.heldRows <= 3 * page + 1)
    }

    @Test func reloadKeepsTheSelectedRecord() {
        var rows = WidgetFixtures.numberedRows(500)
        let source = ArrayRowSource(rows)
        let t = Table(columns: [TableColumn("N.º", width: 6)], source: source)
        _ = WidgetFixtures.draw(width: 40, height: 24) { c, r in t.render(&c, in: r) }
        for _ in 0..<250 { _ = t.handle(.key(.down)) }
        #expect(t.selectedID == 251)
        // Another process inserts 3 rows at the top and deletes one after the selection.
        rows.insert(contentsOf: [900, 901, 902].map { TableRow(id: $0, cells: ["\($0)"], cursor: []) }, at: 0)
        rows.remove(at: 400)
        source.rows = rows
        t.reload()
        #expect(t.selectedID == 251)
        #expect(t.positionText == "254/502")
        // The selected record is deleted: the row that took its place is selected.
        source.rows.removeAll { $0.id == 251 }
        t.reload()
        #expect(t.selectedRow != nil)
        #expect(t.count == 501)
        #expect(t.selectedRow?.id == source.rows[t.selectedIndex].id)
    }

    @Test func mouseClickSelectsAndWheelScrollsThreeRows() {
        let t = Table(columns: [TableColumn("N.º", width: 6)], source: ArrayRowSource(WidgetFixtures.numberedRows(100)))
        _ = WidgetFixtures.draw(width: 40, height: 12) { c, r in t.render(&c, in: r) }
        #expect(t.handle(.mouse(MouseEvent(x: 3, y: 5, button: .left))))
        #expect(t.selectedID == 5)
        #expect(t.handle(.mouse(MouseEvent(x: 3, y: 5, button: .wheelDown))))
        #expect(t.topIndex == 3)
        #expect(t.selectedID == 5)
        _ = t.handle(.mouse(MouseEvent(x: 3, y: 5, button: .wheelDown)))
        _ = t.handle(.mouse(MouseEvent(x: 3, y: 5, button: .wheelDown)))
        #expect(t.topIndex == 9)
        #expect(t.selectedID == 10)  // dragged along to stay visible
        #expect(!t.handle(.mouse(MouseEvent(x: 60, y: 5, button: .left))))
        #expect(t.headerColumn(atX: 2, y: 0) == 0)
    }

    @Test func escapeSequencesInCellsAreShownNotSent() {
        let evil = TableRow(id: 1, cells: ["20100047218", "\u{1B}]0;pwned\u{07}Evil\u{1B}[2J SAC"], cursor: [])
        let t = Table(columns: [TableColumn("Doc", width: 11), TableColumn("Nombre", weight: 1)], source: ArrayRowSource([evil]))
        let screen = WidgetFixtures.draw(width: 60, height: 5) { c, r in t.render(&c, in: r) }
        #expect(screen.text.contains("␛]0;pwned␇Evil␛[2J SAC"))
        for cell in screen.cells {
            #expect(!cell.char.unicodeScalars.contains { $0.value < 0x20 && $0.value != 0 || $0.value == 0x7F || $0.value == 0x1B })
        }
    }
}

/// A small deterministic random generator, so a failing random walk can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
