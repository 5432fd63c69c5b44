import BytekModel
import Foundation
import Testing
@testable import BytekStore

/// Search folds the punctuation inside names and codes: "eirl" finds "E.I.R.L.", "sac" finds "S.A.C.".
@Suite("Search folds punctuation")
struct SearchFoldingTests {
    func names(_ db: Database, _ search: String) throws -> [String] {
        try CustomerRepository(db: db, user: "t").pager(CustomerQuery(search: search)).first(50).map(\.item.legalName)
    }
    func skus(_ db: Database, _ search: String) throws -> [String] {
        try CatalogRepository(db: db, user: "t").pager(CatalogQuery(search: search)).first(50).map(\.item.sku)
    }

    static let customers = [
        ("20555123451", "Inversiones Titicaca E.I.R.L.", "Titicaca"),
        ("20100047218", "Comercial Andina S.A.C.", "Andina"),
        ("20601457891", "Sacsayhuamán Tours SAC", "Sacsa"),
        ("20512345678", "Distribuidora D'Onofrio Coca-Cola S.A.", ""),
    ]

    func insertRaw(_ db: Database) throws {
        let now = "2026-11-18T10:00:00.000Z"
        for (doc, name, trade) in Self.customers {
            try db.execute("INSERT INTO customer(doc_type, doc_number, legal_name, trade_name, created_at, updated_at) VALUES ('RUC', ?, ?, ?, ?, ?)",
                           [.text(doc), .text(name), .text(trade), .text(now), .text(now)])
        }
        try db.execute("""
            INSERT INTO catalog_item(sku, name, unit, kind, created_at, updated_at)
            VALUES ('AP-U6-LITE', 'Access point U.B.N.T. U6 Lite', 'U3', 'product', ?, ?)
            """, [.text(now), .text(now)])
    }

    func expectFolding(_ db: Database) throws {
        #expect(try names(db, "eirl") == ["Inversiones Titicaca E.I.R.L."])
        #expect(try names(db, "titicaca eirl") == ["Inversiones Titicaca E.I.R.L."])
        #expect(try names(db, "e.i.r.l.") == ["Inversiones Titicaca E.I.R.L."])
        #expect(try Set(names(db, "sac")) == ["Comercial Andina S.A.C.", "Sacsayhuamán Tours SAC"])
        #expect(try names(db, "andina sac") == ["Comercial Andina S.A.C."])
        let dotted = try names(db, "s.a.c")
        #expect(dotted.contains("Comercial Andina S.A.C."), "\(dotted)")
        #expect(try names(db, "cocacola") == ["Distribuidora D'Onofrio Coca-Cola S.A."])
        #expect(try names(db, "donofrio") == ["Distribuidora D'Onofrio Coca-Cola S.A."])
        #expect(try names(db, "coca cola") == ["Distribuidora D'Onofrio Coca-Cola S.A."])
        // What worked before still works: words, accents, prefixes.
        #expect(try names(db, "sacsayhuaman") == ["Sacsayhuamán Tours SAC"])
        #expect(try names(db, "inver tit") == ["Inversiones Titicaca E.I.R.L."])
        #expect(try names(db, "eirlx").isEmpty)
        #expect(try skus(db, "apu6") == ["AP-U6-LITE"])
        #expect(try skus(db, "ubnt") == ["AP-U6-LITE"])
        #expect(try skus(db, "ap u6 lite") == ["AP-U6-LITE"])
    }

    @Test func newRowsAreFound() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        try insertRaw(db)
        try expectFolding(db)
        // An update and a delete keep the index in step (the triggers' 'delete' matches what was indexed).
        try db.execute("UPDATE customer SET legal_name = 'Inversiones Puno S.R.L.' WHERE doc_number = '20555123451'")
        #expect(try names(db, "eirl").isEmpty)
        #expect(try names(db, "srl") == ["Inversiones Puno S.R.L."])
        try db.execute("DELETE FROM customer WHERE doc_number = '20555123451'")
        #expect(try names(db, "srl").isEmpty)
        #expect(try db.scalar("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"srl\"*'").intValue == 0)
        try db.execute("INSERT INTO customer_fts(customer_fts) VALUES ('integrity-check')")
    }

    /// Rows written before the migration (indexed without the joined words) are re-indexed by it.
    @Test func theMigrationReindexesExistingRows() throws {
        let folder = TempFolder()
        let db = try Database(path: folder.file())
        let before = try #require(Schema.migrations.firstIndex(of: Schema.v6))
        try Migrator.migrate(db, upTo: before)
        try insertRaw(db)
        #expect(try db.scalar("SELECT count(*) FROM customer_fts WHERE customer_fts MATCH '\"eirl\"*'").intValue == 0)
        try Migrator.migrate(db)
        try expectFolding(db)
        #expect(try db.integrityCheck() == "ok")
    }

    /// The quote list's search finds a quote by its customer's name written without dots or accents.
    @Test func quoteSearchFindsTheCustomerWithoutItsDots() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let andina = try CustomerRepository(db: db, user: "t").create(
            Customer(docType: .ruc, docNumber: RUC.complete("2010004721") ?? "", legalName: "Comercial Peñón S.A.C.")).id
        let other = try SalesFixtures.customer(db)
        let quotes = QuoteRepository(db: db, user: "t")
        _ = try quotes.createDraft(Quote(SalesFixtures.content(customerId: andina)))
        _ = try quotes.createDraft(Quote(SalesFixtures.content(customerId: other)))
        func found(_ search: String) throws -> [Int64?] {
            try quotes.pager(QuoteQuery(), search: search).first(10).map(\.item.customerId)
        }
        #expect(try found("penon sac") == [andina])
        #expect(try found("Peñón S.A.C.") == [andina])
        #expect(try found("comercial") == [andina])
        #expect(try found("zzz").isEmpty)
        #expect(try found("COT-").count == 2)
    }

    @Test func queryFoldingOffersTheJoinedWords() {
        #expect(TextSearch.ftsPrefixQuery("eirl") == "\"eirl\"*")
        #expect(TextSearch.ftsPrefixQuery("E.I.R.L.") == "(\"e\"* \"i\"* \"r\"* \"l\"*) OR (\"eirl\"*)")
        #expect(TextSearch.ftsPrefixQuery("...") == nil)
        #expect(TextSearch.ftsPrefixQuery("a \"b") == "\"a\"* \"b\"*")
    }
}
