import BytekModel
import BytekStore
import Foundation

/// Backups for an actor (admin; the status also for who may see the jobs): a verified archive now, the
/// restore drill, the off-site copy command, and how the last ones went. The same code as the nightly
/// job (`BackupArchive`, `RestoreDrill`, `OffsiteCopy`).
public struct BackupOperations: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var db: Database { services.db }

    /// Writes a verified archive of the database and the files beside it (the company logo included) to `file`.
    public func backup(to file: String) throws -> BackupArchive.Summary {
        try actor.authorize(.backupCreate)
        let logo = (try? CompanyProfileRepository(db: db, user: actor.auditName).load().logoPath) ?? ""
        return try BackupArchive.create(db: db, dataFolder: BackupJob.dataFolder(forDatabase: services.store.path), to: file,
                                        nowMs: Self.ms(services.now()), extraFiles: logo.isEmpty || logo.hasPrefix("/") ? [] : [logo])
    }

    /// Drills `archive` (default: the latest nightly one) and records the result.
    public func drill(archive: String?, describe: @escaping (any Error) -> String) throws -> BackupLog.Drill {
        try actor.authorize(.backupDrill)
        return try RestoreDrill.run(db: db, archive: archive, nowMs: Self.ms(services.now()), describe: describe)
    }

    /// The off-site copy command, if any.
    public func offsiteCommand() throws -> [String]? {
        try actor.authorize(.backupOffsite)
        return try OffsiteCopy.command(db: db)
    }

    /// Saves (or, nil, clears) the off-site copy command. A command holding a secret is refused: it would
    /// rest in the database.
    public func setOffsiteCommand(_ words: [String]?) throws {
        try actor.authorize(.backupOffsite)
        if let words, let secrets = try? Secrets.load(environment: services.environment()) {
            let joined = words.joined(separator: " ")
            guard secrets.redact(joined) == joined else { throw OffsiteCommandProblem.containsSecret }
        }
        try OffsiteCopy.setCommand(words, db: db)
    }

    /// What the backups did last, and what is scheduled.
    public struct Status: Sendable {
        public let folder: String
        public let backupSchedule: Schedule?
        public let lastBackup: BackupLog.Backup?
        public let offsiteCommand: [String]?
        public let lastOffsite: BackupLog.Offsite?
        public let drillSchedule: Schedule?
        public let lastDrill: BackupLog.Drill?
    }

    public func status() throws -> Status {
        try actor.authorize(.backupStatus)
        let schedules = ScheduleStore(db: db)
        return Status(
            folder: BackupJob.folder(forDatabase: db.path),
            backupSchedule: try schedules.schedule(named: BackupJob.scheduleName),
            lastBackup: BackupLog.load(BackupLog.Backup.self, key: BackupLog.backupKey, db: db),
            offsiteCommand: try OffsiteCopy.command(db: db),
            lastOffsite: BackupLog.load(BackupLog.Offsite.self, key: BackupLog.offsiteKey, db: db),
            drillSchedule: try schedules.schedule(named: RestoreDrill.scheduleName),
            lastDrill: BackupLog.load(BackupLog.Drill.self, key: BackupLog.drillKey, db: db))
    }

    static func ms(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}

/// Why an off-site copy command was refused.
public enum OffsiteCommandProblem: Error, Equatable, Sendable {
    /// The command holds a value of the secrets file.
    case containsSecret
}

extension Services {
    public var backups: BackupOperations { BackupOperations(services: self) }
}

extension BackupOperations {
    /// Puts a database back from `archive` at `target` (refused while another process has `target` open).
    public func restore(from archive: String, into target: String) throws -> BackupRestore.Outcome {
        try actor.authorize(.backupRestore)
        return try BackupRestore.restore(from: archive, into: target)
    }

    /// `bytek restore`, before any store is opened over `target`: the database being replaced says who may.
    /// When it has users, `login` must be one of its active users with the right to restore (admin); a
    /// database without users, or too damaged to open, has nobody to ask: restoring over it is the point.
    public static func restore(from archive: String, into target: String, login: String, door: Door) throws
        -> BackupRestore.Outcome {
        if let actor = try actorOfExisting(target, login: login, door: door) { try actor.authorize(.backupRestore) }
        return try BackupRestore.restore(from: archive, into: target)
    }

    /// The user `login` of the database at `path`, as an actor; nil when that database has no users. Its
    /// connection is closed on return, before the file is replaced.
    static func actorOfExisting(_ path: String, login: String, door: Door) throws -> Actor? {
        guard FileManager.default.fileExists(atPath: path), let db = try? Database(path: path),
              (try? db.scalar("SELECT count(*) FROM sqlite_master")) != nil else { return nil }
        let hasUsers = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'app_user'").intValue ?? 0
        guard hasUsers > 0, (try db.scalar("SELECT count(*) FROM app_user").intValue ?? 0) > 0 else { return nil }
        let user = try UserRepository(db: db, user: login).requireActive(login)
        return .staff(user.login, role: user.role, door: door)
    }
}
