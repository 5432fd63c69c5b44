/// Applies `Schema.migrations` in order. `PRAGMA user_version` records how many have run.
public enum Migrator {
    public enum Failure: Error, Equatable {
        /// The file was written by a newer program (its version is higher than this program knows).
        case databaseTooNew(found: Int, supported: Int)
    }

    public static var latestVersion: Int { Schema.migrations.count }

    public static func currentVersion(_ db: Database) throws -> Int {
        Int(try db.scalar("PRAGMA user_version").intValue ?? 0)
    }

    /// Brings the database to the latest version; returns the versions applied.
    @discardableResult
    public static func migrate(_ db: Database, upTo target: Int? = nil) throws -> [Int] {
        let target = target ?? Schema.migrations.count
        var applied: [Int] = []
        try db.write {
            let current = try currentVersion(db)
            if current > Schema.migrations.count {
                throw Failure.databaseTooNew(found: current, supported: Schema.migrations.count)
            }
            guard current < target else { return }
            for version in (current + 1)...target {
                try db.execute(Schema.migrations[version - 1])
                try db.execute("PRAGMA user_version = \(version)")
                applied.append(version)
            }
        }
        return applied
    }
}
