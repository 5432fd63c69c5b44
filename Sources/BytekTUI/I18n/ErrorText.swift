import Foundation
import BytekModel
import BytekServices
import BytekStore

/// Spanish (or English) text for the model's and the store's error enums: the one place where
/// a validation error becomes a sentence that says what to fix. The TUI and the CLI both use it.
public struct ErrorText: Sendable {
    let s: Strings
    public init(_ strings: Strings) { s = strings }

    public func document(_ e: DocumentError, _ type: DocumentType) -> String {
        switch e {
        case .empty: return s.format("err.doc.empty", type.displayName)
        case .notNumeric: return s.format("err.doc.notNumeric", type.displayName)
        case .notAlphanumeric: return s.format("err.doc.notAlphanumeric", type.displayName)
        case .wrongLength(let n): return s.format("err.doc.wrongLength", type.displayName, String(n))
        case .tooLong(let n): return s.format("err.doc.tooLong", type.displayName, String(n))
        case .invalidPrefix(let p): return s.format("err.doc.rucPrefix", p)
        case .checkDigitMismatch: return s["err.doc.rucCheckDigit"]
        }
    }

    public func customer(_ e: CustomerError, docType: DocumentType = .ruc) -> String {
        switch e {
        case .required: return s["form.required"]
        case .invalidDocument(let d): return document(d, docType)
        case .invalidEmail: return s["err.email"]
        case .outOfRange(let r): return s.format("err.range", String(r.lowerBound), String(r.upperBound))
        case .negativeAmount: return s["err.negative"]
        case .tooLong(let n): return s.format("err.tooLong", String(n))
        }
    }

    public func catalog(_ e: CatalogError) -> String {
        switch e {
        case .required: return s["form.required"]
        case .invalidSKU: return s["err.sku"]
        case .negativeAmount: return s["err.negative"]
        case .currencyMismatch: return s["err.currencyMismatch"]
        case .requiredForKind(let k): return s.format("err.requiredForKind", s["catalog.kind." + k.rawValue])
        case .notAllowedForKind(let k): return s.format("err.notAllowedForKind", s["catalog.kind." + k.rawValue])
        case .tooLong(let n): return s.format("err.tooLong", String(n))
        case .tooLarge(let max): return s.format("err.tooLarge", Money(max, .pen).formattedAmount)
        }
    }

    public func money(_ e: MoneyError) -> String {
        switch e {
        case .empty: return s["form.required"]
        case .invalidFormat: return s["err.money.format"]
        case .tooManyDecimals(let n): return s.format("err.money.decimals", String(n))
        case .currencyMismatch(let expected, _): return s.format("err.money.currency", expected.symbol)
        case .outOfRange: return s["err.money.range"]
        }
    }

    /// A figure beyond `AmountLimits`, naming the field: the model's Spanish sentence, or its English twin.
    public func limit(_ e: AmountLimitError) -> String {
        func field(_ f: AmountField) -> String { s["limit.field." + f.rawValue] }
        switch e {
        case .notANumber(let f): return s.format("limit.notANumber", field(f))
        case .tooLarge(let f, let max): return s.format("limit.tooLarge", field(f), AmountLimitError.grouped(max))
        case .tooManyDecimals(let f, let max): return s.format("limit.tooManyDecimals", field(f), String(max))
        case .tooManyLines(let count, let max):
            return s.format("limit.tooManyLines", String(count), AmountLimitError.grouped(Decimal(max)))
        case .exchangeRateNotPositive: return s["limit.rateNotPositive"]
        case .exchangeRateOutsideBand(let r):
            let band = AmountLimits.exchangeRateBand
            return s.format("limit.rateBand", "\(r)", "\(band.lowerBound)", "\(band.upperBound)")
        }
    }

    /// Any error from a repository or the database, as one sentence.
    public func describe(_ error: Error) -> String {
        switch error {
        case CustomerRepositoryError.duplicateDocument(let t, let n, _):
            return s.format("err.customer.duplicate", t.shortName, n)
        case CustomerRepositoryError.notFound, CatalogRepositoryError.notFound:
            return s["err.notFound"]
        case CustomerRepositoryError.modifiedElsewhere, CatalogRepositoryError.modifiedElsewhere:
            return s["err.modifiedElsewhere"]
        case CustomerRepositoryError.invalid(let errors):
            return s.format("form.fixErrors", String(errors.count))
        case CatalogRepositoryError.duplicateSKU(let sku, _):
            return s.format("err.catalog.duplicateSKU", sku)
        case CatalogRepositoryError.invalid(let errors):
            return s.format("form.fixErrors", String(errors.count))
        case let e as ServiceError:
            return service(e)
        case UserRepositoryError.refused(.disableSelf(let login)):
            return s.format("users.err.disableSelf", login)
        case UserRepositoryError.refused(.lastAdmin(let login)):
            return s.format("users.err.lastAdmin", login)
        case UserRepositoryError.duplicateLogin(let login):
            return s.format("users.err.duplicate", login)
        case let e as ServiceError:
            return ServiceErrorText.describe(e, s)
        case let e as PeriodError: return Self.sentence(e.message)
        case let e as ProjectGateError: return ServiceErrorText.gate(e)
        case let e as GateLiftError: return Self.sentence(e.message)
        case let e as CreditLimitError: return Self.sentence(e.message)
        case let e as BankStatementError: return Self.sentence(e.message)
        case let e as MilestoneServiceError: return Self.sentence(e.message)
        case let e as TimesheetError: return Self.sentence(e.message)
        case let e as DatabaseError where e.isBusy:
            return s["err.db.busy"]
        case let e as DatabaseError:
            return s.format("err.db.other", e.message)
        default:
            return s.format("err.db.other", String(describing: error))
        }
    }
}

extension ErrorText {
    /// A model error's Spanish sentence as a status line: capitalized.
    static func sentence(_ message: String) -> String { message.prefix(1).uppercased() + message.dropFirst() }
}

/// Shorthand used by screens.
enum StoreErrorText {
    static func describe(_ error: Error, _ strings: Strings) -> String { ErrorText(strings).describe(error) }
}
