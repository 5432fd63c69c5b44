import Foundation

/// A document series ("F001", "B001", "FC01", "BD01"): four upper-case letters or digits, starting
/// with F for facturas and their notes, or B for boletas and their notes.
///
/// A `Series` always holds a well-formed code; whether it suits a document kind is checked by
/// `Series(_:for:)` (facturas need F, boletas B, notes either).
public struct Series: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: String

    /// Validates `code` (trimmed and upper-cased) as a series of any family.
    public init(_ code: String) throws(SeriesError) {
        let c = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard c.count == 4 else { throw .wrongLength(c) }
        guard c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { throw .notAlphanumeric(c) }
        guard c.first == "F" || c.first == "B" else { throw .wrongPrefix(c, expected: "F o B") }
        self.code = c
    }

    /// Validates `code` as a series for `kind`: F### for facturas, B### for boletas, F### (e.g.
    /// FC01, FD01, F001) or B### (BC01, BD01, B001) for notes.
    public init(_ code: String, for kind: DocumentKind) throws(SeriesError) {
        try self.init(code)
        switch kind {
        case .factura where family != .factura: throw .wrongPrefix(self.code, expected: "F")
        case .boleta where family != .boleta: throw .wrongPrefix(self.code, expected: "B")
        default: break
        }
    }

    /// F… series are facturas (and notes on facturas), B… boletas (and notes on boletas).
    public var family: DocumentFamily { code.first == "F" ? .factura : .boleta }

    public var description: String { code }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        let text = try c.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a series: \(text)")
        }
    }
}

/// Why a series code is refused. The TUI turns each case into Spanish text.
public enum SeriesError: Error, Sendable, Hashable {
    /// A series has exactly four characters.
    case wrongLength(String)
    /// Only letters and digits.
    case notAlphanumeric(String)
    /// The first letter does not match the document kind (`expected` is "F", "B" or "F o B").
    case wrongPrefix(String, expected: String)
}
