import BytekModel
import BytekStore
import Foundation

/// `bytek backup FILE` and `bytek restore FILE`, on the same code as the nightly job (`BackupService`).
@MainActor
enum BackupCommand {
    static func runBackup(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let file = try args.requirePositional("el ARCHIVO de destino")
        try args.finish()
        let store = try context.openStore()
        _ = try context.requireAdmin(store)
        try BackupService.backup(store.db, to: file)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        Console.out("Respaldo verificado (integrity_check: ok): \(file) (\(formatSize(size))).")
        return 0
    }

    static func runRestore(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let file = try args.requirePositional("el ARCHIVO de respaldo")
        try args.finish()
        let target = context.dbPath
        if FileManager.default.fileExists(atPath: target) {
            // Overwriting a database with users is an admin's decision, checked on that database. The
            // connection is closed before the file is replaced.
            try authorizeRestore(into: target, context)
        }
        try BackupService.restore(from: file, into: target)
        Console.out("Base de datos \(target) restaurada desde \(file) (integrity_check: ok).")
        return 0
    }

    private static func authorizeRestore(into target: String, _ context: CommandContext) throws {
        // A target too damaged to open has no users to consult: restoring over it is the point.
        guard let db = try? Database(path: target),
              (try? db.scalar("SELECT count(*) FROM sqlite_master")) != nil else { return }
        let hasUserTable = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'app_user'").intValue ?? 0
        guard hasUserTable > 0, (try db.scalar("SELECT count(*) FROM app_user").intValue ?? 0) > 0 else { return }
        let user = try UserRepository(db: db, user: context.login).requireActive(context.login)
        guard user.role == .admin else {
            throw CLIError.failure("el usuario «\(user.login)» (rol \(user.role.displayName)) no es admin; restaurar requiere el rol admin")
        }
    }

    static func formatSize(_ bytes: Int) -> String {
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return "\(bytes) bytes"
    }
}
