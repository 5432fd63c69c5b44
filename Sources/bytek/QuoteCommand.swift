import BytekDocuments
import BytekModel
import BytekServices
import BytekStore
import BytekTUI
import Foundation

/// `bytek quote list|show|pdf|accept|reopen`: quotes for scripts. Reading needs read access to Cotizaciones.
@MainActor
enum QuoteCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        guard let sub = args.positional() else { throw CLIError.usage("falta el subcomando: list, show, pdf, accept o reopen", command: "quote") }
        return try SalesCLI.translatingErrors(context) {
            switch sub {
            case "list": return try list(&args, context)
            case "show": return try show(&args, context)
            case "pdf": return try pdf(&args, context)
            case "reopen": return try reopen(&args, context)
            case "accept", "aceptar": return try accept(&args, context)
            default: throw CLIError.usage("subcomando desconocido: \(sub) (use list, show, pdf, accept o reopen)", command: "quote")
            }
        }
    }

    // MARK: list

    static let csvColumns = ["numero", "version", "estado", "unidad", "cliente", "documento_cliente", "fecha_emision",
                             "valida_hasta", "moneda", "total", "unica_vez", "recurrente", "vendedor"]

    private static func list(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let stateText = try args.option("--state")
        let unitText = try args.option("--unit")
        let csv = try args.optionalValue("--csv")
        try args.finish()
        let state = try stateText.map { text in
            guard let s = SalesCLI.quoteState(text) else {
                throw CLIError.usage("estado desconocido: \(text) (borrador, enviada, aceptada, rechazada o vencida)", command: "quote")
            }
            return s
        }
        let unit = try unitText.map { try SalesCLI.unit($0, command: "quote") }
        let store = try context.openStore()
        let quotes = context.services(store, try context.requireUser(store)).quotes
        let pager = try quotes.pager(QuoteQuery(state: state, unit: unit))
        // Sent versions past their validity are listed as vencida (marked by whoever may change quotes).
        do { try quotes.expireDue() } catch ServiceError.forbidden {}
        var summaries: [QuoteSummary] = []
        try store.db.read {
            var page = try pager.first(500)
            while let last = page.last {
                summaries += page.map(\.item)
                page = try pager.after(last.cursor, 500)
            }
        }
        // Oldest number first, versions in order: how a person reads a quote register.
        summaries.sort { ($0.number, $0.version) < ($1.number, $1.version) }
        var names = SalesCLI.Parties(quotes)
        let rows: [[String]] = try summaries.map { q in
            let party = try names.party(customerId: q.customerId, dealId: q.dealId)
            return [q.number, String(q.version), QuotePrinting.stateName(q.state), q.unit.code, party.name, party.document,
                    q.issueDate?.description ?? "", q.validUntil?.description ?? "", q.total.currency.rawValue,
                    SalesCLI.plain(q.total), SalesCLI.plain(q.oneTime), SalesCLI.plain(q.recurring), q.owner]
        }
        if let csv {
            try SalesCLI.writeCSV(header: csvColumns, rows: rows, to: csv)
            return 0
        }
        if rows.isEmpty { Console.out("No hay cotizaciones con esos filtros."); return 0 }
        let table = summaries.enumerated().map { i, q in
            [q.number, "v\(q.version)", QuotePrinting.stateName(q.state), q.unit.code, String(rows[i][4].prefix(34)),
             q.issueDate?.description ?? "", q.total.formatted]
        }
        SalesCLI.printTable(["NÚMERO", "VER.", "ESTADO", "UNIDAD", "CLIENTE", "EMISIÓN", "TOTAL"], table, rightAligned: [6])
        Console.out("\(rows.count) versión(es).")
        return 0
    }

    // MARK: reopen

    /// `quote reopen NÚMERO --motivo TEXTO`: takes the accepted version back to sent (audited), undoing
    /// what its acceptance created, only while nothing has moved on since.
    private static func reopen(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let reason = try args.option("--motivo") ?? args.option("--reason")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CLIError.usage("falta --motivo: diga por qué se reabre la cotización aceptada (queda en la auditoría)", command: "quote")
        }
        let store = try context.openStore()
        let quotes = context.services(store, try context.requireUser(store)).quotes
        try quotes.actor.authorize(.quoteReopen)
        guard let accepted = try quotes.versions(of: number).first(where: { $0.state == .accepted }), let id = accepted.id else {
            throw CLIError.failure("\(number) no tiene una versión aceptada que reabrir")
        }
        let quote = try quotes.reopen(id, reason: reason)
        Console.out("\(quote.number) v\(quote.version) reabierta: vuelve a estar enviada; se deshizo lo que creó su aceptación.")
        return 0
    }

    /// `quote accept NÚMERO [--version N] [--proyecto nuevo|ninguno|CÓDIGO] [--sobre-credito MOTIVO]`: what the
    /// builder's Aceptar does (deal won, milestones with amounts, subscriptions, the project), through QuoteService.
    private static func accept(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let versionText = try args.option("--version")
        let projectText = try args.option("--proyecto") ?? "nuevo"
        let override = try args.option("--sobre-credito")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "quote")
        let store = try context.openStore()
        let services = context.services(store, try context.requireUser(store))
        let quote = try SalesCLI.quote(number, version: version, services.quotes)
        guard let id = quote.id else { throw CLIError.failure("no existe la cotización \(number)") }
        let choice: ProjectChoice
        switch projectText {
        case "nuevo": choice = .new
        case "ninguno": choice = .none
        default:
            guard let p = try services.projects.get(code: projectText.uppercased()) else {
                throw CLIError.usage("--proyecto: nuevo, ninguno o el código de un proyecto del cliente (no existe \(projectText))",
                                     command: "quote")
            }
            choice = .existing(p.id)
        }
        let done = try services.quotes.accept(id, creditOverride: override, project: choice)
        Console.out("\(done.quote.number) v\(done.quote.version) aceptada.")
        for m in done.milestones { Console.out("  Hito \(m.position): \(m.name) \(m.percent)%  \(m.amount?.formatted ?? "")") }
        if let p = done.project { Console.out("Proyecto \(p.code) «\(p.name)».") }
        return 0
    }

    // MARK: show

    private static func show(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let versionText = try args.option("--version")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "quote")
        let store = try context.openStore()
        let quotes = context.services(store, try context.requireUser(store)).quotes
        let quote = try SalesCLI.quote(number, version: version, quotes)
        let totals = try quote.totals()
        let party = try quotes.party(customerId: quote.customerId, dealId: quote.dealId)
        let versions = try quotes.versions(of: quote.number)
        var out: [String] = []
        out.append("Cotización \(quote.number) v\(quote.version) — \(QuotePrinting.stateName(quote.state))"
            + (versions.count > 1 ? " (versiones: " + versions.map { "v\($0.version) \(QuotePrinting.stateName($0.state))" }.joined(separator: ", ") + ")" : ""))
        out.append("Cliente:        \(party.name)" + (party.document.isEmpty ? "" : " (\(party.document))"))
        out.append("Unidad:         \(quote.unit.label)")
        out.append("Emisión:        \(quote.issueDate)    Válida hasta: \(quote.validUntil) (\(quote.validityDays) días)")
        out.append("Moneda:         \(quote.currency.rawValue)" + (quote.exchangeRate.map { "    Tipo de cambio: S/ \($0) por US$ 1" } ?? "")
            + "    Precios " + (quote.pricesIncludeIGV ? "con IGV" : "sin IGV"))
        out.append("Vendedor:       \(quote.owner)")
        if !quote.deliveryTime.isEmpty { out.append("Plazo entrega:  \(quote.deliveryTime)") }
        out.append("Forma de pago:  \(QuoteDocumentText.paymentTerms(quote.paymentTerms))")
        Console.out(out.joined(separator: "\n"))
        Console.out("")
        let seesCost = quotes.seesCosts
        var header = ["#", "TIPO", "DESCRIPCIÓN", "CANT.", "UNID.", "P. UNIT.", "DSCTO.", "IMPORTE"]
        if seesCost { header += ["COSTO", "MARGEN"] }
        let document = QuoteDocument(quote: quote, totals: totals, customer: BytekDocuments.DocumentCustomer(name: party.name, documentType: "", documentNumber: ""),
                                     company: CompanyInfo(legalName: "", ruc: "", address: ""), preparedBy: "")
        let lines = document.lines.enumerated().map { i, l in
            var row = [String(i + 1), l.kind.displayName, String(l.description.prefix(48)), DocumentFormat.quantity(l.quantity),
                       l.unit, l.unitPrice.rounded().formattedAmount, l.discount?.text ?? "", l.amount.formattedAmount]
            if seesCost { row += [totals.lines[i].cost.formattedAmount, totals.lines[i].margin.formattedAmount] }
            return row
        }
        SalesCLI.printTable(header, lines, rightAligned: seesCost ? [0, 3, 5, 6, 7, 8, 9] : [0, 3, 5, 6, 7])
        Console.out("")
        var figures = QuotePDF.totalRows(document)
        figures.append(("Total único", totals.oneTime.formatted))
        if !totals.recurring.isZero {
            figures.append(("Total recurrente", totals.recurring.formatted))
            figures.append(("Recurrente mensual (sin IGV)", totals.recurringMonthly.formatted))
            figures.append(("Recurrente anual (sin IGV)", totals.recurringYearly.formatted))
        }
        if seesCost {
            figures.append(("Costo", totals.cost.formatted))
            figures.append(("Margen", totals.margin.formatted + (totals.marginPercent.map { " (\(DocumentFormat.percent($0)))" } ?? "")))
        }
        let width = figures.map(\.0.count).max() ?? 0
        for (label, value) in figures {
            Console.out(label + ":" + String(repeating: " ", count: width - label.count + 2) + value)
        }
        if !document.milestones.isEmpty {
            Console.out("\nHitos de pago:")
            let records = try quote.id.map { try quotes.milestones(quoteId: $0) } ?? []
            for (i, m) in document.milestones.enumerated() {
                let stored = records.first { $0.position == i + 1 }?.amount
                Console.out("  \(i + 1). \(m.name) — \(DocumentFormat.percent(m.percent)) — \((stored ?? m.amount).formatted)")
            }
        }
        if !quote.notes.isEmpty { Console.out("\nNotas: \(quote.notes)") }
        if !quote.terms.isEmpty { Console.out("\nTérminos:\n\(quote.terms)") }
        return 0
    }

    // MARK: pdf

    private static func pdf(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let versionText = try args.option("--version")
        let output = try args.option("-o") ?? args.option("--output")
        let number = try args.requirePositional("el número de la cotización (COT-AAAA-NNNNN)")
        try args.finish()
        let version = try SalesCLI.version(versionText, command: "quote")
        let store = try context.openStore()
        let quotes = context.services(store, try context.requireUser(store)).quotes
        let quote = try SalesCLI.quote(number, version: version, quotes)
        guard let id = quote.id else { throw CLIError.failure("no existe la cotización \(quote.number)") }
        if StandardOutputFile.isRequested(output) {
            try StandardOutputFile.write(named: "\(quote.number)-v\(quote.version).pdf") { path in
                _ = try quotes.pdf(id, to: path)
            }
            return 0
        }
        let path = try quotes.pdf(id, to: output)
        Console.out(path)
        return 0
    }
}

