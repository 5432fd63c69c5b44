import BytekModel
import Foundation
import Testing

/// Which reminders go out on a day, worked out by hand on a fixed calendar (the clock is the `on:` day).
@Suite struct ReminderPlannerTests {
    static func d(_ s: String) -> LocalDate { LocalDate(s)! }
    static let mail = ReminderLevelChannel.email(EmailReminderTemplate(subject: "s", body: "b"))
    static let wa = ReminderLevelChannel.whatsapp(WhatsAppReminderTemplate(name: "aviso_mora", parameters: [.cliente]))
    /// −3, 0, +3, +7, +15, +30 with ids 1…6, grace 3 days.
    static let standard = ReminderPolicy(id: 1, name: "Estándar", graceDays: 3, isDefault: true, levels: [
        ReminderLevel(id: 1, offsetDays: -3, channel: mail), ReminderLevel(id: 2, offsetDays: 0, channel: wa),
        ReminderLevel(id: 3, offsetDays: 3, channel: mail), ReminderLevel(id: 4, offsetDays: 7, channel: wa),
        ReminderLevel(id: 5, offsetDays: 15, channel: mail), ReminderLevel(id: 6, offsetDays: 30, channel: mail),
    ])
    /// A gentler policy for one customer: only +10 (id 11).
    static let gentle = ReminderPolicy(id: 2, name: "Suave", graceDays: 5, levels: [ReminderLevel(id: 11, offsetDays: 10, channel: mail)])

    static func r(_ id: Int64, customer: Int64 = 7, due: String, part: ReceivablePart = .neto, amount: Int64 = 118_000,
                  settled: Int64 = 0, currency: Currency = .pen) -> Receivable {
        Receivable(id: id, documentId: id, documentID: "F001-\(id)", documentKind: .factura, customerId: customer,
                   customerName: "Cliente \(customer)", customerDocNumber: "20100047218", unit: nil, part: part, installment: 0,
                   amount: Money(minorUnits: amount, currency), settled: Money(minorUnits: settled, currency),
                   issueDate: d("2026-11-01"), dueDate: d(due))
    }

    static func plan(_ day: String, _ rs: [Receivable], settings: [ReminderCustomerSettings] = [],
                     sent: [(Int64, Int64)] = []) -> ReminderPlan {
        ReminderPlanner.plan(on: d(day), receivables: rs, policies: [standard, gentle],
                             settings: Dictionary(uniqueKeysWithValues: settings.map { ($0.customerId, $0) }),
                             sent: Set(sent.map { ReminderSentKey(receivableId: $0.0, levelId: $0.1) }))
    }

    static func levels(_ p: ReminderPlan) -> [Int] { p.batches.map(\.level.offsetDays) }

    @Test func eachLevelOnItsDayRelativeToTheDueDate() {
        let due = "2026-12-10"
        #expect(Self.levels(Self.plan("2026-12-06", [Self.r(1, due: due)])) == [])       // 4 days before: nothing yet
        #expect(Self.levels(Self.plan("2026-12-07", [Self.r(1, due: due)])) == [-3])
        #expect(Self.levels(Self.plan("2026-12-10", [Self.r(1, due: due)], sent: [(1, 1)])) == [0])
        #expect(Self.levels(Self.plan("2026-12-13", [Self.r(1, due: due)], sent: [(1, 1), (1, 2)])) == [3])
        #expect(Self.levels(Self.plan("2026-12-17", [Self.r(1, due: due)], sent: [(1, 1), (1, 2), (1, 3)])) == [7])
        #expect(Self.levels(Self.plan("2027-01-09", [Self.r(1, due: due)], sent: [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5)])) == [30])
        // Between levels, with the earlier ones sent: nothing.
        #expect(Self.levels(Self.plan("2026-12-11", [Self.r(1, due: due)], sent: [(1, 1), (1, 2)])) == [])
    }

    @Test func neverTwiceForTheSameLevel() {
        let p = Self.plan("2026-12-13", [Self.r(1, due: "2026-12-10")], sent: [(1, 3)])
        #expect(p.batches.isEmpty)
        // Nor an earlier level once a later one went out.
        #expect(Self.plan("2026-12-10", [Self.r(1, due: "2026-12-10")], sent: [(1, 3)]).batches.isEmpty)
    }

    @Test func catchUpSendsOnlyTheLatestLevelWithinTheGraceDays() {
        // The worker stopped from 5 to 14 Dec: on the 14th, +3 (day 13) is 1 day late → only +3, not −3 nor 0.
        #expect(Self.levels(Self.plan("2026-12-14", [Self.r(1, due: "2026-12-10")])) == [3])
        // On the 16th +3 is exactly 3 days late (grace 3): still sent.
        #expect(Self.levels(Self.plan("2026-12-16", [Self.r(1, due: "2026-12-10")])) == [3])
        // On the 17th +3 is 4 days late: nothing (the earlier ones neither) until +7 on the 17th… which is today.
        #expect(Self.levels(Self.plan("2026-12-17", [Self.r(1, due: "2026-12-10")])) == [7])
        // Due 1 Dec, on the 13th: +7 (the 8th) is 5 days late and +15 (the 16th) not yet: nothing.
        #expect(Self.levels(Self.plan("2026-12-13", [Self.r(1, due: "2026-12-01")])) == [])
        #expect(Self.levels(Self.plan("2026-12-16", [Self.r(1, due: "2026-12-01")])) == [15])
    }

