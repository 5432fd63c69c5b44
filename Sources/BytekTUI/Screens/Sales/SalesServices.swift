import BytekModel
import BytekServices
import BytekStore
import Foundation

/// What the Ventas screens read and write through: the sales operations acting as the session's
/// user (through its door), the users who can own deals, and the exchange rate used to add dollars to soles.
@MainActor
struct SalesServices {
    let store: Store
    /// The operations of Ventas: every read and write of these screens goes through it.
    let sales: SalesService
    let drafts: DraftRepository
    /// SUNAT's padrón, for the lead conversion form to fill name and address from a RUC.
    let padron: PadronService
    let strings: Strings
    /// Logins that may own a deal (active users), the session's first.
    let owners: [String]
    /// Soles per dollar for column sums and the forecast, and whether it is the default.
    let rate: SalesRate
    let now: @Sendable () -> Date

    init(store: Store, context: AppContext) {
        self.store = store
        sales = context.services(store).sales
        drafts = context.services(store).drafts
        padron = context.services(store).padron
        strings = context.strings
        now = context.now
        owners = (try? sales.owners()) ?? [context.session.login]
        rate = (try? sales.penPerUSD(today: sales.today))
            ?? SalesRate(penPerUSD: SalesRate.defaultRate, isDefault: true)
    }

    /// Soles per dollar.
    var penPerUSD: Decimal { rate.penPerUSD }
    /// True when no rate is set (`sales.penPerUSD`) and the fixed default is used: screens say so.
    var rateIsDefault: Bool { rate.isDefault }

    /// Today in Lima.
    var today: LocalDate { LocalDate(now(), in: SalesServices.lima) }
    static let lima = SalesService.lima

    /// Σ of amounts per currency, in soles (dollars converted at `penPerUSD`).
    func pen(_ totals: [Currency: Money]) -> Money { rate.pen(totals) }

    /// `07/03/2026`.
    static func text(_ date: LocalDate?) -> String {
        guard let d = date else { return "" }
        return pad(d.day) + "/" + pad(d.month) + "/" + String(d.year)
    }

    /// Reads `dd/mm/aaaa` (also `d/m/aaaa`); nil for anything else or a day that does not exist.
    static func date(_ text: String) -> LocalDate? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The Spanish name of an activity kind or a deal source.
    func label(_ kind: ActivityKind) -> String { strings["sales.activity." + kind.rawValue] }
    func label(_ source: DealSource) -> String { strings["sales.source." + source.rawValue] }

    /// A sentence for a sales store or model error.
    func describe(_ error: Error) -> String {
        let s = strings
        switch error {
        case SalesRepositoryError.pipeline(let e): return describe(e)
        case SalesRepositoryError.notFound: return s["err.notFound"]
        case SalesRepositoryError.stageOfAnotherUnit: return s["sales.err.stageOfAnotherUnit"]
        case SalesRepositoryError.leadAlreadyConverted: return s["sales.err.leadConverted"]
        case let e as PipelineError: return describe(e)
        case ServiceError.forbidden(let operation, _) where operation == "embudo.editar":
            return s["sales.stages.err.adminOnly"]
        case let e as ServiceError: return ServiceErrorText.describe(e, s)
        default: return ErrorText(s).describe(error)
        }
    }

    func describe(_ e: PipelineError) -> String {
        switch e {
        case .lostReasonRequired: return strings["sales.err.lostReason"]
        case .stageRetired: return strings["sales.err.stageRetired"]
        case .dealWithoutParty: return strings["sales.err.party"]
        case .dealTitleMissing, .leadNameMissing, .stageNameMissing: return strings["form.required"]
        case .estimatedValueNegative: return strings["err.negative"]
        case .needsWonAndLostStage: return strings["sales.err.pipelineWonLost"]
        case .stageNotInPipeline, .probabilityOutOfRange, .expectedDaysNegative:
            return strings["sales.err.pipeline"]
        }
    }
}
