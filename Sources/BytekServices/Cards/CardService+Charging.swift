import BytekGateways
import BytekModel
import BytekStore
import Foundation

extension CardService {
    /// Charges a saved card now (finanzas, admin): the customer's open neto receivables (all, or those of the
    /// documents named) in one currency. Refused while an earlier attempt for any of them is unresolved.
    public func chargeNow(customerId: Int64, documentIDs: [String] = [], cardId: Int64? = nil) throws -> CheckoutResult {
        try actor.authorize(.chargeNow, customer: customerId)
        let card = try chargeableCard(customerId: customerId, cardId: cardId)
        let wanted = Set(documentIDs.map { $0.uppercased().trimmingCharacters(in: .whitespaces) })
        func choose() throws -> [Payable] {
            let payable = try openPayable(customerId: customerId)
            guard !wanted.isEmpty else { return payable }
            for d in wanted where !payable.contains(where: { $0.receivable.documentID == d }) { throw CardError.receivableNotPayable(d) }
            return payable.filter { wanted.contains($0.receivable.documentID) }
        }
        var payable = try choose()
        guard !payable.isEmpty else { throw CardError.nothingToCharge }
        guard Set(payable.map(\.amount.currency)).count == 1 else { throw CardError.mixedCurrencies }
        // An earlier attempt on these documents is resolved first; if it paid them, that is the answer.
        let earlier = try resolveBlocking(payable.map(\.receivable.id))
        if !earlier.isEmpty {
            payable = try openPayable(customerId: customerId).filter { p in payable.contains { $0.receivable.id == p.receivable.id } }
            if payable.isEmpty, let last = earlier.last { return last }
        }
        return try chargeSaved(card: card, customerId: customerId, items: payable.map { PaymentApplication(receivableId: $0.receivable.id, amount: $0.amount) },
                               source: .manual, attempt: 1, firstAttemptOn: nil)
    }

    /// The card to charge: the one named, else the autopay card, else the newest saved; never removed or expired.
    func chargeableCard(customerId: Int64, cardId: Int64?) throws -> SavedCard {
        let card: SavedCard
        if let cardId {
            guard let c = try repository.card(id: cardId) else { throw CardError.cardNotFound(cardId) }
            guard c.customerId == customerId else { throw CardError.cardOfOtherCustomer }
            card = c
        } else if let id = try repository.autopay(customerId: customerId).cardId, let c = try repository.card(id: id) {
            card = c
        } else {
            guard let c = try repository.cards(customerId: customerId).first else { throw CardError.noCard }
            card = c
        }
        guard !card.isRemoved else { throw CardError.cardRemoved(card.label) }
        guard !card.isExpired(on: today) else { throw CardError.cardExpired(card.label) }
        return card
    }

    /// Asks the gateway about every unresolved attempt on these receivables first; refused if one stays unresolved.
    @discardableResult
    func resolveBlocking(_ receivableIds: [Int64]) throws -> [CheckoutResult] {
        let results = try repository.unresolvedCharges(receivableIds: receivableIds).compactMap { try? resolve($0) }
        if let open = try repository.unresolvedCharges(receivableIds: receivableIds).first {
            throw CardError.unresolvedCharge(orderKey: open.orderKey, status: open.status)
        }
        return results
    }

    /// Stores the attempt, commits it, then calls the gateway, and records what it said.
    func chargeSaved(card: SavedCard, customerId: Int64, items: [PaymentApplication], source: ChargeSource, attempt: Int,
                     firstAttemptOn: LocalDate?) throws -> CheckoutResult {
        guard let currency = items.first?.amount.currency else { throw CardError.nothingToCharge }
        guard try repository.gatewayAccount(card.gateway, currency: currency) != nil else {
            throw CardError.noGatewayAccount(gateway: card.gateway, currency: currency)
        }
        let charge = try repository.createCharge(.init(customerId: customerId, cardId: card.id, gateway: card.gateway, currency: currency,
                                                       items: items, source: source, attempt: attempt, firstAttemptOn: firstAttemptOn,
                                                       today: today))
        return try send(charge, card: card)
    }

