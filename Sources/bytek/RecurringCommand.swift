import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek recurrentes preview|facturar|historial|lista|pausar|reanudar|cancelar|terminar|precio|ajustar`:
/// recurring billing through the operations layer (the worker runs `facturar` every day by itself).
@MainActor
enum RecurringCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando: preview, facturar, historial, lista, pausar, reanudar, cancelar, "
                                 + "terminar, precio o ajustar", command: args.command)
        }
        switch sub {
        case "preview", "facturar":
            let (services, date) = try servicesAndDate(&args, context)
            if sub == "preview" {
                printPlan(try services.recurring.preview(on: date))
                return 0
            }
            let report = try services.recurring.run(on: date, describe: Messages.text)
            Console.out("Facturación recurrente del \(report.date): \(report.issued.count) comprobante(s), \(report.lines) línea(s)"
                        + (report.alreadyBilled > 0 ? ", \(report.alreadyBilled) ya facturado(s) por otro proceso" : "") + ".")
            for id in report.issued { Console.out("  " + id) }
            for f in report.failures { Console.err("Sin facturar: \(f.customerName): \(f.reason)") }
            return report.failures.isEmpty ? 0 : 1
        case "historial":
            try args.finish()
            let runs = try open(context).recurring.history()
            if runs.isEmpty { Console.out("Aún no hay corridas de facturación recurrente."); return 0 }
            Console.out("Corrida\tFecha\tUsuario\tComprobantes\tLíneas\tTotal\tFallas\tEstado")
            for r in runs {
                Console.out("\(r.id)\t\(r.date)\t\(r.user)\t\(r.documents)\t\(r.lines)\t"
                            + (r.totals.isEmpty ? "—" : r.totals.map(\.formatted).joined(separator: " + ")) + "\t\(r.failures.count)\t"
                            + (r.finishedAt == nil ? "sin terminar" : "terminada"))
                for f in r.failures { Console.out("\tfalla: \(f.customerName): \(f.reason)") }
            }
            return 0
        case "lista":
            try args.finish()
            let subs = try open(context).recurring.subscriptions()
            Console.out("ID\tCliente\tDescripción\tPrecio\tPeriodo\tDía\tModo\tMoneda\tDesde\tHasta\tEstado")
            for s in subs {
                let state = !s.subscription.active ? "inactiva" : s.terms.isPaused ? "en pausa" : "activa"
                Console.out("\(s.id)\t\(s.customerName)\t\(s.subscription.description)\t\(s.subscription.pricePerPeriod.formatted)\t"
                            + "\(s.subscription.period.displayName)\t\(s.billingDay)\t\(s.timing.displayName)\t\(s.billCurrency.rawValue)\t"
                            + "\(s.subscription.startDate)\t" + (s.endsOn.map { $0.adding(days: -1).description } ?? "—") + "\t" + state)
            }
            return 0
        case "pausar", "reanudar", "cancelar":
            let id = try subscriptionId(&args)
            let (services, date) = try servicesAndDate(&args, context)
            switch sub {
            case "pausar":
                try services.recurring.pause(id, from: date)
                Console.out("Suscripción \(id) en pausa desde el \(date ?? services.recurring.today).")
            case "reanudar":
                try services.recurring.resume(id, on: date)
                Console.out("Suscripción \(id) reanudada el \(date ?? services.recurring.today); se factura desde ese día, prorrateado.")
            default:
                let last = try services.recurring.cancelAtPeriodEnd(id, on: date)
                Console.out("Suscripción \(id) cancelada al fin del periodo: se factura hasta el \(last).")
            }
            return 0
        case "terminar":
            let id = try subscriptionId(&args)
            guard let lastText = try args.option("--ultimo-dia") else {
                throw CLIError.usage("falta --ultimo-dia FECHA", command: args.command)
            }
            try args.finish()
            let services = try open(context)
            let last = try day(lastText, services)
            try services.recurring.stop(id, lastDay: last)
            Console.out("Suscripción \(id) termina el \(last) (el último periodo se prorratea).")
            return 0
        case "precio":
            let id = try subscriptionId(&args)
            let amount = try args.requirePositional("el PRECIO por periodo sin IGV (p. ej. 120.50)")
            let (services, date) = try servicesAndDate(&args, context)
            let from = try services.recurring.changePrice(id, to: amount, on: date)
            Console.out("Suscripción \(id): nuevo precio desde el periodo que empieza el \(from).")
            return 0
        case "ajustar":
            let id = try subscriptionId(&args)
            let dayText = try args.option("--dia")
            let mode = try args.option("--modo")
            let currency = try args.option("--moneda")
            try args.finish()
            let services = try open(context)
            guard let current = try services.recurring.subscriptions().first(where: { $0.id == id }) else {
                throw CLIError.failure(RecurringServiceError.subscriptionNotFound(id).message)
            }
            var billingDay = current.billingDay
            if let dayText {
                guard let n = Int(dayText) else { throw CLIError.failure(RecurringServiceError.invalidBillingDay(0).message) }
                billingDay = n
            }
            var timing: BillingTiming?
            if let mode {
                switch TextFold.fold(mode) {
                case "adelantado": timing = .advance
                case "vencido": timing = .arrears
                default: throw CLIError.usage("--modo: use adelantado o vencido, no «\(mode)»", command: args.command)
                }
            }
            var cur: Currency?
            if let currency {
                guard let c = Currency(rawValue: currency.uppercased()) else {
                    throw CLIError.usage("--moneda: use PEN o USD, no «\(currency)»", command: args.command)
                }
                cur = c
            }
            try services.recurring.setBilling(id, billingDay: billingDay, timing: timing, billCurrency: cur)
            Console.out("Suscripción \(id): se factura el día \(billingDay).")
            return 0
        default:
            throw CLIError.usage("subcomando desconocido: \(sub)", command: args.command)
        }
    }

    static func printPlan(_ plan: RecurringPlan) {
        if plan.documents.isEmpty && plan.failures.isEmpty {
            Console.out("Nada que facturar al \(plan.date).")
            return
        }
        Console.out("Facturación recurrente al \(plan.date): \(plan.documents.count) comprobante(s), \(plan.lineCount) línea(s).")
        for d in plan.documents {
            Console.out("\(d.customerName)\t\(d.key.series)\t\(d.key.currency.rawValue)\tdía \(d.key.billingDay)\t\(d.total.formatted)")
            for (item, amount) in zip(d.items, d.amounts) { Console.out("  \(item.lineDescription)\t\(amount.formatted)") }
        }
        for t in plan.totals { Console.out("Total \(t.currency.rawValue): \(t.formatted)") }
        for f in plan.failures { Console.out("Sin facturar: \(f.customerName): \(f.reason)") }
    }

    /// `[--fecha FECHA]` as the last option, then the user's services.
    private static func servicesAndDate(_ args: inout Arguments, _ context: CommandContext) throws -> (Services, LocalDate?) {
        let dateText = try args.option("--fecha")
        try args.finish()
        let services = try open(context)
        return (services, try dateText.map { try day($0, services) })
    }

    private static func subscriptionId(_ args: inout Arguments) throws -> Int64 {
        let text = try args.requirePositional("el ID de la suscripción (vea «bytek recurrentes lista»)")
        guard let id = Int64(text), id > 0 else { throw CLIError.usage("ID de suscripción no válido: «\(text)»", command: args.command) }
        return id
    }

    /// The services of the user (the same opening as `bytek tipo-cambio`).
    private static func open(_ context: CommandContext) throws -> Services { try ExchangeRateCommand.open(context) }

    /// "hoy", dd/mm/aaaa or aaaa-mm-dd (as `bytek tipo-cambio` reads dates).
    private static func day(_ text: String, _ services: Services) throws -> LocalDate { try ExchangeRateCommand.day(text, services) }
}
