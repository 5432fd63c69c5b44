import Foundation

/// The nightly backup: one verified archive (`BackupArchive`: the database and the files beside it, no
/// secrets) in `<folder of the database>/backups/`, named after the Lima time, then pruning to the last 7
/// daily and 4 weekly copies (`BackupRetention`), then the off-site copy command when one is configured
/// (`OffsiteCopy`). Both outcomes are recorded (`BackupLog`).
/// The worker runs it as job kind `backup.nightly`; the schedule `respaldo-nocturno` enqueues it.
public enum BackupJob {
    public static let kind = "backup.nightly"
    public static let scheduleName = "respaldo-nocturno"
    public static let scheduleRule = "daily 02:00"

    public struct Outcome: Sendable, Equatable {
        public let file: String
        public let pruned: [String]
        public var offsite: BackupLog.Offsite?

        /// The job's result as JSON text.
        public var json: String {
            var object: [String: Any] = ["archivo": file, "eliminados": pruned]
            if let offsite {
                object["copia_externa"] = ["ok": offsite.ok, "estado": offsite.exitStatus.map { Int($0) } ?? -1,
                                           "duracion_ms": offsite.durationMs] as [String: Any]
            }
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                  let text = String(data: data, encoding: .utf8) else { return "{}" }
            return text
        }
    }

    /// The folder nightly backups go to for the database at `databasePath`.
    public static func folder(forDatabase databasePath: String) -> String {
        dataFolder(forDatabase: databasePath) + "/backups"
    }

    /// The folder holding the database file, where the files that belong to it live (`BackupFiles`).
    public static func dataFolder(forDatabase databasePath: String) -> String {
        (BackupService.absolute(databasePath) as NSString).deletingLastPathComponent
    }

    /// Adds the nightly schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Writes one verified archive named after `nowMs` into `folder`, prunes old ones, then runs the
    /// off-site copy (when configured) with `environment` (secrets are taken out of it) and records both.
    /// A failed off-site copy is recorded, not thrown: the local archive is good.
    public static func run(db: Database, folder: String? = nil, nowMs: Int64, environment: [String: String] = [:],
                           redact: (String) -> String = { $0 }, clock: MillisecondClock = JobQueue.systemClock) throws -> Outcome {
        let dir = folder ?? Self.folder(forDatabase: db.path)
        let path = dir + "/" + BackupStamp(unixMs: nowMs).fileName
        let dataFolder = Self.dataFolder(forDatabase: db.path)
        let logo = (try? CompanyProfileRepository(db: db, user: "worker").load().logoPath) ?? ""
        let summary = try BackupArchive.create(db: db, dataFolder: dataFolder, to: path, nowMs: nowMs,
                                               extraFiles: logo.isEmpty || logo.hasPrefix("/") ? [] : [logo])
        try BackupLog.save(BackupLog.Backup(atMs: nowMs, file: summary.path, bytes: summary.bytes,
                                            tables: summary.manifest.tables.count, rows: summary.manifest.totalRows,
                                            files: summary.manifest.files.count), key: BackupLog.backupKey, db: db)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let doomed = BackupRetention.filesToDelete(names)
        for name in doomed { BackupService.removeDatabaseFiles(dir + "/" + name) }
        var outcome = Outcome(file: path, pruned: doomed)
        if let command = try OffsiteCopy.command(db: db) {
            let result = OffsiteCopy.run(command, archive: summary.path, environment: environment, redact: redact, nowMs: clock)
            try BackupLog.save(result, key: BackupLog.offsiteKey, db: db)
            outcome.offsite = result
        }
        return outcome
    }
}
