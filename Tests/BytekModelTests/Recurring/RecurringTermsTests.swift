import BytekModel
import Foundation
import Testing

/// The billing schedule of a subscription, checked against figures worked out by hand.
@Suite struct RecurringTermsTests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }
    static func pen(_ s: String) -> Money { Money(Decimal(string: s)!, .pen) }
    static func usd(_ s: String) -> Money { Money(Decimal(string: s)!, .usd) }

    @Test func monthlyInAdvanceProratesTheFirstPartialMonth() throws {
        let t = RecurringTerms(billingDay: 1, timing: .advance, period: .monthly, startDate: Self.d("2026-03-10"),
                               price: Self.pen("100.00"))
        // Nothing before the start date.
        #expect(try t.dueCharges(upTo: Self.d("2026-03-09")).isEmpty)
        let first = try t.dueCharges(upTo: Self.d("2026-03-10"))
        // March: 31 days, billable 10…31 = 22; 100 × 22 ÷ 31 = 70.9677… → 70.97.
        #expect(first.map(\.amount) == [Self.pen("70.97")])
        #expect(first[0].start == Self.d("2026-03-01") && first[0].end == Self.d("2026-04-01"))
        #expect(first[0].billedDays == 22 && first[0].periodDays == 31)
        // Up to 1 May: March (prorated), April and May whole.
        let three = try t.dueCharges(upTo: Self.d("2026-05-01"))
        #expect(three.map(\.amount) == [Self.pen("70.97"), Self.pen("100.00"), Self.pen("100.00")])
        // What is billed already is not due again.
        let rest = try t.dueCharges(upTo: Self.d("2026-05-01"), billed: [Self.d("2026-03-01"), Self.d("2026-04-01")])
        #expect(rest.map(\.start) == [Self.d("2026-05-01")])
    }

    @Test func arrearsBillsTheDayAfterThePeriod() throws {
        let t = RecurringTerms(billingDay: 1, timing: .arrears, period: .monthly, startDate: Self.d("2026-03-10"),
                               price: Self.pen("100.00"))
        #expect(try t.dueCharges(upTo: Self.d("2026-03-31")).isEmpty)
        #expect(try t.dueCharges(upTo: Self.d("2026-04-01")).map(\.amount) == [Self.pen("70.97")])
    }

    @Test func quarterlyOnThe15thStoppedMidPeriod() throws {
        var t = RecurringTerms(billingDay: 15, timing: .advance, period: .quarterly, startDate: Self.d("2026-01-15"),
                               price: Self.pen("300.00"))
        // Stopped with 14 May as the last day billed.
        t.endsOn = Self.d("2026-05-15")
        let charges = try t.dueCharges(upTo: Self.d("2026-12-31"))
        // Q1: 15 Jan…14 Apr = 17 + 28 + 31 + 14 = 90 days, whole: 300.00.
        // Q2: 15 Apr…14 Jul = 16 + 31 + 30 + 14 = 91 days; billable 15 Apr…14 May = 30; 300 × 30 ÷ 91 = 98.901… → 98.90.
        #expect(charges.map(\.periodDays) == [90, 91])
        #expect(charges.map(\.billedDays) == [90, 30])
        #expect(charges.map(\.amount) == [Self.pen("300.00"), Self.pen("98.90")])
    }

    @Test func yearlyInDollars() throws {
        let t = RecurringTerms(billingDay: 1, timing: .advance, period: .annual, startDate: Self.d("2026-02-01"),
                               price: Self.usd("1200.00"))
        #expect(try t.dueCharges(upTo: Self.d("2027-01-31")).map(\.amount) == [Self.usd("1200.00")])
        #expect(try t.dueCharges(upTo: Self.d("2027-02-01")).count == 2)
    }

    @Test func aPriceChangeCountsFromTheNextPeriod() throws {
        var t = RecurringTerms(billingDay: 1, timing: .advance, period: .monthly, startDate: Self.d("2026-01-01"),
                               price: Self.pen("100.00"))
        let from = t.nextPeriodStart(after: Self.d("2026-02-10"))
        #expect(from == Self.d("2026-03-01"))
        t.priceChanges = [PriceChange(effectiveFrom: from, price: Self.pen("120.00"))]
        #expect(try t.dueCharges(upTo: Self.d("2026-04-01")).map(\.amount)
                == [Self.pen("100.00"), Self.pen("100.00"), Self.pen("120.00"), Self.pen("120.00")])
    }

    @Test func pausedDaysAreNotBilledAndResumeIsProrated() throws {
        let t = RecurringTerms(billingDay: 1, timing: .arrears, period: .monthly, startDate: Self.d("2026-01-01"),
                               price: Self.pen("310.00"),
                               pauses: [PauseSpan(from: Self.d("2026-04-10"), resumedOn: Self.d("2026-06-16"))])
        let charges = try t.dueCharges(upTo: Self.d("2026-08-01"))
        // Jan, Feb, Mar whole; April: 1…9 = 9 of 30 → 310 × 9 ÷ 30 = 93.00; May wholly paused: not billed;
        // June: 16…30 = 15 of 30 → 155.00; July whole.
        #expect(charges.map(\.start.month) == [1, 2, 3, 4, 6, 7])
        #expect(charges.map(\.amount) == [Self.pen("310.00"), Self.pen("310.00"), Self.pen("310.00"), Self.pen("93.00"),
                                          Self.pen("155.00"), Self.pen("310.00")])
        // Still paused (no resume): nothing after the pause.
        let open = RecurringTerms(billingDay: 1, timing: .advance, period: .monthly, startDate: Self.d("2026-01-01"),
                                  price: Self.pen("310.00"), pauses: [PauseSpan(from: Self.d("2026-03-01"))])
        #expect(open.isPaused)
        #expect(try open.dueCharges(upTo: Self.d("2026-12-01")).count == 2)
    }

    @Test func cancellationAtPeriodEndBillsTheCurrentPeriodWhole() throws {
        var t = RecurringTerms(billingDay: 1, timing: .advance, period: .monthly, startDate: Self.d("2026-01-01"),
                               price: Self.pen("50.00"))
        t.endsOn = t.nextPeriodStart(after: Self.d("2026-03-05"))
        #expect(t.endsOn == Self.d("2026-04-01"))
        #expect(try t.dueCharges(upTo: Self.d("2026-12-31")).map(\.amount) == [Self.pen("50.00"), Self.pen("50.00"), Self.pen("50.00")])
    }

    @Test func billingDay28AcrossFebruaryAndALeapYear() throws {
        let t = RecurringTerms(billingDay: 28, timing: .arrears, period: .monthly, startDate: Self.d("2028-01-28"),
                               price: Self.pen("290.00"))
        let c = try t.dueCharges(upTo: Self.d("2028-03-28"))
        // 28 Jan…27 Feb 2028 = 31 days; 28 Feb…27 Mar 2028 (29 February included) = 29 days; both whole.
        #expect(c.map(\.periodDays) == [31, 29])
        #expect(c.map(\.dueOn) == [Self.d("2028-02-28"), Self.d("2028-03-28")])
        #expect(c.map(\.amount) == [Self.pen("290.00"), Self.pen("290.00")])
        // A change typed before the start counts from the second period.
        #expect(t.nextPeriodStart(after: Self.d("2028-01-01")) == Self.d("2028-02-28"))
    }

    @Test func prorationRoundsHalfAwayFromZeroAndRefusesHugeAmounts() throws {
        // 0.15 × 1 ÷ 2 = 0.075 → 0.08.
        #expect(try RecurringTerms.prorate(Self.pen("0.15"), days: 1, of: 2) == Self.pen("0.08"))
        #expect(throws: MoneyError.outOfRange) {
            try RecurringTerms.prorate(Money(Decimal(string: "99999999999999999999")!, .pen), days: 1, of: 2)
        }
    }
}

