import BytekModel
import Foundation

/// The audit-log entity names of the sales repositories.
public enum SalesAuditEntity {
    public static let pipelineStage = "pipeline_stage"
    public static let lead = "lead"
    public static let deal = "deal"
    public static let dealActivity = "deal_activity"
    public static let quote = "quote"
    public static let subscription = "subscription"
    public static let contract = "contract"
}

/// Why a sales change was refused. The TUI and the CLI turn each case into Spanish text.
public enum SalesRepositoryError: Error, Equatable {
    /// No `entity` (an audit entity name) with this id.
    case notFound(String, Int64)
    case pipeline(PipelineError)
    case quote(QuoteError)
    /// A reorder must list every stage of the pipeline exactly once.
    case stageOrderMismatch
    /// The stage belongs to another unit's pipeline than the deal.
    case stageOfAnotherUnit(stageId: Int64, unit: BusinessUnit)
    /// Accepting a quote with subscription lines needs the customer (convert the lead first).
    case customerRequired
    /// The lead was already converted into customer `customerId`.
    case leadAlreadyConverted(customerId: Int64)
    /// Version `version` of the same quote number is already accepted: one acceptance per quote.
    case anotherVersionAccepted(version: Int)
    /// The accepted version cannot be reopened: what its acceptance created has moved on.
    case cannotReopen([QuoteReopenBlocker])
}

/// What keeps an accepted quote version from being reopened.
public enum QuoteReopenBlocker: Error, Equatable, Sendable {
    /// Electronic documents were issued from it (their numbers, "F001-00000012").
    case invoiced([String])
    /// Its projects have work done: hours logged or cards moved (their codes, "PRY-2026-00001").
    case projectWork([String])
}

/// Conversions between model values and the TEXT/INTEGER columns of the sales tables.
enum SalesColumns {
    static let posix = Locale(identifier: "en_US_POSIX")

    /// Exact decimal text, `'3.752'` (never exponent notation, never a Double).
    static func text(_ value: Decimal) -> SQLValue { .text(value.description) }

    static func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: posix) ?? 0 }

    static func optionalDecimal(_ value: SQLValue) -> Decimal? {
        value.stringValue.flatMap { Decimal(string: $0, locale: posix) }
    }

    static func date(_ value: SQLValue) -> LocalDate? { value.stringValue.flatMap(LocalDate.init) }

    static func dateValue(_ date: LocalDate?) -> SQLValue { date.map { .text($0.description) } ?? .null }

    static func id(_ value: Int64?) -> SQLValue { value.map { .int($0) } ?? .null }

    static func optionalInt(_ value: SQLValue) -> Int64? { value.isNull ? nil : value.intValue }

    static func discount(_ d: Discount) -> (SQLValue, SQLValue) {
        switch d {
        case .none: return (.text("none"), .text("0"))
        case .percent(let p): return (.text("percent"), text(p))
        case .amount(let a): return (.text("amount"), text(a))
        }
    }

    static func discount(kind: String, value: String) -> Discount {
        switch kind {
        case "percent": return .percent(decimal(value))
        case "amount": return .amount(decimal(value))
        default: return .none
        }
    }

    static func currency(_ text: String) -> Currency { Currency(rawValue: text) ?? .pen }
    static func unit(_ text: String) -> BusinessUnit { BusinessUnit(rawValue: text) ?? .digital }

    /// The date as stored (millisecond precision), so a saved value equals a re-read one.
    static func truncated(_ date: Date) -> Date { ISOTimestamp.parse(ISOTimestamp.format(date)) ?? date }
}
