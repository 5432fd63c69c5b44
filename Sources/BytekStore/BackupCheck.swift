import Foundation

/// Checks an extracted backup: the database opens, passes `PRAGMA integrity_check`, has a schema this
/// program knows, and has the rows per table and the files its manifest recorded.
public enum BackupCheck {
    public struct Result: Sendable, Equatable {
        public var tables: Int
        public var rows: Int64
        public var files: Int
        public var fileBytes: Int64
    }

    /// `folder` holds what `BackupArchive.extract` wrote.
    @discardableResult
    public static func compare(extracted folder: String, manifest: BackupManifest) throws -> Result {
        let path = folder + "/" + BackupManifest.databaseEntry
        try BackupService.check(path)
        let found: [String: Int64]
        do { found = try BackupManifest.countRows(try Database(path: path, readOnly: true)) } catch let error as DatabaseError {
            throw BackupError.notADatabase(path: path, message: error.message)
        }
        for (table, expected) in manifest.tables.sorted(by: { $0.key < $1.key }) where found[table] != expected {
            throw BackupError.countsDiffer(what: "la tabla \(table)", expected: expected, found: found[table] ?? 0)
        }
        if found.count != manifest.tables.count {
            throw BackupError.countsDiffer(what: "la base de datos (tablas)", expected: Int64(manifest.tables.count), found: Int64(found.count))
        }
        let root = folder + "/" + BackupManifest.filesPrefix
        var files = 0
        if let walker = FileManager.default.enumerator(atPath: root) {
            while let relative = walker.nextObject() as? String {
                if BackupFiles.isRegularFile(root + relative) { files += 1 }
            }
        }
        if files != manifest.files.count {
            throw BackupError.countsDiffer(what: "la carpeta de archivos", expected: Int64(manifest.files.count), found: Int64(files))
        }
        return Result(tables: found.count, rows: found.values.reduce(0, +), files: files,
                      fileBytes: manifest.files.reduce(0) { $0 + $1.bytes })
    }
}
