import Foundation

/// The nightly backup: an online copy of the store into `<folder of the database>/backups/`, named after
/// the Lima time, then pruning to the last 7 daily and 4 weekly copies (`BackupRetention`).
/// The worker runs it as job kind `backup.nightly`; the schedule `respaldo-nocturno` enqueues it.
public enum BackupJob {
    public static let kind = "backup.nightly"
    public static let scheduleName = "respaldo-nocturno"
    public static let scheduleRule = "daily 02:00"

    public struct Outcome: Sendable, Equatable {
        public let file: String
        public let pruned: [String]

        /// The job's result as JSON text.
        public var json: String {
            let object: [String: Any] = ["archivo": file, "eliminados": pruned]
            guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]),
                  let text = String(data: data, encoding: .utf8) else { return "{}" }
            return text
        }
    }

    /// The folder nightly backups go to for the database at `databasePath`.
    public static func folder(forDatabase databasePath: String) -> String {
        let dir = (BackupService.absolute(databasePath) as NSString).deletingLastPathComponent
        return dir + "/backups"
    }

    /// Adds the nightly schedule if it is missing (an administrator's edits are kept).
    @discardableResult
    public static func ensureSchedule(db: Database, clock: @escaping MillisecondClock = JobQueue.systemClock) throws -> Bool {
        try ScheduleStore(db: db, clock: clock).ensure(name: scheduleName, kind: kind, rule: scheduleRule)
    }

    /// Writes one checked backup named after `nowMs` into `folder`, then prunes old ones.
    public static func run(db: Database, folder: String? = nil, nowMs: Int64) throws -> Outcome {
        let dir = folder ?? Self.folder(forDatabase: db.path)
        let path = dir + "/" + BackupStamp(unixMs: nowMs).fileName
        try BackupService.backup(db, to: path)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let doomed = BackupRetention.filesToDelete(names)
        for name in doomed { BackupService.removeDatabaseFiles(dir + "/" + name) }
        return Outcome(file: path, pruned: doomed)
    }
}
