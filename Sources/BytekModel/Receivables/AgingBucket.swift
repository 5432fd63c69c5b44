/// The aging columns at the foot of Cobranzas, by days past the due date; what is not due yet counts
/// in the first one.
public enum AgingBucket: Int, CaseIterable, Sendable, Hashable, Comparable {
    case upTo30, upTo60, upTo90, over90

    public init(daysOverdue: Int) {
        switch daysOverdue {
        case ...30: self = .upTo30
        case 31...60: self = .upTo60
        case 61...90: self = .upTo90
        default: self = .over90
        }
    }

    public var label: String {
        switch self {
        case .upTo30: return "0–30"
        case .upTo60: return "31–60"
        case .upTo90: return "61–90"
        case .over90: return "> 90"
        }
    }

    public static func < (lhs: AgingBucket, rhs: AgingBucket) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Open balances per currency and bucket.
public struct AgingTotals: Sendable, Hashable {
    public var totals: [Currency: [AgingBucket: Money]] = [:]

    public init() {}

    public mutating func add(_ balance: Money, daysOverdue: Int) {
        let bucket = AgingBucket(daysOverdue: daysOverdue)
        totals[balance.currency, default: [:]][bucket, default: .zero(balance.currency)] += balance
    }

    public func total(_ currency: Currency, _ bucket: AgingBucket) -> Money {
        totals[currency]?[bucket] ?? .zero(currency)
    }

    public func total(_ currency: Currency) -> Money {
        AgingBucket.allCases.reduce(Money.zero(currency)) { $0 + total(currency, $1) }
    }
}