    /// Sends a stored attempt (its own order key, first time or again after the gateway said it never got it).
    func send(_ charge: CardCharge, card: SavedCard) throws -> CheckoutResult {
        let g = try gateway(charge.gateway)
        let who = try gatewayCustomer(charge.customerId, email: card.holderEmail)
        let request = SavedCardCharge(orderId: charge.orderKey, amount: GatewayAmount(cents: charge.amount.minorUnits, currency: charge.amount.currency),
                                      cardToken: card.token, customer: who)
        try repository.markSent(chargeId: charge.id)
        let outcome: ChargeOutcome
        do {
            outcome = try g.charge(request)
        } catch {
            return try unanswered(charge, error: error, gateway: g)
        }
        return try apply(outcome, to: charge)
    }

    /// No usable answer: `.unavailable` → nothing was sent (pendiente: the same key may go again); anything else
    /// may have reached the gateway (desconocido), so the gateway is asked about the order once right away.
    func unanswered(_ charge: CardCharge, error: GatewayError, gateway g: any CardGateway) throws -> CheckoutResult {
        switch error {
        case .unavailable(let why):
            try repository.markUnanswered(chargeId: charge.id, sent: false, message: why)
        case .rejected(let code, let message):
            try repository.decline(chargeId: charge.id, code: code, message: message, nextRetry: nil, derived: false)
            return try result(for: charge.id)
        default:
            try repository.markUnanswered(chargeId: charge.id, sent: true, message: error.message)
            if let c = try repository.charge(id: charge.id) { _ = try? lookUp(c, gateway: g, resendIfNotFound: false) }
        }
        return try result(for: charge.id)
    }

    /// Records an outcome of the gateway on an attempt: approved → the payment, once; declined → the reason and,
    /// for automatic charges, the next retry (or handed to reminders after the last).
    func apply(_ outcome: ChargeOutcome, to charge: CardCharge) throws -> CheckoutResult {
        switch outcome {
        case .approved(let tx):
            let account = try repository.gatewayAccount(charge.gateway, currency: charge.amount.currency)
            do {
                let s = try repository.settle(chargeId: charge.id, transactionId: tx.transactionId, authorizationCode: tx.authorizationCode,
                                              approved: tx.amount.money, bankAccountId: account, date: today)
                if s.payment != nil { queueReceipt(s.charge) }
            } catch let e as CardError {
                try repository.markUnanswered(chargeId: charge.id, sent: true, message: e.message)
            }
            if let token = tx.cardToken, let card = tx.card, charge.saveCard || charge.purpose == .guardarTarjeta {
                try storeCard(charge: charge, token: token, card: card)
            }
        case .declined(let code, let message):
            var next: LocalDate?
            var derived = false
            if charge.source == .automatico {
                next = try repository.retrySchedule().nextRetry(firstAttempt: charge.firstAttemptOn, afterAttempt: charge.attempt)
                derived = next == nil
            }
            try repository.decline(chargeId: charge.id, code: code, message: message, nextRetry: next, derived: derived)
        }
        return try result(for: charge.id)
    }

    func storeCard(charge: CardCharge, token: String, card: CardDetails) throws {
        let accountId: Int64? = if case .contact(let account, _, _) = actor.kind { account } else { nil }
        let email = try gatewayCustomer(charge.customerId, email: nil).email
        let saved = try repository.saveCard(customerId: charge.customerId, gateway: charge.gateway, token: token, brand: card.brand,
                                            maskedNumber: card.maskedNumber, expiryMonth: card.expiryMonth, expiryYear: card.expiryYear,
                                            holderEmail: email, accountId: accountId)
        if try repository.autopay(customerId: charge.customerId).cardId == nil, charge.purpose == .guardarTarjeta {
            try repository.setAutopay(customerId: charge.customerId, cardId: saved.id, enabled: false)
        }
    }

    /// The receipt e-mail to the billing contacts. TODO(wt-d): queue through the customer message outbox.
    func queueReceipt(_ charge: CardCharge) {}

    /// Resolves one unresolved attempt (the sweep): asks the gateway what it knows of the order before anything
    /// is sent again. Approved → the payment once; declined → recorded; pending → left; not found → a saved-card
    /// charge is sent again with the SAME order key, a checkout the customer left is annulled.
    @discardableResult
    func resolve(_ charge: CardCharge) throws -> CheckoutResult {
        if charge.status == .aprobado, charge.paymentId == nil, let tx = charge.transactionId {
            let account = try repository.gatewayAccount(charge.gateway, currency: charge.amount.currency)
            let s = try repository.settle(chargeId: charge.id, transactionId: tx, authorizationCode: charge.authorizationCode,
                                          approved: charge.amount, bankAccountId: account, date: today)
            if s.payment != nil { queueReceipt(s.charge) }
            return try result(for: charge.id)
        }
        let g = try gateway(charge.gateway)
        if charge.status == .pendiente {
            // Never sent (or the gateway was unreachable): the same key goes again.
            if charge.source != .portal, let cardId = charge.cardId, let card = try repository.card(id: cardId), !card.isRemoved {
                return try send(charge, card: card)
            }
            return try lookUp(charge, gateway: g, resendIfNotFound: false)
        }
        return try lookUp(charge, gateway: g, resendIfNotFound: true)
    }

