import Foundation

/// The identity documents a customer can have (SUNAT catálogo 06).
public enum DocumentType: String, CaseIterable, Sendable, Codable, Hashable {
    case ruc = "RUC"
    case dni = "DNI"
    case ce = "CE"
    case passport = "PAS"

    /// The name users read (es-PE).
    public var displayName: String {
        switch self {
        case .ruc: return "RUC"
        case .dni: return "DNI"
        case .ce: return "Carné de extranjería"
        case .passport: return "Pasaporte"
        }
    }

    /// A short label for narrow columns.
    public var shortName: String {
        switch self {
        case .ruc: return "RUC"
        case .dni: return "DNI"
        case .ce: return "CE"
        case .passport: return "PAS"
        }
    }

    /// The SUNAT catálogo 06 code used in e-documents.
    public var sunatCode: String {
        switch self {
        case .ruc: return "6"
        case .dni: return "1"
        case .ce: return "4"
        case .passport: return "7"
        }
    }

    /// Accepts the raw value, the SUNAT code, or a common spelling ("ruc", "6", "pasaporte", "CE").
    public init?(input: String) {
        let s = TextFold.fold(input.trimmingCharacters(in: .whitespaces))
        switch s {
        case "ruc", "6": self = .ruc
        case "dni", "1": self = .dni
        case "ce", "4", "carne de extranjeria", "carnet de extranjeria": self = .ce
        case "pas", "7", "pasaporte", "passport": self = .passport
        default: return nil
        }
    }

    /// The number as it should be stored: surrounding spaces removed, letters upper-cased.
    public func normalize(_ number: String) -> String {
        number.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }

    /// Checks `number` (already normalized) against this document's rules; nil when valid.
    ///
    /// RUC: 11 digits, prefix 10, 15, 16, 17 or 20, modulo-11 check digit. DNI: 8 digits.
    /// Carné de extranjería and passport: 1 to 12 letters or digits.
    public func validate(_ number: String) -> DocumentError? {
        if number.isEmpty { return .empty }
        switch self {
        case .ruc:
            guard number.allSatisfy(\.isASCIIDigit) else { return .notNumeric }
            guard number.count == 11 else { return .wrongLength(expected: 11) }
            let prefix = String(number.prefix(2))
            guard RUC.validPrefixes.contains(prefix) else { return .invalidPrefix(prefix) }
            guard let expected = RUC.checkDigit(String(number.prefix(10))),
                  let found = number.last?.wholeNumberValue else { return .notNumeric }
            return expected == found ? nil : .checkDigitMismatch
        case .dni:
            guard number.allSatisfy(\.isASCIIDigit) else { return .notNumeric }
            return number.count == 8 ? nil : .wrongLength(expected: 8)
        case .ce, .passport:
            guard number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return .notAlphanumeric }
            return number.count <= 12 ? nil : .tooLong(max: 12)
        }
    }

    public func isValid(_ number: String) -> Bool { validate(number) == nil }
}

/// Why a document number is not valid. The TUI turns each case into Spanish text.
public enum DocumentError: Error, Equatable, Sendable, Hashable {
    case empty
    /// RUC and DNI are digits only.
    case notNumeric
    /// Carné de extranjería and passport are letters and digits only.
    case notAlphanumeric
    case wrongLength(expected: Int)
    case tooLong(max: Int)
    /// A RUC starts with 10, 15, 16, 17 or 20.
    case invalidPrefix(String)
    /// The RUC's last digit does not match its modulo-11 check digit.
    case checkDigitMismatch
}

/// The RUC's check digit (modulo 11, SUNAT's weights).
public enum RUC {
    /// The prefixes SUNAT issues: 10 (persons), 15/16/17 (special cases), 20 (companies).
    public static let validPrefixes: Set<String> = ["10", "15", "16", "17", "20"]
    private static let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]

    /// The check digit for the first ten digits of a RUC, or nil when `firstTen` is not ten digits.
    /// `check = 11 - sum % 11`, where 10 becomes 0 and 11 becomes 1.
    public static func checkDigit(_ firstTen: String) -> Int? {
        let digits = firstTen.compactMap { $0.isASCIIDigit ? $0.wholeNumberValue : nil }
        guard digits.count == 10, firstTen.count == 10 else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 10: return 0
        case 11: return 1
        default: return check
        }
    }

    /// A complete, valid RUC from its first ten digits (used to generate demo data).
    public static func complete(_ firstTen: String) -> String? {
        checkDigit(firstTen).map { firstTen + String($0) }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
