import BytekModel
import Foundation
import Testing
@testable import BytekDocuments

@Suite struct PDFLayoutTests {
    @Test func fixedColumnsKeepTheirWidthAndFlexibleShareTheRest() {
        let w = PDFTableLayout.columnWidths([.fixed(20), .flexible(1), .flexible(3), .fixed(80)], total: 500)
        #expect(w == [20, 100, 300, 80])
    }

    @Test func overflowingFixedColumnsShrinkToFit() {
        let w = PDFTableLayout.columnWidths([.fixed(300), .flexible(1), .fixed(300)], total: 300)
        #expect(w == [150, 0, 150])
        #expect(PDFTableLayout.columnOffsets([10, 20, 30], x: 5) == [5, 15, 35])
    }

    @Test func rowsBreakAcrossPagesLeavingRoomForTheHeader() {
        let plan = PDFTablePagination.paginate(rowHeights: Array(repeating: 10, count: 25), keepWithNext: [],
                                               headerHeight: 10, firstPageSpace: 60, pageSpace: 110)
        #expect(!plan.startsOnNewPage)
        #expect(plan.pages == [0..<5, 5..<15, 15..<25])
    }

    @Test func aBannerIsNeverLastOnAPage() {
        var keep = Array(repeating: false, count: 6)
        keep[4] = true
        let plan = PDFTablePagination.paginate(rowHeights: Array(repeating: 10, count: 6), keepWithNext: keep,
                                               headerHeight: 10, firstPageSpace: 60, pageSpace: 100)
        #expect(plan.pages == [0..<4, 4..<6])
    }

    @Test func noRoomForTheFirstRowStartsOnANewPage() {
        let plan = PDFTablePagination.paginate(rowHeights: [30, 30], keepWithNext: [], headerHeight: 10,
                                               firstPageSpace: 35, pageSpace: 200)
        #expect(plan.startsOnNewPage)
        #expect(plan.pages == [0..<2])
    }

    @Test func aRowTallerThanAPageGetsItsOwnPage() {
        let plan = PDFTablePagination.paginate(rowHeights: [10, 500, 10], keepWithNext: [], headerHeight: 10,
                                               firstPageSpace: 100, pageSpace: 100)
        #expect(plan.pages == [0..<1, 1..<2, 2..<3])
    }

    @Test func formats() {
        #expect(DocumentDate(year: 2026, month: 3, day: 5).formatted == "05/03/2026")
        #expect(DocumentDate(iso: "2026-02-29") == nil)
        #expect(DocumentDate(iso: "2028-02-29")?.longSpanish == "29 de febrero de 2028")
        #expect(DocumentFormat.quantity(Decimal(1250)) == "1,250")
        #expect(DocumentFormat.quantity(Decimal(string: "2.50") ?? 0) == "2.5")
        #expect(DocumentFormat.percent(Decimal(string: "12.5") ?? 0) == "12.5%")
        #expect(LineDiscount.amount(Money(minorUnits: 123450, .pen)).text == "1,234.50")
    }
}