/// Grouping into documents, the line's words, the dollar conversion and the detracción of a document.
@Suite struct RecurringInvoicingTests {
    static let issuer = Issuer(ruc: "20123456786", legalName: "BYTEK S.A.C.",
                               address: FiscalAddress(ubigeo: "150122", line: "Av. Larco 1232", district: "Miraflores",
                                                      province: "Lima", department: "Lima"))

    static func item(_ sub: Int64, customer: Int64, day: Int = 1, price: Money, bill: Currency? = nil,
                     start: String = "2026-12-01") -> RecurringItem {
        let s = LocalDate(start)!
        let charge = PeriodCharge(index: 0, start: s, end: s.adding(days: 31), dueOn: s, billedDays: 31, periodDays: 31,
                                  fullPrice: price, amount: price)
        return RecurringItem(subscriptionId: sub, customerId: customer, description: "Hosting Pro", taxCategory: .gravado,
                             billCurrency: bill ?? price.currency, billingDay: day, period: .monthly, charge: charge)
    }

    @Test func oneDocumentPerCustomerDayCurrencyKindAndSeries() {
        let items = [Self.item(1, customer: 10, price: RecurringTermsTests.pen("100")),
                     Self.item(2, customer: 10, price: RecurringTermsTests.pen("50")),
                     Self.item(3, customer: 10, day: 15, price: RecurringTermsTests.pen("70")),
                     Self.item(4, customer: 10, price: RecurringTermsTests.usd("30")),
                     Self.item(5, customer: 11, price: RecurringTermsTests.pen("20"))]
        let groups = RecurringInvoicing.group(items) { $0 == 10 ? (.factura, "F001") : (.boleta, "B001") }
        #expect(groups.map { $0.items.map(\.subscriptionId) } == [[1, 2], [4], [3], [5]])
        #expect(groups.map(\.key.series) == ["F001", "F001", "F001", "B001"])
    }

