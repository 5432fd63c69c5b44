import BytekDocuments
import BytekModel
import BytekServices
import BytekStore
import BytekTUI
import Foundation

/// `bytek contract pdf COT-2026-00001 [--version N] [-o FILE]`: the contract of an accepted quote
/// version, with its unit's editable template. Prints the path, the contract number and the SHA-256
/// of the scope.
///
/// The first time a version's contract is produced it is recorded in the `contract` table
/// (`CTR-2026-00001`, the version, the scope and template hashes, the total); producing it again
/// reuses that record, so the same accepted version always gives the same number, date and hash.
/// Recording needs write access to Cotizaciones; re-printing a recorded contract only read access.
///
/// `bytek contract list [COT-2026-00001] [--csv [FILE]]`: the recorded contracts.
@MainActor
enum ContractCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta el subcomando: pdf o list", command: "contract") }
        return try SalesCLI.translatingErrors(context) {
            switch sub {
            case "pdf": return try pdf(&args, context)
            case "list": return try list(&args, context)
            default: throw CLIError.usage("subcomando desconocido: \(sub) (use pdf o list)", command: "contract")
            }
        }
    }

    private static func pdf(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let versionText = try args.option("--version")
        let output = try args.option("-o") ?? args.option("--output")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "contract")
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        try services.actor.authorize(.contractPDF)
        let quote: Quote
        if let version {
            quote = try SalesCLI.quote(number, version: version, services.quotes)
        } else {
            // Without --version: the accepted version (the one a contract can lock), else the latest.
            let versions = try services.quotes.versions(of: number.uppercased())
            guard let chosen = versions.last(where: { $0.state == .accepted }) ?? versions.last else {
                throw CLIError.failure("no existe la cotización \(number.uppercased())")
            }
            quote = chosen
        }
        guard let quoteId = quote.id else { throw CLIError.failure("no existe la cotización \(quote.number)") }
        let result = try services.contracts.pdf(quoteId: quoteId, to: output)
        Console.out(result.path)
        Console.out("Contrato: \(result.contract.number) (\(quote.number) v\(quote.version), "
            + (result.created ? "registrado ahora" : "registrado el \(slashed(result.contract.date))") + ")")
        Console.out("SHA-256 del alcance: \(result.scopeHash)")
        if result.templateChanged {
            Console.err("aviso: la plantilla \(result.contract.templateName) cambió desde que se registró el contrato; "
                + "el PDF usa el texto actual")
        }
        return 0
    }

    /// "26/11/2026", as dates are read in Peru.
    static func slashed(_ date: LocalDate) -> String {
        let two: (Int) -> String = { $0 < 10 ? "0\($0)" : String($0) }
        return two(date.day) + "/" + two(date.month) + "/" + String(date.year)
    }

    static let csvColumns = ["numero", "cotizacion", "version", "unidad", "cliente", "documento_cliente", "fecha",
                             "moneda", "total", "sha256_alcance", "plantilla", "sha256_plantilla", "creado_por"]

    private static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let csv = try args.optionalValue("--csv")
        let quoteNumber = args.positional()
        try args.finish()
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        let contracts = try services.contracts.list(quoteNumber: quoteNumber?.uppercased())
        var names = SalesCLI.Parties(services.quotes)
        let rows: [[String]] = try contracts.map { c in
            let party = try names.party(customerId: c.customerId, dealId: nil)
            return [c.number, c.quoteNumber, String(c.quoteVersion), c.unit.code, party.name, party.document,
                    c.date.description, c.total.currency.rawValue, SalesCLI.plain(c.total), c.scopeHash,
                    c.templateName, c.templateHash, c.createdBy]
        }
        if let csv {
            try SalesCLI.writeCSV(header: csvColumns, rows: rows, to: csv)
            return 0
        }
        if rows.isEmpty { Console.out("No hay contratos registrados."); return 0 }
        let table = contracts.enumerated().map { i, c in
            [c.number, "\(c.quoteNumber) v\(c.quoteVersion)", c.unit.code, String(rows[i][4].prefix(30)),
             slashed(c.date), c.total.formatted, String(c.scopeHash.prefix(12))]
        }
        SalesCLI.printTable(["NÚMERO", "COTIZACIÓN", "UNIDAD", "CLIENTE", "FECHA", "TOTAL", "ALCANCE"], table,
                            rightAligned: [5])
        Console.out("\(rows.count) contrato(s).")
        return 0
    }
}
