import Foundation
import Testing
@testable import BytekModel

private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }
private func pen(_ s: String) -> Money { Money(dec(s), .pen) }
private func usd(_ s: String) -> Money { Money(dec(s), .usd) }
private let march1 = LocalDate(year: 2026, month: 3, day: 1)!

private func draft(_ lines: [QuoteLine], currency: Currency = .pen, rate: String? = nil, includeIGV: Bool = false,
                   global: Discount = .none) -> Quote {
    Quote(QuoteContent(customerId: 1, unit: .infrastructure, currency: currency, exchangeRate: rate.map(dec),
                       pricesIncludeIGV: includeIGV, issueDate: march1, globalDiscount: global, lines: lines))
}

/// A quote's lines and the figures a buyer reads.
struct QuoteCase: CustomTestStringConvertible, Sendable {
    var name: String
    var quote: Quote
    var gravadas: String
    var exoneradas = "0"
    var igv: String
    var total: String
    var oneTime: String
    var recurring = "0"
    var testDescription: String { name }
}

@Suite("Sales quotes")
struct SalesQuoteTests {
    static let cases: [QuoteCase] = [
        QuoteCase(name: "USD quote with a line priced in soles",
                  quote: draft([.product("NAS", quantity: 1, unitPrice: pen("375")),
                                .product("Cable", quantity: 2, unitPrice: usd("10"))], currency: .usd, rate: "3.75"),
                  gravadas: "120", igv: "21.60", total: "141.60", oneTime: "141.60"),
        QuoteCase(name: "PEN quote with a line priced in dollars",
                  quote: draft([.product("Router", quantity: 3, unitPrice: usd("33.33"))], rate: "3.7"),
                  gravadas: "369.96", igv: "66.59", total: "436.55", oneTime: "436.55"),
        QuoteCase(name: "product, service hours and subscription",
                  quote: draft([.product("Switch", quantity: 2, unitPrice: pen("500")),
                                .service("Instalación", quantity: dec("10.5"), rate: pen("80")),
                                .subscription("Mantenimiento", periods: 12, pricePerPeriod: pen("100"),
                                              period: .monthly)]),
                  gravadas: "3040", igv: "547.20", total: "3587.20", oneTime: "2171.20", recurring: "1416"),
        QuoteCase(name: "prices with IGV, exonerado line and global discount",
                  quote: draft([.product("Equipo", quantity: 1, unitPrice: pen("1180")),
                                .service("Curso", quantity: 1, rate: pen("200"), basis: .unit, taxCategory: .exonerado)],
                               includeIGV: true, global: .percent(10)),
                  gravadas: "900", exoneradas: "180", igv: "162", total: "1242", oneTime: "1242"),
    ]

    @Test("quote totals", arguments: cases)
    func totals(_ c: QuoteCase) throws {
        let t = try c.quote.totals()
        #expect(t.tax.gravadas.amount == dec(c.gravadas))
        #expect(t.tax.exoneradas.amount == dec(c.exoneradas))
        #expect(t.tax.igv.amount == dec(c.igv))
        #expect(t.tax.total.amount == dec(c.total))
        #expect(t.oneTime.amount == dec(c.oneTime))
        #expect(t.recurring.amount == dec(c.recurring))
        #expect(t.oneTime + t.recurring == t.tax.total)
        #expect(t.tax.total.currency == c.quote.currency)
    }

    @Test func recurringValuesCostAndMargin() throws {
        let q = draft([.product("Switch", quantity: 2, unitPrice: pen("500"), unitCost: pen("350")),
                       .service("Instalación", quantity: dec("10.5"), rate: pen("80"), unitCost: pen("40")),
                       .subscription("Soporte", periods: 4, pricePerPeriod: pen("300"), period: .quarterly)])
        let t = try q.totals()
        let sub = try #require(t.lines[2].recurring)
        #expect(sub.monthly == pen("100") && sub.monthlyWithIGV == pen("118"))
        #expect(sub.yearly == pen("1200") && sub.yearlyWithIGV == pen("1416"))
        #expect(t.recurringMonthly == pen("100"))
        #expect(t.lines[0].cost == pen("700") && t.lines[0].margin == pen("300"))
        #expect(t.lines[1].cost == pen("420") && t.lines[1].margin == pen("420"))
        #expect(t.cost == pen("1120"))
        #expect(t.margin == pen("1920"))
        #expect(t.marginPercent == dec("63.16"))
    }

