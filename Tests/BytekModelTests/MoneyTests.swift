import Foundation
import Testing
@testable import BytekModel

@Suite("Money")
struct MoneyTests {
    static func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test("rounding is half away from zero to 2 decimals", arguments: [
        ("2.345", "2.35"), ("2.344", "2.34"), ("2.335", "2.34"), ("2.3449999", "2.34"), ("0.005", "0.01"),
        ("0.004", "0"), ("-2.345", "-2.35"), ("-2.344", "-2.34"), ("-0.005", "-0.01"), ("10", "10"),
        ("1234567890.125", "1234567890.13"),
    ])
    func rounding(input: String, expected: String) {
        let m = Money(Self.d(input), .pen).rounded()
        #expect(m.amount == Self.d(expected))
    }

    @Test func minorUnitsRoundTrip() {
        for cents: Int64 in [0, 1, 99, 100, 123_450, -500, -1, 999_999_999_999] {
            let m = Money(minorUnits: cents, .usd)
            #expect(m.minorUnits == cents)
        }
        #expect(Money(Self.d("2.345"), .pen).minorUnits == 235)
        #expect(Money(Self.d("-2.345"), .pen).minorUnits == -235)
        #expect(Money(minorUnits: 123_450, .pen).amount == Self.d("1234.5"))
    }

    @Test func formatting() {
        #expect(Money(minorUnits: 123_450, .pen).formatted == "S/ 1,234.50")
        #expect(Money(minorUnits: 9_900, .usd).formatted == "US$ 99.00")
        #expect(Money(minorUnits: -500, .pen).formatted == "-S/ 5.00")
        #expect(Money(minorUnits: 5, .pen).formatted == "S/ 0.05")
        #expect(Money(minorUnits: 0, .pen).formatted == "S/ 0.00")
        #expect(Money(minorUnits: 100_000_000_00, .pen).formatted == "S/ 100,000,000.00")
        #expect(Money(minorUnits: 12_345_678, .pen).formatted == "S/ 123,456.78")
        #expect(Money(Self.d("2.345"), .pen).formatted == "S/ 2.35")
        #expect(Money(minorUnits: -123_450, .usd).formattedAmount == "-1,234.50")
        #expect(Money(minorUnits: 123_405, .usd).plainAmount == "1234.05")
        #expect(Money(minorUnits: -7, .usd).plainAmount == "-0.07")
    }

    @Test("parsing accepts the usual ways of typing an amount", arguments: [
        ("1234.5", "1234.5"), ("1234.50", "1234.5"), ("1,234.50", "1234.5"), ("1,234,567.89", "1234567.89"),
        ("S/ 1,234.50", "1234.5"), ("S/1234.50", "1234.5"), ("S/. 10", "10"), ("PEN 10", "10"), ("-5", "-5"),
        ("-S/ 5.00", "-5"), ("S/ -5.00", "-5"), ("  42  ", "42"), ("0.05", "0.05"), (".5", "0.5"), ("12,5", "12.5"),
        ("12,50", "12.5"), ("1,234", "1234"), ("+3", "3"), ("007", "7"),
    ])
    func parses(text: String, expected: String) throws {
        let m = try Money.parse(text, currency: .pen)
        #expect(m.amount == Self.d(expected))
        #expect(m.currency == .pen)
    }

    @Test("parsing refuses garbage with a specific error", arguments: [
        ("", MoneyError.empty), ("   ", .empty), ("S/", .empty), ("abc", .invalidFormat), ("12a", .invalidFormat),
        ("1.2.3", .invalidFormat), ("1,23,456", .invalidFormat), ("1234,567.5", .invalidFormat), ("12.5,0", .invalidFormat),
        ("1.234", .tooManyDecimals(max: 2)), ("2.345", .tooManyDecimals(max: 2)), ("US$ 5", .currencyMismatch(expected: .pen, found: .usd)),
        ("99999999999999999999", .outOfRange), ("10000000000000", .outOfRange), (".", .invalidFormat), ("1e5", .invalidFormat),
        ("--5", .invalidFormat), ("１２", .invalidFormat),
    ])
    func refuses(text: String, error: MoneyError) {
        #expect(throws: error) { try Money.parse(text, currency: .pen) }
    }

    @Test func parseUSD() throws {
        #expect(try Money.parse("US$ 99", currency: .usd) == Money(minorUnits: 9_900, .usd))
        #expect(try Money.parse("$1,000.01", currency: .usd) == Money(minorUnits: 100_001, .usd))
        #expect(throws: MoneyError.currencyMismatch(expected: .usd, found: .pen)) { try Money.parse("S/ 1", currency: .usd) }
        #expect(try Money.parse("2.3456", currency: .usd, maxFractionDigits: 4).amount == Self.d("2.3456"))
    }

    @Test func arithmetic() {
        let a = Money(minorUnits: 10_050, .pen), b = Money(minorUnits: 2_025, .pen)
        #expect(a + b == Money(minorUnits: 12_075, .pen))
        #expect(a - b == Money(minorUnits: 8_025, .pen))
        #expect(b - a == Money(minorUnits: -8_025, .pen))
        #expect(-a == Money(minorUnits: -10_050, .pen))
        #expect((b * Self.d("3")) == Money(minorUnits: 6_075, .pen))
        // 18% IGV on S/ 20.25 is 3.645, which SUNAT rounds to 3.65.
        let igv = b * Self.d("0.18")
        #expect(igv.amount == Self.d("3.645"))
        #expect(igv.rounded().minorUnits == 365)
        // Exactness: 0.1 + 0.2 is 0.3, which Double gets wrong.
        #expect(Money(Self.d("0.1"), .usd) + Money(Self.d("0.2"), .usd) == Money(Self.d("0.3"), .usd))
        var total = Money.zero(.usd)
        for _ in 0..<1000 { total += Money(Self.d("0.01"), .usd) }
        #expect(total == Money(minorUnits: 1000, .usd))
        #expect(a > b)
        #expect(Money(minorUnits: -1, .pen).isNegative)
    }

    @Test func codableKeepsAmountExact() throws {
        let m = Money(Self.d("1234.57"), .usd)
        let data = try JSONEncoder().encode(m)
        #expect(String(decoding: data, as: UTF8.self).contains("\"1234.57\""))
        #expect(try JSONDecoder().decode(Money.self, from: data) == m)
    }

    @Test func currencies() {
        #expect(Currency.pen.symbol == "S/")
        #expect(Currency.usd.symbol == "US$")
        #expect(Currency(input: "us$") == .usd)
        #expect(Currency(input: "pen") == .pen)
        #expect(Currency(input: "EUR") == nil)
    }
}
