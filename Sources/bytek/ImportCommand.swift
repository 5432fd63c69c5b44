import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek import customers|catalog FILE [--partial] [--update]`, through the customers' and the
/// catalog's services.
///
/// All or nothing by default: every line is parsed, validated by the model and checked for duplicates
/// (in the file and in the database) inside one IMMEDIATE transaction; any bad line rolls everything back
/// and every bad line is reported as "línea N: motivo". With `--partial` the good lines are kept. With
/// `--update` a line whose document (or SKU) is stored updates that record in the columns present, and
/// each line says what changed.
@MainActor
enum ImportCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let partial = args.flag("--partial")
        let update = args.flag("--update")
        guard let what = args.positional() else { throw CLIError.usage("falta qué importar: customers o catalog", command: "import") }
        guard what == "customers" || what == "catalog" else {
            throw CLIError.usage("no se puede importar «\(what)»: use customers o catalog", command: "import")
        }
        let file = try args.requirePositional("el ARCHIVO")
        try args.finish()

        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        let bytes = try readInput(file)
        let fileName = file == "-" ? "la entrada estándar" : (file as NSString).lastPathComponent
        let options = ImportOptions(partial: partial, update: update, source: fileName)
        let report = what == "customers"
            ? try services.customers.importCSV(bytes, options: options)
            : try services.catalog.importCSV(bytes, options: options)

        for line in report.lines {
            switch line.outcome {
            case .refused(let reason): Console.err("línea \(line.line): \(ImportText.reason(reason))")
            case .updated(let key, let columns) where update:
                Console.out("línea \(line.line): \(ImportText.key(key)) actualizado: \(ImportText.columns(columns))")
            default: break
            }
        }
        let refused = report.refused.count
        if !report.committed {
            throw ImportRefused(message: "importación cancelada: \(refused) línea(s) con errores; no se guardó nada")
        }
        let noun = what == "customers" ? "cliente(s)" : "ítem(s) del catálogo"
        if update {
            Console.out("Desde \(fileName): \(report.created) \(noun) nuevo(s), \(report.updated) actualizado(s), "
                        + "\(report.unchanged) sin cambios.")
        } else {
            Console.out("Se importaron \(report.created) \(noun) desde \(fileName).")
        }
        if refused > 0 { throw ImportRefused(message: "\(refused) línea(s) con errores no se importaron") }
        return 0
    }

    static func readInput(_ file: String) throws -> [UInt8] {
        if file == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.failure("no se pudo leer el archivo \(file)")
        }
        return Array(data)
    }
}