    @Test func lineSaysThePeriod() {
        #expect(Self.item(1, customer: 1, price: RecurringTermsTests.pen("1")).lineDescription == "Hosting Pro — dic 2026")
    }

    @Test func dollarsBilledInSolesUseTheRateAndNeedIt() throws {
        let i = Self.item(1, customer: 1, price: RecurringTermsTests.usd("100.00"), bill: .pen)
        // 100.00 × 3.752 = 375.20.
        #expect(try i.billedAmount(rate: Decimal(string: "3.752")) == RecurringTermsTests.pen("375.20"))
        #expect(throws: RecurringError.rateMissing) { try i.billedAmount(rate: nil) }
    }

    @Test func detraccionOverSevenHundredSoles() throws {
        let series = try Series("F001", for: .factura)
        let customer = DocumentCustomer(documentType: .ruc, number: "20100047218", name: "Cliente A S.A.C.")
        // 600 + 18 % = 708.00 > 700: detracción; 500 + 18 % = 590.00: none.
        let big = try RecurringInvoicing.document(items: [Self.item(1, customer: 1, price: RecurringTermsTests.pen("600"))],
                                                  currency: .pen, customer: customer, issuer: Self.issuer, series: series,
                                                  issuedAt: Date(timeIntervalSince1970: 1_796_000_000), rate: nil,
                                                  detraccionAccount: "00-000-123456")
        #expect(big.detraccion?.account == "00-000-123456")
        #expect(try big.amounts().total == RecurringTermsTests.pen("708.00"))
        let small = try RecurringInvoicing.document(items: [Self.item(1, customer: 1, price: RecurringTermsTests.pen("500"))],
                                                    currency: .pen, customer: customer, issuer: Self.issuer, series: series,
                                                    issuedAt: Date(timeIntervalSince1970: 1_796_000_000), rate: nil,
                                                    detraccionAccount: "00-000-123456")
        #expect(small.detraccion == nil)
    }
}