/// Helpers shared by the sales commands (quote, contract, deal, company).
@MainActor
enum SalesCLI {
    /// Runs `body`, turning sales, document and profile errors into Spanish failures (exit 1); with
    /// `context`, the operations layer's refusals too, naming the user as the CLI always did.
    static func translatingErrors(_ context: CommandContext? = nil, _ body: () throws -> Int32) throws -> Int32 {
        do {
            return try body()
        } catch let e as ServiceError {
            throw CLIError.failure(Messages.refusal(e, login: context?.login))
        } catch let e as QuotePrintingError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as QuoteError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as SalesRepositoryError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as ContractRepositoryError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as ContractTemplateError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as PDFError { throw CLIError.failure(QuotePrinting.message(e))
        } catch let e as CompanyProfileError { throw CLIError.failure(CompanyCommand.message(e))
        } catch let e as CocoaError { throw CLIError.failure("error de archivo: \(e.localizedDescription)")
        }
    }

    /// A stored version: `version`, or the highest one (as the actor of `quotes` may see it).
    static func quote(_ number: String, version: Int?, _ quotes: QuoteService) throws -> Quote {
        let normalized = number.uppercased()
        guard let quote = try quotes.find(number: normalized, version: version) else {
            throw CLIError.failure("no existe la cotización \(normalized)" + (version.map { " versión \($0)" } ?? ""))
        }
        return quote
    }

