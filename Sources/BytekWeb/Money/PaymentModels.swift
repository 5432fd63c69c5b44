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
