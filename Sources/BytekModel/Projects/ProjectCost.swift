import Foundation

/// A cost of a project entered by hand (a purchase, a licence, a subcontract): never deleted, reversed
/// with a reason by admin or finanzas.
public struct ProjectCost: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var projectId: Int64
    public var day: LocalDate
    public var description: String
    public var amount: Money
    /// Soles per dollar, for a cost in dollars.
    public var exchangeRate: Decimal?
    public var enteredBy: String
    public var reversal: ProjectCostReversal?

    public init(id: Int64 = 0, projectId: Int64, day: LocalDate, description: String, amount: Money,
                exchangeRate: Decimal? = nil, enteredBy: String = "", reversal: ProjectCostReversal? = nil) {
        self.id = id; self.projectId = projectId; self.day = day; self.description = description
        self.amount = amount; self.exchangeRate = exchangeRate; self.enteredBy = enteredBy; self.reversal = reversal
    }

    public var stands: Bool { reversal == nil }
}

/// Who reversed a cost, when, and why.
public struct ProjectCostReversal: Sendable, Hashable {
    public var by: String
    public var at: Date
    public var reason: String

    public init(by: String, at: Date, reason: String) { self.by = by; self.at = at; self.reason = reason }
}

/// A cost as typed by a user, checked by `validated()` (each refusal names its field).
public struct ProjectCostInput: Sendable, Hashable {
    public var day: String
    public var description: String
    public var amount: String
    public var currency: Currency
    /// Required for dollars (soles per dollar, up to 3 decimals); ignored for soles.
    public var exchangeRate: String

    public static let maxDescription = 200
    public static let maxReason = 200

    public init(day: String, description: String, amount: String, currency: Currency = .pen, exchangeRate: String = "") {
        self.day = day; self.description = description; self.amount = amount; self.currency = currency
        self.exchangeRate = exchangeRate
    }

    /// The cost for `projectId`, or the first field to fix.
    public func validated(projectId: Int64) throws(ProjectCostError) -> ProjectCost {
        let dayText = day.trimmingCharacters(in: .whitespaces)
        guard let d = LocalDate(dayText) else { throw .invalidDay(day) }
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .required("descripción") }
        guard text.count <= Self.maxDescription else { throw .tooLong("descripción", max: Self.maxDescription) }
        let money: Money
        do { money = try Money.parse(amount, currency: currency) } catch { throw .invalidAmount(amount) }
        guard money.amount > 0 else { throw .notPositive }
        guard money.amount <= AmountLimits.maxAmount else { throw .tooLarge }
        var rate: Decimal? = nil
        if currency == .usd {
            let t = exchangeRate.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty else { throw .rateRequired }
            guard t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let r = Decimal(string: t),
                  (try? AmountLimits.checkExchangeRate(r, confirmed: false)) != nil else { throw .invalidRate(exchangeRate) }
            rate = r
        }
        return ProjectCost(projectId: projectId, day: d, description: text, amount: money, exchangeRate: rate)
    }
}

/// Why a project cost is refused; `message` is the Spanish sentence every front shows.
public enum ProjectCostError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidDay(String)
    case required(String)
    case tooLong(String, max: Int)
    case invalidAmount(String)
    case notPositive
    case tooLarge
    case rateRequired
    case invalidRate(String)
    case alreadyReversed(Int64)
    case notFound(Int64)

    public var message: String {
        switch self {
        case .invalidDay(let t): return "fecha: «\(t)» no es una fecha; escríbala como aaaa-mm-dd (p. ej. 2026-12-03)"
        case .required(let f): return "\(f): es obligatorio"
        case .tooLong(let f, let max): return "\(f): use a lo más \(max) caracteres"
        case .invalidAmount(let t): return "monto: «\(t)» no es un monto; escríbalo como 1234.50"
        case .notPositive: return "monto: debe ser mayor que cero"
        case .tooLarge: return "monto: no puede pasar de 1,000,000,000,000.00"
        case .rateRequired: return "tipo de cambio: es obligatorio para un costo en dólares"
        case .invalidRate(let t): return "tipo de cambio: «\(t)» no es válido; escriba soles por dólar entre 2.5 y 6, con hasta 3 decimales"
        case .alreadyReversed(let id): return "costo \(id): ya fue anulado"
        case .notFound(let id): return "costo \(id): no existe"
        }
    }

    public var description: String { message }
}
