import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek exchange-rate set|import|list|show` (also `bytek tipo-cambio`): the soles per dollar of each
/// day. Reading needs any active user; entering and importing, finanzas or admin (the service decides).
@MainActor
enum ExchangeRateCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: set, import, list o show", command: args.command)
        }
        switch sub {
        case "set":
            let confirmed = args.flag("--confirmar")
            let dateText = try args.requirePositional("la FECHA (dd/mm/aaaa, aaaa-mm-dd u «hoy»)")
            let buy = try args.requirePositional("la COMPRA (p. ej. 3.741)")
            let sell = try args.requirePositional("la VENTA (p. ej. 3.749)")
            try args.finish()
            let services = try open(context)
            let date = try day(dateText, services)
            do {
                let outcome = try services.exchangeRates.record(date: date, buy: buy, sell: sell, confirmed: confirmed)
                let what = outcome == .created ? "registrado" : outcome == .updated ? "actualizado" : "sin cambios"
                Console.out("Tipo de cambio del \(ExchangeRateRule.dayMonthYear(date)) \(what): compra \(buy) venta \(sell).")
            } catch let e as ExchangeRateError where e.needsConfirmation {
                throw CLIError.failure(e.message + " Si es correcto, repita el comando con --confirmar.")
            }
            return 0
        case "import":
            let partial = args.flag("--partial")
            let file = try args.requirePositional("el ARCHIVO (CSV de SUNAT: fecha, compra, venta)")
            try args.finish()
            let services = try open(context)
            let bytes = try ImportCommand.readInput(file)
            let report = try services.exchangeRates.importRates(String(decoding: bytes, as: UTF8.self), partial: partial)
            for p in report.problems { Console.err(p.description) }
            if !report.saved && !report.problems.isEmpty {
                throw ImportRefused(message: "importación cancelada: \(report.problems.count) línea(s) con errores; no se guardó nada")
            }
            Console.out("Tipos de cambio: \(report.created) nuevo(s), \(report.updated) actualizado(s), \(report.unchanged) sin cambios.")
            if !report.problems.isEmpty {
                throw ImportRefused(message: "\(report.problems.count) línea(s) con errores no se importaron")
            }
            return 0
        case "list":
            let since = try args.option("--desde")
            try args.finish()
            let services = try open(context)
            let from = try since.map { try day($0, services) }
            let rates = try services.exchangeRates.list(since: from)
            if rates.isEmpty {
                Console.out("No hay tipos de cambio registrados\(from.map { " desde el " + ExchangeRateRule.dayMonthYear($0) } ?? "").")
                return 0
            }
            Console.out("Fecha       Compra  Venta   Origen     Usuario")
            for r in rates {
                Console.out(ExchangeRateRule.dayMonthYear(r.date) + "  " + ExchangeRate.text(r.buyMilli) + "   "
                            + ExchangeRate.text(r.sellMilli) + "   " + r.source.spanishName.padding(toLength: 10, withPad: " ", startingAt: 0)
                            + " " + r.user)
            }
            return 0
        case "show":
            let dateText = args.positional()
            try args.finish()
            let services = try open(context)
            let date = try dateText.map { try day($0, services) } ?? services.exchangeRates.today
            let choice = try services.exchangeRates.rateFor(date)
            let from = choice.note.isEmpty ? "" : " — " + choice.note
            Console.out("Tipo de cambio para el \(ExchangeRateRule.dayMonthYear(date)): compra "
                        + ExchangeRate.text(choice.rate.buyMilli) + " venta " + ExchangeRate.text(choice.rate.sellMilli) + from)
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub) (use set, import, list o show)", command: args.command)
        }
    }

    static func open(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }

    /// "hoy", dd/mm/aaaa or aaaa-mm-dd.
    static func day(_ text: String, _ services: Services) throws -> LocalDate {
        if TextFold.fold(text) == "hoy" { return services.exchangeRates.today }
        guard let d = ExchangeRateRule.parseDate(text) else { throw CLIError.failure(ExchangeRateError.invalidDate(text).message) }
        return d
    }
}
