import Foundation
import Testing
@testable import BytekModel

private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

private func input(_ q: String, _ p: String, _ c: TaxCategory = .gravado, igvIncluded: Bool = false) -> TaxLineInput {
    TaxLineInput(quantity: dec(q), unitPrice: dec(p), category: c, priceIncludesIGV: igvIncluded)
}

/// The limits of `AmountLimits`, at them and just beyond, through the engine, the quote calculator
/// and the document validation: every figure beyond them throws a sentence naming the field, never traps.
@Suite("Amount limits")
struct AmountLimitsTests {
    @Test func quantityAtTheLimitAndBeyond() throws {
        try AmountLimits.checkQuantity(dec("1000000000"))
        try AmountLimits.checkQuantity(dec("0.0000000001"))
        #expect(throws: AmountLimitError.tooLarge(.quantity, max: AmountLimits.maxQuantity)) {
            try AmountLimits.checkQuantity(dec("1000000000.0000000001"))
        }
        #expect(throws: AmountLimitError.tooManyDecimals(.quantity, max: 10)) {
            try AmountLimits.checkQuantity(dec("1.00000000001"))
        }
        // Trailing zeros are not decimals.
        try AmountLimits.checkQuantity(dec("2.500000000000000"))
        #expect(throws: AmountLimitError.notANumber(.quantity)) { try AmountLimits.checkQuantity(.nan) }
    }

    @Test func unitPriceAtTheLimitAndBeyond() throws {
        try AmountLimits.checkUnitPrice(dec("100000000000"))
        try AmountLimits.checkUnitPrice(dec("0.1234567891"))
        #expect(throws: AmountLimitError.tooLarge(.unitPrice, max: AmountLimits.maxUnitPrice)) {
            try AmountLimits.checkUnitPrice(dec("100000000000.01"))
        }
        #expect(throws: AmountLimitError.tooManyDecimals(.unitCost, max: 10)) {
            try AmountLimits.checkUnitPrice(dec("0.12345678912"), field: .unitCost)
        }
    }

    @Test func twentyDigitsThrowInsteadOfTrappingOrGivingZero() {
        // Before the limits: 10²⁰ × 10²⁰ overflowed Decimal into NaN, which became a S/ 0.00 line,
        // and 10¹⁵ × 10⁶ trapped in igvOf.
        for (q, p) in [("99999999999999999999", "99999999999999999999"), ("1000000000000000", "1000000"),
                       ("1", "99999999999999999999")] {
            #expect(throws: TaxError.self) { try TaxEngine.compute([input(q, p)], currency: .pen) }
        }
    }

    @Test func lineTotalAtTheLimitAndBeyond() throws {
        // A price with IGV: the typed figures are the total, exactly 10¹².
        let at = try TaxEngine.compute([input("1000000000", "1000", igvIncluded: true)], currency: .pen)
        #expect(at.totals.total.amount == dec("1000000000000"))
        #expect(throws: TaxError.limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount))) {
            try TaxEngine.compute([input("1000000000", "1000.01", igvIncluded: true)], currency: .pen)
        }
        // Without IGV in the price, the base 10¹² plus 18 % is beyond the limit.
        #expect(throws: TaxError.limit(.tooLarge(.lineAmount, max: AmountLimits.maxAmount))) {
            try TaxEngine.compute([input("1000000000", "1000")], currency: .pen)
        }
        let exonerado = try TaxEngine.compute([input("1000000000", "1000", .exonerado)], currency: .pen)
        #expect(exonerado.totals.total.amount == dec("1000000000000"))
    }

    @Test func documentTotalAndLineCount() throws {
        let half = input("1000000000", "500", .inafecto)
        #expect(try TaxEngine.compute([half, half], currency: .usd).totals.total.amount == dec("1000000000000"))
        #expect(throws: TaxError.limit(.tooLarge(.documentTotal, max: AmountLimits.maxAmount))) {
            try TaxEngine.compute([half, half, input("1", "0.01", .inafecto)], currency: .usd)
        }
        let many = Array(repeating: input("1", "1"), count: 1000)
        #expect(try TaxEngine.compute(many, currency: .pen).lines.count == 1000)
        #expect(throws: TaxError.limit(.tooManyLines(count: 1001, max: 1000))) {
            try TaxEngine.compute(many + [input("1", "1")], currency: .pen)
        }
    }

    @Test func handBuiltLinesBeyondInt64ThrowInTheSums() throws {
        var l = try TaxEngine.line(input("1", "1"), currency: .pen)
        l.baseCents = Int64.max / 2 + 1
        l.grossValueCents = l.baseCents
        #expect(throws: TaxError.self) { try TaxEngine.totals(of: [l, l], currency: .pen) }
        #expect(throws: TaxError.self) { try TaxEngine.igvOf(Int64.max / 10) }
        #expect(throws: TaxError.self) { try TaxEngine.cents(.nan) }
    }

    @Test func quoteCostBeyondTheLimitIsAQuoteError() throws {
        var content = QuoteContent(unit: .infrastructure, currency: .pen, issueDate: IssueDateRuleTests.today)
        content.lines = [QuoteLine.product("Servidor", quantity: 2, unitPrice: Money(dec("100"), .pen),
                                  unitCost: Money(dec("100000000000.01"), .pen))]
        #expect(throws: QuoteError.tax(.limit(.tooLarge(.unitCost, max: AmountLimits.maxUnitPrice)))) {
            try content.totals()
        }
        content.lines[0].unitCost = Money(dec("1000"), .pen)
        content.lines[0].quantity = dec("99999999999999999999")
        #expect(throws: QuoteError.tax(.limit(.tooLarge(.quantity, max: AmountLimits.maxQuantity)))) { try content.totals() }
    }

    @Test func documentLinesNameTheirNumberAndField() throws {
        let ok = EDocumentFixtures.line(1, 100)
        let doc = EDocumentFixtures.factura([ok, EDocumentFixtures.line(1, dec("100000000000.5"))])
        #expect(throws: EDocumentError.lineLimit(line: 2, .tooLarge(.unitPrice, max: AmountLimits.maxUnitPrice))) {
            try doc.validate()
        }
        let message = EDocumentError.lineLimit(line: 2, .tooLarge(.unitPrice, max: AmountLimits.maxUnitPrice)).message
        #expect(message == "Línea 2: El precio unitario supera el máximo permitido (100,000,000,000); escriba un valor menor.")
        let product = EDocumentFixtures.factura([EDocumentFixtures.line(dec("1000000000"), dec("1000.5"), .onerous(.exonerado))])
        #expect(throws: EDocumentError.lineLimit(line: 1, .tooLarge(.lineAmount, max: AmountLimits.maxAmount))) {
            try product.validate()
        }
        let lines = EDocumentFixtures.factura(Array(repeating: ok, count: 1001))
        #expect(throws: EDocumentError.limit(.tooManyLines(count: 1001, max: 1000))) { try lines.validate() }
    }

    @Test func exchangeRate() throws {
        try AmountLimits.checkExchangeRate(dec("3.756"), confirmed: false)
        try AmountLimits.checkExchangeRate(dec("2.5"), confirmed: false)
        try AmountLimits.checkExchangeRate(dec("6"), confirmed: false)
        #expect(throws: AmountLimitError.tooManyDecimals(.exchangeRate, max: 3)) {
            try AmountLimits.checkExchangeRate(dec("3.7561"), confirmed: true)
        }
        #expect(throws: AmountLimitError.exchangeRateNotPositive) { try AmountLimits.checkExchangeRate(0, confirmed: true) }
        #expect(throws: AmountLimitError.exchangeRateNotPositive) { try AmountLimits.checkExchangeRate(-3, confirmed: true) }
        #expect(throws: AmountLimitError.exchangeRateOutsideBand(dec("37.5"))) {
            try AmountLimits.checkExchangeRate(dec("37.5"), confirmed: false)
        }
        #expect(throws: AmountLimitError.exchangeRateOutsideBand(dec("2.499"))) {
            try AmountLimits.checkExchangeRate(dec("2.499"), confirmed: false)
        }
        try AmountLimits.checkExchangeRate(dec("37.5"), confirmed: true)
        // A document keeps the hard rules: positive, 3 decimals.
        let usd = EDocumentFixtures.factura([EDocumentFixtures.line(1, 100)], currency: .usd, exchangeRate: dec("3.75012"))
        #expect(throws: EDocumentError.limit(.tooManyDecimals(.exchangeRate, max: 3))) { try usd.validate() }
    }

    @Test func moneyParsingStopsAtTheLimit() throws {
        #expect(try Money.parse("1,000,000,000,000.00", currency: .pen).amount == AmountLimits.maxAmount)
        #expect(throws: MoneyError.outOfRange) { try Money.parse("1000000000000.01", currency: .pen) }
        // A unit price at its limit with SUNAT's 10 decimals is 23 digits: read exactly.
        let price = try Money.parse("99,999,999,999.1234567891", currency: .usd, maxFractionDigits: 10)
        #expect(price.amount == dec("99999999999.1234567891"))
        try AmountLimits.checkUnitPrice(price.amount)
    }
}

