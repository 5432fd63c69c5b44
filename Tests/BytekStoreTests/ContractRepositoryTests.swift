import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Contracts in the store (v5)")
struct ContractRepositoryTests {
    typealias F = SalesFixtures
    static let scopeA = String(repeating: "a", count: 64)
    static let scopeB = String(repeating: "b", count: 64)
    static let template = String(repeating: "c", count: 64)

    struct Env {
        let folder = TempFolder()
        let db: Database
        let clock = SalesTestClock()
        let quotes: QuoteRepository
        let contracts: ContractRepository
        let customerId: Int64
        init() throws {
            db = try makeDatabase(folder)
            quotes = QuoteRepository(db: db, user: "ana", now: clock.now)
            contracts = ContractRepository(db: db, user: "ana", now: clock.now)
            customerId = try F.customer(db)
        }

        /// A quote sent and accepted: returns the accepted version.
        func accepted(_ content: QuoteContent) throws -> Quote {
            let draft = try quotes.createDraft(Quote(content))
            let id = try #require(draft.id)
            try quotes.send(id, on: F.march2)
            return try quotes.accept(id, on: F.march2).quote
        }

        func draft(of q: Quote, scope: String) throws -> Contract {
            Contract(quoteId: try #require(q.id), quoteNumber: q.number, quoteVersion: q.version, customerId: q.customerId,
                     unit: q.unit, scopeHash: scope, templateName: "contrato-u3.txt", templateHash: ContractRepositoryTests.template,
                     total: try q.totals().tax.total, date: F.march2)
        }
    }

    @Test func v4DataSurvivesTheMigrationToV5() throws {
        let folder = TempFolder()
        var quoteId: Int64 = 0
        do {
            let db = try Database(path: folder.file())
            try Migrator.migrate(db, upTo: 4)
            let customer = try F.oldCustomer(db)
            quoteId = try #require(try QuoteRepository(db: db, user: "t").createDraft(Quote(F.content(customerId: customer))).id)
            #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'contract'").intValue == 0)
        }
        let db = try Database(path: folder.file())
        #expect(try Migrator.migrate(db).contains(5))
        #expect(try QuoteRepository(db: db, user: "t").get(quoteId)?.number == "COT-2026-00001")
        #expect(try count(db, "contract") == 0)
        let sql = try db.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contract'")
        #expect(sql.stringValue?.hasSuffix("STRICT") == true)
        let cols = try db.query("SELECT name, type FROM pragma_table_info('contract')")
        #expect(!cols.contains { $0.string("type") == "REAL" })
        for col in cols where col.string("name").hasSuffix("_cents") { #expect(col.string("type") == "INTEGER") }
        #expect(try db.integrityCheck() == "ok")
        #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func recordingIsOncePerAcceptedVersionAndAudited() throws {
        let env = try Env()
        let v1 = try env.accepted(F.content(customerId: env.customerId))
        let first = try env.contracts.record(try env.draft(of: v1, scope: Self.scopeA))
        #expect(first.created)
        #expect(first.contract.number == "CTR-2026-00001")
        #expect(first.contract.createdBy == "ana" && first.contract.quoteVersion == 1)
        #expect(first.contract.total == (try v1.totals().tax.total))
        // Again for the same version (even with another hash and day): the stored contract, unchanged.
        var again = try env.draft(of: v1, scope: Self.scopeB)
        again.date = LocalDate(year: 2026, month: 4, day: 1)!
        let second = try env.contracts.record(again)
        #expect(!second.created)
        #expect(second.contract == first.contract)
        #expect(try count(env.db, "contract") == 1)
        #expect(try Numbering.last("CTR-2026", in: env.db) == 1)
        let audits = try env.db.query("SELECT action, summary FROM audit_log WHERE entity = 'contract'")
        #expect(audits.count == 1)
        #expect(audits.first?.string("summary") == "CTR-2026-00001 de COT-2026-00001 v1")
        #expect(try env.contracts.get(number: "CTR-2026-00001") == first.contract)
        #expect(try env.contracts.forQuote(try #require(v1.id)) == first.contract)
    }

    @Test func aNewVersionGetsANewContractAndTheOldOneStays() throws {
        let env = try Env()
        let v1 = try env.accepted(F.content(customerId: env.customerId))
        let old = try env.contracts.record(try env.draft(of: v1, scope: Self.scopeA)).contract
        // Scope changes: the accepted version is reopened (its contract stays), a new version is made,
        // sent and accepted again.
        #expect(throws: SalesRepositoryError.quote(.invalidTransition(from: .accepted, to: .draft))) {
            try env.quotes.newVersion(of: try #require(v1.id))
        }
        try env.quotes.reopen(try #require(v1.id), reason: "cambio de alcance")
        let v2draft = try env.quotes.newVersion(of: try #require(v1.id))
        var edited = v2draft
        try edited.edit { $0.lines[1].quantity = 10 }
        try env.quotes.updateDraft(edited)
        try env.quotes.send(try #require(v2draft.id), on: F.march2)
        let v2 = try env.quotes.accept(try #require(v2draft.id), on: F.march2).quote
        let new = try env.contracts.record(try env.draft(of: v2, scope: Self.scopeB)).contract
        #expect(new.number == "CTR-2026-00002" && new.quoteVersion == 2 && new.scopeHash == Self.scopeB)
        #expect(try env.contracts.list(quoteNumber: v1.number).map(\.number) == ["CTR-2026-00001", "CTR-2026-00002"])
        #expect(try env.contracts.get(number: old.number) == old)
        #expect(try env.contracts.list().count == 2)
    }

    @Test func onlyAnAcceptedVersionIsRecorded() throws {
        let env = try Env()
        let draft = try env.quotes.createDraft(Quote(F.content(customerId: env.customerId)))
        #expect(throws: ContractRepositoryError.quoteNotAccepted(.draft)) {
            try env.contracts.record(try env.draft(of: draft, scope: Self.scopeA))
        }
        let sent = try env.quotes.send(try #require(draft.id), on: F.march2)
        #expect(throws: ContractRepositoryError.quoteNotAccepted(.sent)) {
            try env.contracts.record(try env.draft(of: sent, scope: Self.scopeA))
        }
        var missing = try env.draft(of: sent, scope: Self.scopeA)
        missing.quoteId = 999
        #expect(throws: ContractRepositoryError.quoteNotFound(999)) { try env.contracts.record(missing) }
        // Nothing written, and no number taken.
        #expect(try count(env.db, "contract") == 0)
        #expect(try Numbering.last("CTR-2026", in: env.db) == 0)
        // A stored contract row cannot hold a malformed hash.
        #expect(throws: DatabaseError.self) {
            try env.db.execute("INSERT INTO contract(number, quote_id, quote_number, quote_version, unit, scope_sha256, template_name, template_sha256, total_cents, currency, contract_date, created_by, created_at) VALUES ('X', ?, 'COT', 1, 'U3', 'abc', 't', ?, 0, 'PEN', '2026-03-02', 'a', '')",
                               [.int(try #require(sent.id)), .text(Self.template)])
        }
    }
}