    @Test func calculatorReusesLinesAndMatchesAFreshComputation() throws {
        var content = SalesQuoteTests.cases[2].quote.content
        content.globalDiscount = .amount(dec("37.5"))
        content.lines.append(.subscription("Hosting", periods: dec("1.5"), pricePerPeriod: pen("100"), period: .annual))
        var calc = QuoteCalculator()
        #expect(try calc.totals(for: content) == (try content.totals()))
        content.lines[1].quantity = dec("11.25")
        #expect(try calc.totals(for: content) == (try content.totals()))
        content.lines.remove(at: 0)
        content.globalDiscount = .percent(3)
        #expect(try calc.totals(for: content) == (try content.totals()))
        content.pricesIncludeIGV = true
        content.currency = .usd
        content.exchangeRate = dec("3.8")
        let fresh = try content.totals()
        #expect(try calc.totals(for: content) == fresh)
        #expect(fresh.tax.total.currency == .usd)
    }

    @Test func fractionalPeriodsRecurPerMonth() throws {
        // 1.5 years of hosting at 100 a year: 150 over 18 months → 8.33 a month, 100 a year.
        let q = draft([.subscription("Hosting", periods: dec("1.5"), pricePerPeriod: pen("100"), period: .annual)])
        let value = try #require(try q.totals().lines[0].recurring)
        #expect(value.monthly == pen("8.33") && value.yearly == pen("100"))
        #expect(value.monthlyWithIGV == pen("9.83") && value.yearlyWithIGV == pen("118"))
    }

    @Test func foreignLineWithoutExchangeRateIsRefused() {
        let q = draft([.product("NAS", quantity: 1, unitPrice: usd("100"))])
        #expect(throws: QuoteError.exchangeRateMissing) { try q.totals() }
    }

    @Test("milestones must add up to exactly 100", arguments: [
        (["30", "30", "30"], QuoteError.milestonesDoNotAddUp(total: 90) as QuoteError?),
        (["30", "30", "40.01"], QuoteError.milestonesDoNotAddUp(total: dec("100.01"))),
        (["50", "0", "50"], QuoteError.milestonePercentNotPositive(index: 1)),
        ([], QuoteError.milestonesDoNotAddUp(total: 0)),
        (["30", "30", "40"], nil),
        (["33.33", "33.33", "33.34"], nil),
    ])
    func milestones(_ percents: [String], _ expected: QuoteError?) {
        var q = draft([.product("App", quantity: 1, unitPrice: pen("1000"))])
        let terms = PaymentTerms.milestones(percents.enumerated().map { Milestone(name: "Hito \($0.offset + 1)", percent: dec($0.element)) })
        if let expected {
            #expect(throws: expected) { try q.setPaymentTerms(terms) }
            #expect(q.paymentTerms == .cash)
        } else {
            #expect(throws: Never.self) { try q.setPaymentTerms(terms) }
            #expect(q.paymentTerms == terms)
        }
    }

    @Test func milestoneAmountsAddUpToTheTotal() {
        let terms = PaymentTerms.milestones([Milestone(name: "A", percent: dec("33.33")),
                                             Milestone(name: "B", percent: dec("33.33")),
                                             Milestone(name: "C", percent: dec("33.34"))])
        let amounts = terms.milestoneAmounts(of: pen("1000.01"))
        #expect(amounts == [pen("333.30"), pen("333.30"), pen("333.41")])
    }

    @Test func creditDaysMustBePositive() throws {
        var q = draft([.product("App", quantity: 1, unitPrice: pen("1000"))])
        #expect(throws: QuoteError.creditDaysNotPositive(0)) { try q.setPaymentTerms(.credit(days: 0)) }
        #expect(throws: QuoteError.creditDaysNotPositive(3651)) { try q.setPaymentTerms(.credit(days: 3651)) }
        try q.setPaymentTerms(.credit(days: 3650))
        #expect(throws: Never.self) { try q.setPaymentTerms(.credit(days: 30)) }
    }

