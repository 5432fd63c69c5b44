import BytekStore

/// `bytek migrate`: creates or upgrades the database and registers the default schedules. No user needed.
@MainActor
enum MigrateCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let store = try Store(path: context.dbPath, migrate: false)
        let applied = try Migrator.migrate(store.db)
        let added = try BackupJob.ensureSchedule(db: store.db)
        let version = try Migrator.currentVersion(store.db)
        if applied.isEmpty {
            Console.out("La base de datos \(context.dbPath) ya está al día (esquema \(version)).")
        } else {
            Console.out("Base de datos \(context.dbPath): esquema \(version) (migraciones aplicadas: "
                + applied.map(String.init).joined(separator: ", ") + ").")
        }
        if added {
            Console.out("Programación «\(BackupJob.scheduleName)» registrada: \(BackupJob.scheduleRule) (hora de Lima).")
        }
        return 0
    }
}
