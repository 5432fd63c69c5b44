import BytekModel

/// What a charge or a checkout came to, as a page or a screen shows it.
public struct CheckoutResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Paid: the payment is recorded and applied (`documents` paid).
        case approved
        /// The bank or the gateway said no: `message` says why, in Spanish.
        case declined
        /// Not known yet (no answer, or the gateway is still processing): nothing is charged again meanwhile.
        case pending
        /// A notification whose signature does not verify: ignored.
        case ignored
    }

    public var status: Status
    public var orderId: String
    public var amount: Money
    /// The documents ("F001-12") the charge paid (or was for).
    public var documents: [String]
    /// In Spanish: "Pago aprobado: F001-12 por S/ 118.00", the decline reason, "Estamos confirmando su pago…".
    public var message: String
    public var charge: CardCharge?
    public var paymentId: Int64?
    /// The card saved by this checkout, if any.
    public var savedCard: SavedCard?

    public init(status: Status, orderId: String, amount: Money, documents: [String], message: String, charge: CardCharge?,
                paymentId: Int64?, savedCard: SavedCard? = nil) {
        self.status = status; self.orderId = orderId; self.amount = amount; self.documents = documents; self.message = message
        self.charge = charge; self.paymentId = paymentId; self.savedCard = savedCard
    }
}

/// Spanish words for what a bank says, for the customer and for finanzas.
public enum DeclineText {
    /// "Fondos insuficientes (51)" for the usual codes; the gateway's message otherwise.
    public static func describe(code: String, message: String) -> String {
        let known: [String: String] = [
            "51": "Fondos insuficientes", "54": "Tarjeta vencida", "05": "Operación denegada por el banco",
            "14": "Número de tarjeta no válido", "43": "Tarjeta robada", "41": "Tarjeta perdida", "57": "Operación no permitida para la tarjeta",
            "61": "Excede el límite de la tarjeta", "91": "El banco emisor no responde",
        ]
        let text = known[code] ?? (message.isEmpty ? "Pago rechazado" : message)
        return "\(text) (\(code))"
    }
}