    @Test func oneMessagePerCustomerAndLevelListsEveryDocument() {
        let rs = [Self.r(1, due: "2026-12-10"), Self.r(2, due: "2026-12-10", currency: .usd), Self.r(3, due: "2026-12-03"),
                  Self.r(4, customer: 8, due: "2026-12-10")]
        let p = Self.plan("2026-12-10", rs)
        // Customer 7: 1 and 2 at level 0, 3 at +7; customer 8: 4 at level 0.
        #expect(p.batches.map { "\($0.customerId):\($0.level.offsetDays):\($0.receivables.map(\.id))" }
                == ["7:0:[1, 2]", "7:7:[3]", "8:0:[4]"])
    }

    @Test func onlyTheNetoPartAndOnlyWhatIsOpen() {
        let rs = [Self.r(1, due: "2026-12-10", part: .detraccion), Self.r(2, due: "2026-12-10", part: .retencion),
                  Self.r(3, due: "2026-12-10", settled: 118_000),  // paid: the payment stops the rest
                  Self.r(4, due: "2026-12-10", settled: 18_000)]   // partly paid: still reminded
        #expect(Self.plan("2026-12-10", rs).batches.flatMap { $0.receivables.map(\.id) } == [4])
    }

    @Test func pauseAndDisputeStopEverythingAndAreReported() {
        let rs = [Self.r(1, due: "2026-12-10"), Self.r(2, customer: 8, due: "2026-12-10"), Self.r(3, customer: 9, due: "2026-12-10")]
        let p = Self.plan("2026-12-10", rs, settings: [ReminderCustomerSettings(customerId: 7, paused: true),
                                                      ReminderCustomerSettings(customerId: 8, disputed: true, disputeNote: "Factura mal")])
        #expect(p.batches.map(\.customerId) == [9])
        #expect(p.held.map(\.customerId) == [7, 8])
        #expect(p.held.map(\.stop) == [.paused, .disputed])
        // Resolved dispute: the latest level due goes out.
        let after = Self.plan("2026-12-13", rs, settings: [ReminderCustomerSettings(customerId: 8)])
        #expect(after.batches.filter { $0.customerId == 8 }.map(\.level.offsetDays) == [3])
    }

    @Test func promiseHoldsUntilItsDateThenTheLatestLevelGoesOut() {
        let s = [ReminderCustomerSettings(customerId: 7, promiseUntil: Self.d("2026-12-20"), promiseNote: "Paga el 20")]
        let rs = [Self.r(1, due: "2026-12-10")]
        #expect(Self.plan("2026-12-13", rs, settings: s).batches.isEmpty)
        #expect(Self.plan("2026-12-20", rs, settings: s).batches.isEmpty)   // the promise day itself
        // The 21st: +7 (the 17th) fell during the promise: it counts from the 21st, so it goes out (not +3).
        #expect(Self.levels(Self.plan("2026-12-21", rs, settings: s, sent: [(1, 2)])) == [7])
        #expect(Self.levels(Self.plan("2026-12-24", rs, settings: s, sent: [(1, 2)])) == [7])   // 3 days late: grace
        #expect(Self.levels(Self.plan("2026-12-25", rs, settings: s, sent: [(1, 2)])) == [15])  // +15 is the 25th
        // A promise long past does not extend anything: 30 Dec, +15 (25th) is 5 days late → nothing.
        #expect(Self.plan("2026-12-30", rs, settings: s, sent: [(1, 2)]).batches.isEmpty)
    }

    @Test func aCustomerPolicyOverridesTheDefault() {
        let s = [ReminderCustomerSettings(customerId: 7, policyId: 2)]
        let rs = [Self.r(1, due: "2026-12-10"), Self.r(2, customer: 8, due: "2026-12-10")]
        #expect(Self.plan("2026-12-13", rs, settings: s).batches.map { "\($0.customerId):\($0.level.offsetDays)" } == ["8:3"])
        let p = Self.plan("2026-12-20", rs, settings: s, sent: [(2, 4)])
        #expect(p.batches.map { "\($0.customerId):\($0.level.offsetDays):\($0.policyName)" } == ["7:10:Suave"])
        // A policy that no longer exists: the default applies.
        let gone = [ReminderCustomerSettings(customerId: 7, policyId: 99)]
        #expect(Self.levels(Self.plan("2026-12-13", rs, settings: gone)) == [3, 3])
    }

    @Test func noDefaultPolicyMeansNoReminders() {
        let p = ReminderPlanner.plan(on: Self.d("2026-12-10"), receivables: [Self.r(1, due: "2026-12-10")],
                                     policies: [Self.gentle], settings: [:], sent: [])
        #expect(p.batches.isEmpty)
    }
}
