import BytekModel
import Foundation

/// The card gateways BYTEK charges through. Their protocol facts: ../shared/design/INTEGRATIONS.md.
public enum GatewayName: String, Sendable, CaseIterable, Codable {
    case izipay, niubiz

    public var displayName: String {
        switch self {
        case .izipay: return "Izipay"
        case .niubiz: return "Niubiz"
        }
    }
}

/// An amount as the gateways take it: integer cents and an ISO currency. Built only from exact money.
public struct GatewayAmount: Sendable, Hashable {
    public let cents: Int64
    public let currency: Currency

    /// Refuses zero, negative and sub-cent amounts: a gateway is never asked for something we cannot record.
    public init(_ money: Money) throws(GatewayError) {
        guard money.amount > 0 else { throw .rejected(code: "monto", message: "El monto a cobrar debe ser mayor que cero.") }
        guard money.rounded(scale: 2).amount == money.amount else {
            throw .rejected(code: "monto", message: "El monto a cobrar no puede tener más de dos decimales.")
        }
        guard money.amount <= Decimal(Self.maximumCents) / 100 else {
            throw .rejected(code: "monto", message: "El monto a cobrar excede el máximo que acepta la pasarela (99,999,999.99).")
        }
        self.cents = money.minorUnits
        self.currency = money.currency
    }

    public init(cents: Int64, currency: Currency) { self.cents = cents; self.currency = currency }

    /// The largest charge either gateway takes: 99,999,999.99.
    public static let maximumCents: Int64 = 9_999_999_999

    public var money: Money { Money(minorUnits: cents, currency) }
}

/// Who pays, as the gateways want it (Izipay needs the e-mail to save a card; Niubiz the e-mail of the holder).
public struct GatewayCustomer: Sendable, Hashable {
    public var email: String
    /// RUC or DNI.
    public var reference: String
    public var name: String
    public init(email: String, reference: String, name: String) {
        self.email = email; self.reference = reference; self.name = name
    }
}

/// What a gateway says about a card: masked, never the number.
public struct CardDetails: Sendable, Hashable {
    public var brand: String
    /// As the gateway masks it (e.g. "497010XXXXXX0055"); `last4` is what screens show.
    public var maskedNumber: String
    public var expiryMonth: Int
    public var expiryYear: Int
    public init(brand: String, maskedNumber: String, expiryMonth: Int, expiryYear: Int) {
        self.brand = brand; self.maskedNumber = maskedNumber; self.expiryMonth = expiryMonth; self.expiryYear = expiryYear
    }
    public var last4: String { String(maskedNumber.suffix(4)) }
}

/// An approved charge.
public struct GatewayTransaction: Sendable, Hashable {
    public var orderId: String
    /// The gateway's id of the transaction (Izipay `transactions[0].uuid`, Niubiz `TRANSACTION_ID`): what refunds name.
    public var transactionId: String
    public var authorizationCode: String?
    public var amount: GatewayAmount
    public var card: CardDetails?
    /// The saved card's token when the charge also saved the card (REGISTER_PAY, Niubiz tokenization).
    public var cardToken: String?
    public init(orderId: String, transactionId: String, authorizationCode: String?, amount: GatewayAmount,
                card: CardDetails?, cardToken: String?) {
        self.orderId = orderId; self.transactionId = transactionId; self.authorizationCode = authorizationCode
        self.amount = amount; self.card = card; self.cardToken = cardToken
    }
}

/// The answer to a charge that reached the gateway and came back.
public enum ChargeOutcome: Sendable, Hashable {
    case approved(GatewayTransaction)
    /// The bank or the gateway said no: `code` is the gateway's (e.g. Niubiz ACTION_CODE, Izipay detailedErrorCode).
    case declined(code: String, message: String)
}

/// What the gateway knows about an order whose answer we may have missed.
public enum OrderLookup: Sendable, Hashable {
    /// Never received: the same order may be sent again.
    case notFound
    case approved(GatewayTransaction)
    case declined(code: String, message: String)
    /// Received and not finished: ask again later, never charge again meanwhile.
    case pending
}

/// Why a call gave no answer we can act on.
public enum GatewayError: Error, Sendable, Hashable {
    /// The request may have reached the gateway (timeout after sending, connection cut, 5xx): the charge may
    /// have happened. Never retry before `findOrder` says `.notFound`.
    case indeterminate(String)
    /// Nothing was sent (connection refused, name not resolved): safe to retry.
    case unavailable(String)
    /// The gateway refused the request itself (credentials, a field): retrying the same will not help.
    case rejected(code: String, message: String)
    /// A notification or a browser return whose signature does not verify: ignored.
    case badSignature

