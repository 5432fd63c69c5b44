import BytekDocuments
import BytekModel
import BytekStore
import Foundation

/// Why a quote or contract PDF could not be produced (turned into Spanish by `QuotePrinting.message`).
public enum QuotePrintingError: Error, Sendable, Hashable {
    case quoteNotFound(String)
    case quoteIdNotFound(Int64)
    /// `bytek company set` (or the TUI) must store the company profile first.
    case companyProfileMissing
    /// The quote has neither a customer nor a deal with a lead to print.
    case partyMissing(String)
    case contract(ContractMappingError)
    /// The version has no contract yet and the user may not record one (read-only role).
    case contractNotRecorded(String, Int)
}

/// Produces the PDF of a stored quote version and the contract of an accepted one, for the quote
/// screens (one key) and for `bytek quote pdf` / `bytek contract pdf`.
///
/// Files go to `<data folder>/documentos/` unless a path is given, where the data folder is the
/// folder holding the database file (so a demo or a test database keeps its documents beside it).
/// Contract templates are read from `<data folder>/plantillas/` and written there as editable
/// files the first time a unit's contract is produced.
public enum QuotePrinting {
    /// The folder holding the database file.
    public static func dataFolder(of store: Store) -> String {
        let dir = (store.path as NSString).deletingLastPathComponent
        return dir.isEmpty ? FileManager.default.currentDirectoryPath : dir
    }

    public static func documentsFolder(of store: Store) -> String { dataFolder(of: store) + "/documentos" }
    public static func templatesFolder(of store: Store) -> String { dataFolder(of: store) + "/plantillas" }

    /// Today in Lima, the day printed on a contract.
    public static func today(_ now: Date = Date()) -> LocalDate {
        LocalDate(now, in: TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current)
    }

    // MARK: TUI

    /// Writes the PDF of quote version `quoteId` into the documents folder and returns its path, or
    /// nil after putting the reason (Spanish) in the status bar.
    @MainActor
    public static func quotePDF(quoteId: Int64, store: Store, context: AppContext) -> String? {
        do {
            guard let quote = try QuoteRepository(db: store.db, user: context.session.login).get(quoteId) else {
                throw QuotePrintingError.quoteIdNotFound(quoteId)
            }
            return try renderQuote(quote, store: store, preparer: context.session.login)
        } catch {
            context.error(message(error))
            return nil
        }
    }

    /// Records (or finds) the contract of accepted quote version `quoteId`, writes its PDF and
    /// returns it, or nil after putting the reason (Spanish: e.g. the version is not accepted) in
    /// the status bar.
    @MainActor
    public static func contractPDF(quoteId: Int64, store: Store, context: AppContext) -> ContractOutput? {
        do {
            guard let quote = try QuoteRepository(db: store.db, user: context.session.login).get(quoteId) else {
                throw QuotePrintingError.quoteIdNotFound(quoteId)
            }
            return try renderContract(quote, store: store, user: context.session.login,
                                      canRecord: context.can(.write, .quotes), today: today(context.now()))
        } catch {
            context.error(message(error))
            return nil
        }
    }

    // MARK: rendering

    /// The quote document of a stored version, as printed (exposed for tests and previews).
    public static func quoteDocument(_ quote: Quote, store: Store, preparer login: String) throws -> QuoteDocument {
        let totals = try quote.totals()
        let users = UserRepository(db: store.db, user: login)
        let preparer = try users.find(login)
        return QuoteDocument(quote: quote, totals: totals, customer: try customer(of: quote, store: store),
                             company: try company(store), preparedBy: preparer?.name ?? login)
    }

    /// Renders a stored quote version to `path` (default: `documentos/COT-2026-00001-v2.pdf`); returns the path.
    @discardableResult
    public static func renderQuote(_ quote: Quote, store: Store, preparer login: String, to path: String? = nil) throws -> String {
        let document = try quoteDocument(quote, store: store, preparer: login)
        let target = try target(path, store: store, name: "\(quote.number)-v\(quote.version).pdf")
        try QuotePDF.render(document, to: target)
        return target
    }

    /// What producing a contract PDF gave: the file, the recorded contract, whether this call
    /// recorded it, and whether the template text differs from the one the contract was first
    /// generated with (the PDF then follows the edited template; the record keeps the first hash).
    public struct ContractOutput: Sendable {
        public var path: String
        public var contract: Contract
        public var created: Bool
        public var templateChanged: Bool
        public var scopeHash: String { contract.scopeHash }
    }

