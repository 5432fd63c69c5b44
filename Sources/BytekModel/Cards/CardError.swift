/// Why the charge engine refused something, in Spanish with the field and what to fix.
public enum CardError: Error, Sendable, Hashable {
    case customerNotFound
    case cardNotFound(Int64)
    case cardRemoved(String)
    case cardExpired(String)
    case cardOfOtherCustomer
    case noCard
    case chargeNotFound(String)
    case nothingToCharge
    case mixedCurrencies
    case receivableNotPayable(String)
    /// An earlier attempt for these receivables is not resolved yet: nothing is charged until it is.
    case unresolvedCharge(orderKey: String, status: ChargeStatus)
    case noGatewayAccount(gateway: String, currency: Currency)
    case gatewayAccountCurrency(gateway: String, currency: Currency)
    case refundNotApproved(String)
    case refundAmount(String)
    case refundAboveCharged(available: Money, requested: Money)
    case reasonRequired
    case invalidRetrySchedule(String)
    case payoutAmounts(String)
    case payoutChargeNotApproved(String)
    case payoutChargeTaken(String)
    case amountMismatch(orderKey: String, expected: Money, received: Money)

    public var message: String {
        switch self {
        case .customerNotFound: return "El cliente no existe."
        case .cardNotFound(let id): return "La tarjeta \(id) no existe."
        case .cardRemoved(let label): return "La tarjeta \(label) fue quitada: elija otra o guarde una nueva."
        case .cardExpired(let label): return "La tarjeta \(label) está vencida: el cliente debe guardar una nueva."
        case .cardOfOtherCustomer: return "La tarjeta no es de este cliente."
        case .noCard: return "El cliente no tiene una tarjeta guardada: guarde una desde el portal."
        case .chargeNotFound(let key): return "El cobro \(key) no existe."
        case .nothingToCharge: return "No hay documentos con saldo por cobrar con tarjeta (solo la parte neta, sin detracción ni retención)."
        case .mixedCurrencies: return "Los documentos elegidos están en monedas distintas: cobre cada moneda por separado."
        case .receivableNotPayable(let doc): return "El documento \(doc) no tiene saldo neto por cobrar con tarjeta."
        case .unresolvedCharge(let key, let status):
            return "El cobro \(key) de estos documentos está \(status.displayName.lowercased()): se consultará a la pasarela antes de cobrar otra vez."
        case .noGatewayAccount(let g, let c):
            return "Falta la cuenta bancaria de \(g) en \(c.rawValue): configúrela con `bytek cobro cuenta --pasarela \(g) --cuenta ID`."
        case .gatewayAccountCurrency(let g, let c): return "La cuenta elegida para \(g) no es en \(c.rawValue)."
        case .refundNotApproved(let key): return "El cobro \(key) no está aprobado: no hay nada que reembolsar."
        case .refundAmount(let why): return "El monto a reembolsar no es válido: \(why)."
        case .refundAboveCharged(let a, let r): return "El monto a reembolsar (\(r.formatted)) supera lo que queda del cobro (\(a.formatted))."
        case .reasonRequired: return "Indique el motivo del reembolso."
        case .invalidRetrySchedule(let t): return "Los días de reintento «\(t)» no son válidos: escriba días crecientes desde 0, por ejemplo 0,3,7."
        case .payoutAmounts(let why): return "La liquidación no cuadra: \(why)."
        case .payoutChargeNotApproved(let key): return "El cobro \(key) no está aprobado: no puede estar en una liquidación."
        case .payoutChargeTaken(let key): return "El cobro \(key) ya está en otra liquidación."
        case .amountMismatch(let key, let e, let r):
            return "La pasarela aprobó \(r.formatted) para el cobro \(key), que era de \(e.formatted): revíselo antes de registrar el pago."
        }
    }
}
