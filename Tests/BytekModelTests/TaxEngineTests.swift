import Foundation
import Testing
@testable import BytekModel

private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

/// One table row: the lines typed and the totals a buyer must read.
struct TaxCase: CustomTestStringConvertible, Sendable {
    var name: String
    var lines: [TaxLineInput]
    var global: Discount = .none
    var gravadas: String
    var exoneradas = "0"
    var inafectas = "0"
    var igv: String
    var total: String
    var globalDiscount = "0"
    var testDescription: String { name }
}

private func line(_ q: String, _ p: String, _ c: TaxCategory = .gravado, igvIncluded: Bool = false,
                  _ d: Discount = .none) -> TaxLineInput {
    TaxLineInput(quantity: dec(q), unitPrice: dec(p), category: c, priceIncludesIGV: igvIncluded, discount: d)
}

@Suite("Tax engine")
struct TaxEngineTests {
    static let cases: [TaxCase] = [
        TaxCase(name: "price without IGV", lines: [line("2", "100")], gravadas: "200", igv: "36", total: "236"),
        TaxCase(name: "price with IGV keeps the typed total", lines: [line("1", "118", igvIncluded: true)],
                gravadas: "100", igv: "18", total: "118"),
        TaxCase(name: "price with IGV that does not divide evenly", lines: [line("1", "99.90", igvIncluded: true)],
                gravadas: "84.66", igv: "15.24", total: "99.90"),
        TaxCase(name: "sum of rounded lines, not rounded sum",
                lines: [line("1", "0.333"), line("1", "0.333"), line("1", "0.333")],
                gravadas: "0.99", igv: "0.18", total: "1.17"),
        TaxCase(name: "mixed tax categories",
                lines: [line("1", "100"), line("2", "50", .exonerado), line("1", "30.5", .inafecto)],
                gravadas: "100", exoneradas: "100", inafectas: "30.50", igv: "18", total: "248.50"),
        TaxCase(name: "IGV-included flag ignored on exonerado",
                lines: [line("1", "118", .exonerado, igvIncluded: true)],
                gravadas: "0", exoneradas: "118", igv: "0", total: "118"),
        TaxCase(name: "fractional hours", lines: [line("2.5", "80.10")], gravadas: "200.25", igv: "36.05",
                total: "236.30"),
        TaxCase(name: "line discount percent", lines: [line("3", "33.33", .gravado, .percent(10))],
                gravadas: "89.99", igv: "16.20", total: "106.19"),
        TaxCase(name: "line discount amount with IGV",
                lines: [line("1", "236", .gravado, igvIncluded: true, .amount(36))],
                gravadas: "169.49", igv: "30.51", total: "200"),
        TaxCase(name: "global percent on the base before IGV",
                lines: [line("1", "100"), line("1", "50", .exonerado)], global: .percent(10),
                gravadas: "90", exoneradas: "45", igv: "16.20", total: "151.20", globalDiscount: "15"),
        TaxCase(name: "global amount spread in whole céntimos",
                lines: [line("1", "10"), line("1", "10"), line("1", "10")], global: .amount(10),
                gravadas: "20", igv: "3.60", total: "23.60", globalDiscount: "10"),
        TaxCase(name: "global and line discounts together",
                lines: [line("4", "25", .gravado, .percent(50)), line("1", "150")], global: .amount(20),
                gravadas: "180", igv: "32.40", total: "212.40", globalDiscount: "20"),
    ]

    @Test("document totals", arguments: cases)
    func totals(_ c: TaxCase) throws {
        let result = try TaxEngine.compute(c.lines, currency: .pen, globalDiscount: c.global)
        let t = result.totals
        #expect(t.gravadas.amount == dec(c.gravadas))
        #expect(t.exoneradas.amount == dec(c.exoneradas))
        #expect(t.inafectas.amount == dec(c.inafectas))
        #expect(t.igv.amount == dec(c.igv))
        #expect(t.total.amount == dec(c.total))
        #expect(t.globalDiscount.amount == dec(c.globalDiscount))
        // The totals are the sums of the rounded line figures, and every figure has 2 decimals.
        #expect(t.gravadas + t.exoneradas + t.inafectas + t.igv == t.total)
        #expect(result.lines.map(\.igv).reduce(Money.zero(.pen), +) == t.igv)
        #expect(result.lines.map(\.total).reduce(Money.zero(.pen), +) == t.total)
        for l in result.lines {
            #expect(l.base.rounded() == l.base && l.igv.rounded() == l.igv && l.total.rounded() == l.total)
            #expect(l.grossValue - l.lineDiscount - l.globalDiscount == l.base)
            #expect(l.base + l.igv == l.total)
        }
    }

