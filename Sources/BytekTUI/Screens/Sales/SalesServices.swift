import BytekModel
import BytekStore
import Foundation

/// What the Ventas screens read and write through: the sales repositories acting as the session's
/// user, the users who can own deals, and the exchange rate used to add dollars to soles.
@MainActor
struct SalesServices {
    let store: Store
    let deals: DealRepository
    let pipelines: PipelineRepository
    let customers: CustomerRepository
    let drafts: DraftRepository
    let strings: Strings
    /// Logins that may own a deal (active users), the session's first.
    let owners: [String]
    /// Soles per dollar for column sums and the forecast.
    let penPerUSD: Decimal
    /// True when no rate is set (`sales.penPerUSD`) and the fixed default is used: screens say so.
    let rateIsDefault: Bool
    let now: @Sendable () -> Date

    static let rateSetting = "sales.penPerUSD"
    static let defaultRate = Decimal(string: "3.75") ?? 3

    init(store: Store, context: AppContext) {
        self.store = store
        let login = context.session.login
        deals = DealRepository(db: store.db, user: login, now: context.now)
        pipelines = PipelineRepository(db: store.db, user: login, now: context.now)
        customers = CustomerRepository(db: store.db, user: login, now: context.now)
        drafts = DraftRepository(db: store.db)
        strings = context.strings
        now = context.now
        let users = ((try? UserRepository(db: store.db, user: login).list()) ?? []).filter(\.active).map(\.login)
        owners = [login] + users.filter { $0 != login }.sorted()
        if let text = try? SettingsRepository(db: store.db).value(SalesServices.rateSetting),
           let rate = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), rate > 0 {
            penPerUSD = rate; rateIsDefault = false
        } else {
            penPerUSD = SalesServices.defaultRate; rateIsDefault = true
        }
    }

    /// Today in Lima.
    var today: LocalDate { LocalDate(now(), in: SalesServices.lima) }
    static let lima = TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -5 * 3600) ?? .current

    /// Σ of amounts per currency, in soles (dollars converted at `penPerUSD`).
    func pen(_ totals: [Currency: Money]) -> Money {
        var sum = Money.zero(.pen)
        for money in totals.values {
            sum += CurrencyConversion.convert(money, to: .pen, penPerUSD: penPerUSD) ?? .zero(.pen)
        }
        return sum.rounded()
    }

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
