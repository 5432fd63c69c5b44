import BytekGateways
import BytekModel
import BytekStore

/// What the pay and card pages show, in the portal's own terms (PortalService fills them from the charge
/// engine, `services.cards`).
extension PortalService {
    /// One open receivable a card may pay: the part owed to BYTEK (neto), never the detracción (deposited
    /// at Banco de la Nación) nor a retención (paid to SUNAT by the customer as retention agent).
    struct PayableItem: Sendable, Equatable {
        var receivableId: Int64
        /// "F001-12" (with " cuota 2" when the document has cuotas).
        var document: String
        var dueDate: LocalDate?
        var amount: Money
        var detraccion: Money?
        var retencion: Money?
    }

    struct PayPage: Sendable {
        var customer: PortalCustomer
        var items: [PayableItem]
        var gateways: [GatewayName]
        /// Why the last "Pagar ahora" was refused (nothing selected, two currencies…).
        var problem: String?
        var selected: Set<Int64> = []
        var today: LocalDate?
    }

    enum PaymentOutcome: Sendable, Equatable {
        /// Paid: the documents it settled.
        case approved(amount: Money?, documents: [String])
        case declined(reason: String)
        /// The gateway has not confirmed yet (the IPN will).
        case pending
    }

    struct PaymentResult: Sendable, Equatable {
        var customerId: Int64
        var orderId: String
        var outcome: PaymentOutcome
        /// A card was saved (or was to be saved) with this checkout, without a payment.
        var saveCardOnly: Bool = false
    }

    struct SavedCardRow: Sendable, Equatable {
        var id: Int64
        var gateway: GatewayName
        var brand: String
        var last4: String
        var expiryMonth: Int
        var expiryYear: Int

        /// The last day the card works (the end of its expiry month); a two-digit year is read as 20YY.
        var lastDay: LocalDate? {
            let year = expiryYear < 100 ? 2000 + expiryYear : expiryYear
            let (y, m) = expiryMonth == 12 ? (year + 1, 1) : (year, expiryMonth + 1)
            return LocalDate(year: y, month: m, day: 1)?.adding(days: -1)
        }

        /// Expired, or expiring within a month of `today`.
        func expiresSoon(today: LocalDate) -> Bool { lastDay.map { today.days(until: $0) <= 31 } ?? false }

        func expired(today: LocalDate) -> Bool { lastDay.map { $0 < today } ?? false }
    }
}

/// A gateway's refusal in Spanish: the bank's code when we know it, else the gateway's own words.
enum DeclineText {
    static func spanish(code: String, message: String) -> String {
        switch code.uppercased() {
        case "05", "190", "ACQ_001": return "El banco emisor no autorizó el pago."
        case "51", "116": return "La tarjeta no tiene fondos suficientes."
        case "54", "101": return "La tarjeta está vencida."
        case "14", "180": return "El número de tarjeta no es válido."
        case "57", "118": return "La tarjeta no permite este tipo de compra."
        case "43", "41", "208", "209": return "La tarjeta fue reportada como perdida o robada."
        case "55", "129": return "El código de seguridad (CVV) no es correcto."
        default:
            let m = message.trimmingCharacters(in: .whitespacesAndNewlines)
            return m.isEmpty ? "La pasarela no aprobó el pago (código \(code))." : "La pasarela no aprobó el pago: \(m) (código \(code))."
        }
    }
}
