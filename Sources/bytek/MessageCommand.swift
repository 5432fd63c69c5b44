import BytekModel
import BytekServices
import BytekStore
import Foundation

/// `bytek mensajes --cliente RUC [--limite N]`: a customer's messages (e-mail and WhatsApp) and how each went.
/// `bytek mensajes comprobantes --cliente RUC [--activo si|no] [--a correos] [--adjuntos pdf,xml,cdr]`: how the
/// customer gets its accepted documents by e-mail (without options it prints it).
/// `bytek cotizacion enviar NUM [--version N] [--a correo,...]`: e-mails the quote's PDF (other `cotizacion`
/// subcommands are `bytek quote`'s). `bytek comprobante enviar F001-12 [--a correo,...]`: e-mails an accepted
/// document with its PDF, XML and CDR.
@MainActor
enum MessageCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        if take(&args, "comprobantes") { return try preference(&args, context) }
        let ruc = try args.option("--cliente")
        let limitText = try args.option("--limite")
        try args.finish()
        guard let ruc else { throw CLIError.usage("indique el cliente: bytek mensajes --cliente RUC", command: "mensajes") }
        guard let limit = Int(limitText ?? "50"), (1...10_000).contains(limit) else {
            throw CLIError.usage("--limite debe ser un número de 1 a 10000", command: "mensajes")
        }
        let store = try context.openStore()
        let messages = context.services(store, try context.requireUser(store)).messages
        let customer = try customer(ruc, messages)
        let list = try messages.messages(customerId: customer.id, limit: limit)
        Console.out("Mensajes de \(customer.name): \(list.count)")
        for m in list {
            var line = "\(m.id)\t\(ISOTimestamp.format(m.createdAt))\t\(m.channel.displayName)\t"
                + "\(m.purpose.displayName)\t\(m.reference)\t\(m.recipientText)\t\(m.status.displayName)"
            if m.fallbackOf != nil { line += " (en lugar del WhatsApp \(m.fallbackOf!))" }
            if !m.error.isEmpty { line += "\t\(m.error)" }
            Console.out(line)
        }
        return 0
    }

    static func customer(_ ruc: String, _ messages: MessageService) throws -> (id: Int64, name: String) {
        guard let c = try messages.customer(docNumber: ruc) else { throw CLIError.failure("no existe el cliente con documento \(ruc)") }
        return c
    }

    static func preference(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let ruc = try args.option("--cliente")
        let active = try args.option("--activo")
        let to = try args.option("--a")
        let files = try args.option("--adjuntos")
        try args.finish()
        guard let ruc else { throw CLIError.usage("indique el cliente: --cliente RUC", command: "mensajes") }
        let store = try context.openStore()
        let messages = context.services(store, try context.requireUser(store)).messages
        let customer = try customer(ruc, messages)
        var p = try messages.documentMailPreference(customerId: customer.id)
        if active != nil || to != nil || files != nil {
            if let active {
                switch active.lowercased() {
                case "si", "sí", "yes": p.enabled = true
                case "no": p.enabled = false
                default: throw CLIError.usage("--activo: escriba si o no", command: "mensajes")
                }
            }
            if let to { p.recipients = to.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            if let files {
                let names = Set(files.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
                guard names.isSubset(of: ["pdf", "xml", "cdr"]), !names.isEmpty else {
                    throw CLIError.usage("--adjuntos: escriba pdf, xml y/o cdr separados por comas", command: "mensajes")
                }
                p.attachPDF = names.contains("pdf"); p.attachXML = names.contains("xml"); p.attachCDR = names.contains("cdr")
            }
            try messages.setDocumentMailPreference(customerId: customer.id, p)
            Console.out("Envío de comprobantes guardado.")
        }
        let recipients = try messages.documentRecipients(customerId: customer.id)
        let attached = [p.attachPDF ? "PDF" : nil, p.attachXML ? "XML" : nil, p.attachCDR ? "CDR" : nil].compactMap { $0 }
        Console.out("\(customer.name): comprobantes aceptados por correo \(p.enabled ? "sí" : "no")"
            + " · a: \(recipients.isEmpty ? "(sin correos de facturación)" : recipients.joined(separator: ", "))"
            + (p.recipients.isEmpty ? " (contactos de facturación)" : "")
            + " · adjuntos: \(attached.joined(separator: ", "))")
        return 0
    }

    /// `bytek cotizacion …`: `enviar` here, the rest as `bytek quote`.
    static func quote(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard take(&args, "enviar") else { return try QuoteCommand.run(&args, context) }
        let versionText = try args.option("--version")
        let to = try args.option("--a")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "cotizacion")
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        return try SalesCLI.translatingErrors(context) {
            let quote = try SalesCLI.quote(number, version: version, services.quotes)
            guard let qid = quote.id else { throw CLIError.failure("no existe la cotización \(number)") }
            let id = try services.messages.sendQuote(quoteId: qid, to: to.map(addresses))
            let m = try services.messages.message(id: id)
            Console.out("Cotización \(m.reference) en cola para \(m.recipientText) (mensaje \(id)); la envía el trabajador.")
            return 0
        }
    }

    /// `bytek comprobante enviar F001-12 [--a …]`.
    static func document(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard take(&args, "enviar") else {
            throw CLIError.usage("subcomando desconocido (use: bytek comprobante enviar F001-12 [--a correos])", command: "comprobante")
        }
        let to = try args.option("--a")
        let documentID = try args.requirePositional("el comprobante (F001-12)")
        try args.finish()
        let store = try context.openStore()
        let messages = context.services(store, try context.requireUser(store)).messages
        let id = try messages.sendDocument(documentID: documentID, to: to.map(addresses))
        let m = try messages.message(id: id)
        Console.out("\(m.reference) en cola para \(m.recipientText) (mensaje \(id)); la envía el trabajador.")
        return 0
    }

    /// True (and removed) when the first word that is not an option is `word`.
    static func take(_ args: inout Arguments, _ word: String) -> Bool {
        guard args.words.first(where: { !$0.hasPrefix("-") }) == word else { return false }
        _ = args.positional()
        return true
    }

    static func addresses(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
