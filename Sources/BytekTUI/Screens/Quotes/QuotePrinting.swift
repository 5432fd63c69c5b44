import BytekDocuments
import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The quote screens' PDFs (one key) through the operations layer, and the Spanish text of what
/// can go wrong while printing, shared with `bytek quote pdf` / `bytek contract pdf`.
///
/// Files go to `<data folder>/documentos/` unless a path is given (`DocumentFolders`).
public enum QuotePrinting {
    public static func dataFolder(of store: Store) -> String { DocumentFolders.data(of: store) }
    public static func documentsFolder(of store: Store) -> String { DocumentFolders.documents(of: store) }
    public static func templatesFolder(of store: Store) -> String { DocumentFolders.templates(of: store) }
    static func company(_ store: Store) throws -> CompanyInfo { try QuoteRendering.company(store) }

    // MARK: TUI

    /// Writes the PDF of quote version `quoteId` into the documents folder and returns its path, or
    /// nil after putting the reason (Spanish) in the status bar.
    @MainActor
    public static func quotePDF(quoteId: Int64, store: Store, context: AppContext) -> String? {
        do {
            return try context.services(store).quotes.pdf(quoteId)
        } catch {
            context.error(message(error, context))
            return nil
        }
    }

    /// Records (or finds) the contract of accepted quote version `quoteId`, writes its PDF and
    /// returns it, or nil after putting the reason (Spanish: e.g. the version is not accepted) in
    /// the status bar.
    @MainActor
    public static func contractPDF(quoteId: Int64, store: Store, context: AppContext) -> ContractOutput? {
        do {
            return try context.services(store).contracts.pdf(quoteId: quoteId)
        } catch {
            context.error(message(error, context))
            return nil
        }
    }

    /// The status-bar text of `error`: the operations layer's refusals as the TUI says them, the
    /// rest as `message(_:)`.
    @MainActor
    static func message(_ error: any Error, _ context: AppContext) -> String {
        if let e = error as? ServiceError { return ServiceErrorText.describe(e, context.strings) }
        return message(error)
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
            case .projectWork(let codes): return "su proyecto " + codes.joined(separator: ", ") + " ya tiene horas o tareas movidas"
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