@Suite("Issue dates")
struct IssueDateRuleTests {
    static let today = LocalDate(year: 2026, month: 12, day: 3)!

    @Test func todayAndSUNATsWindowOnly() throws {
        for kind in [DocumentKind.factura, .boleta, .notaCredito, .notaDebito] {
            try IssueDateRule.check(Self.today, kind: kind, today: Self.today)
            try IssueDateRule.check(Self.today.adding(days: -3), kind: kind, today: Self.today)
            #expect(throws: IssueDateError.tooOld(issueDate: Self.today.adding(days: -4),
                                                  firstAllowed: Self.today.adding(days: -3), days: 3)) {
                try IssueDateRule.check(Self.today.adding(days: -4), kind: kind, today: Self.today)
            }
            #expect(throws: IssueDateError.future(issueDate: Self.today.adding(days: 1), today: Self.today)) {
                try IssueDateRule.check(Self.today.adding(days: 1), kind: kind, today: Self.today)
            }
        }
        for year in [2020, 2030] {
            #expect(throws: IssueDateError.self) {
                try IssueDateRule.check(LocalDate(year: year, month: 12, day: 3)!, kind: .factura, today: Self.today)
            }
        }
    }

    @Test func numbersStayInDateOrderWithinASeries() throws {
        let yesterday = Self.today.adding(days: -1)
        try IssueDateRule.check(yesterday, kind: .factura, today: Self.today, lastInSeries: yesterday, series: "F001")
        #expect(throws: IssueDateError.beforeLastInSeries(issueDate: yesterday, last: Self.today, series: "F001")) {
            try IssueDateRule.check(yesterday, kind: .factura, today: Self.today, lastInSeries: Self.today, series: "F001")
        }
        let message = IssueDateError.beforeLastInSeries(issueDate: yesterday, last: Self.today, series: "F001").message
        #expect(message.contains("02/12/2026") && message.contains("03/12/2026") && message.contains("F001"))
    }

    @Test func anyTimeZoneBecomesTheDayInLima() throws {
        let now = LimaTime.instant(Self.today, hour: 9, minute: 41, second: 7)
        func day(_ text: String) -> String? { LimaTime.parse(text, now: now).map { LimaTime.date($0).description } }
        #expect(day("2026-12-03T23:30:00-05:00") == "2026-12-03")
        #expect(day("2026-12-04T03:00:00Z") == "2026-12-03")
        #expect(day("2026-12-04T04:59:59.999Z") == "2026-12-03")
        #expect(day("2026-12-04T05:00:00Z") == "2026-12-04")
        #expect(day("2026-12-04T01:00:00+09:00") == "2026-12-03")
        #expect(day("2026-12-04T01:00:00+0900") == "2026-12-03")
        #expect(day("2026-12-03") == "2026-12-03")
        #expect(LimaTime.parse("2026-12-03", now: now).map(LimaTime.time) == "09:41:07")
        for bad in ["2026-13-01", "2026-12-03T25:00:00Z", "2026-12-03T10:00:00", "2026-12-03T10:00:00+5", "ayer", ""] {
            #expect(LimaTime.parse(bad, now: now) == nil, "\(bad)")
        }
    }
}

