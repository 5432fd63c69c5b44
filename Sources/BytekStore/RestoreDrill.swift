import Foundation

/// The monthly restore drill: the latest nightly archive is restored into a scratch folder, its database
/// opened and checked (`PRAGMA integrity_check`) and compared with its manifest (rows per table, files);
/// the result is recorded (`BackupLog.Drill`) and the scratch folder removed. The live database and its
/// files are never touched. Job kind `backup.drill`, schedule `simulacro-restauracion`; `bytek backup
/// drill` runs it at once.
public enum RestoreDrill {
    public static let kind = "backup.drill"
    public static let scheduleName = "simulacro-restauracion"
    public static let scheduleRule = "monthly 1 03:30"

    public enum Failure: Error, Equatable, Sendable {
        /// There is no archive in the backups folder yet.
        case noArchive(folder: String)
    }

    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// The newest `bytek-….zip` in `folder`.
    public static func latestArchive(in folder: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let archives = names.filter { $0.hasSuffix(BackupStamp.suffix) }.compactMap { n in BackupStamp(fileName: n).map { (n, $0) } }
        return archives.max { $0.1 < $1.1 }.map { folder + "/" + $0.0 }
    }

    /// Drills `archive` (default: the latest nightly archive of the database) and records the result;
    /// a failed drill is recorded with `describe(error)` and then thrown.
    public static func run(db: Database, archive: String? = nil, nowMs: Int64,
                           describe: (any Error) -> String = { String(describing: $0) }) throws -> BackupLog.Drill {
        let folder = BackupJob.folder(forDatabase: db.path)
        var record = BackupLog.Drill(atMs: nowMs, archive: archive ?? "", ok: false, tables: 0, rows: 0, files: 0, error: nil)
        do {
            guard let path = archive ?? latestArchive(in: folder) else { throw Failure.noArchive(folder: folder) }
            record.archive = BackupService.absolute(path)
            guard FileManager.default.fileExists(atPath: record.archive) else { throw BackupError.sourceMissing(path: record.archive) }
            let scratch = try BackupArchive.scratchFolder(beside: record.archive)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let manifest = try BackupArchive.extract(record.archive, into: scratch)
            let checked = try BackupCheck.compare(extracted: scratch, manifest: manifest)
            record.ok = true
            record.tables = checked.tables; record.rows = checked.rows; record.files = checked.files
            try BackupLog.save(record, key: BackupLog.drillKey, db: db)
            return record
        } catch {
            record.error = describe(error)
            try? BackupLog.save(record, key: BackupLog.drillKey, db: db)
            throw error
        }
    }

    public static func json(_ drill: BackupLog.Drill) -> String {
        (try? JSONEncoder().encode(drill)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
