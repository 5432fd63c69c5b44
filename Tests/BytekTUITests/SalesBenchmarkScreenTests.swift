import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekTUI

/// The benchmark's set-up and shape only: its figures are read from `bytek bench`, never asserted here.
@MainActor
@Suite struct SalesBenchmarkScreenTests {
    @Test func fillsFiveThousandOpenDealsOnceAndReturnsOrderedPercentiles() throws {
        let h = try ScreenHarness()
        let r = try SalesBenchmark.boardKeystrokes(store: h.store, keystrokes: 300)
        #expect(r.p50 > 0 && r.p50 <= r.p99)
        let deals = DealRepository(db: h.store.db, user: "admin")
        #expect(try deals.pager(DealQuery(openOnly: true)).count() == SalesBenchmark.openDeals)
        _ = try SalesBenchmark.boardKeystrokes(store: h.store, keystrokes: 10)
        #expect(try deals.pager(DealQuery().self).count() == SalesBenchmark.openDeals)
    }

    @Test func aBigColumnLoadsMoreCardsAsTheSelectionReachesItsEnd() throws {
        let h = try ScreenHarness()
        try SalesBenchmark.fill(h.store)
        h.go(.sales); h.keys(.char("u"))
        let board = try #require(h.app.stacks[.sales]?.first as? DealBoardScreen)
        // 5,000 deals over U2's 6 open stages: 834 in the first; the column reads only its first page.
        #expect(board.summaries.first?.count == 834)
        #expect(board.board.columns.first?.cards.count == DealBoardScreen.pageSize)
        #expect(board.board.columns.first?.title == "Prospecto")
        #expect(board.board.columns.first?.unloaded == 834 - DealBoardScreen.pageSize)
        for _ in 0..<45 { h.keys(.down) }
        // Walking past the first page loaded the next one (one keyset seek), in order, without repeats.
        let ids = try #require(board.board.columns.first?.cards.map(\.id))
        #expect(ids.count == 2 * DealBoardScreen.pageSize)
        #expect(ids == ids.sorted(by: >))
        #expect(board.board.selectedCard?.id == ids[45])
    }
}
