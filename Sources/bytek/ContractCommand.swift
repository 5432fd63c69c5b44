import BytekDocuments
import BytekModel
import BytekStore
import BytekTUI
import Foundation

/// `bytek contract pdf COT-2026-00001 [--version N] [-o FILE]`: the contract of an accepted quote
/// version, with its unit's editable template. Prints the path and the SHA-256 of the scope.
///
/// No contract table exists yet: the contract number is derived from the quote version
/// (`CTR-2026-00001-2`) and the scope hash is printed in the PDF and here, so regenerating the same
/// accepted version gives the same number and hash.
@MainActor
enum ContractCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta el subcomando: pdf", command: "contract") }
        guard sub == "pdf" else { throw CLIError.usage("subcomando desconocido: \(sub) (use pdf)", command: "contract") }
        let versionText = try args.option("--version")
        let output = try args.option("-o") ?? args.option("--output")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "contract")
        return try SalesCLI.translatingErrors {
            let store = try context.openStore()
            let user = try context.requireUser(store, .read, .quotes)
            let quote: Quote
            if let version {
                quote = try SalesCLI.quote(number, version: version, store: store, login: user.login)
            } else {
                // Without --version: the accepted version (the one a contract can lock), else the latest.
                let versions = try QuoteRepository(db: store.db, user: user.login).versions(of: number.uppercased())
                guard let chosen = versions.last(where: { $0.state == .accepted }) ?? versions.last else {
                    throw CLIError.failure("no existe la cotización \(number.uppercased())")
                }
                quote = chosen
            }
            let result = try QuotePrinting.renderContract(quote, store: store, today: QuotePrinting.today(), to: output)
            Console.out(result.path)
            Console.out("SHA-256 del alcance: \(result.scopeHash)")
            return 0
        }
    }
}
