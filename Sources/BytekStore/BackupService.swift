import Foundation

/// Why a backup or a restore was refused. Nothing was changed at the destination when one is thrown.
public enum BackupError: Error, Equatable, Sendable {
    /// The file to restore from does not exist.
    case sourceMissing(path: String)
    /// The file is not a readable SQLite database.
    case notADatabase(path: String, message: String)
    /// `PRAGMA integrity_check` did not answer "ok"; `details` is what it answered.
    case integrityFailed(path: String, details: String)
    /// The backup was written by a newer program than this one.
    case databaseTooNew(path: String, found: Int, supported: Int)
    /// Source and destination are the same file.
    case sameFile(path: String)
    /// A file operation failed (create folder, rename...).
    case io(path: String, message: String)
    /// Other processes (the TUI, the worker…) have the target open: swapping the file under them would
    /// make everything they save afterwards vanish.
    case inUse(path: String, holders: [DatabaseHolder])
    /// The file is not a readable backup archive, or does not match its manifest.
    case notAnArchive(path: String, message: String)
    /// The restored copy's rows per table (or its files) differ from what its manifest recorded.
    case countsDiffer(what: String, expected: Int64, found: Int64)
}

/// Online backups and restores of the store's SQLite file. `bytek backup`, `bytek restore` and the nightly
/// job all use this code.
///
/// Guarantees: a backup is a consistent snapshot of a live database (other processes may keep writing),
/// and the file at the destination path is either the previous one or a complete copy that passed
/// `PRAGMA integrity_check` — never a partial or damaged one. A restore checks the source first and swaps
/// the target in with a rename, removing the target's stale `-wal`/`-shm` files so they cannot be replayed
/// over the restored data. Restore refuses while any other process has the target open.
public enum BackupService {
    /// Writes an online backup of `db` to `path` and checks it.
    public static func backup(_ db: Database, to path: String) throws {
        let target = absolute(path)
        if absolute(db.path) == target { throw BackupError.sameFile(path: target) }
        let dir = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw BackupError.io(path: dir, message: error.localizedDescription)
        }
        let temp = temporaryPath(beside: target)
        defer { removeDatabaseFiles(temp) }
        try db.backup(to: temp)
        try makeSelfContained(temp)
        try check(temp)
        try replace(target, with: temp)
    }

    /// Replaces the database at `target` with a checked copy of the backup at `source`.
    public static func restore(from source: String, into target: String) throws {
        let src = absolute(source)
        let dst = absolute(target)
        guard FileManager.default.fileExists(atPath: src) else { throw BackupError.sourceMissing(path: src) }
        if src == dst { throw BackupError.sameFile(path: dst) }
        let holders = DatabaseHolders.others(of: dst)
        guard holders.isEmpty else { throw BackupError.inUse(path: dst, holders: holders) }
        try check(src)
        let dir = (dst as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw BackupError.io(path: dir, message: error.localizedDescription)
        }
        let temp = temporaryPath(beside: dst)
        defer { removeDatabaseFiles(temp) }
        do {
            // Through SQLite's backup rather than a byte copy, so a source still in WAL mode with its
            // own -wal file is copied whole.
            let sourceDB = try Database(path: src, readOnly: true)
            try sourceDB.backup(to: temp)
        } catch let error as DatabaseError {
            throw BackupError.notADatabase(path: src, message: error.message)
        }
        try makeSelfContained(temp)
        try check(temp)
        // Again just before the swap: a program may have opened the target while the copy was checked.
        let late = DatabaseHolders.others(of: dst)
        guard late.isEmpty else { throw BackupError.inUse(path: dst, holders: late) }
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: dst + suffix) }
        try replace(dst, with: temp)
    }

    /// Opens `path` read-only and requires `PRAGMA integrity_check` = "ok" and a schema version this
    /// program knows.
    public static func check(_ path: String) throws {
        let result: String
        let version: Int
        do {
            let db = try Database(path: path, readOnly: true)
            result = try db.integrityCheck()
            version = try Migrator.currentVersion(db)
        } catch let error as DatabaseError {
            throw BackupError.notADatabase(path: path, message: error.message)
        }
        guard result == "ok" else { throw BackupError.integrityFailed(path: path, details: result) }
        if version > Migrator.latestVersion {
            throw BackupError.databaseTooNew(path: path, found: version, supported: Migrator.latestVersion)
        }
    }

    /// A copy taken from a WAL database is itself marked WAL, so opening it read-only would leave -wal and
    /// -shm files beside it. In rollback-journal mode the copy is one file; the store turns WAL back on
    /// when it opens the restored database.
    static func makeSelfContained(_ path: String) throws {
        do {
            let copy = try Database(path: path)
            try copy.execute("PRAGMA journal_mode=DELETE")
        } catch let error as DatabaseError {
            throw BackupError.notADatabase(path: path, message: error.message)
        }
    }

    // MARK: files

    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        return (full as NSString).standardizingPath
    }

    static func temporaryPath(beside path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return dir + "/." + name + ".tmp-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// rename(2) replaces the destination atomically within one file system.
    static func replace(_ destination: String, with temp: String) throws {
        guard rename(temp, destination) == 0 else {
            throw BackupError.io(path: destination, message: String(cString: strerror(errno)))
        }
    }
}
