/// Key/value settings of the installation and of each user ("theme.ana" = "high-contrast").
/// Settings are preferences, not business data: they are not audited.
public struct SettingsRepository: Sendable {
    public let db: Database
    public init(db: Database) { self.db = db }

    public func value(_ key: String) throws -> String? {
        try db.scalar("SELECT value FROM setting WHERE key = ?", [.text(key)]).stringValue
    }

    public func set(_ key: String, _ value: String) throws {
        try db.write {
            try db.execute("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           [.text(key), .text(value)])
        }
    }

    /// The key of a user's theme preference.
    public static func themeKey(user: String) -> String { "theme." + user }
}