    public var message: String {
        switch self {
        case .indeterminate(let why): return "La pasarela no respondió a tiempo (\(why)); se consultará el estado antes de reintentar."
        case .unavailable(let why): return "No se pudo conectar con la pasarela: \(why)."
        case .rejected(let code, let message): return "La pasarela rechazó la solicitud (\(code)): \(message)"
        case .badSignature: return "La firma del aviso de la pasarela no es válida; se ignoró."
        }
    }
}

/// A charge of a saved card, made by BYTEK without the customer present (Izipay SILENT, Niubiz recurrent).
public struct SavedCardCharge: Sendable, Hashable {
    /// Our key of the attempt, stored before the call: Izipay `orderId`; for Niubiz a numeric `purchaseNumber`
    /// of at most 12 digits.
    public var orderId: String
    public var amount: GatewayAmount
    public var cardToken: String
    public var customer: GatewayCustomer
    public init(orderId: String, amount: GatewayAmount, cardToken: String, customer: GatewayCustomer) {
        self.orderId = orderId; self.amount = amount; self.cardToken = cardToken; self.customer = customer
    }
}

/// A payment or a card to save, made by the customer in the gateway's embedded form on the portal.
public struct CheckoutRequest: Sendable, Hashable {
    public var orderId: String
    /// Zero only when `saveCard` and the gateway can register without paying.
    public var amount: GatewayAmount
    public var customer: GatewayCustomer
    public var saveCard: Bool
    /// Where the form sends the browser back (our page), and where Izipay posts its IPN.
    public var returnURL: String
    public var notificationURL: String
    public init(orderId: String, amount: GatewayAmount, customer: GatewayCustomer, saveCard: Bool,
                returnURL: String, notificationURL: String) {
        self.orderId = orderId; self.amount = amount; self.customer = customer; self.saveCard = saveCard
        self.returnURL = returnURL; self.notificationURL = notificationURL
    }
}

/// What the pay page needs to show the gateway's embedded form.
public struct CheckoutSession: Sendable, Hashable {
    public var gateway: GatewayName
    public var orderId: String
    /// The gateway's script the page loads (its origin is what the page's CSP allows).
    public var scriptURL: String
    /// Izipay's public key, Niubiz's merchant id: what the script's tag carries.
    public var publicKey: String
    /// Izipay `formToken` (15 minutes, single use), Niubiz `sessionKey`.
    public var token: String
    /// The origins the page must allow in its Content-Security-Policy (script, frame, connect).
    public var allowedOrigins: [String]
    /// What the session was opened for: Niubiz authorizes this amount when the checkout posts back, and saves
    /// the card first when `saveCard` (keep the whole session with the order until `completeCheckout`).
    public var amount: GatewayAmount?
    public var saveCard: Bool
    public init(gateway: GatewayName, orderId: String, scriptURL: String, publicKey: String, token: String,
                allowedOrigins: [String], amount: GatewayAmount? = nil, saveCard: Bool = false) {
        self.gateway = gateway; self.orderId = orderId; self.scriptURL = scriptURL; self.publicKey = publicKey
        self.token = token; self.allowedOrigins = allowedOrigins
        self.amount = amount; self.saveCard = saveCard
    }
}

/// A refund made (full or partial).
public struct GatewayRefund: Sendable, Hashable {
    public var refundId: String
    public var amount: GatewayAmount
    public init(refundId: String, amount: GatewayAmount) { self.refundId = refundId; self.amount = amount }
}

/// One card gateway, as the charge engine uses it. Every call is synchronous and bounded by the client's
/// timeout; transport trouble is a `GatewayError`, never a silent nil.
public protocol CardGateway: Sendable {
    var name: GatewayName { get }

    /// Charges a saved card. `.declined` is an answer; a missing answer throws `.indeterminate`.
    func charge(_ charge: SavedCardCharge) throws(GatewayError) -> ChargeOutcome

    /// What the gateway knows of our order (Izipay `Order/Get`, Niubiz `retrieve/purchase`).
    func findOrder(_ orderId: String) throws(GatewayError) -> OrderLookup

    /// Refunds part or all of an approved transaction.
    func refund(transactionId: String, amount: GatewayAmount) throws(GatewayError) -> GatewayRefund

    /// Starts the embedded form for a payment and/or saving a card.
    func startCheckout(_ request: CheckoutRequest) throws(GatewayError) -> CheckoutSession

    /// Turns what comes back from the customer's side (Izipay: the IPN or browser-return form fields `kr-answer`,
    /// `kr-hash`…, verified first; Niubiz: the `transactionToken` posted to our page, then authorized with the
    /// session's amount) into an outcome. `session` is what `startCheckout` returned for that order.
    func completeCheckout(fields: [String: String], session: CheckoutSession) throws(GatewayError) -> ChargeOutcome

    /// Forgets a saved card at the gateway.
    func removeCard(token: String) throws(GatewayError)
}
