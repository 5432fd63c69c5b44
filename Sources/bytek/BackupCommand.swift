import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek backup ARCHIVO|status|drill|offsite` and `bytek restore ARCHIVO`, on the same code as the
/// nightly job (`BackupArchive`, `BackupRestore`, `RestoreDrill`, `OffsiteCopy`).
@MainActor
enum BackupCommand {
    static func runBackup(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.words.first {
        case "status": _ = args.positional(); return try status(&args, context)
        case "drill": _ = args.positional(); return try drill(&args, context)
        case "offsite": _ = args.positional(); return try offsite(&args, context)
        default: break
        }
        let file = try args.requirePositional("el ARCHIVO de destino")
        try args.finish()
        let summary = try backups(context).backup(to: file)
        let m = summary.manifest
        Console.out("Respaldo verificado (integrity_check: ok; \(m.tables.count) tablas, \(m.totalRows) filas, "
            + "\(m.files.count) archivos): \(file) (\(formatSize(Int(summary.bytes)))). Los secretos no se incluyen.")
        return 0
    }

    static func runRestore(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let file = try args.requirePositional("el ARCHIVO de respaldo")
        try args.finish()
        let target = context.dbPath
        // Overwriting a database with users is an admin's decision, checked on that database.
        let outcome = try BackupOperations.restore(from: file, into: target, login: context.login, door: context.options.door)
        let files = outcome.manifest == nil ? "" : " y \(outcome.files) archivos junto a ella"
        Console.out("Base de datos \(target)\(files) restaurada desde \(file) (integrity_check: ok).")
        return 0
    }

    /// The backups' operations acting as the active user.
    private static func backups(_ context: CommandContext) throws -> BackupOperations {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store)).backups
    }

    // MARK: drill

    static func drill(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let archive = args.positional()
        try args.finish()
        let result = try backups(context).drill(archive: archive, describe: Messages.text)
        Console.out("Simulacro de restauración correcto: \(result.archive) se abrió (integrity_check: ok) y coincide con su "
            + "manifiesto: \(result.tables) tablas, \(result.rows) filas, \(result.files) archivos.")
        return 0
    }

    // MARK: off-site copy

    static func offsite(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let action = args.positional() else { throw CLIError.usage("falta la acción: set, show o clear", command: "backup") }
        let backups = try backups(context)
        switch action {
        case "set":
            var words = args.words
            if words.first == "--" { words.removeFirst() }
            args = Arguments([], command: "backup")
            guard let program = words.first, !program.isEmpty else {
                throw CLIError.usage("falta el COMANDO de la copia externa (p. ej. rsync -a {archivo} respaldo@otro:/srv/bytek/)", command: "backup")
            }
            try backups.setOffsiteCommand(words)
            let found = OffsiteCopy.resolve(program, environment: context.environment)
            Console.out("Copia externa configurada: \(display(words)). El respaldo nocturno la ejecuta tras cada copia local.")
            if found == nil { Console.err("bytek: aviso: no se encontró «\(program)» en el PATH de este proceso") }
            return 0
        case "show":
            try args.finish()
            if let words = try backups.offsiteCommand() { Console.out(display(words)) }
            else { Console.out("Sin copia externa configurada.") }
            return 0
        case "clear":
            try args.finish()
            try backups.setOffsiteCommand(nil)
            Console.out("Copia externa desactivada.")
            return 0
        default:
            throw CLIError.usage("acción desconocida: \(action) (set, show o clear)", command: "backup")
        }
    }

    /// The command as a reader would type it (words with spaces quoted).
    static func display(_ words: [String]) -> String {
        words.map { $0.isEmpty || $0.contains(where: { " \t\"'".contains($0) }) ? "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" : $0 }
            .joined(separator: " ")
    }

    // MARK: status

    static func status(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        try args.finish()
        let status = try backups(context).status()
        var lines: [String] = []
        if let s = status.backupSchedule {
            lines.append("Respaldo nocturno: \(s.rule)\(s.active ? "" : " (en pausa)"), próximo \(limaTime(s.nextRun)); carpeta \(status.folder)")
        }
        if let b = status.lastBackup {
            lines.append("  último: \(limaTime(b.atMs))  \(b.file) (\(formatSize(Int(b.bytes))); \(b.tables) tablas, \(b.rows) filas, \(b.files) archivos), verificado")
        } else {
            lines.append("  último: todavía ninguno")
        }
        if let words = status.offsiteCommand {
            lines.append("Copia externa: \(display(words))")
        } else {
            lines.append("Copia externa: sin configurar (bytek backup offsite set COMANDO … {archivo} …)")
        }
        if let o = status.lastOffsite {
            let state = o.ok ? "correcta" : "FALLÓ"
            let code = o.exitStatus.map { "código de salida \($0)" } ?? "sin código de salida"
            lines.append("  última: \(limaTime(o.atMs))  \(state) (\(code), \(String(format: "%.1f", Double(o.durationMs) / 1000)) s) \(o.archive)")
            if !o.stderrTail.isEmpty {
                lines.append(contentsOf: o.stderrTail.split(separator: "\n").map { "    | " + $0 })
            }
        }
        if let s = status.drillSchedule {
            lines.append("Simulacro de restauración: \(s.rule)\(s.active ? "" : " (en pausa)"), próximo \(limaTime(s.nextRun))")
        } else {
            lines.append("Simulacro de restauración: mensual (lo programa el trabajador al arrancar); bytek backup drill lo hace ahora")
        }
        if let d = status.lastDrill {
            if d.ok {
                lines.append("  último: \(limaTime(d.atMs))  correcto: \(d.archive) (\(d.tables) tablas, \(d.rows) filas, \(d.files) archivos)")
            } else {
                lines.append("  último: \(limaTime(d.atMs))  FALLÓ: \(d.archive): \(d.error ?? "")")
            }
        }
        lines.append("Los secretos (\(Secrets.path(environment: context.environment))) no forman parte de los respaldos: guarde una copia aparte.")
        Console.out(lines.joined(separator: "\n"))
        return 0
    }

    /// "2026-12-03 02:00" in Lima.
    static func limaTime(_ ms: Int64) -> String {
        let s = BackupStamp(unixMs: ms)
        return String(format: "%04d-%02d-%02d %02d:%02d", s.year, s.month, s.day, s.hour, s.minute)
    }

    static func formatSize(_ bytes: Int) -> String {
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return "\(bytes) bytes"
    }
}
