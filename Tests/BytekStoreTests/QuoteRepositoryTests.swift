import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Quotes in the store")
struct QuoteRepositoryTests {
    typealias F = SalesFixtures

    struct Env {
        let folder = TempFolder()
        let db: Database
        let clock = SalesTestClock()
        let quotes: QuoteRepository
        let customerId: Int64
        init() throws {
            db = try makeDatabase(folder)
            quotes = QuoteRepository(db: db, user: "ana", now: clock.now)
            customerId = try F.customer(db)
        }
    }

    @Test func draftRoundTripAndNumbering() throws {
        let env = try Env()
        let saved = try env.quotes.createDraft(Quote(F.content(customerId: env.customerId)))
        #expect(saved.number == "COT-2026-00001" && saved.version == 1 && saved.state == .draft)
        let savedId = try #require(saved.id)
        let loaded = try #require(try env.quotes.get(savedId))
        #expect(loaded == saved)
        #expect(loaded.exchangeRate == F.dec("3.752"))
        #expect(loaded.lines[0].discount == .percent(F.dec("2.5")) && loaded.lines[1].quantity == F.dec("6.5"))
        let savedTotals = try saved.totals()
        #expect(try loaded.totals() == savedTotals)
        let second = try env.quotes.createDraft(Quote(F.content(customerId: env.customerId)))
        #expect(second.number == "COT-2026-00002")
        var nextYear = F.content(customerId: env.customerId)
        nextYear.issueDate = LocalDate(year: 2027, month: 1, day: 4)!
        #expect(try env.quotes.createDraft(Quote(nextYear)).number == "COT-2027-00001")
        // The list shows the stored totals.
        let summary = try #require(try env.quotes.pager().first(10).last?.item)
        #expect(summary.number == "COT-2026-00001" && summary.total == savedTotals.tax.total)
        #expect(summary.validUntil == LocalDate(year: 2026, month: 3, day: 17))
    }

