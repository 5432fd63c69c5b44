import Foundation
import Testing
@testable import BytekModel

@Suite("Sales pipelines and deals")
struct SalesPipelineTests {
    static let t0 = Date(timeIntervalSince1970: 1_772_000_000)
    static func day(_ n: Double) -> Date { t0.addingTimeInterval(n * 86_400) }

    /// A pipeline with ids, as the store hands it back.
    static func stored(_ unit: BusinessUnit) -> Pipeline {
        var p = Pipeline.defaultPipeline(for: unit)
        for i in p.stages.indices { p.stages[i].id = Int64(i + 1) }
        return p
    }

    @Test("default pipelines", arguments: [
        (BusinessUnit.digital, ["Nuevo", "Contactado", "Propuesta enviada", "Ganado", "Perdido"]),
        (.software, ["Prospecto", "Reunión de descubrimiento", "Análisis", "Cotización", "Negociación", "Contrato",
                     "Ganado", "Perdido"]),
        (.infrastructure, ["Prospecto", "Visita técnica (levantamiento)", "Cotización", "Negociación", "Ganado",
                           "Perdido"]),
    ])
    func defaults(_ unit: BusinessUnit, _ names: [String]) throws {
        let p = Pipeline.defaultPipeline(for: unit)
        #expect(p.stages.map(\.name) == names)
        try p.validate()
        let open = p.stages.filter { $0.kind == .open }
        #expect(open.map(\.probability) == open.map(\.probability).sorted())
        #expect(p.wonStage?.probability == 100 && p.lostStage?.probability == 0)
        #expect(open.allSatisfy { $0.expectedDays > 0 })
    }

    @Test func u1CountsInDaysAndU2InWeeks() {
        let u1 = Pipeline.defaultPipeline(for: .digital).stages.filter { $0.kind == .open }
        let u2 = Pipeline.defaultPipeline(for: .software).stages.filter { $0.kind == .open }
        #expect(u1.reduce(0) { $0 + $1.expectedDays } <= 7)
        #expect(u2.allSatisfy { $0.expectedDays % 7 == 0 })
    }

    @Test func pipelineWithoutLostStageIsInvalid() {
        var p = Pipeline.defaultPipeline(for: .digital)
        p.stages.removeLast()
        #expect(throws: PipelineError.needsWonAndLostStage) { try p.validate() }
    }

    @Test func movingAndLosing() throws {
        let p = Self.stored(.digital)
        var deal = Deal(title: "Landing", leadId: 1, unit: .digital, stageId: 1, owner: "ana",
                        estimatedValue: Money(1500, .pen), stageEnteredAt: Self.t0)
        try deal.move(to: p.stages[1], at: Self.day(1))
        #expect(deal.stageId == 2 && deal.stageEnteredAt == Self.day(1))
        let lost = try #require(p.lostStage)
        #expect(throws: PipelineError.lostReasonRequired) { try deal.move(to: lost, at: Self.day(2)) }
        #expect(throws: PipelineError.lostReasonRequired) { try deal.move(to: lost, at: Self.day(2), lostReason: "  ") }
        #expect(deal.stageId == 2)
        try deal.move(to: lost, at: Self.day(2), lostReason: "Precio")
        #expect(deal.stageId == lost.id && deal.lostReason == "Precio")
        try deal.move(to: p.stages[0], at: Self.day(3))
        #expect(deal.lostReason == nil)
        var retired = p.stages[2]
        retired.active = false
        #expect(throws: PipelineError.stageRetired(3)) { try deal.move(to: retired, at: Self.day(4)) }
        // Moving to the stage it is in keeps the time it entered.
        try deal.move(to: p.stages[0], at: Self.day(5))
        #expect(deal.stageEnteredAt == Self.day(3))
    }

    @Test func staleWhenOverTheStagesTime() {
        let p = Self.stored(.digital)
        let nuevo = p.stages[0]  // 1 day expected
        let deal = Deal(title: "SEO", customerId: 4, unit: .digital, stageId: 1, owner: "ana",
                        estimatedValue: Money(900, .pen), stageEnteredAt: Self.t0)
        #expect(deal.daysInStage(now: Self.day(0.5)) == 0)
        #expect(deal.daysInStage(now: Self.day(1.9)) == 1)
        #expect(!deal.isStale(in: nuevo, now: Self.day(1.9)))
        #expect(deal.isStale(in: nuevo, now: Self.day(2)))
        #expect(!deal.isStale(in: p.wonStage!, now: Self.day(200)))
    }

    @Test func dealNeedsAPartyAndATitle() {
        var deal = Deal(title: "X", unit: .digital, stageId: 1, owner: "ana", estimatedValue: Money(1, .pen),
                        stageEnteredAt: Self.t0)
        #expect(throws: PipelineError.dealWithoutParty) { try deal.validate() }
        deal.leadId = 3
        deal.title = ""
        #expect(throws: PipelineError.dealTitleMissing) { try deal.validate() }
    }

    @Test func activitiesDueAndOverdue() {
        let today = LocalDate(year: 2026, month: 3, day: 10)!
        var a = Activity(dealId: 1, kind: .call, subject: "Llamar", dueDate: today.adding(days: -1), owner: "ana")
        #expect(a.isOverdue(today: today) && !a.isDueToday(today))
        a.dueDate = today
        #expect(!a.isOverdue(today: today) && a.isDueToday(today))
        a.done = true
        #expect(!a.isDueToday(today))
    }

    @Test func forecastWeighsPerMonthAndUnit() throws {
        let u1 = Self.stored(.digital)  // ids 1...5: Nuevo 10%, Contactado 30%, Propuesta 60%, Ganado, Perdido
        var u2 = Self.stored(.software)
        for i in u2.stages.indices { u2.stages[i].id = Int64(100 + i) }  // Cotización = 103 at 50%
        var stages: [Int64: Stage] = [:]
        for s in u1.stages + u2.stages { stages[s.id!] = s }
        let march = LocalDate(year: 2026, month: 3, day: 20)!
        let april = LocalDate(year: 2026, month: 4, day: 2)!
        func deal(_ unit: BusinessUnit, _ stage: Int64, _ value: Money, _ close: LocalDate?) -> Deal {
            Deal(title: "d", leadId: 1, unit: unit, stageId: stage, owner: "ana", estimatedValue: value,
                 expectedClose: close, stageEnteredAt: Self.t0)
        }
        let deals = [
            deal(.digital, 3, Money(1000, .pen), march),          // 600
            deal(.digital, 1, Money(Decimal(string: "333.33")!, .pen), march),  // 33.333
            deal(.software, 103, Money(1000, .usd), march),      // 3750 × 50% = 1875
            deal(.digital, 2, Money(500, .pen), april),           // 150
            deal(.digital, 4, Money(9999, .pen), march),          // won: left out
            deal(.digital, 3, Money(9999, .pen), nil),            // no close date: left out
        ]
        let f = try #require(SalesForecast.weighted(deals, stages: stages, currency: .pen, penPerUSD: Decimal(string: "3.75")))
        #expect(f.count == 3)
        #expect(f[0].month == YearMonth(year: 2026, month: 3) && f[0].unit == .digital)
        #expect(f[0].weighted == Money(Decimal(string: "633.33")!, .pen) && f[0].deals == 2)
        #expect(f[1].unit == .software && f[1].weighted == Money(1875, .pen) && f[1].total == Money(3750, .pen))
        #expect(f[2].month == YearMonth(year: 2026, month: 4) && f[2].weighted == Money(150, .pen))
        #expect(SalesForecast.weighted(deals, stages: stages, currency: .pen, penPerUSD: nil) == nil)
    }
}
