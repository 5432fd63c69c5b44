import Foundation

/// Why a payment, an application, a reversal, a deposit, a retention receipt or a bank account is refused.
/// Each case names the field or the record and what to do (`message`, Spanish).
public enum ReceivableError: Error, Sendable, Hashable {
    case customerNotFound
    case receivableNotFound(Int64)
    case documentNotFound(String)
    case paymentNotFound(Int64)
    case bankAccountNotFound(Int64)
    case bankAccountInactive(String)
    case bankAccountCurrency(account: String, payment: Currency)
    case detraccionAccountForPayment(String)
    case bankAccountRequired(PaymentMethod)
    case operationNumberRequired
    case duplicateOperation(account: String, operation: String, paymentId: Int64)
    case amountNotPositive(field: String)
    case amount(field: String, MoneyError)
    case amountTooLarge(field: String)
    case exchangeRateRequired
    case invalidExchangeRate(String)
    case receivableOfOtherCustomer(String)
    case receivableCancelled(String)
    case receivableSettled(String)
    case applicationAboveBalance(document: String, balance: Money, requested: Money)
    case applicationsAbovePayment(payment: Money, applied: Money)
    case wrongPartForPayment(document: String, part: ReceivablePart)
    case noPartToSettle(document: String, part: ReceivablePart)
    case alreadyReversed(Int64)
    case reasonRequired
    case creditInsufficient(available: Money, requested: Money)
    case creditCurrency(credit: Currency, receivable: Currency)
    case creditAlreadyUsed(paymentId: Int64, available: Money, needed: Money)
    case duplicateConstancia(String)
    case duplicateRetention(String)
    case fieldRequired(String)
    case duplicateBankAccount(String)
    case nothingToApply

    /// One Spanish sentence: what is wrong and what to change. Never empty.
    public var message: String {
        switch self {
        case .customerNotFound: return "No existe ese cliente; revise el RUC o documento."
        case .receivableNotFound(let id): return "No existe la cuenta por cobrar \(id)."
        case .documentNotFound(let d): return "No hay cuentas por cobrar del comprobante \(d); revise la serie y el número."
        case .paymentNotFound(let id): return "No existe el pago \(id)."
        case .bankAccountNotFound(let id): return "No existe la cuenta bancaria \(id); véalas con «bytek cuenta-bancaria listar»."
        case .bankAccountInactive(let a): return "La cuenta bancaria \(a) está desactivada; elija otra."
        case .bankAccountCurrency(let a, let c):
            return "La cuenta bancaria \(a) no es en \(c.rawValue); elija una cuenta de la moneda del pago."
        case .detraccionAccountForPayment(let a):
            return "La cuenta \(a) es la de detracciones (Banco de la Nación): registre allí la constancia de detracción, no un pago."
        case .bankAccountRequired(let m): return "Un pago por \(m.displayName.lowercased()) necesita la cuenta bancaria donde llegó."
        case .operationNumberRequired: return "Falta el número de operación del banco."
        case .duplicateOperation(let a, let op, let id):
            return "La operación \(op) de la cuenta \(a) ya está registrada (pago \(id)); el mismo depósito no se registra dos veces."
        case .amountNotPositive(let f): return "El \(f) debe ser mayor que cero."
        case .amount(let f, let e): return "El \(f) no es válido: " + Self.moneyText(e)
        case .amountTooLarge(let f): return "El \(f) supera el máximo permitido; revise la cifra."
        case .exchangeRateRequired:
            return "El pago y la cuenta por cobrar están en monedas distintas: indique el tipo de cambio del pago."
        case .invalidExchangeRate(let t): return "El tipo de cambio «\(t)» no es válido: escriba soles por dólar, p. ej. 3.752."
        case .receivableOfOtherCustomer(let d): return "\(d) es de otro cliente; aplique el pago solo a comprobantes del cliente que pagó."
        case .receivableCancelled(let d): return "\(d) está anulado o rechazado: no se le aplican pagos."
        case .receivableSettled(let d): return "\(d) ya está cancelado (sin saldo pendiente)."
        case .applicationAboveBalance(let d, let balance, let requested):
            return "A \(d) se aplican \(requested.formatted) y su saldo es \(balance.formatted); aplique como máximo el saldo."
        case .applicationsAbovePayment(let payment, let applied):
            return "Las aplicaciones suman \(applied.formatted) y el pago es de \(payment.formatted); reduzca lo aplicado."
        case .wrongPartForPayment(let d, let part):
            return part == .detraccion
                ? "La detracción de \(d) se cancela con la constancia de depósito (bytek detraccion registrar), no con un pago."
                : "La retención de \(d) se cancela con el comprobante de retención (bytek retencion registrar), no con un pago."
        case .noPartToSettle(let d, let part):
            return "\(d) no tiene \(part == .detraccion ? "detracción" : "retención") pendiente."
        case .alreadyReversed(let id): return "El pago \(id) ya fue revertido."
        case .reasonRequired: return "Falta el motivo de la reversión."
        case .creditInsufficient(let available, let requested):
            return "El saldo a favor es \(available.formatted) y se quiere aplicar \(requested.formatted); aplique como máximo el saldo."
        case .creditCurrency(let credit, let receivable):
            return "El saldo a favor en \(credit.rawValue) solo se aplica a cuentas en \(credit.rawValue) (esta es en \(receivable.rawValue))."
        case .creditAlreadyUsed(let id, let available, let needed):
            return "El saldo a favor que dejó el pago \(id) (\(needed.formatted)) ya se aplicó (queda \(available.formatted)); "
                + "no se puede revertir el pago."
        case .duplicateConstancia(let c): return "La constancia de detracción \(c) ya está registrada."
        case .duplicateRetention(let n): return "El comprobante de retención \(n) ya está registrado."
        case .fieldRequired(let f): return "Falta \(f)."
        case .duplicateBankAccount(let a): return "La cuenta bancaria \(a) ya existe."
        case .nothingToApply: return "Indique a qué comprobantes se aplica (o el importe a aplicar)."
        }
    }

    static func moneyText(_ e: MoneyError) -> String {
        switch e {
        case .empty: return "está vacío."
        case .invalidFormat: return "escriba un número como 1180.00."
        case .tooManyDecimals(let max): return "admite hasta \(max) decimales."
        case .currencyMismatch(let expected, let found): return "está en \(found.rawValue) y debe ir en \(expected.rawValue)."
        case .outOfRange: return "supera el máximo permitido."
        }
    }
}