    /// Records the contract of an accepted version (or finds the one recorded before: same number,
    /// date and hashes) and renders it with its unit's template to `path` (default:
    /// `documentos/CTR-2026-00001.pdf`). A version without a contract is only recorded when
    /// `canRecord` (the user may change quotes); otherwise `.contractNotRecorded`.
    @discardableResult
    public static func renderContract(_ quote: Quote, store: Store, user login: String, canRecord: Bool = true,
                                      today: LocalDate, to path: String? = nil) throws -> ContractOutput {
        var document: ContractDocument
        let totals = try quote.totals()
        do {
            document = try ContractDocument(acceptedQuote: quote, totals: totals,
                                            customer: try customer(of: quote, store: store),
                                            company: try company(store), date: today)
        } catch let error as ContractMappingError {
            throw QuotePrintingError.contract(error)
        }
        guard let quoteId = quote.id else { throw QuotePrintingError.quoteNotFound(quote.number) }
        let template = try ContractTemplate.load(for: quote.unit, folder: templatesFolder(of: store))
        let templateHash = ScopeHash.sha256Hex(template.text)
        let contracts = ContractRepository(db: store.db, user: login)
        let recorded: (contract: Contract, created: Bool)
        if let existing = try contracts.forQuote(quoteId) {
            recorded = (existing, false)
        } else {
            guard canRecord else { throw QuotePrintingError.contractNotRecorded(quote.number, quote.version) }
            recorded = try contracts.record(Contract(
                quoteId: quoteId, quoteNumber: quote.number, quoteVersion: quote.version,
                customerId: try quote.customerId ?? quote.dealId.flatMap { try DealRepository(db: store.db, user: login).get($0)?.customerId },
                unit: quote.unit, scopeHash: document.scopeHash, templateName: ContractTemplate.fileName(for: quote.unit),
                templateHash: templateHash, total: totals.tax.total, date: today))
        }
        // A regenerated contract prints what was recorded: its number and its date.
        document.number = recorded.contract.number
        document.date = DocumentDate(recorded.contract.date)
        let target = try target(path, store: store, name: "\(recorded.contract.number).pdf")
        try ContractPDF.render(document, template: template, to: target)
        return ContractOutput(path: target, contract: recorded.contract, created: recorded.created,
                              templateChanged: recorded.contract.templateHash != templateHash)
    }

    static func company(_ store: Store) throws -> CompanyInfo {
        let profile = try CompanyProfileRepository(db: store.db, user: "").load()
        guard !profile.isEmpty else { throw QuotePrintingError.companyProfileMissing }
        return CompanyInfo(profile: profile, dataFolder: dataFolder(of: store))
    }

    static func customer(of quote: Quote, store: Store) throws -> BytekDocuments.DocumentCustomer {
        if let id = quote.customerId, let c = try CustomerRepository(db: store.db, user: "").get(id) {
            return BytekDocuments.DocumentCustomer(customer: c)
        }
        let deals = DealRepository(db: store.db, user: "")
        if let dealId = quote.dealId, let deal = try deals.get(dealId) {
            if let id = deal.customerId, let c = try CustomerRepository(db: store.db, user: "").get(id) {
                return BytekDocuments.DocumentCustomer(customer: c)
            }
            if let leadId = deal.leadId, let lead = try deals.lead(leadId) { return BytekDocuments.DocumentCustomer(lead: lead) }
        }
        throw QuotePrintingError.partyMissing(quote.number)
    }

    private static func target(_ path: String?, store: Store, name: String) throws -> String {
        if let path, !path.isEmpty {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            return path
        }
        let folder = documentsFolder(of: store)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }

    // MARK: messages

    /// The Spanish text of an error met while printing (model, store, template and PDF errors).
    public static func message(_ error: any Error) -> String {
        switch error {
        case let e as QuotePrintingError:
            switch e {
            case .quoteNotFound(let n): return "no existe la cotización \(n)"
            case .quoteIdNotFound(let id): return "no existe la cotización con id \(id)"
            case .companyProfileMissing:
                return "falta el perfil de la empresa (RUC, razón social, dirección): un admin lo registra con «bytek company set»"
            case .partyMissing(let n): return "la cotización \(n) no tiene cliente ni prospecto que imprimir"
            case .contract(.quoteNotAccepted(let state)):
                return "solo una versión aceptada genera contrato; esta versión está \(stateName(state)) "
                    + "(acepte la cotización primero)"
            case .contractNotRecorded(let n, let v):
                return "\(n) v\(v) aún no tiene contrato y su rol solo puede leer cotizaciones: ventas o admin lo genera"
            }
        case let e as ContractRepositoryError:
            switch e {
            case .quoteNotFound(let id): return "no existe la cotización con id \(id)"
            case .quoteNotAccepted(let state):
                return "solo una versión aceptada genera contrato; esta versión está \(stateName(state))"
            }
        case let e as QuoteError: return quoteErrorText(e)
        case let e as SalesRepositoryError:
            switch e {
            case .quote(let q): return quoteErrorText(q)
            case .anotherVersionAccepted(let v): return "la versión v\(v) de esta cotización ya está aceptada"
            case .cannotReopen(let blockers): return "no se puede reabrir: " + reopenBlockerText(blockers)
            default: return "error de ventas: \(e)"
            }
        case let e as ContractTemplateError: return "plantilla de contrato: \(e)"
        case let e as PDFError: return "no se pudo generar el PDF: \(e)"
        case let e as CocoaError: return "error de archivo: \(e.localizedDescription)"
        default: return String(describing: error)
        }
    }

    /// Why an accepted version cannot be reopened, as one clause.
    public static func reopenBlockerText(_ blockers: [QuoteReopenBlocker]) -> String {
        blockers.map { b in
            switch b {
            case .invoiced(let numbers): return "ya se emitió " + numbers.joined(separator: ", ") + " desde ella (emita una nota de crédito)"
            }
        }.joined(separator: "; ")
    }

    /// "borrador", "enviada", "aceptada", "rechazada", "vencida".
    public static func stateName(_ state: QuoteState) -> String {
        switch state {
        case .draft: return "borrador"
        case .sent: return "enviada"
        case .accepted: return "aceptada"
        case .rejected: return "rechazada"
        case .expired: return "vencida"
        }
    }

    static func quoteErrorText(_ e: QuoteError) -> String {
        switch e {
        case .exchangeRateMissing: return "falta el tipo de cambio para las líneas en otra moneda"
        case .exchangeRateNotPositive: return "el tipo de cambio debe ser mayor que cero"
        case .milestonesDoNotAddUp(let total):
            return "los hitos suman \(DocumentFormat.percent(total)), deben sumar 100%"
        default: return "la cotización no se puede calcular (\(e))"
        }
    }
}
