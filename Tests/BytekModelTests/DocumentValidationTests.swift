import Testing
@testable import BytekModel

@Suite("Document validation")
struct DocumentValidationTests {
    /// Valid RUCs built from their first ten digits with an independent implementation of the rule.
    static func referenceCheckDigit(_ firstTen: String) -> Int {
        let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
        var sum = 0
        for (i, ch) in firstTen.enumerated() { sum += Int(String(ch))! * weights[i] }
        let r = 11 - (sum % 11)
        return r == 10 ? 0 : (r == 11 ? 1 : r)
    }

    static let bodies = ["2010012345", "2060123456", "1012345678", "1545678901", "1698765432", "1700000001",
                         "2000000000", "1000000003", "2055555555", "2047391845"]

    @Test("check digit matches the reference rule", arguments: bodies)
    func checkDigit(body: String) {
        #expect(RUC.checkDigit(body) == Self.referenceCheckDigit(body))
        let ruc = body + String(Self.referenceCheckDigit(body))
        #expect(DocumentType.ruc.validate(ruc) == nil)
        #expect(RUC.complete(body) == ruc)
    }

    @Test func knownRealWorldRUCs() {
        // SUNAT's own RUC and a few well-known companies.
        for ruc in ["20131312955", "20100047218", "20100070970"] {
            #expect(DocumentType.ruc.validate(ruc) == nil, "\(ruc)")
        }
    }

    @Test func checkDigitSpecialCases() {
        // Find bodies whose raw 11 - sum%11 is 10 and 11, and check they map to 0 and 1.
        var seen: Set<Int> = []
        for n in 2_000_000_000..<2_000_000_050 {
            let body = String(n)
            let weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
            let sum = zip(body.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
            let raw = 11 - sum % 11
            if raw == 10 { #expect(RUC.checkDigit(body) == 0); seen.insert(10) }
            if raw == 11 { #expect(RUC.checkDigit(body) == 1); seen.insert(11) }
        }
        #expect(seen == [10, 11])
    }

    @Test("invalid RUCs give the specific error", arguments: [
        ("", DocumentError.empty),
        ("2010012345", .wrongLength(expected: 11)),
        ("201001234567", .wrongLength(expected: 11)),
        ("2010012345A", .notNumeric),
        ("20-10012345", .notNumeric),
        ("３０１００１２３４５６", .notNumeric),
        ("30100123456", .invalidPrefix("30")),
        ("11100123456", .invalidPrefix("11")),
    ])
    func invalidRUC(number: String, error: DocumentError) {
        #expect(DocumentType.ruc.validate(number) == error)
    }

    @Test("a wrong check digit is refused", arguments: bodies)
    func wrongCheckDigit(body: String) {
        let good = Self.referenceCheckDigit(body)
        for digit in 0...9 where digit != good {
            #expect(DocumentType.ruc.validate(body + String(digit)) == .checkDigitMismatch)
        }
    }

    @Test func dni() {
        #expect(DocumentType.dni.validate("45678912") == nil)
        #expect(DocumentType.dni.validate("00000001") == nil)
        #expect(DocumentType.dni.validate("4567891") == .wrongLength(expected: 8))
        #expect(DocumentType.dni.validate("456789123") == .wrongLength(expected: 8))
        #expect(DocumentType.dni.validate("4567891A") == .notNumeric)
        #expect(DocumentType.dni.validate("") == .empty)
    }

    @Test func foreignDocuments() {
        for type in [DocumentType.ce, .passport] {
            #expect(type.validate("001234567") == nil)
            #expect(type.validate("AB1234") == nil)
            #expect(type.validate("123456789012") == nil)
            #expect(type.validate("1234567890123") == .tooLong(max: 12))
            #expect(type.validate("AB-1234") == .notAlphanumeric)
            #expect(type.validate("ÑA1234") == .notAlphanumeric)
            #expect(type.validate("") == .empty)
        }
    }

    @Test func codesAndNames() {
        #expect(DocumentType.allCases.map(\.sunatCode) == ["6", "1", "4", "7"])
        #expect(DocumentType.allCases.map(\.rawValue) == ["RUC", "DNI", "CE", "PAS"])
        #expect(DocumentType(input: " pasaporte ") == .passport)
        #expect(DocumentType(input: "Carné de extranjería") == .ce)
        #expect(DocumentType(input: "6") == .ruc)
        #expect(DocumentType(input: "XYZ") == nil)
        #expect(DocumentType.ce.normalize("  ab123 ") == "AB123")
    }
}
