import BytekModel
import BytekServices
import Foundation

extension ReminderCommand {
    /// `bytek recordatorios politica [mostrar|estandar|nivel DIAS …|quitar DIAS]` on the default policy.
    @MainActor
    enum PolicyCommand {
        static func run(_ args: inout Arguments, _ services: Services) throws -> Int32 {
            let sub = args.positional() ?? "mostrar"
            switch sub {
            case "mostrar":
                try args.finish()
                let policies = try services.reminders.policies()
                if policies.isEmpty { Console.out("No hay políticas de recordatorios (cree la estándar: bytek recordatorios politica estandar).") }
                for p in policies {
                    Console.out("Política \(p.name)\(p.isDefault ? " (por defecto)" : ""): gracia \(p.graceDays) días")
                    for l in p.levels { Console.out("  " + line(l)) }
                }
                Console.out("Enlace de pago: " + ((try services.reminders.portalURL()).map { $0 + "/c/<cliente>/pagar" } ?? "sin configurar (bytek recordatorios politica enlace URL)"))
                return 0
            case "estandar":
                let copy = try args.option("--copia") ?? ""
                try args.finish()
                let p = try services.reminders.ensureDefaultPolicy(financeCopy: split(copy))
                Console.out("Política \(p.name) por defecto con \(p.levels.count) niveles.")
                return 0
            case "enlace":
                let url = try args.requirePositional("la dirección pública del portal (p. ej. https://portal.bytek.pe)")
                try args.finish()
                try services.reminders.setPortalURL(url)
                Console.out("Enlace de pago: \(url)/c/<cliente>/pagar")
                return 0
            case "nivel", "quitar":
                let offset = try ReminderLevel.parseOffset(try args.requirePositional("los DÍAS respecto al vencimiento (p. ej. -3, 0, +7)"))
                let policy = try defaultPolicy(services)
                let existing = policy.levels.first { $0.offsetDays == offset }
                if sub == "quitar" {
                    try args.finish()
                    guard let id = existing?.id else { throw CLIError.failure("la política no tiene un nivel en \(ReminderLevel.offsetText(offset))") }
                    try services.reminders.removeLevel(id: id)
                    Console.out("Nivel \(ReminderLevel.offsetText(offset)) quitado.")
                    return 0
                }
                let channel = try levelChannel(&args)
                try args.finish()
                let saved = try services.reminders.saveLevel(ReminderLevel(id: existing?.id, offsetDays: offset, channel: channel),
                                                             policyId: policy.id ?? -1)
                Console.out("Nivel guardado: " + line(saved))
                return 0
            default:
                throw CLIError.usage("politica: use mostrar, estandar, enlace URL, nivel DIAS … o quitar DIAS", command: args.command)
            }
        }

        static func levelChannel(_ args: inout Arguments) throws -> ReminderLevelChannel {
            if let template = try args.option("--whatsapp") {
                let language = try args.option("--idioma") ?? "es"
                let parameters = try WhatsAppReminderTemplate.parseParameters(try args.option("--parametros") ?? "")
                return .whatsapp(WhatsAppReminderTemplate(name: template, language: language, parameters: parameters))
            }
            guard let subject = try args.option("--asunto") else {
                throw CLIError.usage("falta --asunto TEXTO y --mensaje TEXTO (o --mensaje-archivo), o --whatsapp PLANTILLA", command: args.command)
            }
            var body = try args.option("--mensaje")
            if let file = try args.option("--mensaje-archivo") {
                guard let data = FileManager.default.contents(atPath: file) else { throw CLIError.failure("no se puede leer \(file)") }
                body = String(decoding: data, as: UTF8.self)
            }
            let copy = try args.option("--copia") ?? ""
            return .email(EmailReminderTemplate(subject: subject, body: body ?? "", copyTo: split(copy)))
        }

        static func defaultPolicy(_ services: Services) throws -> ReminderPolicy {
            guard let p = try services.reminders.policies().first(where: \.isDefault) else {
                throw CLIError.failure("no hay política por defecto: créela con «bytek recordatorios politica estandar»")
            }
            return p
        }

        static func line(_ l: ReminderLevel) -> String {
            switch l.channel {
            case .email(let t):
                return "\(l.offsetText)\tcorreo\t\(t.subject)" + (t.copyTo.isEmpty ? "" : "\tcopia: " + t.copyTo.joined(separator: ", "))
            case .whatsapp(let t):
                return "\(l.offsetText)\twhatsapp\t\(t.name) (\(t.language))\t" + t.parameters.map(\.token).joined(separator: " ")
            }
        }

        static func split(_ list: String) -> [String] {
            list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }
}
