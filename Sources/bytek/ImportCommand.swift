import BytekModel
import BytekStore
import Foundation

/// `bytek import customers|catalog FILE [--partial]`.
///
/// All or nothing by default: every line is parsed, validated by the model and checked for duplicates
/// (in the file and in the database) inside one IMMEDIATE transaction; any bad line rolls everything back
/// and every bad line is reported as "línea N: motivo". With `--partial` the good lines are kept.
@MainActor
enum ImportCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let partial = args.flag("--partial")
        guard let what = args.positional() else { throw CLIError.usage("falta qué importar: customers o catalog", command: "import") }
        guard what == "customers" || what == "catalog" else {
            throw CLIError.usage("no se puede importar «\(what)»: use customers o catalog", command: "import")
        }
        let file = try args.requirePositional("el ARCHIVO")
        try args.finish()

        let store = try context.openStore()
        let module: AppModule = what == "customers" ? .customers : .catalog
        let user = try context.requireUser(store, .write, module)
        if module == .catalog && !PermissionMatrix.canImportCatalog(user.role) {
            throw CLIError.failure("el rol \(user.role.displayName) no puede importar el catálogo: la importación fija precios de venta y costos")
        }
        let table = try CSVReader.parse(try readInput(file))
        let fileName = file == "-" ? "la entrada estándar" : (file as NSString).lastPathComponent

        let outcome: ImportOutcome
        if what == "customers" {
            let map = try CSVCustomerMapping.columnMap(header: table.header)
            let parsed = table.records.map { record in
                (record.line, Result { () throws(CSVLineError) -> Customer in try CSVCustomerMapping.customer(from: record, columns: map) })
            }
            let repo = CustomerRepository(db: store.db, user: user.login)
            outcome = try importRecords(
                parsed, db: store.db, partial: partial,
                key: { "\($0.docType.rawValue) \($0.docNumber)" }, keyColumn: "numero_doc",
                create: { try repo.create($0) },
                audit: { count in
                    try AuditLog(db: store.db, user: user.login).append(
                        entity: AuditEntity.customer, entityId: nil, action: .import,
                        summary: "\(count) cliente(s) importados desde \(fileName)")
                })
        } else {
            let map = try CSVCatalogMapping.columnMap(header: table.header)
            let parsed = table.records.map { record in
                (record.line, Result { () throws(CSVLineError) -> CatalogItem in try CSVCatalogMapping.item(from: record, columns: map) })
            }
            let repo = CatalogRepository(db: store.db, user: user.login)
            outcome = try importRecords(
                parsed, db: store.db, partial: partial, key: { $0.sku }, keyColumn: "sku",
                create: { try repo.create($0) },
                audit: { count in
                    try AuditLog(db: store.db, user: user.login).append(
                        entity: AuditEntity.catalogItem, entityId: nil, action: .import,
                        summary: "\(count) ítem(s) importados desde \(fileName)")
                })
        }

        for (line, reason) in outcome.problems { Console.err("línea \(line): \(reason)") }
        let noun = what == "customers" ? "cliente(s)" : "ítem(s) del catálogo"
        if !outcome.committed {
            throw ImportRefused(message: "importación cancelada: \(outcome.problems.count) línea(s) con errores; no se guardó nada")
        }
        Console.out("Se importaron \(outcome.imported) \(noun) desde \(fileName).")
        if !outcome.problems.isEmpty {
            throw ImportRefused(message: "\(outcome.problems.count) línea(s) con errores no se importaron")
        }
        return 0
    }

    struct ImportOutcome {
        var imported = 0
        var problems: [(Int, String)] = []
        var committed = false
    }

    private struct Abort: Error {}

    /// Creates every good record in one transaction; rolls back when a line is bad and `partial` is off.
    static func importRecords<T>(
        _ parsed: [(Int, Result<T, CSVLineError>)], db: Database, partial: Bool,
        key: (T) -> String, keyColumn: String, create: (T) throws -> Void, audit: (Int) throws -> Void
    ) throws -> ImportOutcome {
        var outcome = ImportOutcome()
        do {
            try db.write {
                var seen: [String: Int] = [:]
                for (line, result) in parsed {
                    switch result {
                    case .failure(let error):
                        outcome.problems.append((line, error.problems.map(Messages.text).joined(separator: "; ")))
                    case .success(let record):
                        let k = key(record)
                        if let first = seen[k] {
                            outcome.problems.append((line, "\(keyColumn): \(k) está repetido en el archivo (línea \(first))"))
                            continue
                        }
                        seen[k] = line
                        do {
                            try create(record)
                            outcome.imported += 1
                        } catch let e as CustomerRepositoryError {
                            outcome.problems.append((line, repositoryText(e, keyColumn)))
                        } catch let e as CatalogRepositoryError {
                            outcome.problems.append((line, repositoryText(e, keyColumn)))
                        }
                    }
                }
                if !outcome.problems.isEmpty && !partial { throw Abort() }
                if outcome.imported > 0 { try audit(outcome.imported) }
            }
            outcome.committed = true
        } catch is Abort {
            outcome.imported = 0
        }
        outcome.problems.sort { $0.0 < $1.0 }
        return outcome
    }

    private static func repositoryText(_ e: CustomerRepositoryError, _ column: String) -> String {
        if case .duplicateDocument(let type, let number, _) = e {
            return "\(column): ya existe un cliente con \(type.rawValue) \(number) en la base de datos"
        }
        return Messages.text(e)
    }

    private static func repositoryText(_ e: CatalogRepositoryError, _ column: String) -> String {
        if case .duplicateSKU(let sku, _) = e { return "\(column): ya existe un ítem con SKU \(sku) en la base de datos" }
        return Messages.text(e)
    }

    static func readInput(_ file: String) throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("no se pudo leer el archivo \(file)")
        }
        return Array(data)
    }
}
