/// A quote or document beyond the customer's credit limit, or an override that cannot be taken.
/// `message` is the Spanish sentence every front shows.
public enum CreditLimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Over the limit without an override: `what` is "este comprobante" or "esta cotización".
    case exceeded(CreditExposure, what: String)
    /// The override's reason is empty.
    case reasonRequired
    /// Dollar amounts to add up and no exchange rate for the day.
    case rateMissing
    /// An address of the alert e-mail that is not one.
    case invalidRecipient(String)

    public var message: String {
        switch self {
        case .exceeded(let e, let what):
            return e.sentence(what: what) + ". Finanzas debe autorizar el sobregiro con un motivo"
        case .reasonRequired: return "sobregiro: escriba el motivo para autorizarlo"
        case .rateMissing:
            return "línea de crédito: no hay tipo de cambio del día para sumar los montos en dólares; regístrelo en Finanzas › Tipo de cambio"
        case .invalidRecipient(let text):
            return "avisos de sobregiro: «\(text)» no es un correo válido; escriba direcciones separadas por comas (finanzas@empresa.pe)"
        }
    }

    public var description: String { message }
}