    static func version(_ text: String?, command: String) throws -> Int? {
        guard let text else { return nil }
        guard let v = Int(text), v > 0 else { throw CLIError.usage("--version debe ser un número de versión (1, 2...)", command: command) }
        return v
    }

    static func unit(_ text: String, command: String) throws -> BusinessUnit {
        guard let u = BusinessUnit(rawValue: text.uppercased()) else {
            throw CLIError.usage("unidad desconocida: \(text) (use U1, U2 o U3)", command: command)
        }
        return u
    }

    /// Spanish state names ("borrador"...) or the stored ones ("draft"...).
    static func quoteState(_ text: String) -> QuoteState? {
        let folded = TextFold.fold(text)
        return QuoteState.allCases.first { TextFold.fold(QuotePrinting.stateName($0)) == folded || $0.rawValue == folded }
    }

    /// `1234.50`: what a spreadsheet reads as a number (no symbol, no grouping).
    static func plain(_ money: Money) -> String {
        let c = money.minorUnits
        let m = c.magnitude
        let cents = m % 100
        return (c < 0 ? "-" : "") + String(m / 100) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// CSV with BOM and CRLF (Excel keeps the accents); `-` or empty writes to standard output.
    static func writeCSV(header: [String], rows: [[String]], to file: String) throws {
        let bytes = CSVWriter().encode(header: header, rows: rows)
        if file.isEmpty || file == "-" {
            Console.writeOut(bytes)
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw CLIError.failure("no se pudo escribir \(file): \(error.localizedDescription)")
        }
        Console.out("Se exportaron \(rows.count) registro(s) a \(file).")
    }

    static func printTable(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) {
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : (i == cells.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }
        Console.out(line(header))
        for row in rows { Console.out(line(row)) }
    }

    /// Who each quote or contract is for, read once per customer or deal through the quote operations.
    struct Parties {
        let quotes: QuoteService
        private var cache: [String: QuoteParty] = [:]
        init(_ quotes: QuoteService) { self.quotes = quotes }

        mutating func party(customerId: Int64?, dealId: Int64?) throws -> QuoteParty {
            let key = customerId.map { "c\($0)" } ?? dealId.map { "d\($0)" } ?? ""
            if let hit = cache[key] { return hit }
            let found = try quotes.party(customerId: customerId, dealId: dealId)
            cache[key] = found
            return found
        }
    }
}

extension Arguments {
    /// `--name [VALUE]`: nil when absent, "" when present without a value (the next word is taken
    /// as the value unless it is another option).
    mutating func optionalValue(_ name: String) throws -> String? {
        if words.contains(where: { $0.hasPrefix(name + "=") }) { return try option(name) }
        guard let i = words.firstIndex(of: name) else { return nil }
        if i + 1 < words.count, !words[i + 1].hasPrefix("-") || words[i + 1] == "-" { return try option(name) }
        _ = flag(name)
        return ""
    }
}
