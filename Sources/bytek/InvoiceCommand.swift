import BytekModel
import BytekServices
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek invoice settings|issue|list|show|xml|status`: electronic documents from the command line.
///
/// `issue` reads a JSON file (see `InvoiceInput`) or takes the one-time part of an accepted quote
/// (`--from-quote`, see `QuoteInvoicing`); the document is numbered, signed, stored and queued for the
/// worker in one transaction. `xml` prints the signed XML byte for byte as it was sent. Rule violations are
/// reported with the model's Spanish text (`EDocumentError.message`). Every subcommand goes through the
/// operations layer (`InvoiceService`, `CompanyService`) as the command's user.
@MainActor
enum InvoiceCommand {
    static func run(_ args: inout Arguments, _ context: CommandContext) throws -> Int32 {
        let file = try args.option("--file")
        let statusFilter = try args.option("--status")
        let limitText = try args.option("--limit")
        let fromQuote = try args.option("--from-quote")
        let versionText = try args.option("--version")
        let seriesOption = try args.option("--series")
        let rulesOption = try args.option("--rules")
        let creditOverride = try args.option("--sobregiro")
        guard let sub = args.positional() else {
            throw CLIError.usage("falta el subcomando (settings, issue, list, show, xml, pdf, check, status, void, summary, batches)", command: "invoice")
        }
        guard rulesOption == nil || sub == "check" else { throw CLIError.usage("--rules va con check", command: "invoice") }
        switch sub {
        case "check":
            let id = try args.requirePositional("SERIE-NÚMERO")
            try args.finish()
            return try check(id, rulesFolder: rulesOption, context)
        case "settings":
            try args.finish()
            return try settings(file: file, context)
        case "issue":
            try args.finish()
            if let fromQuote {
                guard file == nil else { throw CLIError.usage("use --file o --from-quote, no ambos", command: "invoice") }
                let version = try versionText.map { text -> Int in
                    guard let n = Int(text), n > 0 else { throw CLIError.usage("--version espera un número positivo", command: "invoice") }
                    return n
                }
                return try issueFromQuote(fromQuote, version: version, series: seriesOption, context, creditOverride: creditOverride)
            }
            guard versionText == nil, seriesOption == nil else {
                throw CLIError.usage("--version y --series van con --from-quote", command: "invoice")
            }
            guard let file else { throw CLIError.usage("falta --file COMPROBANTE.json o --from-quote NÚMERO", command: "invoice") }
            return try issue(file: file, context, creditOverride: creditOverride)
        case "list":
            try args.finish()
            var status: EDocumentStatus?
            if let statusFilter {
                guard let s = EDocumentStatus(rawValue: statusFilter.lowercased()) else {
                    throw CLIError.usage("estado desconocido: \(statusFilter)", command: "invoice")
                }
                status = s
            }
            let limit = try limitText.map { text -> Int in
                guard let n = Int(text), n > 0 else { throw CLIError.usage("--limit espera un número positivo", command: "invoice") }
                return n
            } ?? 100
            return try list(status: status, limit: limit, context)
        case "show", "xml":
            let id = try args.requirePositional("SERIE-NÚMERO")
            try args.finish()
            let invoices = try services(context).invoices
            let record = try existing(id) { try invoices.record(documentID: id) }
            if sub == "xml" {
                Console.writeOut(try invoices.signedXML(id: record.id))
                return 0
            }
            Console.out(show(record, lines: try invoices.detail(id: record.id).lines.map(line)))
            return 0
        case "status":
            try args.finish()
            return try status(context)
        case "pdf":
            return try InvoicePDFCommand.run(&args, context)
        case "void", "summary", "batches":
            return try InvoiceBatchCommand.run(sub, &args, context)
        default:
            throw CLIError.usage("subcomando desconocido: \(sub)", command: "invoice")
        }
    }

    // MARK: settings

    private static func settings(file: String?, _ context: CommandContext) throws -> Int32 {
        let company = try services(context).company
        guard let file else {
            guard let s = try company.settings() else { throw CLIError.failure(EInvoicingSettingsError.notConfigured.message) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            Console.out(String(decoding: try encoder.encode(s), as: UTF8.self))
            return 0
        }
        let data = try readFile(file)
        let settings: EInvoicingSettings
        do { settings = try JSONDecoder().decode(EInvoicingSettings.self, from: data) } catch {
            throw CLIError.failure("el archivo de ajustes no es válido: \(error)")
        }
        // SUNAT's rules folder must hold rules that compile here; the issuer's RUC must be the profile's.
        do { try company.save(settings) } catch let e as SunatRulesError { throw CLIError.failure(e.message) }
        Console.out("Ajustes de facturación guardados (\(settings.issuer.ruc), \(settings.environment.displayName)"
            + (settings.rulesFolder.map { "; reglas de SUNAT en \($0)" } ?? "") + ").")
        return 0
    }

    /// The operations layer as the command's (active) user; the services refuse what its role may not do.
    static func services(_ context: CommandContext) throws -> Services {
        let store = try context.openStore()
        return context.services(store, try context.requireUser(store))
    }

    /// Runs `read`, saying "no existe el comprobante …" for a document that does not exist.
    static func existing<T>(_ id: String, _ read: () throws -> T) throws -> T {
        do { return try read() } catch ServiceError.notFound { throw CLIError.failure("no existe el comprobante \(id)") }
    }

    // MARK: issue

    private static func issue(file: String, _ context: CommandContext, creditOverride: String? = nil) throws -> Int32 {
        let invoices = try services(context).invoices
        let settings = try invoices.settings()
        let input: InvoiceInput
        do { input = try JSONDecoder().decode(InvoiceInput.self, from: try readFile(file)) } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError.failure("el comprobante no es un JSON válido: \(jsonProblem(error))")
        }
        var referenced: InvoiceInput.Referenced?
        if let kind = DocumentKind(rawValue: input.kind), kind.isNote {
            guard let ref = input.reference else {
                throw CLIError.failure("una nota necesita «reference»: el comprobante que modifica, como F001-12")
            }
            do {
                let (record, document) = try invoices.noteReference(documentID: ref)
                referenced = InvoiceInput.Referenced(record: record, document: document)
            } catch BillingError.documentNotFound {
                throw CLIError.failure("no existe el comprobante \(ref) que la nota modifica")
            } catch BillingError.notAccepted(let status) {
                throw CLIError.failure("la nota solo puede modificar un comprobante aceptado por SUNAT; "
                    + "\(ref.uppercased()) está \(status.rawValue)")
            }
        }
        var document = try input.document(settings: settings, referenced: referenced)
        if document.currency == .usd, document.exchangeRate == nil, !document.kind.isNote {
            // No "exchangeRate": the venta rate of the issue day (or of the 7 before, said so); none, a refusal.
            do {
                let d = try invoices.defaultExchangeRate(for: document.issueDate)
                document.exchangeRate = d.rate
                Console.out("Tipo de cambio: \(d.label).")
            } catch let e as ExchangeRateError {
                throw CLIError.failure(e.message + ", o indique \"exchangeRate\" en el comprobante")
            }
        }
        return try issue(document, quoteNumber: input.orderReference, invoices, creditOverride: creditOverride)
    }

    /// `issue --from-quote`: the one-time part of the accepted version (the newest accepted one unless
    /// `--version` says which), to the quote's customer, in the settings' series for a factura (customer
    /// with RUC) or a boleta, or `--series`. A quote already invoiced (a factura or boleta neither rejected
    /// nor voided carries its number) is refused, so running the command twice does not bill twice.
    private static func issueFromQuote(_ number: String, version: Int?, series: String?,
                                       _ context: CommandContext, creditOverride: String? = nil) throws -> Int32 {
        let invoices = try services(context).invoices
        do {
            let quote = try invoices.quote(number: number, version: version)
            let document: EDocument
            do { document = try invoices.invoiceDocument(quote: quote, series: series) } catch let e as QuoteInvoicingError {
                throw CLIError.failure("no se puede facturar \(quote.number) v\(quote.version): \(e.message)")
            } catch let e as EDocumentError {
                throw CLIError.failure("no se puede facturar \(quote.number) v\(quote.version): \(e.message)")
            }
            return try issue(document, quoteNumber: quote.number, invoices, creditOverride: creditOverride)
        } catch let e as BillingError {
            throw CLIError.failure(text(e, quote: number))
        }
    }

    /// The CLI's words for a refusal of Facturación (`quote`: the quote number a from-quote issue named).
    static func text(_ e: BillingError, quote: String = "") -> String {
        switch e {
        case .quoteNumberNotFound(let n): return "no existe la cotización \(n)"
        case .quoteVersionNotFound(let n, let v): return "no existe la versión \(v) de la cotización \(n)"
        case .quoteWithoutCustomer, .customerNotFound:
            return "la cotización \(quote) no tiene un cliente registrado: conviértalo en cliente primero"
        case .quoteAlreadyInvoiced(let doc): return "la cotización \(quote) ya se facturó en \(doc)"
        case .seriesMissing(let kind): return "no hay serie configurada para \(kind.displayName): indique --series"
        case .invalidSeries(let code): return "serie no válida: \(code)"
        case .signingKey(let m): return "no se pudo abrir el certificado: \(m)"
        case .documentNotFound: return "no existe el comprobante"
        case .rulesFolderMissing:
            return "indique la carpeta de reglas de SUNAT con --rules CARPETA o con rulesFolder en los ajustes "
                + "(bytek invoice settings)"
        default: return String(describing: e)
        }
    }

    private static func issue(_ document: EDocument, quoteNumber: String?, _ invoices: InvoiceService,
                              creditOverride: String? = nil) throws -> Int32 {
        let record: EDocumentRecord
        do { record = try invoices.issue(document, quoteNumber: quoteNumber, creditOverride: creditOverride) }
        catch let e as CreditLimitError {
            if case .exceeded = e { throw CLIError.failure(e.message + " (--sobregiro \"motivo\", rol finanzas o admin)") }
            throw CLIError.failure(e.message)
        }
        catch let e as EDocumentError { throw CLIError.failure(e.message) }
        catch let e as BillingError { throw CLIError.failure(text(e)) }
        Console.out("\(record.kind.displayName) \(record.documentID) emitida: \(record.currency.rawValue) "
            + "\(record.total.plainAmount); estado \(record.status.rawValue); hash \(record.digestValue)")
        return 0
    }

    /// Where a JSON decoding error is, in words.
    private static func jsonProblem(_ error: any Error) -> String {
        guard let e = error as? DecodingError else { return String(describing: error) }
        func path(_ c: [any CodingKey]) -> String {
            c.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch e {
        case .keyNotFound(let key, let ctx): return "falta «\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))»"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "«\(path(ctx.codingPath))» tiene un tipo de valor equivocado (los importes van entre comillas: \"118.00\")"
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "no es JSON" : "«\(path(ctx.codingPath))» no es válido"
        @unknown default: return String(describing: e)
        }
    }

    // MARK: list, show, status

    private static func list(status: EDocumentStatus?, limit: Int, _ context: CommandContext) throws -> Int32 {
        for r in try services(context).invoices.list(status: status, limit: limit) {
            Console.out([r.documentID, r.kind.code, r.issueDate, r.customerDocNumber, r.customerName,
                         r.currency.rawValue, r.total.plainAmount, r.status.rawValue, r.responseCode ?? ""]
                .joined(separator: "\t"))
        }
        return 0
    }

    private static func line(_ l: EDocumentLineRecord) -> String {
        "  \(l.position). \(l.description) — \(l.quantity) \(l.unit) × \(l.unitPrice) = \(l.lineValue.plainAmount)"
    }

    private static func show(_ r: EDocumentRecord, lines: [String]) -> String {
        var out = [
            "\(r.kind.displayName) \(r.documentID)  (\(r.fileName))",
            "Fecha de emisión: \(r.issueDate)",
            "Cliente: \(r.customerName) (\(r.customerDocType) \(r.customerDocNumber))",
            "Moneda: \(r.currency.rawValue)  Valor de venta: \(r.taxable.formatted)  IGV: \(r.igv.formatted)  Total: \(r.total.formatted)",
            "Estado SUNAT: \(r.status.rawValue)" + (r.responseCode.map { " (código \($0))" } ?? ""),
        ]
        if let d = r.responseDescription { out.append("Respuesta: \(d)") }
        for o in r.observations { out.append("Observación: \(o)") }
        if let e = r.lastError { out.append("Último error: \(e)") }
        out.append("Intentos de envío: \(r.attempts)")
        out.append("Hash (DigestValue): \(r.digestValue)")
        if let q = r.quoteNumber { out.append("Referencia: \(q)") }
        out.append("Líneas:")
        out += lines
        return out.joined(separator: "\n")
    }

    private static func status(_ context: CommandContext) throws -> Int32 {
        let services = try services(context)
        let counts = try services.invoices.countsByStatus()
        for s in EDocumentStatus.allCases { Console.out("\(s.rawValue)\t\(counts[s] ?? 0)") }
        if let settings = try services.company.settings() {
            Console.out("entorno\t\(settings.environment.rawValue)\t\(settings.activeEndpoints.billService)")
        } else {
            Console.out("entorno\tsin configurar")
        }
        return 0
    }

    private static func readFile(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.failure("no se pudo leer \(path)") }
        return data
    }
}
