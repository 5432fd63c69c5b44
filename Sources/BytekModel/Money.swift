import Foundation

/// An exact amount of money in one currency. Backed by `Decimal`, never `Double`.
///
/// Arithmetic keeps full precision; `rounded()` applies SUNAT's rule (half away from zero,
/// 2 decimals). Adding or comparing amounts of different currencies is a programming error
/// and traps: convert explicitly first.
public struct Money: Sendable, Hashable {
    public var amount: Decimal
    public var currency: Currency

    /// The largest amount accepted from user input: `AmountLimits.maxAmount` (10¹², far above any
    /// real invoice and well inside Int64 minor units).
    public static let maximumInput = AmountLimits.maxAmount

    public init(_ amount: Decimal, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// An amount from integer minor units (céntimos / cents): `Money(minorUnits: 123450, .pen)` is S/ 1,234.50.
    public init(minorUnits: Int64, _ currency: Currency) {
        self.amount = Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -2,
                              significand: Decimal(minorUnits.magnitude))
        self.currency = currency
    }

    public static func zero(_ currency: Currency) -> Money { Money(Decimal(0), currency) }

    /// The amount rounded to 2 decimals, half away from zero (2.345 → 2.35, -2.345 → -2.35),
    /// as SUNAT rounds every amount on a document.
    public func rounded(scale: Int = 2) -> Money {
        Money(Money.roundHalfUp(amount, scale: scale), currency)
    }

    /// The rounded amount in minor units (S/ 1,234.505 → 123451). Saturates at the Int64 limits,
    /// which no amount accepted by `parse` can reach.
    public var minorUnits: Int64 {
        let scaled = Money.roundHalfUp(amount, scale: 2) * Decimal(100)
        if let v = Int64(scaled.description) { return v }
        return scaled < 0 ? Int64.min : Int64.max
    }

    public var isZero: Bool { amount.isZero }
    public var isNegative: Bool { amount < 0 }

    static func roundHalfUp(_ value: Decimal, scale: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .plain)
        return result
    }
}

// MARK: arithmetic

extension Money {
    public static func + (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money: \(lhs.currency) + \(rhs.currency)")
        return Money(lhs.amount + rhs.amount, lhs.currency)
    }

    public static func - (lhs: Money, rhs: Money) -> Money {
        precondition(lhs.currency == rhs.currency, "Money: \(lhs.currency) - \(rhs.currency)")
        return Money(lhs.amount - rhs.amount, lhs.currency)
    }

    public static prefix func - (value: Money) -> Money { Money(-value.amount, value.currency) }

    /// Price times a quantity (hours, units, a tax rate); not rounded, call `rounded()` when a
    /// document needs the figure.
    public static func * (lhs: Money, rhs: Decimal) -> Money { Money(lhs.amount * rhs, lhs.currency) }
    public static func * (lhs: Decimal, rhs: Money) -> Money { Money(rhs.amount * lhs, rhs.currency) }

    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }
}

extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "Money: \(lhs.currency) < \(rhs.currency)")
        return lhs.amount < rhs.amount
    }
}

// MARK: formatting

extension Money {
    /// `S/ 1,234.50`, `US$ 99.00`, `-S/ 5.00`: rounded to 2 decimals, comma thousands separator.
    public var formatted: String {
        let cents = minorUnits
        return (cents < 0 ? "-" : "") + currency.symbol + " " + Money.grouped(cents.magnitude)
    }

    /// The amount alone with grouping: `1,234.50` (`-5.00` when negative).
    public var formattedAmount: String {
        let cents = minorUnits
        return (cents < 0 ? "-" : "") + Money.grouped(cents.magnitude)
    }

    /// The amount as a user would type it in a field or a CSV cell: `1234.50`, `-5.00`.
    public var plainAmount: String {
        let cents = minorUnits
        let m = cents.magnitude
        return (cents < 0 ? "-" : "") + String(m / 100) + "." + Money.twoDigits(m % 100)
    }

