import Foundation
import Testing
@testable import BytekModel

@Suite struct ProjectProfitabilityTests {
    func compute(_ i: ProfitabilityInputs) throws -> ProjectProfitability { try ProjectProfitability(i) }

    @Test func aSolesProjectAddsUpEveryFigure() throws {
        // Sold S/ 10,000; invoiced 6,000 + 1,000 (base), 7,080 + 1,180 with IGV; the first paid in full,
        // the second half paid. 40 h at S/ 50 + 10 h at S/ 80 approved; a purchase of S/ 300.
        let p = try compute(ProfitabilityInputs(
            currency: .pen, soldCents: 1_000_000,
            invoices: [InvoicedDocument(currency: .pen, baseCents: 600_000, totalCents: 708_000, collectedCents: 708_000),
                       InvoicedDocument(currency: .pen, baseCents: 100_000, totalCents: 118_000, collectedCents: 59_000)],
            approvedHours: [CostedMinutes(minutes: 2400, rateCents: 5000), CostedMinutes(minutes: 600, rateCents: 8000)],
            otherCosts: [OtherCost(currency: .pen, amountCents: 30_000)],
            quotedMinutes: 6000, usedMinutes: 3300, progress: .tasks(done: 3, total: 6)))
        #expect(p.soldCents == 1_000_000)
        #expect(p.invoicedCents == 700_000)
        #expect(p.collectedCents == 650_000, "collected without IGV: 6,000 + half of 1,000")
        #expect(p.hoursCostCents == 280_000)
        #expect(p.otherCostsCents == 30_000)
        #expect(p.totalCostCents == 310_000)
        #expect(p.marginOnInvoicedCents == 390_000)
        #expect(p.marginOnInvoicedPercent == Decimal(string: "55.7"))
        #expect(p.marginOnSoldCents == 690_000)
        #expect(p.marginOnSoldPercent == 69)
        #expect(p.burnPercent == 55)
        #expect(p.progress == Decimal(string: "0.5"))
        let f = try #require(p.forecast)
        #expect(f.minutesAtCompletion == 6600)
        // 2,800 for 3,000 approved minutes → 6,600 minutes cost 6,160; + 300 purchases.
        #expect(f.costAtCompletionCents == 646_000)
        #expect(f.marginCents == 354_000)
        #expect(f.marginPercent == Decimal(string: "35.4"))
        #expect(p.money(p.marginOnSoldCents).formatted == "S/ 6,900.00")
    }

    @Test func dollarInvoicesOfASolesProjectUseEachInvoicesOwnRate() throws {
        let p = try compute(ProfitabilityInputs(
            currency: .pen, soldCents: 700_000, projectRate: Decimal(string: "3.500"),
            invoices: [InvoicedDocument(currency: .usd, exchangeRate: Decimal(string: "3.712"), baseCents: 100_000,
                                        totalCents: 118_000, collectedCents: 118_000),
                       InvoicedDocument(currency: .usd, exchangeRate: Decimal(string: "3.805"), baseCents: 50_000,
                                        totalCents: 59_000, collectedCents: 0)],
            otherCosts: [OtherCost(currency: .usd, amountCents: 1_001, exchangeRate: Decimal(string: "3.333"))]))
        #expect(p.invoicedCents == 371_200 + 190_250, "each at its own rate, never the project's 3.500")
        #expect(p.collectedCents == 371_200)
        #expect(p.otherCostsCents == 3_336, "US$ 10.01 × 3.333 = 33.36333 → S/ 33.36")
        #expect(p.forecast == nil)
    }

    @Test func aDollarProjectConvertsSolesCostsAtTheProjectRateAndSolesInvoicesAtTheirs() throws {
        let p = try compute(ProfitabilityInputs(
            currency: .usd, soldCents: 500_000, projectRate: Decimal(string: "3.75"),
            invoices: [InvoicedDocument(currency: .pen, exchangeRate: Decimal(string: "3.70"), baseCents: 370_000,
                                        totalCents: 436_600, collectedCents: 218_300)],
            approvedHours: [CostedMinutes(minutes: 60, rateCents: 37_500)],
            otherCosts: [OtherCost(currency: .pen, amountCents: 1_000, exchangeRate: Decimal(string: "4"))],
            progress: .milestones(approvedPercent: 30)))
        #expect(p.invoicedCents == 100_000)
        #expect(p.collectedCents == 50_000)
        #expect(p.hoursCostCents == 10_000, "S/ 375 ÷ 3.75 = US$ 100")
        #expect(p.otherCostsCents == 250, "its own rate (4) before the project's")
        #expect(p.progress == Decimal(string: "0.3"))
        #expect(p.money(p.hoursCostCents).formatted == "US$ 100.00")
    }

