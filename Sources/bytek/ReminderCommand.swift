import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek recordatorios [hoy|enviar|historial|pausar|reanudar|promesa|disputa|politica]`: reminders through
/// the operations layer (the worker sends them every day at 08:00 by itself).
@MainActor
enum ReminderCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let sub = args.positional() ?? "hoy"
        switch sub {
        case "hoy", "enviar":
            let dateText = try args.option("--fecha")
            try args.finish()
            let services = try open(context)
            let date = try dateText.map { try ExchangeRateCommand.day($0, services) }
            if sub == "hoy" {
                try printPlan(services, on: date)
                return 0
            }
            let r = try services.reminders.run(on: date)
            Console.out("Recordatorios del \(ReminderMessage.date(r.date)): \(r.sent.count) enviado(s) a la cola"
                        + (r.alreadySent > 0 ? ", \(r.alreadySent) cliente(s) ya atendidos por otro proceso" : "") + ".")
            for s in r.sent {
                Console.out("  \(s.customerName)\t\(s.level.offsetText)\t\(s.channel)\t\(s.recipient)\t\(s.documents.joined(separator: ", "))")
            }
            for h in r.held { Console.out("  Retenido: \(h.customerName): \(h.stop.text)") }
            for k in r.skipped { Console.err("Sin enviar: \(k.customerName): \(k.reason)") }
            return r.skipped.isEmpty ? 0 : 1
        case "historial":
            guard let ruc = try args.option("--cliente") else { throw CLIError.usage("falta --cliente RUC", command: args.command) }
            try args.finish()
            let services = try open(context)
            let id = try customer(ruc, services)
            let entries = try services.reminders.history(customerId: id)
            if entries.isEmpty { Console.out("Aún no se enviaron recordatorios a este cliente."); return 0 }
            Console.out("Fecha\tNivel\tCanal\tPara\tEstado\tDocumentos")
            for e in entries {
                Console.out("\(ReminderMessage.date(e.sentOn))\t\(ReminderLevel.offsetText(e.offsetDays))\t\(e.channel)\t\(e.recipient)\t"
                            + "\(e.status)\t\(e.documents)")
            }
            return 0
        case "pausar", "reanudar", "promesa", "disputa":
            let ruc = try args.requirePositional("el RUC o documento del cliente")
            let note = try args.option("--nota") ?? ""
            let until = try args.option("--hasta")
            let withdraw = args.flag("--retirar")
            let resolved = args.flag("--resuelta")
            try args.finish()
            let services = try open(context)
            let id = try customer(ruc, services)
            let s: ReminderCustomerSettings
            switch sub {
            case "pausar": s = try services.reminders.pause(customerId: id, true, note: note)
            case "reanudar": s = try services.reminders.pause(customerId: id, false)
            case "promesa":
                guard withdraw || until != nil else { throw CLIError.usage("falta --hasta FECHA (o --retirar)", command: args.command) }
                s = try services.reminders.promise(customerId: id, until: withdraw ? nil : try until.map { try ExchangeRateCommand.day($0, services) },
                                                   note: note)
            default: s = try services.reminders.dispute(customerId: id, !resolved, note: note)
            }
            Console.out(describe(s))
            return 0
        case "politica":
            return try PolicyCommand.run(&args, try open(context))
        default:
            throw CLIError.usage("subcomando desconocido: \(sub)", command: args.command)
        }
    }

    static func printPlan(_ services: Services, on date: LocalDate?) throws {
        let plan = try services.reminders.plan(on: date)
        let day = date ?? services.reminders.today
        if plan.batches.isEmpty { Console.out("Ningún recordatorio para el \(ReminderMessage.date(day)).") }
        for b in plan.batches {
            let out = try services.reminders.outgoing(b, on: day)
            let to = out.whatsapp != nil && out.recipients.whatsapp != nil ? out.recipients.whatsapp ?? "" : out.emailTo.joined(separator: ", ")
            Console.out("\(b.customerName)\t\(b.level.offsetText)\t\(b.level.channel.name)\t\(to.isEmpty ? "(sin contacto)" : to)\t"
                        + "\(out.message.values[.total] ?? "")\t" + b.receivables.map(\.documentID).joined(separator: ", "))
        }
        for h in plan.held { Console.out("Retenido: \(h.customerName): \(h.stop.text)") }
    }

    static func describe(_ s: ReminderCustomerSettings) -> String {
        var parts: [String] = []
        if s.paused { parts.append("en pausa" + (s.pauseNote.isEmpty ? "" : " (\(s.pauseNote))")) }
        if let p = s.promiseUntil { parts.append("promesa de pago hasta el \(ReminderMessage.date(p))" + (s.promiseNote.isEmpty ? "" : " (\(s.promiseNote))")) }
        if s.disputed { parts.append("en disputa" + (s.disputeNote.isEmpty ? "" : " (\(s.disputeNote))")) }
        return "Recordatorios del cliente: " + (parts.isEmpty ? "activos" : parts.joined(separator: "; ")) + "."
    }

    static func customer(_ doc: String, _ services: Services) throws -> Int64 {
        guard let id = try services.receivables.customerId(docNumber: doc) else {
            throw CLIError.failure("no hay un cliente con el documento «\(doc)»")
        }
        return id
    }

    static func open(_ context: CommandContext) throws -> Services { try ExchangeRateCommand.open(context) }
}
