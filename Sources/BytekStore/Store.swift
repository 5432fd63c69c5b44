import Foundation

/// The opened store: one SQLite file, migrated, and the user acting on it (for the audit log).
public final class Store: @unchecked Sendable {
    public let db: Database
    public let path: String

    /// Opens the file and applies pending migrations (refusing a database from a newer program).
    public init(path: String, migrate: Bool = true) throws {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        db = try Database(path: path)
        if migrate { try Migrator.migrate(db) }
    }

    /// The store over a database already open (and migrated) elsewhere in this process.
    public init(opened db: Database) {
        self.db = db
        path = db.path
    }

    /// The default database path: `$XDG_DATA_HOME/bytek/bytek.sqlite`, else `~/.local/share/bytek/bytek.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataFolder(environment: environment) + "/bytek.sqlite"
    }

    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/bytek" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/bytek"
    }
}