@Suite("Credit limits of notes")
struct CreditLimitTests {
    static let original = EDocumentFixtures.factura([
        EDocumentFixtures.line(10, 100, description: "Switch"), EDocumentFixtures.line(2, 50, description: "Cable"),
    ])  // 1,100.00 + IGV = 1,298.00

    static func note(_ lines: [EDocumentLine], reason: CreditNoteReason = .descuentoGlobal,
                     currency: Currency = .pen) -> EDocument {
        var n = EDocumentFixtures.creditNote(on: EDocumentFixtures.facturaReference, reason: reason)
        n.lines = lines
        n.currency = currency
        return n
    }

    @Test func totalOfAllNotesStaysWithinTheDocument() throws {
        let first = Self.note([EDocumentFixtures.line(1, 1000)])  // 1,180.00
        try CreditLimit.check(note: first, original: Self.original, previous: [])
        let rest = Self.note([EDocumentFixtures.line(1, 100)])  // 118.00: exactly what is left
        try CreditLimit.check(note: rest, original: Self.original, previous: [first])
        let oneMore = Self.note([EDocumentFixtures.line(1, dec("100.01"))])
        #expect(throws: NoteLimitError.exceedsCreditable(document: "F001-123", remaining: Money(dec("118"), .pen),
                                                         requested: Money(dec("118.01"), .pen))) {
            try CreditLimit.check(note: oneMore, original: Self.original, previous: [first])
        }
        // A second whole anulación of an already annulled document is refused.
        let whole = Self.note(Self.original.lines, reason: .anulacion)
        try CreditLimit.check(note: whole, original: Self.original, previous: [])
        #expect(throws: NoteLimitError.self) { try CreditLimit.check(note: whole, original: Self.original, previous: [whole]) }
    }

    @Test func theNoteIsInTheDocumentsCurrency() {
        #expect(throws: NoteLimitError.currencyMismatch(note: .usd, document: .pen)) {
            try CreditLimit.check(note: Self.note([EDocumentFixtures.line(1, 1)], currency: .usd), original: Self.original,
                                  previous: [])
        }
    }

    @Test func returnsByItemStayWithinEachLine() throws {
        let three = Self.note([EDocumentFixtures.line(3, 100, description: "Switch")], reason: .devolucionPorItem)
        try CreditLimit.check(note: three, original: Self.original, previous: [])
        let eight = Self.note([EDocumentFixtures.line(8, 100, description: "Switch")], reason: .devolucionPorItem)
        #expect(throws: NoteLimitError.lineExceedsQuantity(line: 1, remaining: 7, requested: 8)) {
            try CreditLimit.check(note: eight, original: Self.original, previous: [three])
        }
        // The same line twice in one note counts twice.
        let twice = Self.note([EDocumentFixtures.line(4, 100, description: "Switch"),
                               EDocumentFixtures.line(4, 100, description: "switch ")], reason: .devolucionPorItem)
        #expect(throws: NoteLimitError.lineExceedsQuantity(line: 2, remaining: 3, requested: 4)) {
            try CreditLimit.check(note: twice, original: Self.original, previous: [three])
        }
    }
}
