import Foundation

/// What a backup archive holds, written into it as `manifiesto.json`: the database's schema version and
/// rows per table, and every file with its size and SHA-256. Restores and drills check the archive
/// against it.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        /// Path relative to the data folder ("documentos/F001-1.pdf").
        public var path: String
        public var bytes: Int64
        public var sha256: String

        enum CodingKeys: String, CodingKey { case path = "ruta", bytes, sha256 }
    }

    public static let currentFormat = 1
    public static let entryName = "manifiesto.json"
    public static let databaseEntry = "bytek.sqlite"
    /// Files beside the database go under this folder of the archive.
    public static let filesPrefix = "archivos/"

    public var format: Int
    /// Unix milliseconds of the copy.
    public var createdMs: Int64
    public var schemaVersion: Int
    public var database: File
    /// Rows per table of the database copy.
    public var tables: [String: Int64]
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case format = "formato", createdMs = "creado_ms", schemaVersion = "esquema", database = "base_de_datos"
        case tables = "tablas", files = "archivos"
    }

    public var totalRows: Int64 { tables.values.reduce(0, +) }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }

    /// Rows per table (not the virtual tables themselves, nor SQLite's own) of the database at `path`.
    static func countRows(_ db: Database) throws -> [String: Int64] {
        let names = try db.query("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
              AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY name
            """).compactMap { $0[0].stringValue }
        var out: [String: Int64] = [:]
        for name in names {
            out[name] = try db.scalar("SELECT count(*) FROM \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"").intValue ?? 0
        }
        return out
    }
}
