import BytekGateways
import BytekModel
import BytekServices
import BytekStore

/// Pay now and saved cards, through the charge engine (`services.cards`) as the contact.
extension PortalService {
    /// The gateways the portal offers, in the order configured.
    var configuredGateways: [GatewayName] { gateways.map(\.name) }

    /// The charge engine over the web door's gateway clients.
    func cards(_ services: Services) -> CardService {
        let list = gateways
        return services.cards(gateways: { name in
            guard let g = list.first(where: { $0.name == name }) else {
                throw GatewayError.unavailable("\(name.displayName) no está configurada en el archivo de secretos")
            }
            return g
        })
    }

    /// The open neto receivables with what is left out of each (detracción, retención).
    func payPage(_ who: SignedIn, customerId: Int64, problem: String? = nil, selected: Set<Int64> = []) throws -> PayPage? {
        try asContact(who, customerId: customerId) { services, customer in
            let engine = cards(services)
            let open = try services.receivables.receivables(customerId: customerId)
            func part(_ p: ReceivablePart, of r: Receivable) -> Money? {
                open.first { $0.documentId == r.documentId && $0.part == p }?.balance
            }
            let items = try engine.openPayable(customerId: customerId).map { p in
                PayableItem(receivableId: p.receivable.id,
                            document: p.receivable.documentID + (p.receivable.installment > 0 ? " cuota \(p.receivable.installment)" : ""),
                            dueDate: p.receivable.dueDate, amount: p.amount,
                            detraccion: part(.detraccion, of: p.receivable), retencion: part(.retencion, of: p.receivable))
            }
            return PayPage(customer: customer, items: items, gateways: configuredGateways, problem: problem, selected: selected,
                           today: engine.today)
        }
    }

    /// What "Pagar ahora" opened: the gateway's session and what it pays.
    struct Checkout: Sendable {
        var customer: PortalCustomer
        var session: CheckoutSession
        var items: [PayableItem]
        var total: Money?
    }

    enum CheckoutProblem: Error, Sendable {
        /// Shown on the page the form came from (nothing chosen, two currencies, the gateway unreachable…).
        case refused(String)
    }

    /// Starts the embedded form for the receivables chosen (or, with `saveCardOnly`, for saving a card).
    func startCheckout(_ who: SignedIn, customerId: Int64, receivableIds: [Int64], gateway: GatewayName?, saveCard: Bool,
                       saveCardOnly: Bool, publicURL: String) throws -> Result<Checkout, CheckoutProblem>? {
        try asContact(who, customerId: customerId) { services, customer -> Result<Checkout, CheckoutProblem> in
            guard let gateway, configuredGateways.contains(gateway) else {
                return .failure(.refused("Pagar con: elija una de las pasarelas ofrecidas."))
            }
            if !saveCardOnly && receivableIds.isEmpty {
                return .failure(.refused("Marque al menos un documento para pagar."))
            }
            let engine = cards(services)
            let back = publicURL + (saveCardOnly ? "/c/\(customerId)/tarjetas" : "/c/\(customerId)/pagar")
            let notify = publicURL + "/pagos/\(gateway.rawValue)/ipn"
            do {
                if saveCardOnly {
                    let session = try engine.startSaveCard(customerId: customerId, gateway: gateway, returnURL: back, notificationURL: notify)
                    return .success(Checkout(customer: customer, session: session, items: [], total: nil))
                }
                let payable = try engine.openPayable(customerId: customerId).filter { receivableIds.contains($0.receivable.id) }
                let session = try engine.startPayment(customerId: customerId, receivableIds: receivableIds, saveCard: saveCard,
                                                      gateway: gateway, returnURL: back, notificationURL: notify)
                let items = payable.map {
                    PayableItem(receivableId: $0.receivable.id, document: $0.receivable.documentID, dueDate: $0.receivable.dueDate,
                                amount: $0.amount, detraccion: nil, retencion: nil)
                }
                return .success(Checkout(customer: customer, session: session, items: items, total: session.amount?.money))
            } catch let e as CardError {
                return .failure(.refused(e.message))
            } catch let e as GatewayError {
                return .failure(.refused("No se pudo abrir el pago con \(gateway.displayName): \(e.message) Inténtelo en unos minutos."))
            }
        }
    }

