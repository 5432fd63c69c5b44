import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek costos PROYECTO | agregar | anular`: the other costs of a project (purchases entered by hand).
@MainActor
enum ProjectCostCommand {
    nonisolated static let help = """
    Otros costos de un proyecto (compras, licencias, subcontratos), que la rentabilidad resta.

      bytek costos PROYECTO                                     Los costos del proyecto (los anulados, marcados).
      bytek costos agregar PROYECTO DESCRIPCIÓN --monto IMPORTE [--fecha aaaa-mm-dd]
                                   [--moneda PEN|USD] [--tc 3.750]     Agrega un costo (en dólares, con su tipo
                                                                       de cambio). Admin, finanzas, operaciones.
      bytek costos anular ID --motivo TEXTO                     Anula un costo (nunca se borra). Admin, finanzas.
    """

    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        switch args.positional() {
        case "agregar":
            let amount = try args.option("--monto")
            let day = try args.option("--fecha")
            let currencyText = try args.option("--moneda") ?? "PEN"
            let rate = try args.option("--tc") ?? ""
            let project = try args.requirePositional("el PROYECTO (PRY-2026-00001)")
            let description = try args.requirePositional("la DESCRIPCIÓN del costo")
            try args.finish()
            guard let amount else { throw CLIError.usage("falta --monto IMPORTE", command: args.command) }
            guard let currency = Currency(input: currencyText) else {
                throw CLIError.usage("--moneda: «\(currencyText)» no es PEN ni USD", command: args.command)
            }
            let services = try ProfitabilityCommand.open(context)
            let id = try projectId(project, services)
            let today = LocalDate(services.now(), in: ExchangeRateService.lima).description
            let c = try services.projectCosts.add(ProjectCostInput(day: day ?? today, description: description,
                                                                   amount: amount, currency: currency, exchangeRate: rate),
                                                  projectId: id)
            Console.out("Costo \(c.id) agregado: \(c.day) «\(c.description)» \(c.amount.formatted)"
                        + (c.exchangeRate.map { " (T.C. \($0))" } ?? ""))
            return 0
        case "anular":
            let reason = try args.option("--motivo") ?? ""
            let idText = try args.requirePositional("el ID del costo")
            try args.finish()
            guard let id = Int64(idText) else { throw CLIError.usage("ID: «\(idText)» no es un número", command: args.command) }
            let c = try ProfitabilityCommand.open(context).projectCosts.reverse(id: id, reason: reason)
            Console.out("Costo \(c.id) anulado: «\(c.description)» \(c.amount.formatted) — \(reason)")
            return 0
        case let project?:
            try args.finish()
            let services = try ProfitabilityCommand.open(context)
            let costs = try services.projectCosts.list(projectId: try projectId(project, services))
            for c in costs {
                Console.out(ProfitabilityCommand.lpad(String(c.id), 6) + "  " + c.day.description + "  "
                            + ProfitabilityCommand.pad(c.description, 40) + ProfitabilityCommand.lpad(c.amount.formatted, 18)
                            + (c.exchangeRate.map { "  T.C. \($0)" } ?? "")
                            + (c.reversal.map { "  ANULADO por \($0.by): \($0.reason)" } ?? ""))
            }
            Console.out("\(costs.count) \(costs.count == 1 ? "costo" : "costos").")
            return 0
        case nil:
            throw CLIError.usage("falta el PROYECTO (o agregar, anular)", command: args.command)
        }
    }

    static func projectId(_ text: String, _ services: Services) throws -> Int64 {
        try services.profitability.project(code: text).header.projectId
    }
}
