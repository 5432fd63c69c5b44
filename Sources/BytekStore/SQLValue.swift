/// A value bound to or read from a SQLite statement. Money never travels as `.double`:
/// amounts are stored as integer minor units (see `MoneyColumn`).
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])

    public var intValue: Int64? {
        switch self {
        case .int(let v): return v
        case .double(let d): return Int64(d)
        case .text(let s): return Int64(s)
        default: return nil
        }
    }

    public var stringValue: String? {
        switch self {
        case .text(let s): return s
        case .int(let v): return String(v)
        case .double(let d): return String(d)
        default: return nil
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(nilLiteral: ()) { self = .null }
}

/// Conversions used when binding Swift values.
public protocol SQLBindable { var sqlValue: SQLValue { get } }
extension Int: SQLBindable { public var sqlValue: SQLValue { .int(Int64(self)) } }
extension Int64: SQLBindable { public var sqlValue: SQLValue { .int(self) } }
extension String: SQLBindable { public var sqlValue: SQLValue { .text(self) } }
extension Bool: SQLBindable { public var sqlValue: SQLValue { .int(self ? 1 : 0) } }
extension SQLValue: SQLBindable { public var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One result row; columns by index or by name.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public subscript(_ index: Int) -> SQLValue { values[index] }
    public subscript(_ name: String) -> SQLValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return values[i]
    }
    public func int(_ name: String) -> Int64 { self[name].intValue ?? 0 }
    public func string(_ name: String) -> String { self[name].stringValue ?? "" }
    public func optionalString(_ name: String) -> String? { self[name].stringValue }
    public func bool(_ name: String) -> Bool { int(name) != 0 }
}
