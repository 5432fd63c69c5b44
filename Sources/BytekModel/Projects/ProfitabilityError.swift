/// Why a project's profitability cannot be computed.
public enum ProfitabilityError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A figure does not fit in the amounts BYTEK keeps (names the figure).
    case overflow(String)
    /// An amount in another currency came without an exchange rate (names it).
    case missingRate(String)

    public var description: String {
        switch self {
        case .overflow(let what):
            return "Rentabilidad: \(what) excede el máximo que BYTEK puede calcular; revise los montos."
        case .missingRate(let what):
            return "Rentabilidad: \(what) está en otra moneda y no tiene tipo de cambio; regístrelo."
        }
    }
}