    func lookUp(_ charge: CardCharge, gateway g: any CardGateway, resendIfNotFound: Bool) throws -> CheckoutResult {
        let found: OrderLookup
        do { found = try g.findOrder(charge.orderKey) } catch { return try result(for: charge.id) }
        switch found {
        case .approved(let tx): return try apply(.approved(tx), to: charge)
        case .declined(let code, let message): return try apply(.declined(code: code, message: message), to: charge)
        case .pending: return try result(for: charge.id)
        case .notFound:
            if charge.source == .portal || charge.cardId == nil {
                // A checkout: the customer never paid. Left alone while its form may still be in use (15 minutes).
                let age = services.now().timeIntervalSince(ISOTimestamp.parse(charge.createdAt) ?? .distantPast)
                if age > 20 * 60 { try repository.annul(chargeId: charge.id, reason: "La pasarela no recibió el pago (formulario no completado)") }
                return try result(for: charge.id)
            }
            guard resendIfNotFound, let cardId = charge.cardId, let card = try repository.card(id: cardId), !card.isRemoved else {
                return try result(for: charge.id)
            }
            return try send(charge, card: card)
        }
    }

    /// Resolves every unresolved attempt (the sweep the worker runs before the automatic charges).
    @discardableResult
    public func resolvePending() throws -> [CheckoutResult] {
        try actor.authorize(.chargeAutomatic)
        return try repository.unresolvedCharges().map { c in try (try? resolve(c)) ?? result(for: c.id) }
    }

    /// What a charge stands at, for a page or a screen.
    public func result(for chargeId: Int64) throws -> CheckoutResult {
        guard let c = try repository.charge(id: chargeId) else { throw CardError.chargeNotFound("\(chargeId)") }
        let ledger = services.acting(ReceivableRepository.self)
        let docs = try c.items.compactMap { try ledger.receivable(id: $0.receivableId)?.documentID }
        var unique: [String] = []
        for d in docs where !unique.contains(d) { unique.append(d) }
        let status: CheckoutResult.Status
        let message: String
        switch c.status {
        case .aprobado:
            status = .approved
            message = c.purpose == .guardarTarjeta ? "Tarjeta guardada."
                : "Pago aprobado: \(unique.joined(separator: ", ")) por \(c.amount.formatted)."
        case .rechazado:
            status = .declined
            message = "Pago rechazado: " + DeclineText.describe(code: c.declineCode ?? "", message: c.declineMessage ?? "")
        case .anulado:
            status = .declined
            message = "Pago no realizado: \(c.declineMessage ?? "anulado")."
        case .pendiente, .enviado, .desconocido:
            status = .pending
            message = "Estamos confirmando el pago con \(GatewayName(rawValue: c.gateway)?.displayName ?? c.gateway); no se cobrará dos veces."
        }
        let saved = try c.cardId.flatMap { try repository.card(id: $0) }
        return CheckoutResult(status: status, orderId: c.orderKey, amount: c.amount, documents: unique, message: message, charge: c,
                              paymentId: c.paymentId, savedCard: saved)
    }

    /// The payer as the gateway wants it: the card holder's e-mail, else the customer's billing e-mail.
    func gatewayCustomer(_ customerId: Int64, email: String?) throws -> GatewayCustomer {
        guard let row = try services.db.queryOne("""
            SELECT c.doc_number, c.legal_name, c.email,
                (SELECT email FROM customer_contact WHERE customer_id = c.id AND email <> '' ORDER BY id LIMIT 1) AS contact_email
            FROM customer c WHERE c.id = ?
            """, [.int(customerId)]) else { throw CardError.customerNotFound }
        var mail = email ?? ""
        if mail.isEmpty { mail = row.string("email") }
        if mail.isEmpty { mail = row.string("contact_email") }
        if case .contact(_, _, let contactEmail) = actor.kind, email == nil { mail = contactEmail }
        return GatewayCustomer(email: mail, reference: row.string("doc_number"), name: row.string("legal_name"))
    }
}
