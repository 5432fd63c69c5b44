import BytekModel
import BytekServices
import BytekStore
import Foundation

/// The quote screens' words for model values and errors: state names and colours, kind names,
/// dates as dd/mm/aaaa, and the Spanish sentence for each `QuoteError`.
struct QuoteText {
    let s: Strings
    init(_ strings: Strings) { s = strings }

    func state(_ state: QuoteState) -> String { s["quotes.state." + state.rawValue] }

    /// The state's colour; the state is always written too, so it never rests on colour alone.
    static func role(_ state: QuoteState) -> StyleRole? {
        switch state {
        case .draft: return nil
        case .sent: return .accent
        case .accepted: return .success
        case .rejected: return .error
        case .expired: return .dim
        }
    }

    func kind(_ kind: ItemKind) -> String { s["quotes.kind." + kind.rawValue] }
    func tax(_ category: TaxCategory) -> String { s["quotes.tax." + category.rawValue] }
    func period(_ period: BillingPeriod) -> String { s["catalog.period." + period.rawValue] }

    static func date(_ d: LocalDate?) -> String {
        guard let d else { return "—" }
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return pad(d.day) + "/" + pad(d.month) + "/" + String(d.year)
    }

    /// The day it is in Lima by the app's clock.
    static func today(_ context: AppContext) -> LocalDate {
        LocalDate(context.now(), in: TimeZone(identifier: "America/Lima") ?? TimeZone(secondsFromGMT: -18_000) ?? .current)
    }

    static func decimal(_ d: Decimal) -> String { d.description }

    /// Reads a number typed by a user ("1.5", "1,5", "1,000.25"); nil when it is not one.
    static func parseDecimal(_ text: String) -> Decimal? {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return nil }
        if t.contains(".") { t = t.replacingOccurrences(of: ",", with: "") } else { t = t.replacingOccurrences(of: ",", with: ".") }
        guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return d
    }

    func error(_ e: QuoteError) -> String {
        switch e {
        case .notEditable(let st): return s.format("quotes.err.notEditable", state(st))
        case .invalidTransition(let from, let to): return s.format("quotes.err.transition", state(from), state(to))
        case .milestonesDoNotAddUp(let total): return s.format("quotes.err.milestonesSum", QuoteText.decimal(total))
        case .milestoneNameMissing(let i): return s.format("quotes.err.milestoneName", String(i + 1))
        case .milestonePercentNotPositive(let i): return s.format("quotes.err.milestonePercent", String(i + 1))
        case .creditDaysNotPositive: return s["quotes.err.creditDays"]
        case .validityDaysNotPositive: return s["quotes.err.validity"]
        case .noLines: return s["quotes.err.noLines"]
        case .lineDescriptionMissing(let i): return s.format("quotes.err.lineDescription", String(i + 1))
        case .subscriptionPeriodMissing(let i): return s.format("quotes.err.period", String(i + 1))
        case .lineIndexOutOfRange: return s["err.notFound"]
        case .exchangeRateMissing: return s["quotes.err.rateMissing"]
        case .exchangeRateNotPositive: return s["quotes.err.ratePositive"]
        case .tax(let t): return tax(t)
        case .expired(let until): return s.format("quotes.err.expired", QuoteText.date(until))
        }
    }

    func tax(_ e: TaxError) -> String {
        switch e {
        case .negativeQuantity: return s["quotes.err.negativeQuantity"]
        case .negativePrice: return s["quotes.err.negativePrice"]
        case .discountPercentOutOfRange: return s["quotes.err.discountPercent"]
        case .negativeDiscount: return s["quotes.err.negativeDiscount"]
        case .discountExceedsAmount: return s["quotes.err.discountExceeds"]
        case .limit(let e): return ErrorText(s).limit(e)
        }
    }

    /// Any error of the quote repository, as one sentence.
    func describe(_ error: Error) -> String {
        switch error {
        case let e as QuoteError: return self.error(e)
        case let e as ServiceError: return ServiceErrorText.describe(e, s)
        case SalesRepositoryError.quote(let e): return self.error(e)
        case SalesRepositoryError.customerRequired: return s["quotes.err.customerRequired"]
        case SalesRepositoryError.notFound: return s["err.notFound"]
        case SalesRepositoryError.anotherVersionAccepted(let v): return s.format("quotes.err.otherVersionAccepted", String(v))
        case SalesRepositoryError.cannotReopen(let blockers):
            return s["quotes.err.cannotReopen"] + " " + QuotePrinting.reopenBlockerText(blockers)
        default: return ErrorText(s).describe(error)
        }
    }
}
