import Foundation

/// A JSON value written by hand: the order of keys is kept and numbers are written exactly as given (amounts
/// never pass through a Double).
public indirect enum GatewayJSON: Sendable, Hashable {
    case string(String)
    /// Digits (and at most one point) written as they are: `.number("10.50")`.
    case number(String)
    case int(Int64)
    case bool(Bool)
    case null
    case object([(String, GatewayJSON)])
    case array([GatewayJSON])

    public static func == (a: GatewayJSON, b: GatewayJSON) -> Bool { a.text == b.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// `value` as a string, or null when nil.
    public static func optional(_ value: String?) -> GatewayJSON { value.map { .string($0) } ?? .null }

    public var text: String {
        var out = ""
        write(into: &out)
        return out
    }

    public var data: Data { Data(text.utf8) }

    private func write(into out: inout String) {
        switch self {
        case .string(let s): Self.quote(s, into: &out)
        case .number(let n): out += n
        case .int(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .object(let pairs):
            out += "{"
            for (i, (k, v)) in pairs.enumerated() {
                if i > 0 { out += "," }
                Self.quote(k, into: &out)
                out += ":"
                v.write(into: &out)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (i, v) in items.enumerated() {
                if i > 0 { out += "," }
                v.write(into: &out)
            }
            out += "]"
        }
    }

    private static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// A parsed JSON object read by key, without Doubles: integers as Int64, decimals only from strings.
public struct GatewayJSONObject: @unchecked Sendable {
    // @unchecked: the dictionary comes from JSONSerialization and is never mutated.
    public let values: [String: Any]

    public init(_ values: [String: Any]) { self.values = values }

    /// The object in `data`, nil when it is not a JSON object.
    public init?(data: Data) {
        guard let any = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let dict = any as? [String: Any] else { return nil }
        values = dict
    }

    public init?(text: String) { self.init(data: Data(text.utf8)) }

    public func string(_ key: String) -> String? {
        switch values[key] {
        case let s as String: return s
        case let i as Int: return String(i)
        default: return nil
        }
    }

    /// An integer field; a fractional number is not one.
    public func int64(_ key: String) -> Int64? {
        switch values[key] {
        case let i as Int: return Int64(i)
        case let i as Int64: return i
        case let s as String: return Int64(s)
        case let n as NSNumber:
            let text = n.stringValue
            return text.contains(".") || text.contains("e") ? nil : Int64(text)
        default: return nil
        }
    }

    public func bool(_ key: String) -> Bool? { values[key] as? Bool }

    public func object(_ key: String) -> GatewayJSONObject? {
        (values[key] as? [String: Any]).map(GatewayJSONObject.init)
    }

    public func objects(_ key: String) -> [GatewayJSONObject] {
        ((values[key] as? [Any]) ?? []).compactMap { ($0 as? [String: Any]).map(GatewayJSONObject.init) }
    }

    /// A value at a path of object keys: `path("transactionDetails", "cardDetails")`.
    public func path(_ keys: String...) -> GatewayJSONObject? {
        var current: GatewayJSONObject? = self
        for key in keys { current = current?.object(key) }
        return current
    }
}
