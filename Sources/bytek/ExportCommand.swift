import BytekModel
import BytekStore
import Foundation

/// `bytek export customers|catalog [FILE]`: every record (archived and inactive too), in the columns
/// `bytek import` reads, as CSV that Excel opens with accents intact.
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
        let user = try context.requireUser(store, .read, what == "customers" ? .customers : .catalog)
        let db = store.db
        let header: [String]
        var rows: [[String]] = []
        if what == "customers" {
            header = CSVCustomerMapping.columns
            let repo = CustomerRepository(db: db, user: user.login)
            try db.read {
                // One snapshot; keyset pages so memory stays flat on a large table.
                let pager = repo.pager(CustomerQuery(includeArchived: true))
                var page = try pager.first(500)
                while let last = page.last {
                    rows += page.map { CSVCustomerMapping.row($0.item) }
                    page = try pager.after(last.cursor, 500)
                }
            }
        } else {
            // Costs only for the roles that may see them: the column is left out for the others.
            let costColumn = PermissionMatrix.canSeeCosts(user.role) ? nil : CSVCatalogMapping.columns.firstIndex(of: "costo")
            func visible(_ fields: [String]) -> [String] {
                guard let costColumn else { return fields }
                var f = fields
                f.remove(at: costColumn)
                return f
            }
            header = visible(CSVCatalogMapping.columns)
            let repo = CatalogRepository(db: db, user: user.login)
            try db.read {
                let pager = repo.pager(CatalogQuery(activeOnly: false))
                var page = try pager.first(500)
                while let last = page.last {
                    rows += page.map { visible(CSVCatalogMapping.row($0.item)) }
                    page = try pager.after(last.cursor, 500)
                }
            }
        }
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