    @Test func aSentVersionNeverChanges() throws {
        var q = draft([.product("App", quantity: 1, unitPrice: pen("1000"))])
        try q.send(on: LocalDate(year: 2026, month: 3, day: 5)!)
        #expect(q.state == .sent)
        #expect(q.issueDate == LocalDate(year: 2026, month: 3, day: 5))
        let before = q
        #expect(throws: QuoteError.notEditable(.sent)) { try q.addLine(.product("X", quantity: 1, unitPrice: pen("1"))) }
        #expect(throws: QuoteError.notEditable(.sent)) { try q.edit { $0.notes = "cambio" } }
        #expect(throws: QuoteError.notEditable(.sent)) { try q.removeLine(at: 0) }
        #expect(throws: QuoteError.notEditable(.sent)) { try q.replaceLine(at: 0, with: .product("Y", quantity: 1, unitPrice: pen("2"))) }
        #expect(throws: QuoteError.notEditable(.sent)) { try q.setPaymentTerms(.credit(days: 30)) }
        #expect(throws: QuoteError.invalidTransition(from: .sent, to: .sent)) { try q.send(on: march1) }
        #expect(q == before)
        try q.accept(on: LocalDate(year: 2026, month: 3, day: 6)!)
        #expect(throws: QuoteError.notEditable(.accepted)) { try q.edit { $0.notes = "cambio" } }
    }

    @Test func newVersionCopiesAsDraft() throws {
        var q = draft([.product("App", quantity: 1, unitPrice: pen("1000"))])
        q.number = "COT-2026-00007"
        #expect(throws: QuoteError.invalidTransition(from: .draft, to: .draft)) { try q.newVersion() }
        try q.send(on: march1)
        var v2 = try q.newVersion()
        #expect(v2.number == "COT-2026-00007" && v2.version == 2 && v2.state == .draft && v2.id == nil)
        #expect(v2.content == q.content)
        try v2.addLine(.service("Soporte", quantity: 2, rate: pen("50")))
        #expect(v2.lines.count == 2 && q.lines.count == 1)
    }

    @Test func sendingValidates() {
        var empty = draft([])
        #expect(throws: QuoteError.noLines) { try empty.send(on: march1) }
        var unnamed = draft([.product(" ", quantity: 1, unitPrice: pen("1"))])
        #expect(throws: QuoteError.lineDescriptionMissing(index: 0)) { try unnamed.send(on: march1) }
        #expect(unnamed.state == .draft)
    }

    @Test func expiryAfterTheValidity() throws {
        var q = draft([.product("App", quantity: 1, unitPrice: pen("1000"))])
        #expect(q.validityDays == 15)
        #expect(!q.isDue(today: LocalDate(year: 2026, month: 12, day: 31)!))  // drafts do not expire
        try q.send(on: march1)
        #expect(q.validUntil == LocalDate(year: 2026, month: 3, day: 16))
        #expect(!q.isDue(today: LocalDate(year: 2026, month: 3, day: 16)!))
        #expect(q.isDue(today: LocalDate(year: 2026, month: 3, day: 17)!))
        var late = q
        #expect(throws: QuoteError.expired(validUntil: q.validUntil)) { try late.accept(on: LocalDate(year: 2026, month: 3, day: 17)!) }
        let changed = q.expireIfDue(today: LocalDate(year: 2026, month: 3, day: 17)!)
        #expect(changed)
        #expect(q.state == .expired)
        #expect(throws: QuoteError.invalidTransition(from: .expired, to: .rejected)) { try q.reject() }
    }

    @Test func quoteNumbers() {
        #expect(QuoteNumber.format(year: 2026, sequence: 1) == "COT-2026-00001")
        #expect(QuoteNumber.format(year: 2026, sequence: 123_456) == "COT-2026-123456")
    }

    @Test func localDates() {
        let d = LocalDate(year: 2024, month: 2, day: 28)!
        #expect(d.adding(days: 1).description == "2024-02-29")
        #expect(d.adding(days: 2).description == "2024-03-01")
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate("2026-03-07") == LocalDate(year: 2026, month: 3, day: 7))
        #expect(LocalDate(daysSinceEpoch: d.daysSinceEpoch) == d)
        // 2026-03-01 03:00 UTC is still 28 February in Lima (UTC-5).
        let instant = Date(timeIntervalSince1970: TimeInterval(march1.daysSinceEpoch * 86_400 + 3 * 3600))
        #expect(LocalDate(instant, in: TimeZone(secondsFromGMT: -5 * 3600)!) == LocalDate(year: 2026, month: 2, day: 28))
    }
}
