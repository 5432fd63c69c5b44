import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek export customers|catalog [FILE]`: every record (archived and inactive too; customers with their
/// contacts), in the columns `bytek import` reads, as CSV that Excel opens with accents intact, through the
/// customers' and the catalog's services (the cost column only for roles that may see costs).
///
/// `bytek export deals|quotes|contracts [FILE]`: every deal, quote version or recorded contract, in
/// the columns of `bytek deal list --csv`, `bytek quote list --csv` and `bytek contract list --csv`.
@MainActor
enum ExportCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let kinds = "customers, catalog, deals, quotes o contracts"
        guard let what = args.positional() else { throw CLIError.usage("falta qué exportar: \(kinds)", command: "export") }
        let sales = ["deals": "deal", "quotes": "quote", "contracts": "contract"]
        if let command = sales[what] {
            let file = args.positional()
            try args.finish()
            var list = Arguments(["list", "--csv", file ?? "-"], command: command)
            switch command {
            case "deal": return try DealCommand.run(&list, context)
            case "quote": return try QuoteCommand.run(&list, context)
            default: return try ContractCommand.run(&list, context)
            }
        }
        guard what == "customers" || what == "catalog" else {
            throw CLIError.usage("no se puede exportar «\(what)»: use \(kinds)", command: "export")
        }
        let file = args.positional()
        try args.finish()
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        let (header, rows) = what == "customers" ? try services.customers.exportCSV() : try services.catalog.exportCSV()
        let bytes = CSVWriter().encode(header: header, rows: rows)
        if let file, file != "-" {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw CLIError.failure("no se pudo escribir \(file): \(error.localizedDescription)")
            }
            Console.out("Se exportaron \(rows.count) registro(s) a \(file).")
        } else {
            Console.writeOut(bytes)
        }
        return 0
    }
}