    private static func grouped(_ cents: UInt64) -> String {
        let digits = String(cents / 100)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 3)
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out + "." + twoDigits(cents % 100)
    }

    private static func twoDigits(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

// MARK: parsing

extension Money {
    /// Reads an amount typed by a user: `1234.5`, `1,234.50`, `S/ 1,234.50`, `US$ 99`, `-5`, `12,5`.
    ///
    /// Commas are thousands separators when they group digits by three (`1,234`); a single comma
    /// followed by one or two digits and no dot is taken as a decimal comma (`12,5` → 12.50).
    /// A currency symbol or code, when present, must be `currency`. The value is exact; more than
    /// `maxFractionDigits` decimals is an error rather than a silent rounding.
    public static func parse(_ text: String, currency: Currency, maxFractionDigits: Int = 2) throws(MoneyError) -> Money {
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !s.isEmpty else { throw .empty }
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst().drop(while: { $0 == " " }) }
        if let (found, rest) = stripCurrency(s) {
            guard found == currency else { throw .currencyMismatch(expected: currency, found: found) }
            s = rest.drop(while: { $0 == " " })
            if !negative && s.hasPrefix("-") { negative = true; s = s.dropFirst().drop(while: { $0 == " " }) }
        }
        guard !s.isEmpty else { throw .empty }
        if s.hasPrefix("+") { s = s.dropFirst() }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else { throw .invalidFormat }

        var integerPart: Substring
        var fraction: Substring = ""
        let dots = s.filter { $0 == "." }.count
        let commas = s.filter { $0 == "," }.count
        if dots == 0, commas == 1, let c = s.firstIndex(of: ","), (1...2).contains(s.distance(from: c, to: s.endIndex) - 1) {
            integerPart = s[..<c]
            fraction = s[s.index(after: c)...]
        } else {
            guard dots <= 1 else { throw .invalidFormat }
            if let d = s.firstIndex(of: ".") {
                integerPart = s[..<d]
                fraction = s[s.index(after: d)...]
                guard !fraction.contains(",") else { throw .invalidFormat }
            } else {
                integerPart = s
            }
            if commas > 0 {
                let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
                guard let head = groups.first, (1...3).contains(head.count),
                      groups.dropFirst().allSatisfy({ $0.count == 3 }) else { throw .invalidFormat }
                integerPart = Substring(groups.joined())
            }
        }
        guard !integerPart.isEmpty || !fraction.isEmpty else { throw .invalidFormat }
        guard fraction.count <= maxFractionDigits else { throw .tooManyDecimals(max: maxFractionDigits) }
        let digits = String(integerPart.drop(while: { $0 == "0" })) + fraction
        // Up to 38 digits fit Decimal exactly: a price at the limit with 10 decimals reads (23 digits).
        guard digits.count <= 38, let significand = Decimal(string: digits.isEmpty ? "0" : digits) else { throw .outOfRange }
        let amount = Decimal(sign: negative ? .minus : .plus, exponent: -fraction.count, significand: significand)
        guard amount.magnitude <= maximumInput else { throw .outOfRange }
        return Money(amount, currency)
    }

    private static func stripCurrency(_ s: Substring) -> (Currency, Substring)? {
        let upper = s.uppercased()
        let prefixes: [(String, Currency)] = [("US$", .usd), ("USD", .usd), ("$", .usd), ("S/.", .pen), ("S/", .pen), ("PEN", .pen)]
        for (p, c) in prefixes where upper.hasPrefix(p) { return (c, s.dropFirst(p.count)) }
        return nil
    }
}

// MARK: Codable

extension Money: Codable {
    private enum CodingKeys: String, CodingKey { case amount, currency }

    /// Encoded as `{"amount":"1234.50","currency":"PEN"}`: the amount is text so it stays exact in JSON.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(amount.description, forKey: .amount)
        try c.encode(currency, forKey: .currency)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .amount)
        guard let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: "not a decimal: \(text)")
        }
        self.init(amount, try c.decode(Currency.self, forKey: .currency))
    }
}

extension Money: CustomStringConvertible {
    public var description: String { formatted }
}
