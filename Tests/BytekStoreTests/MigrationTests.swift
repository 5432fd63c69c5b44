import Foundation
import Testing
@testable import BytekStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = ["setting", "app_user", "customer", "customer_contact", "customer_fts", "catalog_item",
                         "catalog_fts", "audit_log", "form_draft", "job", "schedule"]

    func tableNames(_ db: Database) throws -> Set<String> {
        Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { $0.string("name") })
    }

    @Test func fromEmpty() throws {
        let folder = TempFolder()
        let db = try Database(path: folder.file())
        #expect(try Migrator.currentVersion(db) == 0)
        let applied = try Migrator.migrate(db)
        #expect(applied == Array(1...Migrator.latestVersion))
        #expect(try Migrator.currentVersion(db) == Migrator.latestVersion)
        #expect(try tableNames(db).isSuperset(of: Self.tables))
        #expect(try Migrator.migrate(db).isEmpty)
        #expect(try db.integrityCheck() == "ok")
        #expect(try db.scalar("PRAGMA journal_mode").stringValue == "wal")
        #expect(try db.scalar("PRAGMA foreign_keys").intValue == 1)
    }

    @Test func fromEveryEarlierVersion() throws {
        let latest = Migrator.latestVersion
        for start in 0..<latest {
            let folder = TempFolder()
            do {
                let db = try Database(path: folder.file())
                try Migrator.migrate(db, upTo: start)
                #expect(try Migrator.currentVersion(db) == start)
            }
            // Reopen, as a newer program would.
            let db = try Database(path: folder.file())
            let applied = try Migrator.migrate(db)
            #expect(applied == Array((start + 1)...latest), "from \(start)")
            #expect(try Migrator.currentVersion(db) == latest)
            #expect(try tableNames(db).isSuperset(of: Self.tables))
            #expect(try db.integrityCheck() == "ok")
        }
    }

    @Test func newerDatabaseIsRefused() throws {
        let folder = TempFolder()
        do {
            let db = try makeDatabase(folder)
            try db.execute("PRAGMA user_version = \(Migrator.latestVersion + 1)")
        }
        let db = try Database(path: folder.file())
        #expect(throws: Migrator.Failure.databaseTooNew(found: Migrator.latestVersion + 1,
                                                          supported: Migrator.latestVersion)) {
            try Migrator.migrate(db)
        }
        #expect(throws: Migrator.Failure.self) { _ = try Store(path: folder.file()) }
        // Refusing changed nothing.
        #expect(try Migrator.currentVersion(db) == Migrator.latestVersion + 1)
    }

    @Test func moneyColumnsAreIntegersAndTablesStrict() throws {
        let folder = TempFolder()
        let db = try makeDatabase(folder)
        for table in ["customer", "catalog_item"] {
            let cols = try db.query("SELECT name, type FROM pragma_table_info('\(table)')")
            #expect(!cols.contains { $0.string("type") == "REAL" })
            for col in cols where col.string("name").hasSuffix("_cents") { #expect(col.string("type") == "INTEGER") }
        }
        #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO catalog_item(sku, name, unit, kind, price_cents, created_at, updated_at) VALUES ('X', 'x', 'U1', 'product', 1.5, '', '')")
        }
    }
}
