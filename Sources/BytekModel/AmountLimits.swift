import Foundation

/// The limits every figure typed into a quote, a document or the catalog must stay within: the one
/// place they are set. They are far above any real sale of the company and far below what `Decimal`
/// and the integer céntimos of `TaxEngine` hold, so a figure inside them can never overflow, and a
/// figure beyond them is refused where it is typed, with a sentence naming the field.
///
/// - quantity: at most 10⁹ (a thousand million units or hours), with at most 10 decimals;
/// - unit price (and unit cost, and a catalog price): at most 10¹¹, with at most 10 decimals;
/// - the amount of a line and the total of a document: at most 10¹² in either currency;
/// - at most 1,000 lines on a quote or a document;
/// - a quote's validity and credit days: 1 to 3,650 (ten years);
/// - exchange rate: positive, at most 3 decimals (as SUNAT publishes it), and within 2.5–6 soles
///   per dollar unless the user confirms it.
public enum AmountLimits {
    public static let maxQuantity = Decimal(1_000_000_000)
    public static let maxUnitPrice = Decimal(100_000_000_000)
    public static let maxAmount = Decimal(1_000_000_000_000)
    /// `maxAmount` in céntimos.
    public static let maxAmountCents: Int64 = 100_000_000_000_000
    public static let maxDecimals = 10
    public static let maxLines = 1_000
    public static let exchangeRateDecimals = 3
    /// Days of validity of a quote and of credit: at most ten years, so every due date is a real day.
    public static let maxDays = 3_650
    /// Soles per dollar: a rate outside this band is refused unless confirmed.
    public static let exchangeRateBand = Decimal(string: "2.5")!...Decimal(6)

    /// A quantity as typed: a number, not above 10⁹, with at most 10 decimals (the sign is the
    /// caller's rule).
    public static func checkQuantity(_ value: Decimal) throws(AmountLimitError) {
        try check(value, .quantity, max: maxQuantity, decimals: maxDecimals)
    }

    /// A unit price (or a unit cost, `field`) as typed: a number, not above 10¹¹, at most 10 decimals.
    public static func checkUnitPrice(_ value: Decimal, field: AmountField = .unitPrice) throws(AmountLimitError) {
        try check(value, field, max: maxUnitPrice, decimals: maxDecimals)
    }

    /// An amount (a discount, a line amount, a total): a number not above 10¹², at most 10 decimals.
    public static func checkAmount(_ value: Decimal, field: AmountField) throws(AmountLimitError) {
        try check(value, field, max: maxAmount, decimals: maxDecimals)
    }

    /// The number of lines of a quote or a document.
    public static func checkLineCount(_ count: Int) throws(AmountLimitError) {
        guard count <= maxLines else { throw .tooManyLines(count: count, max: maxLines) }
    }

    /// An exchange rate (soles per dollar): positive, at most 3 decimals, and inside the band
    /// unless `confirmed`.
    public static func checkExchangeRate(_ rate: Decimal, confirmed: Bool) throws(AmountLimitError) {
        guard !rate.isNaN, rate > 0 else { throw .exchangeRateNotPositive }
        guard decimals(rate) <= exchangeRateDecimals else { throw .tooManyDecimals(.exchangeRate, max: exchangeRateDecimals) }
        guard confirmed || exchangeRateBand.contains(rate) else { throw .exchangeRateOutsideBand(rate) }
    }

    /// The number of decimals `value` needs (trailing zeros do not count): 1.50 → 1, 2 → 0.
    public static func decimals(_ value: Decimal) -> Int {
        guard !value.isNaN, !value.isZero else { return 0 }
        var v = value
        var n = 0
        while n < 40 {
            var input = v
            var rounded = Decimal()
            NSDecimalRound(&rounded, &input, 0, .plain)
            if rounded == v { return n }
            v *= 10
            n += 1
        }
        return n
    }

    private static func check(_ value: Decimal, _ field: AmountField, max: Decimal,
                              decimals limit: Int) throws(AmountLimitError) {
        guard !value.isNaN, value.isFinite else { throw .notANumber(field) }
        guard value.magnitude <= max else { throw .tooLarge(field, max: max) }
        guard decimals(value) <= limit else { throw .tooManyDecimals(field, max: limit) }
    }
}

/// The figure a limit speaks about, so the message can name it.
public enum AmountField: String, Sendable, Hashable, Codable {
    case quantity, unitPrice, unitCost, discount, lineAmount, documentTotal, exchangeRate, amount

    /// "la cantidad", "el precio unitario"…: the field's name in a Spanish sentence.
    public var spanishName: String {
        switch self {
        case .quantity: return "la cantidad"
        case .unitPrice: return "el precio unitario"
        case .unitCost: return "el costo unitario"
        case .discount: return "el descuento"
        case .lineAmount: return "el importe de la línea (cantidad × precio)"
        case .documentTotal: return "el total del comprobante"
        case .exchangeRate: return "el tipo de cambio"
        case .amount: return "el importe"
        }
    }
}

/// Why a figure is refused by `AmountLimits`.
public enum AmountLimitError: Error, Sendable, Hashable {
    case notANumber(AmountField)
    case tooLarge(AmountField, max: Decimal)
    case tooManyDecimals(AmountField, max: Int)
    case tooManyLines(count: Int, max: Int)
    case exchangeRateNotPositive
    /// Outside 2.5–6 soles per dollar: accepted only when the user confirms it.
    case exchangeRateOutsideBand(Decimal)

    /// One Spanish sentence naming the field and what to do. Never empty.
    public var message: String {
        switch self {
        case .notANumber(let f): return Self.capitalized(f.spanishName) + " no es un número válido."
        case .tooLarge(let f, let max):
            return Self.capitalized(f.spanishName) + " supera el máximo permitido (" + Self.grouped(max)
                + "); escriba un valor menor."
        case .tooManyDecimals(let f, let max):
            return Self.capitalized(f.spanishName) + " admite hasta \(max) decimales."
        case .tooManyLines(let count, let max):
            return "Tiene \(count) líneas y el máximo es \(Self.grouped(Decimal(max))) por documento; divídalo en varios."
        case .exchangeRateNotPositive: return "El tipo de cambio debe ser mayor que cero."
        case .exchangeRateOutsideBand(let r):
            let band = AmountLimits.exchangeRateBand
            return "El tipo de cambio \(r) no está entre \(band.lowerBound) y \(band.upperBound) soles por dólar."
        }
    }

    /// True when the error only asks the user to confirm an unusual exchange rate.
    public var needsConfirmation: Bool {
        if case .exchangeRateOutsideBand = self { return true }
        return false
    }

    private static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// 1000000000 → "1,000,000,000".
    public static func grouped(_ value: Decimal) -> String {
        let digits = "\(value)"
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return out
    }
}