    @Test func aFailedCreationGivesItsNumberBack() throws {
        let env = try Env()
        // Deal 999 does not exist: the foreign key fails inside the transaction that took the number.
        #expect(throws: DatabaseError.self) {
            try env.quotes.createDraft(Quote(F.content(customerId: env.customerId, dealId: 999)))
        }
        #expect(try env.quotes.createDraft(Quote(F.content(customerId: env.customerId))).number == "COT-2026-00001")
        // Milestones that do not add up are refused before anything is written.
        var bad = F.content(customerId: env.customerId)
        bad.paymentTerms = .milestones([Milestone(name: "A", percent: 50), Milestone(name: "B", percent: 40)])
        #expect(throws: SalesRepositoryError.quote(.milestonesDoNotAddUp(total: 90))) {
            try env.quotes.createDraft(Quote(bad))
        }
        #expect(try Numbering.last("COT-2026", in: env.db) == 1)
    }

    @Test func aSentVersionIsFrozenAndANewVersionCopiesIt() throws {
        let env = try Env()
        var draft = try env.quotes.createDraft(Quote(F.content(customerId: env.customerId)))
        let id = try #require(draft.id)
        try draft.edit { $0.notes = "Precios actualizados" }
        draft = try env.quotes.updateDraft(draft)
        #expect(try env.quotes.get(id)?.notes == "Precios actualizados")
        let sent = try env.quotes.send(id, on: LocalDate(year: 2026, month: 3, day: 5)!)
        #expect(sent.state == .sent && sent.issueDate == LocalDate(year: 2026, month: 3, day: 5))
        // Whatever the caller holds, the store refuses to change a sent version.
        var stale = draft
        try stale.edit { $0.notes = "cambio tardío" }
        #expect(throws: SalesRepositoryError.quote(.notEditable(.sent))) { try env.quotes.updateDraft(stale) }
        #expect(throws: SalesRepositoryError.quote(.invalidTransition(from: .sent, to: .sent))) {
            try env.quotes.send(id, on: LocalDate(year: 2026, month: 3, day: 6)!)
        }
        #expect(try env.quotes.get(id) == sent)

        var v2 = try env.quotes.newVersion(of: id)
        #expect(v2.number == sent.number && v2.version == 2 && v2.state == .draft && v2.id != id)
        #expect(v2.content == sent.content)
        try v2.addLine(.service("Capacitación", quantity: 2, rate: F.pen("120")))
        v2 = try env.quotes.updateDraft(v2)
        let v3 = try env.quotes.newVersion(of: id)  // from v1 again: still the next number
        #expect(v3.version == 3)
        let versions = try env.quotes.versions(of: sent.number)
        #expect(versions.map(\.version) == [1, 2, 3])
        #expect(versions[0] == sent && versions[1] == v2)
        #expect(try env.quotes.get(number: sent.number, version: 2) == v2)
        #expect(try env.quotes.latest(number: sent.number)?.version == 3)
        #expect(try env.quotes.pager(QuoteQuery(latestOnly: true)).count() == 1)
        #expect(try env.quotes.pager(QuoteQuery(state: .sent)).first(5).map(\.item.version) == [1])
    }

    @Test func acceptingWinsTheDealAndRecordsMilestonesAndSubscriptions() throws {
        let env = try Env()
        let deals = DealRepository(db: env.db, user: "ana", now: env.clock.now)
        let pipeline = try #require(try PipelineRepository(db: env.db, user: "ana").pipeline(for: .infrastructure))
        let deal = try deals.create(Deal(title: "NAS + mantenimiento", customerId: env.customerId, unit: .infrastructure,
                                         stageId: try #require(pipeline.stages[2].id), owner: "ana",
                                         estimatedValue: F.pen("9000"), stageEnteredAt: Date()))
        let q = try env.quotes.createDraft(Quote(F.content(customerId: env.customerId, dealId: deal.id)))
        let id = try #require(q.id)
        #expect(throws: SalesRepositoryError.quote(.invalidTransition(from: .draft, to: .accepted))) {
            try env.quotes.accept(id, on: F.march2)
        }
        try env.quotes.send(id, on: F.march2)
        let result = try env.quotes.accept(id, on: LocalDate(year: 2026, month: 3, day: 10)!)
        let totals = try q.totals()
        #expect(result.quote.state == .accepted)
        #expect(result.deal?.stageId == pipeline.wonStage?.id)
        #expect(try deals.get(try #require(deal.id))?.stageId == pipeline.wonStage?.id)
        // Milestones: 30/30/40 of the one-time total, adding up to it exactly.
        #expect(result.milestones.map(\.name) == ["Adelanto", "Instalación", "Conformidad"])
        let amounts = result.milestones.compactMap(\.amount)
        #expect(amounts.count == 3)
        #expect(amounts.reduce(Money.zero(.pen), +) == totals.oneTime)
        #expect(amounts[0] == Money(totals.oneTime.amount * F.dec("0.3"), .pen).rounded())
        // One subscription per subscription line, priced per period without IGV.
        #expect(result.subscriptions.count == 1)
        let sub = try #require(SubscriptionRepository(db: env.db).list(customerId: env.customerId).first)
        #expect(sub == result.subscriptions[0])
        #expect(sub.pricePerPeriod == Money(totals.lines[2].tax.base.amount / 12, .pen).rounded())
        #expect(sub.period == .monthly && sub.periods == 12 && sub.startDate == LocalDate(year: 2026, month: 3, day: 10))
        #expect(sub.quoteNumber == q.number && sub.quoteVersion == 1)
        #expect(try env.quotes.milestones(quoteId: id) == result.milestones)
        #expect(throws: SalesRepositoryError.quote(.invalidTransition(from: .accepted, to: .rejected))) {
            try env.quotes.reject(id)
        }
    }

    @Test func acceptingASubscriptionWithoutCustomerIsRefusedAtomically() throws {
        let env = try Env()
        let q = try env.quotes.createDraft(Quote(F.content(customerId: nil)))
        let id = try #require(q.id)
        try env.quotes.send(id, on: F.march2)
        #expect(throws: SalesRepositoryError.customerRequired) { try env.quotes.accept(id, on: F.march2) }
        #expect(try env.quotes.get(id)?.state == .sent)
        #expect(try count(env.db, "subscription") == 0)
    }

    @Test func expiryAndRejection() throws {
        let env = try Env()
        let a = try #require(try env.quotes.createDraft(Quote(F.content(customerId: env.customerId))).id)
        let b = try #require(try env.quotes.createDraft(Quote(F.content(customerId: env.customerId))).id)
        let c = try #require(try env.quotes.createDraft(Quote(F.content(customerId: env.customerId))).id)
        try env.quotes.send(a, on: LocalDate(year: 2026, month: 3, day: 1)!)   // valid until 16 March
        try env.quotes.send(b, on: LocalDate(year: 2026, month: 3, day: 10)!)  // valid until 25 March
        #expect(try env.quotes.reject(b).state == .rejected)
        #expect(try env.quotes.expireDue(today: LocalDate(year: 2026, month: 3, day: 16)!).isEmpty)
        #expect(try env.quotes.expireDue(today: LocalDate(year: 2026, month: 3, day: 17)!) == [a])
        #expect(try env.quotes.get(a)?.state == .expired)
        #expect(try env.quotes.get(b)?.state == .rejected)
        #expect(try env.quotes.get(c)?.state == .draft)
    }

    @Test func theDailyJobExpiresWhatIsDueOnItsLimaDate() throws {
        let env = try Env()
        let a = try #require(try env.quotes.createDraft(Quote(F.content(customerId: env.customerId))).id)
        try env.quotes.send(a, on: LocalDate(year: 2026, month: 3, day: 1)!)   // valid until 16 March
        #expect(try QuoteExpiryJob.ensureSchedule(db: env.db))
        #expect(try !QuoteExpiryJob.ensureSchedule(db: env.db))
        // 16 March 23:30 in Lima is already the 17th in UTC: still valid.
        let lastValid = LimaTime.instant(LocalDate(year: 2026, month: 3, day: 16)!, hour: 23, minute: 30)
        #expect(try QuoteExpiryJob.run(db: env.db, nowMs: Int64(lastValid.timeIntervalSince1970 * 1000)) == "{\"vencidas\":0}")
        #expect(try env.quotes.get(a)?.state == .sent)
        let nextDay = LimaTime.instant(LocalDate(year: 2026, month: 3, day: 17)!, hour: 0, minute: 10)
        #expect(try QuoteExpiryJob.run(db: env.db, nowMs: Int64(nextDay.timeIntervalSince1970 * 1000)) == "{\"vencidas\":1}")
        #expect(try env.quotes.get(a)?.state == .expired)
        let audit = try env.db.queryOne("SELECT user_login, door FROM audit_log WHERE summary LIKE '%vencida' ORDER BY id DESC")
        #expect(audit?.string("user_login") == "trabajador" && audit?.optionalString("door") == "worker")
    }

    @Test func gaplessNumbersUnderTwoConnectionsWritingAtOnce() throws {
        let folder = TempFolder()
        let setup = try makeDatabase(folder)
        let customerId = try F.customer(setup)
        let errors = ErrorList()
        let numbers = NumberList()
        let perWriter = 25
        let path = folder.file()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let db = try Database(path: path)
                let repo = QuoteRepository(db: db, user: "w\(writer)")
                for _ in 0..<perWriter {
                    numbers.append(try repo.createDraft(Quote(F.content(customerId: customerId))).number)
                }
            } catch {
                errors.append("\(error)")
            }
        }
        #expect(errors.all.isEmpty)
        let expected = (1...(2 * perWriter)).map { QuoteNumber.format(year: 2026, sequence: $0) }
        #expect(numbers.all.sorted() == expected)
        #expect(try Numbering.last("COT-2026", in: setup) == 2 * perWriter)
        #expect(try count(setup, "quote") == Int64(2 * perWriter))
    }
}

/// Strings collected from several threads.
final class NumberList: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
