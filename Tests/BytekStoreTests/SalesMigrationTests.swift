import BytekModel
import Foundation
import Testing
@testable import BytekStore

@Suite("Sales schema (v2)")
struct SalesMigrationTests {
    static let salesTables = ["pipeline", "pipeline_stage", "lead", "deal", "deal_activity", "quote", "quote_line",
                              "quote_milestone", "subscription", "numbering"]

    @Test func v1DataSurvivesTheMigrationToV2() throws {
        let folder = TempFolder()
        var customerId: Int64 = 0
        do {
            let db = try Database(path: folder.file())
            try Migrator.migrate(db, upTo: 1)
            customerId = try SalesFixtures.oldCustomer(db)
            try CatalogRepository(db: db, user: "test").create(
                CatalogItem(sku: "NAS-1", name: "NAS", unit: .infrastructure, kind: .product, price: Money(1000, .pen)))
        }
        let db = try Database(path: folder.file())
        #expect(try Migrator.migrate(db).contains(2))
        #expect(try CustomerRepository(db: db, user: "t").get(customerId)?.legalName == "Cliente 2060123456 S.A.C.")
        #expect(try count(db, "catalog_item") == 1)
        #expect(try count(db, "audit_log") == 2)
        #expect(try db.integrityCheck() == "ok")
        #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
    }

    @Test func tablesAreStrictWithExactMoney() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        for table in Self.salesTables {
            let sql = try db.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(table)])
            #expect(sql.stringValue?.hasSuffix("STRICT") == true, "\(table)")
            let cols = try db.query("SELECT name, type FROM pragma_table_info('\(table)')")
            #expect(!cols.contains { $0.string("type") == "REAL" }, "\(table)")
            for col in cols where col.string("name").hasSuffix("_cents") { #expect(col.string("type") == "INTEGER") }
        }
        #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO deal(title, lead_id, unit, stage_id, owner, value_cents, currency, source, stage_entered_at, created_at, updated_at) VALUES ('x', 999, 'U1', 1, 'a', 100, 'PEN', 'web', '', '', '')")
        }
    }

    @Test func defaultPipelinesMatchTheModel() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        let stored = try PipelineRepository(db: db, user: "t").pipelines()
        #expect(stored.map(\.unit) == BusinessUnit.allCases)
        for p in stored {
            let model = Pipeline.defaultPipeline(for: p.unit)
            #expect(p.name == model.name)
            #expect(p.stages.map { Stage(name: $0.name, probability: $0.probability, expectedDays: $0.expectedDays,
                                         kind: $0.kind, active: $0.active) } == model.stages)
            #expect(p.stages.allSatisfy { $0.id != nil })
            try p.validate()
        }
    }
}
