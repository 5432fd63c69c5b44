import Foundation

/// The outcome of the last nightly backup, off-site copy and restore drill, kept as settings (one JSON
/// value each) so `bytek backup status` can show them. They hold paths, sizes, counts, exit statuses and
/// error text that went through `Secrets.redact`, never a secret.
public enum BackupLog {
    public static let backupKey = "respaldo.ultimo"
    public static let offsiteKey = "respaldo.copia_externa.ultimo"
    public static let drillKey = "respaldo.simulacro.ultimo"

    /// The last nightly archive.
    public struct Backup: Codable, Sendable, Equatable {
        public var atMs: Int64
        public var file: String
        public var bytes: Int64
        public var tables: Int
        public var rows: Int64
        public var files: Int
        enum CodingKeys: String, CodingKey { case atMs = "ms", file = "archivo", bytes, tables = "tablas", rows = "filas", files = "archivos" }
    }

    /// The last run of the off-site copy command.
    public struct Offsite: Codable, Sendable, Equatable {
        public var atMs: Int64
        public var durationMs: Int64
        /// The program's exit status; nil when it could not be started or was stopped.
        public var exitStatus: Int32?
        public var ok: Bool
        public var archive: String
        /// The end of its error output (or why it did not run), secrets removed.
        public var stderrTail: String
        enum CodingKeys: String, CodingKey {
            case atMs = "ms", durationMs = "duracion_ms", exitStatus = "estado", ok, archive = "archivo", stderrTail = "error_final"
        }
    }

    /// The last restore drill.
    public struct Drill: Codable, Sendable, Equatable {
        public var atMs: Int64
        public var archive: String
        public var ok: Bool
        public var tables: Int
        public var rows: Int64
        public var files: Int
        public var error: String?
        enum CodingKeys: String, CodingKey { case atMs = "ms", archive = "archivo", ok, tables = "tablas", rows = "filas", files = "archivos", error }
    }

    public static func save<T: Encodable>(_ value: T, key: String, db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        try SettingsRepository(db: db).set(key, text)
    }

    public static func load<T: Decodable>(_ type: T.Type, key: String, db: Database) -> T? {
        guard let text = try? SettingsRepository(db: db).value(key) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
