import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek ssh-keys add LOGIN FILE.pub | list | remove ID | sync | file [RUTA]`: the staff's SSH keys, kept in the
/// database and in a managed block of the service account's authorized_keys. Admins only.
@MainActor
enum SSHKeysCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let fileOption = try args.option("--authorized-keys")
        guard let sub = args.positional() else {
            throw CLIError.usage("falta la acción: add, list, remove, sync o file", command: "ssh-keys")
        }
        switch sub {
        case "add":
            let login = try args.requirePositional("el USUARIO")
            let keyFile = try args.requirePositional("el archivo de la clave pública (.pub)")
            try args.finish()
            return try add(login: login, keyFile: keyFile, fileOption: fileOption, context)
        case "list":
            try args.finish()
            return try list(fileOption: fileOption, context)
        case "remove":
            let idText = try args.requirePositional("el ID de la clave (ver «bytek ssh-keys list»)")
            try args.finish()
            guard let id = Int64(idText), id > 0 else {
                throw CLIError.usage("ID de clave no válido: «\(idText)» (un número de «bytek ssh-keys list»)", command: "ssh-keys")
            }
            return try remove(id, fileOption: fileOption, context)
        case "sync":
            try args.finish()
            let synced = try keys(context).sync(file: fileOption)
            Console.out("Bloque de bytek reescrito en \(synced.file): \(synced.keys) clave(s).")
            return 0
        case "file":
            let path = args.positional()
            try args.finish()
            return try file(path, fileOption: fileOption, context)
        default:
            throw CLIError.usage("acción desconocida: \(sub)", command: "ssh-keys")
        }
    }

    /// The SSH keys' operations acting as the active user (the service refuses all but admins).
    private static func keys(_ context: CommandContext) throws -> SSHKeyService {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store)).sshKeys
    }

    private static func add(login: String, keyFile: String, fileOption: String?, _ context: CommandContext) throws -> Int32 {
        let service = try keys(context)
        let (record, path) = try service.add(keyFileText: try readKeyFile(keyFile), login: login, file: fileOption)
        Console.out("Clave \(record.id) agregada para «\(record.login)»: \(record.type) \(record.fingerprint)"
            + (record.comment.isEmpty ? "" : " (\(record.comment))") + "\nArchivo: \(path)")
        return 0
    }

    /// The text of a public key file, refusing folders, unreadable files and anything over 64 KiB.
    private static func readKeyFile(_ path: String) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue else {
            throw CLIError.failure("no existe el archivo de clave \(path)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CLIError.failure("no se puede leer \(path)") }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: SSHPublicKey.maximumFileSize + 1)
        if data.count > SSHPublicKey.maximumFileSize { throw SSHPublicKeyError.tooLarge }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError.failure("\(path) no es un archivo de texto: indique el archivo .pub de la clave")
        }
        return text
    }

    private static func list(fileOption: String?, _ context: CommandContext) throws -> Int32 {
        let listing = try keys(context).list(file: fileOption)
        let keys = listing.keys
        let lastLogins = listing.lastLogins
        Console.out("Archivo: \(listing.file)")
        guard !keys.isEmpty else {
            Console.out("No hay claves SSH registradas (agregue una con «bytek ssh-keys add USUARIO ARCHIVO.pub»).")
            return 0
        }
        let rows = keys.map { k -> [String] in
            let last = lastLogins[k.login].map { "\(ISOTimestamp.localMinute($0.at)) \($0.door)" } ?? "—"
            return ["\(k.id)", k.login + (k.userActive ? "" : " (deshabilitado)"), k.type, k.fingerprint,
                    SSHPublicKey.printable(k.comment), ISOTimestamp.localMinute(k.addedAt) + " " + k.addedBy, last]
        }
        Console.out(TextTable.render(header: ["ID", "USUARIO", "TIPO", "HUELLA", "COMENTARIO", "AGREGADA", "ÚLTIMO INGRESO"],
                                     rows: rows))
        return 0
    }

    private static func remove(_ id: Int64, fileOption: String?, _ context: CommandContext) throws -> Int32 {
        let record = try keys(context).remove(id, file: fileOption)
        Console.out("Clave \(record.id) de «\(record.login)» quitada (\(record.fingerprint)).")
        return 0
    }

    /// Shows the authorized_keys path in use, or saves `path` as the installation's setting.
    private static func file(_ path: String?, fileOption: String?, _ context: CommandContext) throws -> Int32 {
        let service = try keys(context)
        guard let path else {
            Console.out(try service.filePath(fileOption))
            return 0
        }
        let absolute = try service.setFilePath(path)
        Console.out("Archivo de claves guardado: \(absolute)")
        return 0
    }
}

/// A plain text table: columns padded to their widest cell, two spaces apart.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c in c == row.count - 1 ? row[c] : row[c] + String(repeating: " ", count: widths[c] - row[c].count) }
                .joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

extension ISOTimestamp {
    /// `2026-12-03 10:05`, Lima time (UTC−5 all year), for listings.
    static func localMinute(_ date: Date) -> String {
        String(format(date.addingTimeInterval(-5 * 3600)).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }
}
