import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

/// `bytek invoice settings|issue|list|show|xml|status`: electronic documents from the command line.
///
/// `issue` reads a JSON file (see `InvoiceInput`) or takes the one-time part of an accepted quote
/// (`--from-quote`, see `QuoteInvoicing`); the document is numbered, signed, stored and queued for the
/// worker in one transaction. `xml` prints the signed XML byte for byte as it was sent. Rule violations are
/// reported with the model's Spanish text (`EDocumentError.message`).
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
                return try issueFromQuote(fromQuote, version: version, series: seriesOption, context)
            }
            guard versionText == nil, seriesOption == nil else {
                throw CLIError.usage("--version y --series van con --from-quote", command: "invoice")
            }
            guard let file else { throw CLIError.usage("falta --file COMPROBANTE.json o --from-quote NÚMERO", command: "invoice") }
            return try issue(file: file, context)
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
            let store = try context.openStore()
            _ = try context.requireUser(store, .read, .billing)
            let repo = EDocumentRepository(db: store.db)
            guard let record = try repo.record(documentID: id) else {
                throw CLIError.failure("no existe el comprobante \(id)")
            }
            if sub == "xml" {
                guard let xml = try repo.signedXML(id: record.id) else { throw CLIError.failure("\(id) no tiene XML") }
                Console.writeOut(xml)
                return 0
            }
            Console.out(show(record, lines: try lines(record.id, store.db)))
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
        let store = try context.openStore()
        let repo = EInvoicingSettingsRepository(db: store.db)
        guard let file else {
            _ = try context.requireUser(store, .read, .billing)
            guard let s = try repo.load() else { throw CLIError.failure(EInvoicingSettingsError.notConfigured.message) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            Console.out(String(decoding: try encoder.encode(s), as: UTF8.self))
            return 0
        }
        let admin = try context.requireAdmin(store)
        let data = try readFile(file)
        let settings: EInvoicingSettings
        do { settings = try JSONDecoder().decode(EInvoicingSettings.self, from: data) } catch {
            throw CLIError.failure("el archivo de ajustes no es válido: \(error)")
        }
        // SUNAT's rules folder must hold rules that compile here, or every issue would stop on it later.
        if let folder = settings.rulesFolder {
            do { try SunatRules(folder: folder).prepare() } catch { throw CLIError.failure(error.message) }
        }
        // Saving also fills an empty company profile and refuses an issuer RUC other than the profile's.
        do { try EInvoicingSettingsRepository(db: store.db, user: admin.login).save(settings) } catch let e as EInvoicingSettingsError {
            throw CLIError.failure(e.message)
        }
        Console.out("Ajustes de facturación guardados (\(settings.issuer.ruc), \(settings.environment.displayName)"
            + (settings.rulesFolder.map { "; reglas de SUNAT en \($0)" } ?? "") + ").")
        return 0
    }

    // MARK: issue

    private static func issue(file: String, _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        let user = try context.requireUser(store, .write, .billing)
        let (settings, key) = try signingSetup(store, context)
        let input: InvoiceInput
        do { input = try JSONDecoder().decode(InvoiceInput.self, from: try readFile(file)) } catch let e as CLIError {
            throw e
        } catch {
            throw CLIError.failure("el comprobante no es un JSON válido: \(jsonProblem(error))")
        }
        let repo = EDocumentRepository(db: store.db, user: user.login)
        var referenced: InvoiceInput.Referenced?
        if let kind = DocumentKind(rawValue: input.kind), kind.isNote {
            guard let ref = input.reference else {
                throw CLIError.failure("una nota necesita «reference»: el comprobante que modifica, como F001-12")
            }
            guard let record = try repo.record(documentID: ref.uppercased()) else {
                throw CLIError.failure("no existe el comprobante \(ref) que la nota modifica")
            }
            guard record.status == .aceptado || record.status == .observado else {
                throw CLIError.failure("la nota solo puede modificar un comprobante aceptado por SUNAT; "
                    + "\(record.documentID) está \(record.status.rawValue)")
            }
            referenced = InvoiceInput.Referenced(record: record, document: try repo.document(id: record.id))
        }
        let document = try input.document(settings: settings, referenced: referenced)
        return try issue(document, quoteNumber: input.orderReference, repo: repo, key: key)
    }

    /// `issue --from-quote`: the one-time part of the accepted version (the newest accepted one unless
    /// `--version` says which), to the quote's customer, in the settings' series for a factura (customer
    /// with RUC) or a boleta, or `--series`. A quote already invoiced (a factura or boleta not rejected
    /// carries its number) is refused, so running the command twice does not bill twice.
    private static func issueFromQuote(_ number: String, version: Int?, series: String?,
                                       _ context: CommandContext) throws -> Int32 {
        let store = try context.openStore()
        let user = try context.requireUser(store, .write, .billing)
        let (settings, key) = try signingSetup(store, context)
        let quotes = QuoteRepository(db: store.db, user: user.login)
        let quote: Quote
        if let version {
            guard let q = try quotes.get(number: number, version: version) else {
                throw CLIError.failure("no existe la versión \(version) de la cotización \(number)")
            }
            quote = q
        } else {
            let all = try quotes.versions(of: number)
            guard let q = all.last(where: { $0.state == .accepted }) ?? all.last else {
                throw CLIError.failure("no existe la cotización \(number)")
            }
            quote = q
        }
        // A quote sent to a lead names no customer; the deal does once the lead is converted.
        let customerId = try quote.customerId ?? quote.dealId.flatMap {
            try DealRepository(db: store.db, user: user.login).get($0)?.customerId
        }
        guard let customerId,
              let customer = try CustomerRepository(db: store.db, user: user.login).get(customerId) else {
            throw CLIError.failure("la cotización \(number) no tiene un cliente registrado: conviértalo en cliente primero")
        }
        let buyer = DocumentCustomer(customer: customer)
        let kind: DocumentKind = buyer.documentType == .ruc ? .factura : .boleta
        guard let code = series ?? settings.series(for: kind) else {
            throw CLIError.failure("no hay serie configurada para \(kind.displayName): indique --series")
        }
        let s: Series
        do { s = try Series(code) } catch { throw CLIError.failure(error.message) }
        if let existing = try store.db.queryOne(
            "SELECT series, number FROM e_document WHERE quote_number = ? AND kind IN ('01', '03') AND status <> 'rechazado' "
                + "ORDER BY id LIMIT 1", [.text(quote.number)]) {
            throw CLIError.failure("la cotización \(quote.number) ya se facturó en \(existing.string("series"))-\(existing.int("number"))")
        }
        let document: EDocument
        do {
            document = try QuoteInvoicing.document(quote: quote, customer: buyer, issuer: settings.issuer, series: s,
                                                   issuedAt: Date(), detraccionAccount: settings.detraccionAccount)
        } catch { throw CLIError.failure("no se puede facturar \(quote.number) v\(quote.version): \(error.message)") }
        return try issue(document, quoteNumber: quote.number,
                         repo: EDocumentRepository(db: store.db, user: user.login), key: key)
    }

    private static func signingSetup(_ store: Store, _ context: CommandContext) throws -> (EInvoicingSettings, SigningKey) {
        let settings: EInvoicingSettings
        let credentials: EInvoicingCredentials
        do {
            settings = try EInvoicingSettingsRepository(db: store.db).require()
            credentials = try EInvoicingCredentials.load(environment: context.environment)
        } catch let e as EInvoicingSettingsError { throw CLIError.failure(e.message) }
        do { return (settings, try SigningKey(credentials: credentials)) } catch {
            throw CLIError.failure("no se pudo abrir el certificado: \(error)")
        }
    }

    private static func issue(_ document: EDocument, quoteNumber: String?, repo: EDocumentRepository,
                              key: SigningKey) throws -> Int32 {
        let record: EDocumentRecord
        do { record = try EDocumentIssuer(repository: repo, key: key).issue(document, quoteNumber: quoteNumber) }
        catch let e as EDocumentError { throw CLIError.failure(e.message) }
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
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .billing)
        for r in try EDocumentRepository(db: store.db).list(status: status, limit: limit) {
            Console.out([r.documentID, r.kind.code, r.issueDate, r.customerDocNumber, r.customerName,
                         r.currency.rawValue, r.total.plainAmount, r.status.rawValue, r.responseCode ?? ""]
                .joined(separator: "\t"))
        }
        return 0
    }

    private static func lines(_ id: Int64, _ db: Database) throws -> [String] {
        try db.query("SELECT position, description, quantity, unit, unit_price, line_value_cents FROM e_document_line "
                     + "WHERE document_id = ? ORDER BY position", [.int(id)]).map { row in
            "  \(row.int("position")). \(row.string("description")) — \(row.string("quantity")) \(row.string("unit")) × "
                + "\(row.string("unit_price")) = \(Money(minorUnits: row.int("line_value_cents"), .pen).plainAmount)"
        }
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
        let store = try context.openStore()
        _ = try context.requireUser(store, .read, .billing)
        let counts = try EDocumentRepository(db: store.db).countsByStatus()
        for s in EDocumentStatus.allCases { Console.out("\(s.rawValue)\t\(counts[s] ?? 0)") }
        if let settings = try EInvoicingSettingsRepository(db: store.db).load() {
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