    @Test func unitValueOfAnIGVIncludedPrice() throws {
        let l = try TaxEngine.line(line("1", "100", igvIncluded: true), currency: .pen)
        #expect(l.unitValue.amount == dec("84.7457627119"))
        #expect(l.unitPrice.amount == dec("100"))
    }

    @Test func globalAmountGoesFirstToTheLargestRemainder() {
        // 1.00 over weights 1:1:1 → 0.34, 0.33, 0.33 (the tie goes to the earliest line).
        #expect(TaxEngine.allocate(cents: 100, proportionalTo: [1, 1, 1]) == [34, 33, 33])
        // 0.05 over 2:1 → 3.333 and 1.667 céntimos: the larger remainder (second) gets the extra céntimo.
        #expect(TaxEngine.allocate(cents: 5, proportionalTo: [2, 1]) == [3, 2])
        #expect(TaxEngine.allocate(cents: 500, proportionalTo: [0, 0]) == [0, 0])
        // Products beyond Int64 are computed in full width.
        let big: Int64 = 4_000_000_000_000_000
        #expect(TaxEngine.allocate(cents: big, proportionalTo: [big, big, big, big]) == [big / 4, big / 4, big / 4, big / 4])
    }

    @Test func combineReplacesTheGlobalDiscount() throws {
        let inputs = [line("1", "118", igvIncluded: true), line("3", "10.01", .inafecto)]
        let discounted = try TaxEngine.compute(inputs, currency: .pen, globalDiscount: .percent(10))
        let plain = try TaxEngine.compute(inputs, currency: .pen)
        // Removing the global discount from discounted lines gives back the typed figures.
        #expect(try TaxEngine.combine(discounted.lines, currency: .pen) == plain)
        // Editing one line and combining again equals computing everything from scratch.
        var edited = discounted.lines
        let changed = line("2", "59", igvIncluded: true)
        edited[0] = try TaxEngine.line(changed, currency: .pen)
        #expect(try TaxEngine.combine(edited, currency: .pen, globalDiscount: .amount(5))
                == (try TaxEngine.compute([changed, inputs[1]], currency: .pen, globalDiscount: .amount(5))))
    }

    @Test func largeAmountsStayExact() throws {
        // Near the limits (AmountLimits: price ≤ 10¹¹, line total ≤ 10¹²) every céntimo is kept.
        let l = try TaxEngine.line(line("8", "99999999999.99"), currency: .pen)
        #expect(l.base.amount == dec("799999999999.92"))
        #expect(l.igv.amount == dec("143999999999.99"))
        #expect(l.total.amount == dec("943999999999.91"))
    }

    @Test("invalid input is refused", arguments: [
        (line("-1", "10"), TaxError.negativeQuantity(-1)),
        (line("1", "-10"), TaxError.negativePrice(-10)),
        (line("1", "10", .gravado, .percent(120)), TaxError.discountPercentOutOfRange(120)),
        (line("1", "10", .gravado, .amount(11)), TaxError.discountExceedsAmount(discount: 11, amount: 10)),
    ])
    func refused(_ input: TaxLineInput, _ error: TaxError) {
        #expect(throws: error) { try TaxEngine.compute([input], currency: .pen) }
    }

    @Test func globalDiscountLargerThanTheBaseIsRefused() {
        #expect(throws: TaxError.discountExceedsAmount(discount: 200, amount: 100)) {
            try TaxEngine.compute([line("1", "100")], currency: .pen, globalDiscount: .amount(200))
        }
    }
}
