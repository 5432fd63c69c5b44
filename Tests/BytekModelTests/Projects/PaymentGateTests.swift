import Foundation
import Testing
@testable import BytekModel

@Suite struct PaymentGateTests {
    static let today = LocalDate("2026-12-03")!
    static let milestones = [
        PaymentGate.Milestone(id: 11, position: 1, name: "Análisis", documentId: 101),
        PaymentGate.Milestone(id: 12, position: 2, name: "Desarrollo", documentId: 102),
        PaymentGate.Milestone(id: 13, position: 3, name: "Entrega", documentId: nil),
    ]

    static func receivable(_ id: Int64, doc: Int64, ref: String, part: ReceivablePart = .neto, cents: Int64,
                           settled: Int64 = 0, due: String, currency: Currency = .pen) -> Receivable {
        Receivable(id: id, documentId: doc, documentID: ref, documentKind: .factura, customerId: 1, customerName: "ACME",
                   customerDocNumber: "20100070970", unit: .software, part: part, installment: 0,
                   amount: Money(minorUnits: cents, currency), settled: Money(minorUnits: settled, currency),
                   issueDate: LocalDate("2026-10-01")!, dueDate: LocalDate(due)!)
    }

    func block(_ rs: [Receivable], grace: Int = 0, lift: String? = nil, today: LocalDate = Self.today,
               milestones: [PaymentGate.Milestone] = Self.milestones) -> GateBlock? {
        PaymentGate.block(projectId: 7, milestones: milestones, receivables: rs, today: today, graceDays: grace,
                          liftedUntil: lift.flatMap(LocalDate.init))
    }

    @Test func noGraceBlocksTheDayAfterTheDueDate() throws {
        let onDue = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 590_000, due: "2026-12-03")]
        #expect(block(onDue) == nil)
        let dayAfter = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 590_000, due: "2026-12-02")]
        let b = try #require(block(dayAfter))
        #expect(b.projectId == 7 && b.overdueMilestonePosition == 1 && b.overdueMilestoneName == "Análisis")
        #expect(b.documents == ["F001-5"] && b.owed == [Money(minorUnits: 590_000, .pen)] && b.daysOverdue == 1)
        #expect(b.dueSince == LocalDate("2026-12-02"))
        #expect(b.message == "Bloqueado por pago: F001-5 vencida hace 1 día, debe S/ 5,900.00")
        #expect(!b.holds(milestonePosition: 1) && b.holds(milestonePosition: 2) && b.holds(milestonePosition: 3))
    }

    @Test func graceDaysDelayTheBlock() {
        let r = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-11-28")]  // 5 days overdue
        #expect(block(r, grace: 5) == nil)
        #expect(block(r, grace: 4)?.daysOverdue == 5)
        #expect(block(r, grace: 0) != nil)
    }

    @Test func partialPaymentStillBlocksFullPaymentUnblocks() throws {
        let partial = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 1_000_00, settled: 999_99, due: "2026-11-01")]
        let b = try #require(block(partial))
        #expect(b.owed == [Money(minorUnits: 1, .pen)] && b.daysOverdue == 32)
        let full = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 1_000_00, settled: 1_000_00, due: "2026-11-01")]
        #expect(block(full) == nil)
    }

    @Test func unpaidDetraccionBlocksAloneAndAddsToWhatIsOwed() throws {
        let netPaid = [
            Self.receivable(1, doc: 101, ref: "F001-5", cents: 5_428_00, settled: 5_428_00, due: "2026-11-20"),
            Self.receivable(2, doc: 101, ref: "F001-5", part: .detraccion, cents: 472_00, due: "2026-11-20"),
        ]
        let b = try #require(block(netPaid))
        #expect(b.documents == ["F001-5"] && b.owed == [Money(minorUnits: 472_00, .pen)])
        let bothOpen = [
            Self.receivable(1, doc: 101, ref: "F001-5", cents: 5_428_00, settled: 428_00, due: "2026-11-20"),
            Self.receivable(2, doc: 101, ref: "F001-5", part: .detraccion, cents: 472_00, due: "2026-11-20"),
        ]
        #expect(block(bothOpen)?.owed == [Money(minorUnits: 5_472_00, .pen)])
    }

    @Test func cancelledReceivablesNeverBlock() {
        var r = Self.receivable(1, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-01-01")
        r.cancelled = true
        #expect(block([r]) == nil)
    }

    @Test func liftHoldsUntilItsDateThenFallsBack() {
        let r = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-11-01")]
        #expect(block(r, lift: "2026-12-10") == nil)
        #expect(block(r, lift: "2026-12-03") == nil)  // the last day of the lift
        #expect(block(r, lift: "2026-12-02")?.overdueMilestonePosition == 1)  // passed: falls back
        #expect(block(r, lift: "2026-12-10", today: LocalDate("2026-12-11")!)?.daysOverdue == 40)
    }

    @Test func twoOverdueMilestonesTheEarliestHolds() throws {
        let rs = [
            Self.receivable(2, doc: 102, ref: "F001-9", cents: 300_00, due: "2026-10-01"),
            Self.receivable(1, doc: 101, ref: "F001-5", cents: 200_00, due: "2026-11-15"),
        ]
        let b = try #require(block(rs))
        #expect(b.overdueMilestonePosition == 1 && b.documents == ["F001-5"] && b.owed == [Money(minorUnits: 200_00, .pen)])
        #expect(b.daysOverdue == 18)
        // Paid the first: the second holds what comes after it.
        let rest = [rs[0]]
        #expect(block(rest)?.overdueMilestonePosition == 2)
    }

    @Test func theLastMilestoneOverdueHoldsNothing() {
        let ms = Array(Self.milestones.prefix(2))
        let r = [Self.receivable(1, doc: 102, ref: "F001-9", cents: 300_00, due: "2026-10-01")]
        #expect(block(r, milestones: ms) == nil)
        #expect(block(r)?.overdueMilestonePosition == 2)
    }

    @Test func cuotasOfOneInvoiceListItOnceOldestDueFirstAndOnlyOverdueOnesCount() throws {
        let rs = [
            Self.receivable(1, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-11-01"),
            Self.receivable(2, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-11-20"),
            Self.receivable(3, doc: 101, ref: "F001-5", cents: 100_00, due: "2026-12-30"),  // not due yet
        ]
        let b = try #require(block(rs))
        #expect(b.documents == ["F001-5"] && b.owed == [Money(minorUnits: 200_00, .pen)] && b.daysOverdue == 32)
    }

    @Test func otherDocumentsAndUninvoicedMilestonesAreIgnored() {
        let r = [Self.receivable(1, doc: 999, ref: "F001-77", cents: 100_00, due: "2026-01-01")]
        #expect(block(r) == nil)
        #expect(block([], milestones: []) == nil)
    }

    @Test func usdIsOwedInDollars() throws {
        let r = [Self.receivable(1, doc: 101, ref: "F001-5", cents: 1_180_00, due: "2026-11-01", currency: .usd)]
        let b = try #require(block(r))
        #expect(b.owed == [Money(minorUnits: 1_180_00, .usd)])
    }

    @Test(arguments: [(nil, 0), ("", 0), ("3", 3), (" 365 ", 365), ("366", 0), ("-1", 0), ("abc", 0), ("99999999999999999999", 0)]
          as [(String?, Int)])
    func graceSetting(text: String?, expected: Int) {
        #expect(PaymentGate.graceDays(text) == expected)
    }
}