    @Test func aMissingRateIsNamed() {
        #expect(throws: ProfitabilityError.missingRate("una factura")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0,
                invoices: [InvoicedDocument(currency: .usd, baseCents: 100, totalCents: 118)]))
        }
        #expect(throws: ProfitabilityError.missingRate("el costo de las horas")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .usd, soldCents: 0,
                approvedHours: [CostedMinutes(minutes: 60, rateCents: 100)]))
        }
        #expect(throws: ProfitabilityError.missingRate("un costo")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .usd, soldCents: 0, projectRate: 0,
                otherCosts: [OtherCost(currency: .pen, amountCents: 1)]))
        }
        #expect(ProfitabilityError.missingRate("un costo").description.contains("tipo de cambio"))
        // Nothing to convert needs no rate: a dollar project without hours or costs computes.
        #expect((try? ProjectProfitability(ProfitabilityInputs(currency: .usd, soldCents: 100))) != nil)
    }

    @Test func overflowThrowsInsteadOfWrapping() {
        #expect(throws: ProfitabilityError.overflow("lo facturado")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0, invoices: [
                InvoicedDocument(currency: .pen, baseCents: .max, totalCents: .max),
                InvoicedDocument(currency: .pen, baseCents: 1, totalCents: 1)]))
        }
        #expect(throws: ProfitabilityError.overflow("una factura")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0, invoices: [
                InvoicedDocument(currency: .usd, exchangeRate: 4, baseCents: .max / 2, totalCents: .max)]))
        }
        #expect(throws: ProfitabilityError.overflow("el costo de las horas")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0,
                approvedHours: [CostedMinutes(minutes: .max, rateCents: .max)]))
        }
        #expect(throws: ProfitabilityError.overflow("el costo total")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0,
                approvedHours: [CostedMinutes(minutes: 60, rateCents: .max)],
                otherCosts: [OtherCost(currency: .pen, amountCents: 1)]))
        }
        #expect(throws: ProfitabilityError.overflow("las horas al terminar")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 0, usedMinutes: .max,
                                                         progress: .tasks(done: 1, total: 3)))
        }
        #expect(throws: ProfitabilityError.overflow("lo vendido")) {
            try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: -1))
        }
    }

    @Test func noProgressMeansNoForecastAndNoDivisionByZero() throws {
        for progress in [WorkProgress.tasks(done: 0, total: 0), .tasks(done: 0, total: 9), .milestones(approvedPercent: 0)] {
            let p = try compute(ProfitabilityInputs(currency: .pen, soldCents: 0, usedMinutes: 600, progress: progress))
            #expect(p.forecast == nil)
            #expect(p.progress == nil)
            #expect(p.burnPercent == nil, "no hours quoted")
            #expect(p.marginOnSoldPercent == nil, "nothing sold")
            #expect(p.marginOnInvoicedPercent == nil, "nothing invoiced")
        }
    }

    @Test func progressIsCappedAtTheWholeAndForecastWithoutApprovedHoursCostsOnlyPurchases() throws {
        #expect(WorkProgress.tasks(done: 9, total: 3).fraction == 1)
        #expect(WorkProgress.milestones(approvedPercent: 130).fraction == 1)
        let p = try compute(ProfitabilityInputs(currency: .pen, soldCents: 100_000,
                                                otherCosts: [OtherCost(currency: .pen, amountCents: 20_000)],
                                                quotedMinutes: 100, usedMinutes: 250, progress: .tasks(done: 1, total: 4)))
        let f = try #require(p.forecast)
        #expect(f.minutesAtCompletion == 1000)
        #expect(f.costAtCompletionCents == 20_000)
        #expect(f.marginPercent == 80)
        #expect(p.burnPercent == 250, "over budget shows over 100 %")
    }

    @Test func creditNotesAndALossGiveNegativeMargins() throws {
        let p = try compute(ProfitabilityInputs(
            currency: .pen, soldCents: 10_000,
            invoices: [InvoicedDocument(currency: .pen, baseCents: 10_000, totalCents: 11_800, collectedCents: 20_000),
                       InvoicedDocument(currency: .pen, baseCents: -4_000, totalCents: -4_720)],
            otherCosts: [OtherCost(currency: .pen, amountCents: 9_000)]))
        #expect(p.invoicedCents == 6_000)
        #expect(p.collectedCents == 10_000, "collected never exceeds the document")
        #expect(p.marginOnInvoicedCents == -3_000)
        #expect(p.marginOnInvoicedPercent == -50)
        #expect(p.money(p.marginOnInvoicedCents).formatted == "-S/ 30.00")
    }

    @Test func roundingIsHalfAwayFromZeroPerAmount() throws {
        // 1 minute at S/ 0.01/h = 0.0001666 cents → 0; 30 minutes at S/ 0.01 → 0.5 cent → 1.
        let a = try compute(ProfitabilityInputs(currency: .pen, soldCents: 0,
                                                approvedHours: [CostedMinutes(minutes: 1, rateCents: 1)]))
        #expect(a.hoursCostCents == 0)
        let b = try compute(ProfitabilityInputs(currency: .pen, soldCents: 0,
                                                approvedHours: [CostedMinutes(minutes: 30, rateCents: 1)]))
        #expect(b.hoursCostCents == 1)
        #expect(ProjectProfitability.percent(1, of: 3) == Decimal(string: "33.3"))
        #expect(ProjectProfitability.percent(2, of: 3) == Decimal(string: "66.7"))
        #expect(ProjectProfitability.percent(-2, of: 3) == Decimal(string: "-66.7"))
    }

    @Test func barsUseEighthsAndPercentsOneDecimal() {
        #expect(ProfitabilityBar.text(Decimal(string: "0.5"), width: 8) == "████    ")
        #expect(ProfitabilityBar.text(Decimal(string: "0.0625"), width: 2) == "▏ ")
        #expect(ProfitabilityBar.text(Decimal(string: "0.99"), width: 4) == "████")
        #expect(ProfitabilityBar.text(Decimal(string: "0.3"), width: 4) == "█▎  ")
        #expect(ProfitabilityBar.text(3, width: 3) == "███", "over the whole: full")
        #expect(ProfitabilityBar.text(nil, width: 3) == "   ")
        #expect(ProfitabilityBar.text(Decimal(string: "0.0001"), width: 3) == "▏  ", "something is never drawn as nothing")
        #expect(ProfitabilityCSV.pct(75) == "75.0")
        #expect(ProfitabilityCSV.pct(Decimal(string: "-0.05")) == "-0.1")
        #expect(ProfitabilityCSV.pct(nil) == "")
        #expect(ProfitabilityCSV.hours(90) == "1.50")
    }

    @Test func rowsSayWhatIsMissingAndFlagLosses() throws {
        let p = try ProjectProfitability(ProfitabilityInputs(currency: .pen, soldCents: 10_000,
            otherCosts: [OtherCost(currency: .pen, amountCents: 12_000)], quotedMinutes: 60, usedMinutes: 90))
        let rows = Dictionary(uniqueKeysWithValues: p.rows.map { ($0.label, $0) })
        #expect(rows["Margen s/ facturado"]?.note == "nada facturado aún")
        #expect(rows["Margen s/ vendido"]?.danger == true)
        #expect(rows["Costo total"]?.note == "120.0 % de lo vendido")
        #expect(rows["Horas usadas"]?.note == "de 1.00 h cotizadas (150.0 %)")
        #expect(rows["Horas usadas"]?.danger == true)
        #expect(rows["Pronóstico"]?.value == "sin datos")
    }
}

extension ProjectProfitabilityTests {
    @Test func aCreditNoteSubtractsAtItsOwnRateAndCollectsNothing() throws {
        // US$ 1,000 at 3.800 invoiced, paid; a credit note of US$ 200 at 3.750: 3,800.00 − 750.00 = 3,050.00.
        let p = try compute(ProfitabilityInputs(
            currency: .pen, soldCents: 500_000, projectRate: Decimal(string: "3.500"),
            invoices: [InvoicedDocument(currency: .usd, exchangeRate: Decimal(string: "3.800"), baseCents: 100_000,
                                        totalCents: 118_000, collectedCents: 94_400),
                       InvoicedDocument(currency: .usd, exchangeRate: Decimal(string: "3.750"), baseCents: -20_000,
                                        totalCents: -23_600)]))
        #expect(p.invoicedCents == 305_000)
        #expect(p.collectedCents == 304_000, "1,000 × 944 ÷ 1,180 = US$ 800 at 3.800")
    }
}