    /// The gateway's answer brought back by the browser (Izipay's signed kr-answer, Niubiz's transactionToken), as
    /// the contact: recorded once (a reload shows the result, never charges again).
    func completeCheckout(_ who: SignedIn, customerId: Int64, orderId: String, fields: [String: String]) throws -> PaymentResult? {
        try asContact(who, customerId: customerId) { services, _ -> PaymentResult? in
            let engine = cards(services)
            guard let charge = try? engine.charge(orderId), charge.customerId == customerId else { return nil }
            do {
                return Self.paymentResult(try engine.completeCheckout(orderId: orderId, fields: fields), customerId: customerId)
            } catch GatewayError.badSignature {
                return nil
            }
        } ?? nil
    }

    /// What came of a payment or of saving a card.
    func paymentResult(_ who: SignedIn, customerId: Int64, orderId: String) throws -> PaymentResult? {
        try asContact(who, customerId: customerId) { services, _ -> PaymentResult? in
            let engine = cards(services)
            guard let charge = try? engine.charge(orderId), charge.customerId == customerId else { return nil }
            return Self.paymentResult(try engine.result(for: charge.id), customerId: customerId)
        } ?? nil
    }

    static func paymentResult(_ r: CheckoutResult, customerId: Int64) -> PaymentResult {
        let outcome: PaymentOutcome
        switch r.status {
        case .approved: outcome = .approved(amount: r.amount.isZero ? nil : r.amount, documents: r.documents)
        case .declined, .ignored: outcome = .declined(reason: r.message)
        case .pending: outcome = .pending
        }
        return PaymentResult(customerId: customerId, orderId: r.orderId, outcome: outcome,
                             saveCardOnly: r.charge?.purpose == .guardarTarjeta)
    }

    /// A gateway's notification (Izipay's IPN), with no session: the charge engine verifies the signature before
    /// anything else. Acts as the worker through the web door (the operation is unattended by design).
    func receiveNotification(gateway: GatewayName, fields: [String: String]) throws -> CheckoutResult {
        try pool.with { db in
            try cards(Services(store: Store(opened: db), actor: Actor(.worker, door: .web)))
                .receiveNotification(gateway: gateway, fields: fields)
        }
    }

    // MARK: saved cards

    struct CardsPage: Sendable {
        var customer: PortalCustomer
        var cards: [SavedCardRow]
        var today: LocalDate
        /// The card automatic charges use (subscriptions and due invoices on their due date), nil when off.
        var autopayCard: Int64?
    }

    func savedCards(_ who: SignedIn, customerId: Int64) throws -> CardsPage? {
        try asContact(who, customerId: customerId) { services, customer in
            let engine = cards(services)
            let rows = try engine.savedCards(customerId: customerId).map {
                SavedCardRow(id: $0.id, gateway: GatewayName(rawValue: $0.gateway) ?? .izipay, brand: $0.brand, last4: $0.last4,
                             expiryMonth: $0.expiryMonth, expiryYear: $0.expiryYear)
            }
            let autopay = try engine.autopay(customerId: customerId)
            return CardsPage(customer: customer, cards: rows, today: engine.today,
                             autopayCard: autopay.enabled ? autopay.cardId : nil)
        }
    }

    /// Automatic charges on with one of the customer's cards, or off (`cardId` nil); nil when the card is not theirs.
    func setAutopay(_ who: SignedIn, customerId: Int64, cardId: Int64?) throws -> Bool? {
        try asContact(who, customerId: customerId) { services, _ -> Bool? in
            let engine = cards(services)
            if let cardId, try !engine.savedCards(customerId: customerId).contains(where: { $0.id == cardId }) { return nil }
            try engine.setAutopay(customerId: customerId, cardId: cardId, enabled: cardId != nil)
            return true
        } ?? nil
    }

    /// Removes a saved card at the gateway and here; nil when it is not one of the customer's.
    func removeCard(_ who: SignedIn, customerId: Int64, cardId: Int64) throws -> Result<Void, CheckoutProblem>? {
        try asContact(who, customerId: customerId) { services, _ -> Result<Void, CheckoutProblem>? in
            let engine = cards(services)
            guard try engine.savedCards(customerId: customerId).contains(where: { $0.id == cardId }) else { return nil }
            do {
                try engine.removeCard(id: cardId)
                return .success(())
            } catch let e as GatewayError {
                return .failure(.refused("No se pudo quitar la tarjeta en la pasarela: \(e.message) Inténtelo en unos minutos."))
            }
        } ?? nil
    }
}
