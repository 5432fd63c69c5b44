import BytekGateways
import BytekModel
import BytekStore
import Foundation

extension CardRepository: ActingRepository {}

/// Builds the client of a gateway (from the secrets file in the fronts and the worker; a fake in tests).
public typealias GatewayFactory = @Sendable (GatewayName) throws -> any CardGateway

/// The charge engine for an actor: saved cards, charges (never twice: every attempt is stored with its order key
/// before the gateway is called, and an unanswered one is resolved by asking the gateway first), the portal's
/// checkout and the gateway's notifications, automatic charges with retries, refunds and payouts.
public struct CardService: Sendable {
    let services: Services
    let gateways: GatewayFactory
    var actor: Actor { services.actor }

    var repository: CardRepository { services.acting(CardRepository.self) }

    public init(services: Services, gateways: @escaping GatewayFactory) {
        self.services = services; self.gateways = gateways
    }

    /// Today in Lima, by the services' clock.
    public var today: LocalDate { LocalDate(services.now(), in: ExchangeRateService.lima) }

    func gateway(_ name: String) throws -> any CardGateway {
        guard let g = GatewayName(rawValue: name) else { throw GatewayError.rejected(code: "pasarela", message: "Pasarela desconocida: \(name)") }
        return try gateways(g)
    }

    func customerScope(_ customerId: Int64, _ op: Operation) throws {
        try actor.authorize(op, customer: customerId)
    }

    // MARK: reading

    /// A customer's saved cards (not the removed ones).
    public func savedCards(customerId: Int64) throws -> [SavedCard] {
        try customerScope(customerId, .cardView)
        return try repository.cards(customerId: customerId)
    }

    /// A customer's charge attempts, newest first.
    public func charges(customerId: Int64) throws -> [CardCharge] {
        try customerScope(customerId, .cardView)
        return try repository.charges(customerId: customerId)
    }

    /// Every charge attempt (of one status), newest first: staff only.
    public func charges(status: ChargeStatus? = nil) throws -> [CardCharge] {
        try actor.authorize(.cardView)
        guard actor.customerScope == nil else { throw ServiceError.notFound }
        return try repository.charges(status: status)
    }

    /// One charge by its id or order key, within the actor's scope.
    public func charge(_ idOrOrderKey: String) throws -> CardCharge {
        try actor.authorize(.cardView)
        let c = try (Int64(idOrOrderKey).flatMap { try repository.charge(id: $0) }) ?? repository.charge(orderKey: idOrOrderKey)
        guard let c, actor.sees(customer: c.customerId) else { throw CardError.chargeNotFound(idOrOrderKey) }
        return c
    }

    public func refunds(chargeId: Int64) throws -> [CardRefund] {
        let c = try charge(String(chargeId))
        return try repository.refunds(chargeId: c.id)
    }

    public func autopay(customerId: Int64) throws -> CardRepository.Autopay {
        try customerScope(customerId, .cardView)
        return try repository.autopay(customerId: customerId)
    }

    /// One open receivable a card may pay: the neto part with a balance, in the document's currency.
    public struct Payable: Sendable, Hashable {
        public var receivable: Receivable
        /// What a card pays of it: its balance.
        public var amount: Money
        /// An attempt for it not resolved yet (its order key): nothing more is charged until it is.
        public var unresolvedOrder: String?
    }

    /// The receivables a card may pay: neto parts with a balance (never the detracción or retención), by due date.
    public func openPayable(customerId: Int64) throws -> [Payable] {
        try customerScope(customerId, .cardView)
        let open = try services.acting(ReceivableRepository.self).receivables(customerId: customerId)
            .filter { $0.part == .neto && $0.isOpen }
        let unresolved = try repository.unresolvedCharges(receivableIds: open.map(\.id))
        return open.map { r in
            Payable(receivable: r, amount: r.balance,
                    unresolvedOrder: unresolved.first { $0.items.contains { $0.receivableId == r.id } }?.orderKey)
        }
    }

    // MARK: cards

    /// Removes a saved card at the gateway, then here (kept, marked removed; autopay on it turned off).
    @discardableResult
    public func removeCard(id: Int64) throws -> SavedCard {
        try actor.authorize(.cardRemove)
        guard let card = try repository.card(id: id), actor.sees(customer: card.customerId) else { throw ServiceError.notFound }
        guard !card.isRemoved else { return card }
        try gateway(card.gateway).removeCard(token: card.token)
        return try repository.removeCard(id: id)
    }

    /// Autopay on (with one of the customer's cards) or off.
    @discardableResult
    public func setAutopay(customerId: Int64, cardId: Int64?, enabled: Bool) throws -> CardRepository.Autopay {
        try customerScope(customerId, .cardSave)
        return try repository.setAutopay(customerId: customerId, cardId: cardId, enabled: enabled)
    }

    // MARK: settings

    /// The bank account where a gateway's card payments are recorded, per currency.
    public func setGatewayAccount(gateway: GatewayName, currency: Currency, bankAccountId: Int64) throws {
        try actor.authorize(.chargeSettings)
        try repository.setGatewayAccount(gateway.rawValue, currency: currency, bankAccountId: bankAccountId)
    }

    /// The retry days of declined automatic charges ("0,3,7").
    public func setRetrySchedule(_ text: String) throws {
        try actor.authorize(.chargeSettings)
        guard let s = RetrySchedule(text: text) else { throw CardError.invalidRetrySchedule(text) }
        try repository.setRetrySchedule(s)
    }

    public func retrySchedule() throws -> RetrySchedule {
        try actor.authorize(.cardView)
        return try repository.retrySchedule()
    }
}

extension Services {
    /// The charge engine with the gateways built from the secrets file.
    public var cards: CardService { CardService(services: self, gateways: GatewayClients.factory(environment: environment())) }

    /// The charge engine over the given gateways (tests: a fake or an emulator's client).
    public func cards(gateways: @escaping GatewayFactory) -> CardService { CardService(services: self, gateways: gateways) }
}

/// The real gateway clients, from the secrets file. Until the clients land (wt-a), every call says the gateway is
/// not configured.
public enum GatewayClients {
    public static func factory(environment: [String: String]) -> GatewayFactory {
        { name in throw GatewayError.unavailable("\(name.displayName) no está configurada en el archivo de secretos") }
    }
}
