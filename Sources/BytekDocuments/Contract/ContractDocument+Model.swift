import BytekModel
import Foundation

/// Why a contract cannot be drawn up from a quote version.
public enum ContractMappingError: Error, Sendable, Hashable {
    /// Only an accepted version locks a scope; this one is in `state`.
    case quoteNotAccepted(QuoteState)
}

extension ContractDocument {
    /// A provisional contract number derived from the quote version: `COT-2026-00001` v2 →
    /// `CTR-2026-00001-2`, for a document not (yet) recorded in the store. A recorded contract
    /// prints the number the store gave it (`CTR-2026-00001`, its own gapless series): the
    /// printing code replaces `number` with it.
    public static func number(quoteNumber: String, version: Int) -> String {
        let body = quoteNumber.hasPrefix(QuoteNumber.prefix + "-")
            ? String(quoteNumber.dropFirst(QuoteNumber.prefix.count + 1)) : quoteNumber
        return "CTR-\(body)-\(version)"
    }

    /// The scope lines of a quote version: "Description — 120 h", one per quote line, in order.
    public static func scopeLines(_ quote: Quote) -> [String] {
        quote.lines.map { line in
            let quantity = DocumentFormat.quantity(line.quantity)
            switch line.kind {
            case .subscription:
                return "\(line.description) — \(quantity) periodo(s) \((line.period ?? .monthly).displayName.lowercased())"
            case .service where line.rateBasis != .unit:
                return "\(line.description) — \(quantity) h"
            default:
                return "\(line.description) — \(quantity) \(QuoteDocumentText.unitLabel(line).lowercased())"
            }
        }
    }

    /// The payment table of a contract: the milestones, or for cash and credit one row with the
    /// one-time total (subscriptions are billed per period, as the templates say), so the table
    /// is never an empty one.
    public static func paymentSchedule(_ terms: PaymentTerms, totals: QuoteTotals) -> [DocumentMilestone] {
        let milestones = QuoteDocumentText.milestones(terms, totals: totals)
        guard milestones.isEmpty, !totals.oneTime.isZero else { return milestones }
        return [DocumentMilestone(name: "Pago único", percent: 100, amount: totals.oneTime,
                                  condition: QuoteDocumentText.paymentTerms(terms))]
    }

    /// The contract of an accepted quote version: scope from its lines, milestones and payment terms,
    /// its total, and the SHA-256 of the canonical scope text (`ScopeHash`). Any other state is refused.
    public init(acceptedQuote quote: Quote, totals: QuoteTotals, customer: DocumentCustomer, company: CompanyInfo,
                date: LocalDate, city: String = "Lima") throws(ContractMappingError) {
        guard quote.state == .accepted else { throw .quoteNotAccepted(quote.state) }
        let scope = ContractDocument.scopeLines(quote)
        self.init(company: company, customer: customer,
                  number: ContractDocument.number(quoteNumber: quote.number, version: quote.version),
                  quoteNumber: quote.number, quoteVersion: quote.version, date: DocumentDate(date), city: city,
                  total: totals.tax.total, scope: scope,
                  milestones: ContractDocument.paymentSchedule(quote.paymentTerms, totals: totals),
                  paymentTerms: QuoteDocumentText.paymentTerms(quote.paymentTerms),
                  deliveryTime: quote.deliveryTime.isEmpty ? "según lo indicado en la cotización" : quote.deliveryTime,
                  scopeHash: ScopeHash.sha256Hex(ScopeHash.canonicalText(scope)))
    }
}
